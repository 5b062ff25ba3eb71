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

/// Runs `pressgraph arguments…` in `folder`, reading both pipes while it runs
/// (a large output would otherwise fill the pipe and block the child).
func pressgraph(_ arguments: [String], in folder: URL = packageRoot) throws -> Run {
  let process = Process()
  process.executableURL = productsFolder.appendingPathComponent("pressgraph")
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
    #expect(run.stderr == "12 releases from 3 files\n")
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
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pressgraph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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
}
