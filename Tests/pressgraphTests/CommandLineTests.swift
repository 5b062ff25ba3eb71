import Foundation
import Testing

/// Runs the built `pressgraph` binary and captures its output.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The folder holding the built products (the test bundle sits beside them).
let productsFolder: URL = {
  let candidates = [Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL)
  for url in candidates {
    for folder in [url, url.deletingLastPathComponent()] {
      if FileManager.default.isExecutableFile(
        atPath: folder.appendingPathComponent("pressgraph").path)
      {
        return folder
      }
    }
  }
  return Bundle.main.bundleURL
}()

let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder; the caller removes it.
func temporaryFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("pressgraph-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// The one warning that reading `seeds/` prints: MOFA's page has no date line.
let undatedSeedWarning =
  "warning: seeds/000_b2091c199c6b9433.txt: the release has no publication date line that could be read; dates in its text that name no year stay without one\n"

/// Runs `pressgraph arguments…` in `folder`, reading both pipes while it runs
/// (a large output would otherwise fill the pipe and block the child).
func pressgraph(
  _ arguments: [String], in folder: URL = packageRoot, environment: [String: String] = [:]
) throws -> Run {
  try runProgram(
    productsFolder.appendingPathComponent("pressgraph"), arguments, in: folder,
    environment: environment)
}

/// Runs `script` with bash in `folder`; `$PG` is the built pressgraph.
func shell(_ script: String, in folder: URL) throws -> Run {
  try runProgram(
    URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: folder,
    environment: ["PG": productsFolder.appendingPathComponent("pressgraph").path])
}

/// Runs a program, reading both pipes while it runs.
func runProgram(
  _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]
) throws -> Run {
  let process = Process()
  if !environment.isEmpty {
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  }
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = folder
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("The pressgraph command")
struct CommandLineTests {
  @Test("releases seeds/ --json: twelve releases and a summary on stderr")
  func releasesJSON() throws {
    let run = try pressgraph(["releases", "seeds/", "--json"])
    #expect(run.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let releases = try #require(json["releases"] as? [[String: Any]])
    #expect(releases.count == 12)
    #expect(
      releases.filter { $0["source"] as? String == "seeds/001_eb9092cc9fc49135.txt" }.count == 10)
    #expect(
      releases.last?["title"] as? String
        == "MSS and MoFA of Korea Launch Consultative Bodies for Global SME Support")
    #expect(run.stderr == undatedSeedWarning + "12 releases from 3 files (1 warning)\n")
  }

  @Test("the table lists id, date, title and source")
  func releasesTable() throws {
    let run = try pressgraph(["releases", "seeds/000_b2091c199c6b9433.txt"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("ID"))
    #expect(lines[2].contains("Strengthening Coordinated Cooperation"))
    #expect(lines[2].hasSuffix("seeds/000_b2091c199c6b9433.txt"))
  }

  @Test("nothing readable: exit 1, and every problem named")
  func nothingReadable() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent("empty.txt"))
    try Data([0, 1, 2]).write(to: folder.appendingPathComponent("blob.txt"))
    let run = try pressgraph(["releases", ".", "missing.txt"], in: folder)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("warning: empty.txt: file is empty; skipped"))
    #expect(run.stderr.contains("error: blob.txt: contains a NUL byte at offset 0"))
    #expect(run.stderr.contains("error: missing.txt: no such file or folder"))
    #expect(run.stderr.contains("0 releases from 0 files (1 warning, 2 errors)"))
  }

  @Test("a usage error exits 64 and says what is missing")
  func usage() throws {
    let run = try pressgraph(["releases"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("Missing expected argument"))
  }

  @Test(
    "extract --format json: ids shared across releases, the Park–Tran meeting with its sentence")
  func extractJSON() throws {
    let run = try pressgraph(["extract", "seeds/", "--format", "json", "--quiet"])
    #expect(run.status == 0)
    #expect(run.stderr == undatedSeedWarning)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let releases = try #require(json["releases"] as? [[String: Any]])
    #expect(releases.count == 12)
    let meetings = releases.flatMap { ($0["meetings"] as? [[String: Any]]) ?? [] }
    let park = try #require(
      meetings.first {
        ($0["participants"] as? [String])?.contains("person:park-jung-sung") == true
      })
    #expect(park["date"] as? String == "2025-11-13")
    #expect(park["place"] as? String == "Lotte Hotel Seoul")
    #expect((park["participants"] as? [String])?.contains("person:tran-quoc-phuong") == true)
    #expect(
      (park["evidence"] as? String)?.hasPrefix("Park Jung-sung, Deputy Minister for Trade") == true)
    // MOTIR has one id in every release that mentions it.
    let motirReleases = releases.filter {
      (($0["entities"] as? [[String: Any]]) ?? []).contains {
        $0["id"] as? String == "ministry:kr-motir"
      }
    }
    #expect(motirReleases.count == 10)
  }

  @Test("extract as text reads like a briefing")
  func extractText() throws {
    let run = try pressgraph(["extract", "seeds/002_d9c99c24d1cd3b41.txt"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("• Cho Tae-yul — Foreign Minister at Ministry of Foreign Affairs"))
    #expect(
      run.stdout.contains(
        "⇄ Ministry of Foreign Affairs, Ministry of SMEs and Startups (2024-04-17)"))
    #expect(run.stderr.hasPrefix("1 release, 12 entities, 1 meeting"))
  }

  @Test("extract --explain names the rule of every mention, affiliation and meeting")
  func extractExplain() throws {
    let text = try pressgraph(
      ["extract", "seeds/002_d9c99c24d1cd3b41.txt", "--explain"],
      environment: ["COLUMNS": "80"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("MADE"))
    let rows = text.stdout.split(separator: "\n").filter { $0.hasPrefix("  meeting ") }
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0.split(separator: " ").last.map { $0.contains(".") } == true })
    let run = try pressgraph(
      ["extract", "seeds/002_d9c99c24d1cd3b41.txt", "--explain", "--format", "json"])
    #expect(run.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let releases = try #require(json["releases"] as? [[String: Any]])
    let items = try #require(releases.first?["items"] as? [[String: Any]])
    let kinds = Set(items.compactMap { $0["kind"] as? String })
    #expect(kinds.isSuperset(of: ["mention", "affiliation", "meeting"]))
    for item in items {
      let rules = try #require(item["rules"] as? [String])
      #expect(!rules.isEmpty && rules.allSatisfy { !$0.isEmpty }, "\(item)")
    }
  }

  @Test("a broken gazetteer file stops extract with its name and the problem")
  func badGazetteer() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mine.json")
    try Data(#"{"institutions": [{"id": "x"}]}"#.utf8).write(to: file)
    let run = try pressgraph(["extract", "seeds/", "--gazetteer", file.path])
    #expect(run.status == 64)
    #expect(run.stderr.contains("mine.json: not a usable gazetteer: missing key"))
  }
}
