import Testing

@testable import PressReleases

@Suite("Decoding bad input")
struct TextDecodingTests {
  @Test("an empty file gives no text and a warning naming it")
  func empty() {
    for bytes: [UInt8] in [[], Array(" \n\r\n\t".utf8)] {
      let result = TextDecoding.decode(bytes, file: "in/empty.txt")
      #expect(result.text == nil)
      #expect(
        result.diagnostics.map(\.description) == ["warning: in/empty.txt: file is empty; skipped"])
    }
  }

  @Test("a binary file is refused with the NUL offset")
  func binary() {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00]
    let result = TextDecoding.decode(bytes, file: "logo.txt")
    #expect(result.text == nil)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics[0].severity == .error)
    #expect(result.diagnostics[0].message.contains("NUL byte at offset 8"))
  }

  @Test("control-heavy bytes without NUL also count as binary")
  func controlHeavy() {
    let bytes = (0..<200).map { UInt8(1 + $0 % 8) }
    #expect(TextDecoding.decode(bytes, file: "x.txt").text == nil)
  }

  @Test("invalid UTF-8 is replaced and reported with its offset")
  func invalidUTF8() throws {
    let bytes = Array("Minister ".utf8) + [0xC3, 0x28] + Array(" Kim met ".utf8) + [0xFF]
    let result = TextDecoding.decode(bytes, file: "bad.txt")
    let text = try #require(result.text)
    #expect(text.hasPrefix("Minister \u{FFFD}(") == true)
    #expect(text.hasSuffix("met \u{FFFD}"))
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics[0].severity == .warning)
    #expect(result.diagnostics[0].message.hasPrefix("invalid UTF-8: 2 byte sequences"))
    #expect(result.diagnostics[0].message.contains("first at byte 9"))
  }

  @Test("a UTF-8 byte-order mark is dropped silently")
  func bom() {
    let result = TextDecoding.decode(
      [0xEF, 0xBB, 0xBF] + Array("Title\nBody.".utf8), file: "b.txt")
    #expect(result.text == "Title\nBody.")
    #expect(result.diagnostics.isEmpty)
  }

  @Test("UTF-16 with a byte-order mark is decoded", arguments: [false, true])
  func utf16(bigEndian: Bool) {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in "Title\n한국 Body.".utf16 {
      let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
      bytes += bigEndian ? pair : pair.reversed()
    }
    let result = TextDecoding.decode(bytes, file: "u16.txt")
    #expect(result.text == "Title\n한국 Body.")
  }

  @Test("CRLF, lone CR and form feeds become LF; stray controls go")
  func lineEnds() {
    let bytes = Array("a\r\nb\rc\u{0C}d\u{07}e\u{7F}".utf8)
    let result = TextDecoding.decode(bytes, file: "c.txt")
    #expect(result.text == "a\nb\nc\nde")
    #expect(result.diagnostics.map(\.message) == ["removed 2 control characters"])
  }
}
