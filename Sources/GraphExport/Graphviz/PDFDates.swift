/// Makes PDF output deterministic: cairo writes the time of drawing into
/// the document information dictionary (`/CreationDate (D:20261201104215Z)`),
/// so two drawings of one graph would differ.
///
/// PDF 1.7 (ISO 32000-1) §7.9.4 defines a date as
/// `D:YYYYMMDDHHmmSSOHH'mm'`, where `O` is `Z`, `+` or `-`. This replaces
/// every `/CreationDate` and `/ModDate` value with the same instant,
/// 1970-01-01 00:00:00 UTC, written in exactly as many bytes as the
/// original, so the cross-reference table's byte offsets stay valid:
/// `D:19700101000000Z` for a 17-byte date in UTC, `D:19700101000000Z00'00'`
/// where cairo wrote a local offset (`+09'00'`).
enum PDFDates {
  /// `pdf` with its creation and modification dates fixed.
  static func normalised(_ pdf: [UInt8]) -> [UInt8] {
    var bytes = pdf
    for key in ["/CreationDate", "/ModDate"] {
      let needle = Array(key.utf8)
      var index = 0
      while let found = find(needle, in: bytes, from: index) {
        index = found + needle.count
        // Skip spaces to the opening parenthesis of the string.
        var start = index
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "(") else { continue }
        guard let end = bytes[(start + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
        let value = Array(bytes[(start + 1)..<end])
        if let fixed = fixedDate(length: value.count), isDate(value) {
          bytes.replaceSubrange((start + 1)..<end, with: fixed)
        }
        index = end
      }
    }
    return bytes
  }

  /// Whether `value` looks like a PDF date: `D:` and at least four digits.
  static func isDate(_ value: [UInt8]) -> Bool {
    value.count >= 6 && value[0] == UInt8(ascii: "D") && value[1] == UInt8(ascii: ":")
      && value[2..<6].allSatisfy { (0x30...0x39).contains($0) }
  }

  /// The fixed instant in `length` bytes, or nil for a length no date form
  /// has (the value is then left alone).
  static func fixedDate(length: Int) -> [UInt8]? {
    let base = "D:19700101000000"
    let forms = [
      base, base + "Z", base + "Z00'", base + "Z00'00", base + "Z00'00'",
    ]
    return forms.first { $0.utf8.count == length }.map { Array($0.utf8) }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count, start <= haystack.count - needle.count else {
      return nil
    }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0],
        haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        return index
      }
      index += 1
    }
    return nil
  }
}
