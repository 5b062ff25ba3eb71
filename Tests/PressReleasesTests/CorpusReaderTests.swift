import Foundation
import Testing

@testable import PressReleases

/// A file reader that fails for chosen files, as a permission error would.
struct FailingReader: FileReading {
  var failing: Set<String>
  func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8] {
    if failing.contains(file.url.lastPathComponent) {
      throw .unreadable(file: file.path, reason: "permission denied")
    }
    return try DiskFileReader().read(file)
  }
}

@Suite("Reading folders of files, good and bad")
struct CorpusReaderTests {
  /// A folder with good files, bad files and files of other formats.
  func makeCorpus() throws -> URL {
    let root = try temporaryFolder()
    let manager = FileManager.default
    try manager.createDirectory(
      at: root.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
    try manager.createDirectory(
      at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: root.appendingPathComponent(name))
    }
    try write("a.txt", Array("Alpha Title\nAlpha body sentence.".utf8))
    try write("sub/b.md", Array("# Beta Title\n\nBeta body sentence.".utf8))
    try write("sub/deeper/c.htm", Array("<h1>Gamma Title</h1><p>Gamma body.</p>".utf8))
    try write("empty.txt", [])
    try write("binary.txt", [0x00, 0x01, 0x02, 0xFF])
    try write("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" Title\nBody in Latin-1.".utf8))
    try write("report.pdf", Array("%PDF-1.4".utf8))
    try write(".hidden.txt", Array("Hidden\nNot read.".utf8))
    try write(".git/config.txt", Array("Git\nNot read.".utf8))
    try write("locked.txt", Array("Locked Title\nLocked body.".utf8))
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("dangling.txt").path,
      withDestinationPath: "/nonexistent/x")
    return root
  }

  @Test("good files are read, bad ones reported by name, and the rest goes on")
  func mixedFolder() throws {
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let reader = CorpusReader(
      scanner: CorpusScanner(workingDirectory: root.deletingLastPathComponent()),
      fileReader: FailingReader(failing: ["locked.txt"]))
    let summary = reader.read([root.lastPathComponent])
    let name = root.lastPathComponent

    #expect(
      summary.releases.map(\.title) == [
        "Alpha Title", "Caf\u{FFFD} Title", "Beta Title", "Gamma Title",
      ])
    let messages = Set(summary.diagnostics.map(\.description))
    #expect(messages.contains("warning: \(name)/empty.txt: file is empty; skipped"))
    #expect(messages.contains { $0.hasPrefix("error: \(name)/binary.txt: contains a NUL byte") })
    #expect(
      messages.contains {
        $0.hasPrefix("warning: \(name)/latin1.txt: invalid UTF-8: 1 byte sequence")
      })
    #expect(messages.contains("note: \(name)/report.pdf: skipped: not a .txt, .md or .html file"))
    #expect(messages.contains("error: \(name)/locked.txt: cannot read: permission denied; skipped"))
    #expect(messages.contains("error: \(name)/dangling.txt: cannot read: broken symbolic link"))
    #expect(!messages.contains { $0.contains("hidden") || $0.contains(".git") })
  }

  @Test("the scan order is stable: by path, byte-wise, depth-first")
  func order() throws {
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let scan = CorpusScanner(workingDirectory: root).scan(["."])
    #expect(
      scan.files.map(\.path) == [
        "a.txt", "binary.txt", "empty.txt", "latin1.txt", "locked.txt", "sub/b.md",
        "sub/deeper/c.htm",
      ])
  }

  @Test("a path that does not exist is an error; the others are still read")
  func missingPath() throws {
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root))
      .read(["nope", "a.txt"])
    #expect(summary.releases.map(\.title) == ["Alpha Title"])
    #expect(summary.diagnostics.map(\.description).contains("error: nope: no such file or folder"))
  }

  @Test("a file named twice is read once; absolute paths below the working directory show relative")
  func duplicates() throws {
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let scan = CorpusScanner(workingDirectory: root)
      .scan(["a.txt", root.appendingPathComponent("a.txt").path, "./a.txt"])
    #expect(scan.files.map(\.path) == ["a.txt"])
  }

  @Test("an unreadable file is refused by the real disk reader too")
  func permissionDenied() throws {
    // Root can read anything, so this only checks the disk reader's message
    // when the process really lacks permission.
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("locked.txt")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
    let file = SourceFile(path: "locked.txt", url: url, format: .text, size: 10)
    if getuid() == 0 {
      #expect(throws: Never.self) { try DiskFileReader().read(file) }
    } else {
      #expect(
        throws: PressReleasesError.unreadable(file: "locked.txt", reason: "Permission denied")
      ) {
        try DiskFileReader().read(file)
      }
    }
  }

  @Test("a file over the size limit is refused with a clear message")
  func tooLarge() throws {
    let root = try makeCorpus()
    defer { try? FileManager.default.removeItem(at: root) }
    let reader = CorpusReader(
      scanner: CorpusScanner(workingDirectory: root), fileReader: DiskFileReader(maximumSize: 10))
    let summary = reader.read(["a.txt"])
    #expect(summary.releases.isEmpty)
    #expect(
      summary.diagnostics.map(\.description) == [
        "error: a.txt: 32 bytes is over the limit of 10 bytes; skipped"
      ])
  }

  @Test("a 50 MB bundle is read whole")
  func fiftyMegabytes() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let seed = try String(
      contentsOf: packageRoot.appendingPathComponent("seeds/001_eb9092cc9fc49135.txt"),
      encoding: .utf8)
    let copies = 50_000_000 / seed.utf8.count + 1
    var big = Data()
    big.reserveCapacity(copies * seed.utf8.count + copies)
    for _ in 0..<copies {
      big.append(contentsOf: Array(seed.utf8))
      big.append(0x0A)
    }
    #expect(big.count >= 50_000_000)
    try big.write(to: root.appendingPathComponent("big.txt"))
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["big.txt"])
    #expect(summary.diagnostics.isEmpty)
    #expect(summary.releases.count == copies * 10)
    #expect(
      summary.releases.last?.title
        == "Korea to Invest KRW 940 Billion in Advanced Medical Device R&D Over Seven Years")
  }
}
