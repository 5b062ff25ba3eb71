/// The 64-bit FNV-1a hash, fed one byte at a time: the one quick,
/// non-cryptographic hash the extraction uses for its byte-keyed tables
/// (word classes, phrase prefixes, typo variants). Not for anything that an
/// adversary chooses to collide: every table that uses it checks the bytes
/// or the key string before it trusts a hit.
public struct FNV1a: Sendable, Hashable {
  /// The hash of the bytes added so far (the offset basis before any).
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// An empty hash.
  public init() {}

  /// Adds one byte.
  @inline(__always)
  public mutating func add(_ byte: UInt8) {
    value ^= UInt64(byte)
    value &*= 0x0000_0100_0000_01B3
  }

  /// The hash of `bytes`.
  @inline(__always)
  public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = FNV1a()
    for byte in bytes { hash.add(byte) }
    return hash.value
  }
}
