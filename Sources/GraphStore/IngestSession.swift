import EntityGraph
import Foundation
import GRDB
import PressReleases

/// Brings a store up to date with files: the ingest loop that the
/// command-line tool and the benchmark share.
///
/// ```swift
/// let session = IngestSession(store: store, extractor: EntityExtractor())
/// let files = CorpusScanner().scan(["press/"]).files
/// let summary = try await session.store(files) { report in print(report.file.path) }
/// if try store.needsRebuild(with: session.extractor) { try store.rebuild(with: session.extractor) }
/// ```
///
/// - **Unchanged files are not read.** A file whose stamp (size,
///   modification time, inode, device) equals the one stored with it is
///   reported ``GraphStore/FileResult/unchanged`` at once. Otherwise it is
///   read and compared by content, as ``GraphStore/store(_:)`` does.
/// - **Both cores.** Files are read and their new releases analysed
///   (``EntityExtractor/analyse(_:)``) in a task group, `workers` at a time,
///   while one writer stores the results in scan order.
/// - **Few transactions.** Files are written `batchSize` at a time, in one
///   transaction. When a file of a batch fails, the batch is rolled back
///   and written again with each file in its own savepoint: the failing
///   file is left out alone and the others are kept.
/// - **Bounded memory.** At most `2 × workers + batchSize` files are held
///   in memory at once, whatever the corpus size.
/// - **In order.** Files are reported, and written, in the order given.
public struct IngestSession: Sendable {
  /// The store written.
  public var store: GraphStore
  /// The extractor whose first pass is stored with each release.
  public var extractor: EntityExtractor
  /// The reader of files.
  public var reader: CorpusReader
  /// Files read and analysed at once.
  public var workers: Int
  /// Files per write transaction.
  public var batchSize: Int

  /// A session on `store`.
  public init(
    store: GraphStore, extractor: EntityExtractor, reader: CorpusReader = CorpusReader(),
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 64
  ) {
    self.store = store
    self.extractor = extractor
    self.reader = reader
    self.workers = max(1, workers)
    self.batchSize = max(1, batchSize)
  }

  /// What happened to one file.
  public struct FileReport: Sendable {
    /// The file.
    public var file: SourceFile
    /// What storing it did, or nil when it failed (see ``error``).
    public var result: GraphStore.FileResult?
    /// Releases read from it (0 when it was skipped unread).
    public var releases: Int
    /// True when the file was skipped on its stamp, without being read.
    public var skippedUnread: Bool
    /// The reader's notes on the file.
    public var diagnostics: [Diagnostic]
    /// Why the file could not be stored.
    public var error: GraphStoreError?
  }

  /// Stores `files`, reporting each one, in order, as it is written.
  ///
  /// The graph is not derived here: call ``GraphStore/rebuild(with:)``
  /// when ``GraphStore/needsRebuild(with:)`` says so.
  /// - Throws: ``GraphStoreError`` when the store cannot be read at all;
  ///   a file that fails is reported with its error and the rest go on.
  public func store(
    _ files: [SourceFile], report: (FileReport) -> Void
  ) async throws(GraphStoreError) {
    let stamps = try store.storedStamps()
    let version = extractor.analysisVersion
    let analysed = try store.analysedHashes(version: version)
    // Files to read, by position in `files`; the others are skipped unread.
    let pending = files.indices.filter { index in
      files[index].stamp.map { stamps[files[index].path] != $0 } ?? true
    }
    let reader = self.reader
    let extractor = self.extractor
    let window = workers * 2
    await withTaskGroup(of: (Int, GraphStore.StoredFile).self) { group in
      var next = 0
      func addTask() {
        let (position, file) = (next, files[pending[next]])
        next += 1
        group.addTask {
          let outcome = reader.read(file)
          var seen: Set<String> = []
          var analyses: [(hash: String, data: [UInt8])] = []
          for release in outcome.releases
          where !analysed.contains(release.contentHash) && seen.insert(release.contentHash).inserted
          {
            analyses.append(
              (release.contentHash, Deflate.compress(extractor.analyse(release).encoded())))
          }
          return (
            position,
            GraphStore.StoredFile(outcome: outcome, analyses: analyses, analysisVersion: version)
          )
        }
      }
      while next < pending.count && next < window { addTask() }
      // Files are reported, and read ones written, in the order of `files`.
      var ready: [Int: GraphStore.StoredFile] = [:]
      var batch: [Entry] = []
      var stored = 0
      var cursor = 0
      func advance() {
        while cursor < files.count {
          if stored < pending.count, pending[stored] == cursor {
            guard let file = ready.removeValue(forKey: stored) else { return }
            batch.append(.read(file))
            stored += 1
          } else {
            batch.append(.skipped(files[cursor]))
          }
          cursor += 1
          if batch.count >= batchSize {
            write(batch, report: report)
            batch.removeAll(keepingCapacity: true)
          }
        }
      }
      advance()
      for await (position, file) in group {
        ready[position] = file
        advance()
        // Read ahead of the writer by at most `window` files, so a slow
        // file holds back a bounded number of finished ones.
        while next < pending.count && next - stored < window { addTask() }
      }
      advance()
      write(batch, report: report)
    }
  }

  /// A file in a write batch.
  private enum Entry {
    /// Skipped on its stamp, unread.
    case skipped(SourceFile)
    /// Read (and analysed): to be written.
    case read(GraphStore.StoredFile)
  }

  /// Writes the read files of `batch` in one transaction, each in a
  /// savepoint, then reports every file of the batch in order.
  private func write(_ batch: [Entry], report: (FileReport) -> Void) {
    guard !batch.isEmpty else { return }
    let files = batch.compactMap { entry -> GraphStore.StoredFile? in
      if case .read(let file) = entry { return file }
      return nil
    }
    var results: [Result<GraphStore.FileResult, GraphStoreError>] = []
    if !files.isEmpty {
      // The whole batch in one transaction, without savepoints: the full-text
      // index writes its pending entries out at every savepoint, and a
      // segment per file costs more than the rest of the writing together.
      do {
        var written: [GraphStore.FileResult] = []
        try store.database.write { db in
          written = []
          for file in files { written.append(try GraphStore.write(file, db)) }
        }
        results = written.map { .success($0) }
      } catch {
        // A file failed and the batch was rolled back: write it again,
        // file by file, each in its own savepoint, to keep the others.
        results = writeEach(files)
      }
    }
    var next = results.makeIterator()
    for entry in batch {
      switch entry {
      case .skipped(let file):
        report(
          FileReport(
            file: file, result: .unchanged, releases: 0, skippedUnread: true, diagnostics: [],
            error: nil))
      case .read(let file):
        var fileReport = FileReport(
          file: file.outcome.file, result: nil, releases: file.outcome.releases.count,
          skippedUnread: false, diagnostics: file.outcome.diagnostics, error: nil)
        switch next.next() {
        case .success(let stored): fileReport.result = stored
        case .failure(let error): fileReport.error = error
        case nil: break
        }
        report(fileReport)
      }
    }
  }

  /// Writes `files` in one transaction, each in a savepoint: a file that
  /// fails is rolled back alone.
  private func writeEach(_ files: [GraphStore.StoredFile])
    -> [Result<GraphStore.FileResult, GraphStoreError>]
  {
    var results: [Result<GraphStore.FileResult, GraphStoreError>] = []
    do {
      try store.database.write { db in
        results = []
        for file in files {
          do {
            var result = GraphStore.FileResult.unusable
            try db.inSavepoint {
              result = try GraphStore.write(file, db)
              return .commit
            }
            results.append(.success(result))
          } catch {
            results.append(
              .failure(
                GraphStoreError.classify(error, path: store.path) {
                  .storeFailed(file: file.outcome.file.path, reason: $0)
                }))
          }
        }
      }
    } catch {
      // The transaction itself failed: nothing of the batch is kept.
      let failure = GraphStoreError.classify(error, path: store.path) {
        .storeFailed(file: files[0].outcome.file.path, reason: $0)
      }
      results = files.map { file in
        if case .storeFailed(_, let reason) = failure {
          return .failure(.storeFailed(file: file.outcome.file.path, reason: reason))
        }
        return .failure(failure)
      }
    }
    return results
  }
}
