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
