import EntityGraph
import GRDB
import PressReleases

// The model's enums and dates as SQLite values. Reading a row decodes
// them through these, so a value the store should never hold (a type
// "robot", a date "2025-13-40") throws ``GraphStoreError/damaged(path:reason:)``
// instead of being replaced by a guess.

extension EntityType: DatabaseValueConvertible {}
extension MeetingStatus: DatabaseValueConvertible {}
extension Relation: DatabaseValueConvertible {}

extension PartialDate: DatabaseValueConvertible {
  /// The ISO form (`2025`, `2025-11`, `2025-11-13`, `--11-13`).
  public var databaseValue: DatabaseValue { description.databaseValue }

  /// A date read back from its ISO form; nil for anything else.
  public static func fromDatabaseValue(_ value: DatabaseValue) -> PartialDate? {
    String.fromDatabaseValue(value).flatMap { PartialDate(iso: $0) }
  }
}
