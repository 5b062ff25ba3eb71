import Foundation
import Testing

@Suite("Failed writes, output files and terminal text")
struct OutputRobustnessTests {
  @Test(arguments: [
    "entities --json", "entities", "met 'Park Jung-sung'", "export -o -", "render MOTIR",
    "show MOTIR --json",
  ])
  func aFullDiskIsExit74WithAMessage(command: String) throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("$PG \(command) --db '\(db)' > /dev/full", in: folder)
    #expect(run.status == 74, "\(run.stderr)")
    #expect(run.stderr.contains("cannot write to standard output: No space left on device"))
  }

  @Test func aClosedStandardOutputIsExit74() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("$PG entities --db '\(db)' >&-", in: folder)
    #expect(run.status == 74)
    #expect(run.stderr.contains("cannot write to standard output: Bad file descriptor"))
  }

  @Test func aReaderThatLeavesEndsTheToolQuietly() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell(
      "$PG export --format json --db '\(db)' | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"",
      in: folder)
    #expect(run.stdout == "0\n")
    #expect(!run.stderr.contains("pressgraph:"))
  }

  @Test func aFullStandardErrorIsExit74() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("$PG entities --db '\(db)' 2>/dev/full >/dev/null", in: folder)
    #expect(run.status == 74)
  }

  @Test func outputFollowsSymlinksKeepsModesAndFeedsFIFOs() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell(
      """
      set -e
      echo old > private.svg; chmod 600 private.svg; ln -s private.svg link.svg
      $PG render MOTIR -o link.svg --db '\(db)' -q
      test -L link.svg && echo link-kept
      stat -c %a private.svg
      grep -c '</svg>' private.svg
      mkfifo pipe.svg
      (wc -c < pipe.svg > fifo.count) &
      $PG render MOTIR -o pipe.svg --db '\(db)' -q
      wait
      test -p pipe.svg && echo fifo-kept
      test "$(cat fifo.count)" -gt 1000 && echo fifo-fed
      $PG render MOTIR -o - --db '\(db)' -q | grep -c '</svg>'
      test ! -e ./- && echo no-dash-file
      ln -s made.svg dangling.svg
      $PG render MOTIR -o dangling.svg --db '\(db)' -q
      test -L dangling.svg && test -f made.svg && echo dangling-target-made
      """, in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout
        == "link-kept\n600\n1\nfifo-kept\nfifo-fed\n1\nno-dash-file\ndangling-target-made\n")
  }

  @Test(arguments: [
    ("-o .", "-o . is a folder"), ("-o nowhere/x.svg", "the folder nowhere does not exist"),
    ("-o ''", "-o needs a file name"), ("--db ''", "--db needs a file name"),
  ])
  func unusableOutputsAreUsageErrors(arguments: String, message: String) throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("$PG render MOTIR --db '\(db)' \(arguments)", in: folder)
    #expect(run.status == 64)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func aFailedWriteLeavesTheOldFile() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    // /dev/full is a character device: written directly, and it fails.
    let run = try shell("$PG render MOTIR -o /dev/full --db '\(db)'", in: folder)
    #expect(run.status == 74)
    #expect(run.stderr.contains("cannot write /dev/full: No space left on device"))
  }

  @Test func controlCharactersFromDataAreEscaped() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let title = "Ministry \u{1B}]8;;http://evil.example\u{07}Meets\u{1B}]8;;\u{07} Firm \u{9B}31m"
    let body =
      "Vice Minister Hana Orlov met Kestrel Rail CEO Tomas Brandt on March 3.\u{1B}[2J\n"
    try Data("\(title)\nDate: 2025-03-04\n\(body)".utf8).write(
      to: folder.appendingPathComponent("odd\u{1B}[31mname.txt"))
    let releases = try pressgraph(["releases", "."], in: folder)
    #expect(releases.status == 0)
    #expect(!releases.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    // The reader drops C0 controls from text; C1 ones reach the terminal
    // layer, which escapes them, as it does file names.
    #expect(releases.stdout.contains("]8;;http://evil.exampleMeets"))
    #expect(releases.stdout.contains("\\u009B31m"))
    #expect(releases.stdout.contains("odd\\x1B[31mname.txt"))
    let extract = try pressgraph(["extract", "."], in: folder)
    #expect(!extract.stdout.unicodeScalars.contains { $0.value == 0x1B })
    #expect(!extract.stderr.unicodeScalars.contains { $0.value == 0x1B })
  }
}

@Suite("Read commands and other files")
struct StoreIdentityCommandTests {
  @Test(arguments: ["met Park", "show Park", "path Park Kim", "neighbors Park", "render Park"])
  func readCommandsLeaveOtherDatabasesAlone(command: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell(
      """
      sqlite3 other.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
      : > empty.sqlite
      before=$(sha256sum other.db empty.sqlite)
      $PG \(command) --db other.db; echo "other $?"
      $PG \(command) --db empty.sqlite; echo "empty $?"
      after=$(sha256sum other.db empty.sqlite)
      test "$before" = "$after" && echo unchanged
      ls
      """, in: folder)
    #expect(run.stdout.contains("other 1\nempty 1\nunchanged\n"), "\(run.stdout)")
    #expect(!run.stdout.contains("other.db-wal"))
    #expect(run.stderr.contains("other.db is not a pressgraph store"))
    #expect(run.stderr.contains("empty.sqlite is not a pressgraph store (the file is empty)"))
  }

  @Test func twoFirstIngestsOfOneStoreBothSucceed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let seeds = packageRoot.appendingPathComponent("seeds").path
    let run = try shell(
      """
      for trial in 1 2 3 4 5 6; do
        rm -f s.sqlite s.sqlite-wal s.sqlite-shm
        $PG ingest '\(seeds)' --db s.sqlite -q & $PG ingest '\(seeds)' --db s.sqlite -q & wait
        $PG entities --db s.sqlite 2>&1 >/dev/null
      done
      """, in: folder)
    // Each ingest prints only the seeds' one undated-page warning.
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.allSatisfy { $0.contains("no publication date") }, "\(run.stderr)")
    #expect(run.stdout == String(repeating: "66 entities\n", count: 6))
  }

  @Test func checkReportsDamageAndRecovers() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sound = try pressgraph(["check", "--db", db])
    #expect(sound.status == 0)
    #expect(sound.stdout.contains("sound: 12 releases in 3 files"))
    let run = try shell(
      """
      sqlite3 '\(db)' 'DROP TABLE participant'
      $PG met 'Park Jung-sung' --db '\(db)'; echo "met $?"
      $PG check --db '\(db)'; echo "check $?"
      $PG check --db '\(db)' --recover fixed.sqlite; echo "recover $?"
      $PG met 'Park Jung-sung' --db fixed.sqlite 2>/dev/null | grep -c 'met Tran Quoc Phuong'
      """, in: folder)
    #expect(run.stdout.contains("met 1\n"))
    #expect(run.stderr.contains("the store is damaged: the table participant is missing"))
    #expect(run.stderr.contains("Run `pressgraph check --db"))
    #expect(run.stdout.contains("schema: the table participant is missing"))
    #expect(run.stdout.contains("check 1\n"))
    #expect(run.stdout.contains("Can be recovered: 12 of 12 releases"))
    #expect(run.stdout.contains("fixed.sqlite: 12 releases from 3 files"))
    #expect(run.stdout.contains("recover 0\n"))
    #expect(run.stdout.hasSuffix("recover 0\n1\n"))
  }
}
