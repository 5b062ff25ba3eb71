import EntityGraph

/// The readable form of an extraction, release by release.
enum ExtractionText {
  static func render(_ graph: EntityGraph) -> String {
    var lines: [String] = []
    func name(_ id: String) -> String { graph.entity(id)?.name ?? id }
    for release in graph.releases {
      lines.append("■ \(release.title)")
      lines.append(
        "  \(release.source)  \(release.date?.description ?? "undated")  \(release.release)")
      let entities = release.entities.compactMap(graph.entity).sorted {
        ($0.type, $0.name) < ($1.type, $1.name)
      }
      var byType: [(EntityType, [Entity])] = []
      for type in EntityType.allCases {
        let items = entities.filter { $0.type == type }
        if !items.isEmpty { byType.append((type, items)) }
      }
      for (type, items) in byType {
        lines.append("  \(type.rawValue): " + items.map(\.name).joined(separator: "; "))
      }
      for affiliation in release.affiliations {
        lines.append(
          "  • \(name(affiliation.person)) — \(affiliation.title ?? "member") at \(name(affiliation.org))"
        )
      }
      for parent in release.parents {
        lines.append("  • \(name(parent.child)) is under \(name(parent.parent))")
      }
      for meeting in release.meetings {
        let who = meeting.participants.map(name).joined(separator: ", ")
        var when = meeting.date?.description ?? "date not stated"
        if meeting.status == .planned { when += ", planned" }
        let place = meeting.place.map { " at \($0)" } ?? ""
        lines.append("  ⇄ \(who) (\(when)\(place))")
        lines.append("    “\(meeting.evidence)”")
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }
}

extension ExtractionText {
  /// `extract --explain`: per release, each mention, affiliation, parent
  /// and meeting with the rules that made it, as a table that fits `width`.
  static func explain(_ traces: [ExtractionTrace], width: Int?) -> String {
    var blocks: [String] = []
    // In a narrow terminal the deciding rule is shown, with a count of the
    // others ("institution.head-noun +1"); --format json has them all.
    func rules(_ ids: [String]) -> String {
      guard let first = ids.first else { return "" }
      if width.map({ $0 >= 120 }) ?? true { return ids.joined(separator: ", ") }
      return ids.count > 1 ? "\(first) +\(ids.count - 1)" : first
    }
    for trace in traces {
      let rows: [[String]] = trace.items.map { item in
        let sentence = item.sentence.map { "s\($0 + 1)" } ?? ""
        switch item.kind {
        case .mention:
          let name = item.names.first ?? ""
          let what = name == item.text ? name : "\(item.text) → \(name)"
          return [
            item.type?.rawValue ?? "mention", what, sentence, rules(item.rules),
          ]
        case .affiliation:
          let title = item.title.map { " (\($0))" } ?? ""
          return [
            "affiliation", item.names.joined(separator: " at ") + title, sentence,
            rules(item.rules),
          ]
        case .parent:
          return [
            "parent", item.names.joined(separator: " under "), sentence,
            rules(item.rules),
          ]
        case .meeting:
          let status = item.status == .planned ? " (planned)" : ""
          let who =
            item.names.isEmpty ? "no named participants" : item.names.joined(separator: " + ")
          return ["meeting", who + status, sentence, rules(item.rules)]
        }
      }
      var block = "■ \(trace.title)\n  \(trace.source)\n"
      if rows.isEmpty {
        block += "  nothing found\n"
      } else {
        let table = Table(
          headers: ["MADE", "WHAT", "WHERE", "RULE"], rows: rows, flexibleColumn: 1)
        block += table.render(width: width.map { $0 - 2 }).split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .map { "  " + $0 }.joined(separator: "\n")
      }
      blocks.append(block)
    }
    return blocks.joined(separator: "\n\n")
  }
}
