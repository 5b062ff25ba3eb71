/// A quick "certainly not" test for membership in a fixed set of words.
///
/// It keeps the UTF-8 lengths (bit n; bit 63 for 63 bytes and more) and the
/// first bytes (bit b of 256) of the set's words. A word that matches
/// neither is not in the set, and the test costs a few instructions,
/// where a `Set<String>` lookup hashes the whole word first. A word that
/// passes may still be absent: ask the set itself then.
public struct WordFilter: Sendable, Hashable {
  private var lengths: UInt64 = 0
  private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  /// A filter for `words`.
  public init(_ words: some Sequence<String>) {
    for word in words {
      lengths |= 1 << UInt64(min(word.utf8.count, 63))
      let byte = Int(word.utf8.first ?? 0)
      let bit: UInt64 = 1 << UInt64(byte & 63)
      switch byte >> 6 {
      case 0: firstBytes.0 |= bit
      case 1: firstBytes.1 |= bit
      case 2: firstBytes.2 |= bit
      default: firstBytes.3 |= bit
      }
    }
  }

  /// False when `word` is certainly not one of the words; true when it may be.
  @inline(__always)
  public func mayContain(_ word: String) -> Bool {
    let utf8 = word.utf8
    return mayContain(length: utf8.count, firstByte: utf8.first ?? 0)
  }

  /// False when no word has `length` UTF-8 bytes and starts with the byte
  /// `firstByte`: the test for a word not yet made into a string.
  @inline(__always)
  public func mayContain(length: Int, firstByte byte: UInt8) -> Bool {
    guard lengths & (1 << UInt64(min(length, 63))) != 0 else { return false }
    let bit: UInt64 = 1 << UInt64(byte & 63)
    switch byte >> 6 {
    case 0: return firstBytes.0 & bit != 0
    case 1: return firstBytes.1 & bit != 0
    case 2: return firstBytes.2 & bit != 0
    default: return firstBytes.3 & bit != 0
    }
  }

  public static func == (lhs: WordFilter, rhs: WordFilter) -> Bool {
    lhs.lengths == rhs.lengths && lhs.firstBytes == rhs.firstBytes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(lengths)
    hasher.combine(firstBytes.0)
    hasher.combine(firstBytes.1)
    hasher.combine(firstBytes.2)
    hasher.combine(firstBytes.3)
  }
}
