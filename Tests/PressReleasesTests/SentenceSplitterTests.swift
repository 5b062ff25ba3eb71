import Testing

@testable import PressReleases

@Suite("Sentence splitting")
struct SentenceSplitterTests {
  /// Each row: a text and the sentences it must split into.
  static let cases: [(String, [String])] = [
    (
      "Exports to the U.S. rose 5 percent. Imports fell.",
      ["Exports to the U.S. rose 5 percent.", "Imports fell."]
    ),
    (
      "Dr. Lee Ji-hoon met Mr. Park. They talked.",
      ["Dr. Lee Ji-hoon met Mr. Park.", "They talked."]
    ),
    (
      "It was decree No. 12 of the year. It passed.",
      ["It was decree No. 12 of the year.", "It passed."]
    ),
    (
      "Samsung Electronics Co., Ltd. signed the deal. Hyundai did not.",
      ["Samsung Electronics Co., Ltd. signed the deal.", "Hyundai did not."]
    ),
    (
      "They met in the morning of Tue. 31 Jan. and discussed rail. The talks ended on Wed. They flew home.",
      [
        "They met in the morning of Tue. 31 Jan. and discussed rail.", "The talks ended on Wed.",
        "They flew home.",
      ]
    ),
    (
      "The talks ran to Jan. 15 in Seoul. They ended well.",
      ["The talks ran to Jan. 15 in Seoul.", "They ended well."]
    ),
    (
      "Exports rose 12.2 percent to USD 23.3 billion. A record.",
      ["Exports rose 12.2 percent to USD 23.3 billion.", "A record."]
    ),
    (
      "Anwar A. Al-Hejazi, CEO of S-OIL, received the medal. He thanked the jury.",
      ["Anwar A. Al-Hejazi, CEO of S-OIL, received the medal.", "He thanked the jury."]
    ),
    (
      "Trade with the U.S. The ministry said so.",
      ["Trade with the U.S.", "The ministry said so."]
    ),
    (
      "He met the U.S. Trade Representative. It went well.",
      ["He met the U.S. Trade Representative.", "It went well."]
    ),
    (
      "He said, “We will act.” The minister left.",
      ["He said, “We will act.”", "The minister left."]
    ),
    (
      "Is it ready? Yes! It is.",
      ["Is it ready?", "Yes!", "It is."]
    ),
    (
      "It operates StyleKorean.com in 150 countries. Sales grew.",
      ["It operates StyleKorean.com in 150 countries.", "Sales grew."]
    ),
    (
      "Prices rose (e.g. for memory chips) sharply. Demand held.",
      ["Prices rose (e.g. for memory chips) sharply.", "Demand held."]
    ),
    (
      "First paragraph without a stop\nSecond paragraph.",
      ["First paragraph without a stop", "Second paragraph."]
    ),
    (
      "It was signed by Acme Inc. The deal closed.",
      ["It was signed by Acme Inc.", "The deal closed."]
    ),
    (
      "Imports fell to $13.0 billion. ① VAT refunds ② minimum tax.",
      ["Imports fell to $13.0 billion.", "① VAT refunds ② minimum tax."]
    ),
    ("", []),
    ("   \n  ", []),
  ]

  @Test("splits on real boundaries only", arguments: cases)
  func splits(text: String, expected: [String]) {
    #expect(SentenceSplitter.split(text).map(\.text) == expected)
  }

  @Test("offsets count Unicode scalars and slice the text back")
  func offsets() {
    let text = "Korea’s exports rose. 한국 수출이 늘었다. Emoji 🇰🇷 too. End."
    let sentences = SentenceSplitter.split(text)
    let scalars = Array(text.unicodeScalars)
    #expect(sentences.count == 4)
    for (index, sentence) in sentences.enumerated() {
      #expect(sentence.index == index)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[sentence.start..<sentence.end])
      #expect(String(view) == sentence.text)
    }
    #expect(sentences[2].text == "Emoji 🇰🇷 too.")
  }
}
