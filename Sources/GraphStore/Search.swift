import GRDB

/// A release or sentence that matches a full-text search.
public struct SearchHit: Hashable, Sendable, Codable {
  /// The release.
  public var release: ReleaseBrief
  /// The matching sentence's index, or nil when the title matched.
  public var sentence: Int?
  /// The matching sentence (or title).
  public var text: String
  /// The same text with each match between « and ».
  public var snippet: String
}

extension GraphStore {
  /// Releases and sentences containing every word of `text` (ignoring case
  /// and accents), best matches first (FTS5's bm25 rank).
  ///
  /// Words are matched as whole tokens; end a word with `*` to match it as
  /// a prefix (`semicond*`). Quotes keep a phrase together.
  public func search(_ text: String, limit: Int = 20) throws(GraphStoreError) -> [SearchHit] {
    guard limit > 0, let query = Self.ftsQuery(text) else { return [] }
    return try read { db in
      let titles = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ReleaseBrief.columns), highlight(release_fts, 0, '«', '»') AS snippet,
            bm25(release_fts) AS score
          FROM release_fts JOIN release r ON r.rowid = release_fts.rowid
          WHERE release_fts MATCH ? ORDER BY score, r.id LIMIT ?
          """, arguments: [query, limit])
      let sentences = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ReleaseBrief.columns), s.idx, \(Schema.sentenceText) AS text,
            highlight(sentence_fts, 0, '«', '»') AS snippet, bm25(sentence_fts) AS score
          FROM sentence_fts JOIN sentence s ON s.id = sentence_fts.rowid
          JOIN release r ON r.id = s.release
          WHERE sentence_fts MATCH ? ORDER BY score, r.id, s.idx LIMIT ?
          """, arguments: [query, limit])
      var hits: [(Double, SearchHit)] = []
      for row in titles {
        let release = try ReleaseBrief(row)
        hits.append(
          (
            (try row.get("score")),
            SearchHit(
              release: release, sentence: nil, text: release.title,
              snippet: (try row.get("snippet")))
          ))
      }
      for row in sentences {
        hits.append(
          (
            (try row.get("score")),
            SearchHit(
              release: try ReleaseBrief(row), sentence: (try row.get("idx")),
              text: (try row.get("text")),
              snippet: (try row.get("snippet")))
          ))
      }
      return hits.sorted {
        ($0.0, $0.1.release.id, $0.1.sentence ?? -1) < ($1.0, $1.1.release.id, $1.1.sentence ?? -1)
      }.prefix(limit).map(\.1)
    }
  }

  /// An FTS5 query for user text: every word, quoted (so that FTS5 syntax
  /// in the text is taken literally); `"a phrase"` stays a phrase, and a
  /// trailing `*` makes a prefix.
  static func ftsQuery(_ text: String) -> String? {
    var terms: [String] = []
    for (n, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
      let words = part.split { !$0.isLetter && !$0.isNumber && $0 != "*" }
      if n % 2 == 1 {
        let phrase = words.map { $0.filter { $0 != "*" } }.filter { !$0.isEmpty }
        if !phrase.isEmpty { terms.append("\"" + phrase.joined(separator: " ") + "\"") }
        continue
      }
      for word in words {
        let prefix = word.hasSuffix("*")
        let bare = word.filter { $0 != "*" }
        guard !bare.isEmpty else { continue }
        terms.append("\"\(bare)\"" + (prefix ? "*" : ""))
      }
    }
    return terms.isEmpty ? nil : terms.joined(separator: " ")
  }
}
