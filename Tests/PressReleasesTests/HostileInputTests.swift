import Foundation
import Testing

@testable import PressReleases

/// Removes a folder tree too deep for FileManager to remove by path (rm
/// can).
private func removeDeepTree(_ root: URL) {
  let remove = Process()
  remove.executableURL = URL(fileURLWithPath: "/bin/rm")
  remove.arguments = ["-rf", root.path]
  try? remove.run()
  remove.waitUntilExit()
}

@Suite("Files that are not files, names that are not UTF-8, trees deeper than PATH_MAX")
struct HostileFileTests {
  @Test func onlyRegularFilesAreRead() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let manager = FileManager.default
    try Data("Title A\nBody of A.\n".utf8).write(to: root.appendingPathComponent("a.txt"))
    #expect(mkfifo(root.appendingPathComponent("pipe.txt").path, 0o644) == 0)
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("random.md").path, withDestinationPath: "/dev/urandom")
    try Data("Title Z\nBody of Z.\n".utf8).write(to: root.appendingPathComponent("z.txt"))
    let start = Date()
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["."])
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(summary.releases.map(\.title) == ["Title A", "Title Z"])
    let messages = Set(summary.diagnostics.map(\.description))
    #expect(messages.contains("note: pipe.txt: skipped: a FIFO (named pipe), not a regular file"))
    #expect(messages.contains("note: zero.txt: skipped: a character device, not a regular file"))
    #expect(messages.contains("note: random.md: skipped: a character device, not a regular file"))
  }

  @Test func theSizeLimitAppliesToWhatALinkPointsAt() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let big = root.appendingPathComponent("big.bin")
    #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
    #expect(truncate(big.path, 600 << 20) == 0)  // sparse: no disk used
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("big.txt").path, withDestinationPath: "big.bin")
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["big.txt"])
    #expect(summary.releases.isEmpty)
    #expect(
      summary.diagnostics.map(\.description) == [
        "error: big.txt: 629145600 bytes is over the limit of 536870912 bytes; skipped"
      ])
  }

  @Test func aFileThatGrowsPastTheLimitIsCutOff() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("a.txt")
    try Data("Title A\nBody of A.\n".utf8).write(to: url)
    // The scan saw 19 bytes; the file holds more by the time it is read.
    let file = SourceFile(path: "a.txt", url: url, format: .text, size: 19)
    try Data(String(repeating: "x", count: 4096).utf8).write(to: url)
    #expect(throws: PressReleasesError.tooLarge(file: "a.txt", size: 4096, limit: 100)) {
      _ = try DiskFileReader(maximumSize: 100).read(file)
    }
  }

  @Test func namesThatAreNotUTF8AreReadAndShownEscaped() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
    let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
    let descriptor = path.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) {
        open($0, O_WRONLY | O_CREAT, 0o644)
      }
    }
    #expect(descriptor >= 0)
    let text = Array("Latin Title\nDate: 2025-01-02\nA body.\n".utf8)
    #expect(write(descriptor, text, text.count) == text.count)
    close(descriptor)
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["."])
    #expect(summary.releases.map(\.title) == ["Latin Title"])
    #expect(summary.files.map(\.file.path) == ["caf\\xE9.txt"])
    #expect(summary.diagnostics.isEmpty)
  }

  @Test func aTreeDeeperThanPathMaxIsRead() throws {
    let root = try temporaryFolder()
    defer { removeDeepTree(root) }
    var folder = open(root.path, O_RDONLY | O_DIRECTORY)
    #expect(folder >= 0)
    for level in 0..<300 {
      let name = "level-\(level)-abcdefghij"
      #expect(mkdirat(folder, name, 0o755) == 0)
      let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
      close(folder)
      folder = next
    }
    let file = openat(folder, "deep.txt", O_WRONLY | O_CREAT, 0o644)
    let text = Array("Deep Title\nDate: 2025-01-02\nA body far down.\n".utf8)
    #expect(write(file, text, text.count) == text.count)
    close(file)
    close(folder)
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["."])
    #expect(summary.releases.map(\.title) == ["Deep Title"])
    #expect((summary.files.first?.file.path.utf8.count ?? 0) > Int(PATH_MAX))
    #expect(summary.diagnostics.isEmpty)
  }

  /// Past the depth cap a folder is skipped with a note; what lies above
  /// it is read.
  @Test func foldersPastTheDepthCapAreSkippedWithANote() throws {
    let root = try temporaryFolder()
    defer { removeDeepTree(root) }
    try Data("Top Title\nDate: 2025-01-02\nA body.\n".utf8).write(
      to: root.appendingPathComponent("top.txt"))
    var folder = open(root.path, O_RDONLY | O_DIRECTORY)
    for level in 0...Walk.maximumDepth {
      #expect(mkdirat(folder, "d", 0o755) == 0)
      if level == 10 {
        let file = openat(folder, "shallow.txt", O_WRONLY | O_CREAT, 0o644)
        let text = Array("Shallow Title\nDate: 2025-01-02\nA body.\n".utf8)
        #expect(write(file, text, text.count) == text.count)
        close(file)
      }
      let next = openat(folder, "d", O_RDONLY | O_DIRECTORY)
      close(folder)
      folder = next
    }
    let file = openat(folder, "deepest.txt", O_WRONLY | O_CREAT, 0o644)
    close(file)
    close(folder)
    let summary = CorpusReader(scanner: CorpusScanner(workingDirectory: root)).read(["."])
    #expect(summary.releases.map(\.title).sorted() == ["Shallow Title", "Top Title"])
    let notes = summary.diagnostics.map(\.description)
    #expect(notes.count == 1)
    #expect(notes.first?.hasSuffix("skipped: more than 1000 folders deep") == true)
  }

  @Test func aLinkBackToItsFolderIsWalkedOnce() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("Title A\nBody of A.\n".utf8).write(to: root.appendingPathComponent("a.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("again").path, withDestinationPath: ".")
    let scan = CorpusScanner(workingDirectory: root).scan(["."])
    #expect(scan.files.map(\.path) == ["a.txt"])
  }

  @Test(arguments: [
    ([UInt8](), ""),
    (Array("plain.txt".utf8), "plain.txt"),
    (Array("café".utf8), "café"),
    ([0x61, 0xFF, 0x62], "a\\xFFb"),
    ([0xC0, 0xAF], "\\xC0\\xAF"),  // an overlong "/"
    ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"),  // a surrogate
    ([0xF4, 0x90, 0x80, 0x80], "\\xF4\\x90\\x80\\x80"),  // above U+10FFFF
    ([0xE2, 0x82], "\\xE2\\x82"),  // cut short
    (Array("日本".utf8), "日本"),
    ([0x61, 0x5C, 0x78, 0x46, 0x46], "a\\\\xFF"),  // a real backslash, then "xFF"
  ])
  func displayNamesEscapeInvalidBytes(bytes: [UInt8], shown: String) {
    #expect(CorpusScanner.displayName(bytes) == shown)
  }
}

@Suite("Dates that name no day")
struct ImpossibleDateTests {
  @Test(arguments: [
    ("2025-02-30", "February 2025 has 28 days"),
    ("2024-02-30", "February 2024 has 29 days"),
    ("0000-11-18", "there is no year 0"),
    ("2025-13-45", "there is no month 13"),
    ("2025.11.31", "November has 30 days"),
    ("2025/04/00", "there is no day 0"),
    ("April 31, 2025", "April has 30 days"),
    ("Sept. 31, 2025", "September has 30 days"),
    ("31 June 2025", "June has 30 days"),
    ("Monday, February 29, 2025", "February 2025 has 28 days"),
    ("2025-02-30T09:00:00+09:00", "February 2025 has 28 days"),
    ("2025. 02. 30.", "February 2025 has 28 days"),
  ])
  func impossibleDatesSayWhy(text: String, reason: String) {
    #expect(DateParser.impossibleDate(text) == ImpossibleDate(text: text, reason: reason))
  }

  @Test(arguments: [
    "2025-02-28", "2024-02-29", "November 18, 2025", "a title line", "2025", "12-31",
    "Invest 2025-2030", "",
  ])
  func realDatesAndOtherTextAreNotImpossible(text: String) {
    #expect(DateParser.impossibleDate(text) == nil)
  }

  @Test func numericDatesInTextAreFoundInOnePass() {
    let text =
      "Talks on 2025-02-30 and 2025-11-18 were set; version 12025-13-45 and 2025-1-32x are not dates."
    #expect(
      DateParser.impossibleNumericDates(in: text) == [
        ImpossibleDate(text: "2025-02-30", reason: "February 2025 has 28 days")
      ])
  }

  @Test(arguments: [
    ("Title\n2025-02-30\nBody text.\n", "\"2025-02-30\" is not a date (February 2025 has 28 days)"),
    ("Title\nDate: 0000-11-18\nBody text.\n", "\"0000-11-18\" is not a date (there is no year 0)"),
    ("Title\nBody text. date2025-13-01\n", "\"2025-13-01\" is not a date (there is no month 13)"),
    ("Title\nMet on 2025-04-31 in Busan.\n", "\"2025-04-31\" in the text is not a date"),
  ])
  func impossibleDatesInReleasesAreWarnedAbout(text: String, warning: String) {
    let outcome = read(text, path: "odd.txt")
    #expect(outcome.releases.count == 1)
    #expect(outcome.releases.first?.date == nil)
    #expect(outcome.releases.first?.title == "Title")
    #expect(!(outcome.releases.first?.body.contains("0000-11-18") ?? true))
    #expect(
      outcome.diagnostics.contains {
        $0.severity == .warning && $0.file == "odd.txt" && $0.message.contains(warning)
      }, "\(outcome.diagnostics)")
  }

  @Test func declaredDatesInMarkdownAndHTMLAreWarnedAbout() {
    let markdown = read(
      "---\ntitle: T\ndate: 2025-04-31\n---\nBody.\n", format: .markdown, path: "a.md")
    #expect(markdown.diagnostics.contains { $0.message.contains("\"2025-04-31\" is not a date") })
    let html = read(
      "<html><head><meta property=\"article:published_time\" content=\"2025-02-29\"></head>"
        + "<body><h1>T</h1><p>Body.</p></body></html>", format: .html, path: "a.html")
    #expect(html.diagnostics.contains { $0.message.contains("\"2025-02-29\" is not a date") })
  }
}

@Suite("Releases too large to work on")
struct ReleaseSizeTests {
  @Test func aReleaseOverTheLimitIsSkippedWithItsSize() {
    let body = String(repeating: "A long sentence about trade. ", count: 200)
    let reader = ReleaseReader(maximumReleaseSize: 1000)
    let outcome = reader.read(
      SourceDocument(path: "big.txt", format: .text, text: "Big Title\n\(body)\n"))
    #expect(outcome.releases.isEmpty)
    #expect(
      outcome.diagnostics.map(\.description) == [
        "error: big.txt: the release is 5.8 KB, over the limit of 1.0 KB for one release; skipped"
      ])
  }

  @Test func inABundleOnlyTheLargeReleaseIsSkipped() {
    let small = "-\nTrade\nSmall One\nA short body. date2025-11-18\n"
    let large =
      "-\nTrade\nLarge One\n" + String(repeating: "Many words here. ", count: 100)
      + " date2025-11-18\n"
    let reader = ReleaseReader(maximumReleaseSize: 500)
    let outcome = reader.read(
      SourceDocument(path: "b.txt", format: .text, text: small + large + small))
    #expect(outcome.releases.map(\.title) == ["Small One", "Small One"])
    #expect(outcome.releases.map(\.position) == [1, 3])
    #expect(outcome.diagnostics.contains { $0.message.hasPrefix("release 2 is") })
  }

  @Test(arguments: [
    (0, "0 bytes"), (999, "999 bytes"), (5_800, "5.8 KB"), (4 << 20, "4.2 MB"),
    (49_972_883, "50.0 MB"), (999_999, "1.0 MB"),
  ])
  func sizesAreShownInMegabytes(bytes: Int, shown: String) {
    #expect(ReleaseReader.megabytes(bytes) == shown)
  }
}
