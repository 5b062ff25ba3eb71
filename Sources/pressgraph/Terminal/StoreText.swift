import GraphStore

/// Plain-text renderings of query results for people.
enum StoreText {
  static func span(_ first: String?, _ last: String?) -> String {
    switch (first, last) {
    case (let first?, let last?) where first != last: "\(first) – \(last)"
    case (let first?, _): first
    case (nil, let last?): last
    default: "undated"
    }
  }

  static func releaseLine(_ release: ReleaseBrief) -> String {
    "\(release.date ?? "undated")  \(release.title)"
  }

  static func card(_ card: EntityCard, width: Int?) -> String {
    var lines = ["\(card.entity.name)  (\(card.entity.id))"]
    func field(_ name: String, _ value: String) {
      let label = "  " + name + String(repeating: " ", count: max(1, 10 - name.count))
      lines.append(wrap(value, width: width, indent: label))
    }
    field(
      "type",
      card.entity.type.rawValue + (card.country.map { ", country \($0.uppercased())" } ?? ""))
    if !card.aliases.isEmpty { field("also", card.aliases.joined(separator: "; ")) }
    field(
      "seen",
      card.releases.isEmpty
        ? "in no release"
        : "\(span(card.firstSeen, card.lastSeen)) in \(plural(card.releases.count, "release"))")
    field("meetings", "\(card.meetingsHeld) held, \(card.meetingsPlanned) planned")
    func section(_ title: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      lines.append("")
      lines.append(title)
      lines += items.map { "  " + $0 }
    }
    section(
      "Titles",
      card.affiliations.map {
        "\($0.title ?? "(no title)"), \($0.org.name)  \(span($0.firstSeen, $0.lastSeen)), \(plural($0.releases, "release"))"
      })
    section(
      "People",
      card.members.map {
        "\($0.person.name), \($0.title ?? "(no title)")  \(span($0.firstSeen, $0.lastSeen))"
      })
    section("Under", card.parents.map(\.name))
    section("Bodies under it", card.children.map(\.name))
    section("Formerly", card.predecessors.map(\.name))
    section("Renamed to", card.successors.map(\.name))
    section("Releases", card.releases.map { releaseLine($0) + "  [\($0.id)]" })
    return lines.joined(separator: "\n")
  }

  static func meetings(_ rows: [MeetingRow], width: Int?) -> String {
    var blocks: [String] = []
    var order: [String] = []
    var byMeeting: [String: [MeetingRow]] = [:]
    for row in rows {
      if byMeeting[row.meeting] == nil { order.append(row.meeting) }
      byMeeting[row.meeting, default: []].append(row)
    }
    for id in order {
      guard let group = byMeeting[id], let first = group.first else { continue }
      var date = first.date?.description ?? "date not stated"
      if let end = first.endDate { date += " to \(end)" }
      var head = "■ \(date)"
      if let place = first.place { head += ", \(place)" }
      head += first.status == .held ? "" : "  [\(first.status.rawValue)]"
      var lines = [head]
      for row in group {
        var who = "  met \(row.counterpart.name)"
        var detail: [String] = []
        if let role = row.role { detail.append(role) }
        if let body = row.representing { detail.append(body.name) }
        if detail.isEmpty, row.counterpart.type != .person {
          detail.append(row.counterpart.type.rawValue)
        }
        if !detail.isEmpty { who += " (" + detail.joined(separator: ", ") + ")" }
        lines.append(who)
      }
      lines.append(wrap("“\(first.evidence)”", width: width, indent: "    "))
      lines.append(
        wrap(
          "— \(first.release.title) (\(first.release.date ?? "undated")), \(first.release.source)",
          width: width, indent: "    "))
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n")
  }

  static func relationText(_ hop: Hop) -> String {
    switch hop.relation {
    case .affiliation:
      let title = hop.label ?? "affiliated"
      return hop.forward ? "\(title) at" : "has \(title)"
    case .parent: return hop.forward ? "under" : "over"
    case .predecessor: return hop.forward ? "renamed to" : "renamed from"
    case .meeting:
      return "met" + (hop.label.map { " \($0)" } ?? "") + (hop.count > 1 ? " (\(hop.count)×)" : "")
    }
  }

  static func path(_ hops: [Hop], from: EntityBrief, to: EntityBrief, width: Int?) -> String {
    guard !hops.isEmpty else { return "\(from.name) and \(to.name) are the same entity." }
    var lines = ["\(from.name) → \(to.name): \(plural(hops.count, "step"))"]
    for (n, hop) in hops.enumerated() {
      lines.append("")
      lines.append(wrap(hop.explanation, width: width, indent: "\(n + 1). "))
      if let evidence = hop.evidence {
        lines.append(wrap("“\(evidence)”", width: width, indent: "   "))
      }
      if let release = hop.release {
        lines.append(
          wrap("— \(release.title) (\(release.date ?? "undated"))", width: width, indent: "   "))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Search hits, their data already escaped for the terminal (the only
  /// text that carries our own terminal codes: bold for the matches).
  static func search(_ hits: [SearchHit], width: Int?, bold: Bool) -> String {
    hits.map { hit in
      let text = TerminalText.escaped(hit.snippet, keepNewlines: false)
        .replacingOccurrences(of: "«", with: bold ? "\u{1B}[1m" : "«")
        .replacingOccurrences(of: "»", with: bold ? "\u{1B}[0m" : "»")
      let place = hit.sentence.map { "sentence \($0 + 1)" } ?? "title"
      let title = TerminalText.escaped(hit.release.title, keepNewlines: false)
      return "■ \(title) (\(hit.release.date ?? "undated")), \(place)\n"
        + wrap(text, width: width, indent: "    ")
    }.joined(separator: "\n\n")
  }
}
