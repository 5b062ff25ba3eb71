/// Reads every release below a set of paths: scan, read, decode, parse.
///
/// This is the I/O edge of the reading stage. It reports each file as it is
/// done, so that callers can show progress or store files one at a time, and
/// a bad file never stops the others.
public struct CorpusReader: Sendable {
  /// Finds the files.
  public var scanner: CorpusScanner
  /// Reads their bytes.
  public var fileReader: any FileReading
  /// Turns bytes into releases.
  public var releaseReader: ReleaseReader

  /// Creates a corpus reader; every part can be replaced in tests.
  public init(
    scanner: CorpusScanner = CorpusScanner(),
    fileReader: any FileReading = DiskFileReader(),
    releaseReader: ReleaseReader = ReleaseReader()
  ) {
    self.scanner = scanner
    self.fileReader = fileReader
    self.releaseReader = releaseReader
  }

  /// What came of one file.
  public struct FileOutcome: Sendable, Hashable {
    /// The file.
    public var file: SourceFile
    /// Its releases (empty when it could not be used).
    public var releases: [Release]
    /// What was repaired, skipped or refused.
    public var diagnostics: [Diagnostic]

    /// Creates an outcome (stores and tests build them from stored data).
    public init(file: SourceFile, releases: [Release], diagnostics: [Diagnostic]) {
      self.file = file
      self.releases = releases
      self.diagnostics = diagnostics
    }
  }

  /// Everything read below some paths.
  public struct Summary: Sendable, Hashable {
    /// Each file's outcome, in scan order.
    public var files: [FileOutcome]
    /// Diagnostics from the scan (missing paths, skipped formats).
    public var scanDiagnostics: [Diagnostic]

    /// All releases, in scan order.
    public var releases: [Release] { files.flatMap(\.releases) }
    /// All diagnostics: the scan's first, then each file's.
    public var diagnostics: [Diagnostic] { scanDiagnostics + files.flatMap(\.diagnostics) }
  }

  /// Reads all releases below `paths`, calling `progress` after each file.
  /// - Parameters:
  ///   - paths: Files and folders, as the user named them.
  ///   - progress: Called with each file's outcome and the number of files.
  public func read(
    _ paths: [String], progress: (_ outcome: FileOutcome, _ total: Int) -> Void = { _, _ in }
  ) -> Summary {
    let scan = scanner.scan(paths)
    var outcomes: [FileOutcome] = []
    outcomes.reserveCapacity(scan.files.count)
    for file in scan.files {
      let outcome = read(file)
      progress(outcome, scan.files.count)
      outcomes.append(outcome)
    }
    return Summary(files: outcomes, scanDiagnostics: scan.diagnostics)
  }

  /// Reads one file, turning read errors into diagnostics.
  public func read(_ file: SourceFile) -> FileOutcome {
    let bytes: [UInt8]
    do {
      bytes = try fileReader.read(file)
    } catch {
      let diagnostic = Diagnostic(.error, stage: .read, file: file.path, errorMessage(error))
      return FileOutcome(file: file, releases: [], diagnostics: [diagnostic])
    }
    let outcome = releaseReader.read(
      SourceDocument(path: file.path, format: file.format, bytes: bytes))
    return FileOutcome(file: file, releases: outcome.releases, diagnostics: outcome.diagnostics)
  }

  private func errorMessage(_ error: PressReleasesError) -> String {
    switch error {
    case .unreadable(_, let reason): "cannot read: \(reason); skipped"
    case .tooLarge(_, let size, let limit):
      "\(size) bytes is over the limit of \(limit) bytes; skipped"
    }
  }
}
