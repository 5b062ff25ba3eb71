import Testing

@testable import EntityGraph

@Suite("Tokens")
struct TokenizerTests {
  @Test("the byte-keyed word-class table agrees with the lexicon for every word, in any case")
  func wordClassTable() {
    for (word, classes) in Lexicon.wordClasses where word.utf8.allSatisfy({ $0 < 0x80 }) {
      for form in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
        let bytes = Array(form.utf8)
        #expect(WordClassTable.shared.classes(of: bytes, 0..<bytes.count) == classes, "\(form)")
      }
    }
    let unknown = Array("Zyxwv".utf8)
    #expect(WordClassTable.shared.classes(of: unknown, 0..<unknown.count) == [])
  }

  /// Each row: a text and its tokens.
  static let cases: [(String, [String])] = [
    ("Korea–U.S. talks", ["Korea", "–", "U.S.", "talks"]),
    ("Vietnam’s Ministry", ["Vietnam", "’s", "Ministry"]),
    ("Anwar A. Al-Hejazi", ["Anwar", "A.", "Al-Hejazi"]),
    ("R&D at StyleKorean.com.", ["R&D", "at", "StyleKorean.com", "."]),
    ("Samsung Co., Ltd. said", ["Samsung", "Co.", ",", "Ltd.", "said"]),
    ("한국 수출", ["한국", "수출"]),
  ]

  @Test("tokens keep abbreviations, hyphens, possessives and domains", arguments: cases)
  func tokens(text: String, expected: [String]) {
    #expect(Tokenizer.tokens(text).map(\.text) == expected)
  }

  @Test("offsets are Unicode-scalar offsets into the text")
  func offsets() {
    let text = "한국 U.S. 🇰🇷 Kim"
    let scalars = Array(text.unicodeScalars)
    for token in Tokenizer.tokens(text) {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[token.start..<token.end])
      #expect(String(view) == token.text)
    }
  }
}

extension TokenizerTests {
  /// Words whose attributes are easy to get wrong from bytes: capitals,
  /// acronyms of every length, dotted forms, digits, hyphens, lexicon words
  /// in three cases, long words, and non-ASCII.
  static let attributeTexts = [
    "The MINISTRY of Trade met MoFA, MOTIR and KOTRA's Kotra on 3rd March 2025.",
    "U.S. Ph.D. e.g. Co. Ltd. A. Al-Hejazi SILICON2 G20 R&D x86 2024-09-13",
    "ABCDEFGH ABCDEFGHI AbCD AbCdE ABC-D MoF McDonald iPhone eBay",
    "Internationalisation-Oriented superlongcapitalisedwordsareherenow ministerial",
    "Minister minister MINISTER Chairman chairman CHAIRMAN Ambassador",
    "한국 Ü-Boot Łódź Straße ÉCOLE naïve — “quoted” ‘single’ Korea’s",
    "!?;:()[]{}<>\"'/\\|@#$%^*+=~` \r end",
  ]

  @Test("the byte-level path gives each token the attributes the text itself implies")
  func attributes() {
    for text in Self.attributeTexts {
      for token in Tokenizer.tokens(text) {
        var derived = Token(
          text: token.text, lower: Tokenizer.fold(token.text), start: token.start,
          end: token.end, isWord: token.isWord)
        derived.byteStart = token.byteStart
        derived.byteEnd = token.byteEnd
        #expect(token == derived, "\(token.text)")
      }
    }
  }
}
