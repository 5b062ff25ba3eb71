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
      // Only the best matches are joined and highlighted: a common word
      // matches tens of thousands of sentences.
      let titleRows = try Self.bestMatches(
        db, table: "release_fts", query: query, limit: limit,
        tieOrder: """
          SELECT rowid, id, 0 FROM release WHERE rowid IN (SELECT value FROM json_each(?))
          """)
      let titles = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ReleaseBrief.columns), highlight(release_fts, 0, '«', '»') AS snippet,
            bm25(release_fts) AS score
          FROM release_fts JOIN release r ON r.rowid = release_fts.rowid
          WHERE release_fts MATCH ? AND release_fts.rowid IN (SELECT value FROM json_each(?))
          ORDER BY score, r.id LIMIT ?
          """, arguments: [query, titleRows, limit])
      let sentenceRows = try Self.bestMatches(
        db, table: "sentence_fts", query: query, limit: limit,
        tieOrder: """
          SELECT id, release, idx FROM sentence WHERE id IN (SELECT value FROM json_each(?))
          """)
      let sentences = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ReleaseBrief.columns), s.idx, \(Schema.sentenceText) AS text,
            highlight(sentence_fts, 0, '«', '»') AS snippet, bm25(sentence_fts) AS score
          FROM sentence_fts JOIN sentence s ON s.id = sentence_fts.rowid
          JOIN release r ON r.id = s.release
          WHERE sentence_fts MATCH ? AND sentence_fts.rowid IN (SELECT value FROM json_each(?))
          ORDER BY score, r.id, s.idx LIMIT ?
          """, arguments: [query, sentenceRows, limit])
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

  /// The rowids of `table`'s best `limit` matches, by bm25 and then by
  /// the order `tieOrder` reads for each candidate (its release id and
  /// sentence index), as a JSON array. One pass scores every match without
  /// joins; only the chosen ones are then joined and highlighted.
  ///
  /// - Parameter tieOrder: SQL selecting `rowid, release id, index` for
  ///   the rowids in the JSON array bound to its one parameter.
  static func bestMatches(
    _ db: Database, table: String, query: String, limit: Int, tieOrder: String
  ) throws -> String {
    var scored: [(rowid: Int64, score: Double)] = []
    let rows = try Row.fetchCursor(
      db, sql: "SELECT rowid, bm25(\(table)) FROM \(table) WHERE \(table) MATCH ?",
      arguments: [query])
    while let row = try rows.next() { scored.append((row[0], row[1])) }
    if scored.count > limit {
      // Every match as good as the limit-th is a candidate; ties are
      // common (sentences of the same length with the word once).
      let threshold = scored.map(\.score).sorted()[limit - 1]
      scored = scored.filter { $0.score <= threshold }
    }
    if scored.count > limit {
      var order: [Int64: (String, Int)] = [:]
      for row in try Row.fetchAll(
        db, sql: tieOrder, arguments: [jsonArray(scored.map(\.rowid))])
      {
        order[row[0]] = (row[1], row[2])
      }
      scored.sort {
        let a = order[$0.rowid] ?? ("", 0)
        let b = order[$1.rowid] ?? ("", 0)
        return ($0.score, a.0, a.1) < ($1.score, b.0, b.1)
      }
      scored = Array(scored.prefix(limit))
    }
    return jsonArray(scored.map(\.rowid).sorted())
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
