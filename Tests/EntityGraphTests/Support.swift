import EntityGraph
import PressReleases
import Testing

/// Reads a release from text (a title line, then the body) with a publication date.
func release(
  _ body: String, title: String = "Test Release", date: String? = "2025-11-14",
  path: String = "t.txt"
)
  -> Release
{
  let header = date.map { "\(title)\nDate: \($0)\n" } ?? "\(title)\n"
  let outcome = ReleaseReader().read(SourceDocument(path: path, format: .text, text: header + body))
  return outcome.releases[0]
}

/// Extracts one release and returns the graph.
func graph(_ body: String, date: String? = "2025-11-14") -> EntityGraph {
  EntityExtractor().extract([release(body, date: date)])
}

extension EntityGraph {
  /// The entity named exactly `name` (canonical name or alias).
  func named(_ name: String) -> Entity? {
    entities.first { $0.name == name || $0.aliases.contains(name) }
  }

  /// Names of all entities of a type.
  func names(_ type: EntityType) -> Set<String> {
    Set(entities.filter { $0.type == type }.map(\.name))
  }

  /// Affiliations as (person name, org name).
  var affiliationNames: Set<[String]> {
    Set(
      releases.flatMap(\.affiliations).map {
        [entity($0.person)?.name ?? "?", entity($0.org)?.name ?? "?"]
      })
  }

  /// Meetings as sets of participant names.
  var meetingNames: [Set<String>] {
    releases.flatMap(\.meetings).map { Set($0.participants.map { entity($0)?.name ?? "?" }) }
  }

  /// All meetings.
  var meetings: [Meeting] { releases.flatMap(\.meetings) }
}
