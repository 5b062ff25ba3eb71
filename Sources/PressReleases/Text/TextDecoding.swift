/// Turns a file's bytes into clean text, reporting what had to be repaired.
///
/// The rules, in order:
/// 1. An empty file (or one holding only white space) yields no text and a
///    warning.
/// 2. A UTF-16 byte-order mark selects UTF-16; a UTF-8 one is dropped.
/// 3. A NUL byte, or a high share of control bytes, marks the file as binary:
///    no text, and an error naming the offset.
/// 4. CRLF and lone CR become LF; form feed and vertical tab (page breaks in
///    PDF-extracted text) become LF; other C0 controls and DEL are removed.
/// 5. Invalid UTF-8 is decoded with U+FFFD replacement characters and a
///    warning that counts them and gives the first byte offset.
public enum TextDecoding {
  /// The outcome of decoding one file.
  public struct Result: Sendable, Hashable {
    /// The decoded text with normalised line ends; nil when the file was
    /// empty or binary.
    public var text: String?
    /// What was repaired or why no text came out.
    public var diagnostics: [Diagnostic]
  }

  /// How many bytes from the start are inspected for binary content.
  static let sniffLength = 8192

  /// Decodes `bytes`, read from `file`, into text.
  /// - Parameters:
  ///   - bytes: The raw file content.
  ///   - file: The path used in diagnostics.
  /// - Returns: The text, or nil with an explaining diagnostic.
  public static func decode(_ bytes: [UInt8], file: String) -> Result {
    var diagnostics: [Diagnostic] = []
    var bytes = bytes[...]

    // UTF-16 with a byte-order mark: decode it as such (it contains NULs).
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let bigEndian = bytes.first == 0xFE
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var index = bytes.startIndex + 2
      while index + 1 < bytes.endIndex {
        let a = UInt16(bytes[index])
        let b = UInt16(bytes[index + 1])
        units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
        index += 2
      }
      let text = String(decoding: units, as: UTF16.self)
      return decode(Array(text.utf8), file: file)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes = bytes.dropFirst(3)
    }

    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      diagnostics.append(Diagnostic(.warning, stage: .decode, file: file, "file is empty; skipped"))
      return Result(text: nil, diagnostics: diagnostics)
    }

    if let reason = binaryReason(bytes) {
      diagnostics.append(
        Diagnostic(.error, stage: .decode, file: file, "\(reason); not a text file, skipped"))
      return Result(text: nil, diagnostics: diagnostics)
    }

    // Line ends and control characters, on bytes: in UTF-8 every byte below
    // 0x80 is a whole character, so this cannot split a multi-byte sequence.
    var clean: [UInt8] = []
    clean.reserveCapacity(bytes.count)
    var removedControls = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      switch byte {
      case 0x0D:
        clean.append(0x0A)
        if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
      case 0x0B, 0x0C:
        clean.append(0x0A)
      case 0x09, 0x0A:
        clean.append(byte)
      case 0x00..<0x20, 0x7F:
        removedControls += 1
      default:
        clean.append(byte)
      }
      index += 1
    }
    if removedControls > 0 {
      diagnostics.append(
        Diagnostic(
          .warning, stage: .decode, file: file,
          "removed \(removedControls) control character\(removedControls == 1 ? "" : "s")"))
    }

    if let text = String(validating: clean, as: UTF8.self) {
      return Result(text: text, diagnostics: diagnostics)
    }
    let (count, first) = invalidUTF8(clean)
    let text = String(decoding: clean, as: UTF8.self)
    diagnostics.append(
      Diagnostic(
        .warning, stage: .decode, file: file,
        "invalid UTF-8: \(count) byte sequence\(count == 1 ? "" : "s") replaced with U+FFFD "
          + "(first at byte \(first)); is the file in another encoding?"))
    return Result(text: text, diagnostics: diagnostics)
  }

  /// Why the bytes look binary, or nil when they look like text.
  static func binaryReason(_ bytes: ArraySlice<UInt8>) -> String? {
    let sniff = bytes.prefix(sniffLength)
    if let nul = sniff.firstIndex(of: 0) {
      return "contains a NUL byte at offset \(nul - bytes.startIndex)"
    }
    var controls = 0
    for byte in sniff
    where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
      && byte != 0x0C && byte != 0x0B
    {
      controls += 1
    }
    if sniff.count >= 32, controls * 10 > sniff.count {
      return "\(controls) control bytes in the first \(sniff.count)"
    }
    return nil
  }

  /// Counts the invalid sequences in UTF-8 bytes and the offset of the first.
  static func invalidUTF8(_ bytes: [UInt8]) -> (count: Int, first: Int) {
    var count = 0
    var first = -1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00..<0x80: length = 1
      case 0xC2..<0xE0: length = 2
      case 0xE0..<0xF0: length = 3
      case 0xF0..<0xF5: length = 4
      default: length = 0
      }
      var valid = length > 0 && index + length <= bytes.count
      if valid, length > 1 {
        for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { valid = false }
        if valid, length == 3 {
          let second = bytes[index + 1]
          if byte == 0xE0, second < 0xA0 { valid = false }  // overlong
          if byte == 0xED, second >= 0xA0 { valid = false }  // surrogate
        }
        if valid, length == 4 {
          let second = bytes[index + 1]
          if byte == 0xF0, second < 0x90 { valid = false }  // overlong
          if byte == 0xF4, second >= 0x90 { valid = false }  // beyond U+10FFFF
        }
      }
      if valid {
        index += length
      } else {
        count += 1
        if first < 0 { first = index }
        index += 1
        // Skip the continuation bytes that belonged to the broken sequence.
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
      }
    }
    return (count, max(first, 0))
  }
}
