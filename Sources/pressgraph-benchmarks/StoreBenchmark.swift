// The store benchmark: ingest a generated corpus of at least 10,000
// releases into a SQLite file, then time each query many times.
//
//   swift run -c release pressgraph-benchmarks --store [--releases N] [--queries N]
//     [--corpus-kind realistic|seed-copies]
//
// The default corpus is the realistic one (CorpusGenerator.swift): a
// population of officials, companies and foreign counterparts recurring
// with Zipf-like frequency over eight years, in bundles, single files and
// HTML. `seed-copies` is the older corpus of renamed copies of the seeds, in
// which each person appears once. Either way the corpus's last file is
// ingested on its own, after the rest, as "adding one file".
import EntityGraph
import Foundation
import GRDB
import GraphStore
import PressReleases

/// Latency percentiles of `body` in milliseconds, run `count` times with
/// the iteration index.
struct Latency: Encodable {
  var p50: Double
  var p95: Double
  var p99: Double

  enum CodingKeys: String, CodingKey {
    case p50 = "p50_ms"
    case p95 = "p95_ms"
    case p99 = "p99_ms"
  }
}

func latencies(_ count: Int, _ body: (Int) throws -> Void) rethrows -> Latency {
  let clock = ContinuousClock()
  var times: [Double] = []
  times.reserveCapacity(count)
  for i in 0..<count {
    let start = clock.now
    try body(i)
    times.append(seconds(clock.now - start) * 1000)
  }
  times.sort()
  func at(_ percent: Int) -> Double { times[min(times.count - 1, times.count * percent / 100)] }
  return Latency(p50: at(50), p95: at(95), p99: at(99))
}

/// Writes renamed copies of the seed releases as one bundle file per copy
/// into `folder`, one more copy than `releases` needs; returns the files,
/// sorted (the extra copy last).
func writeStoreCorpus(seeds: [Release], releases: Int, folder: URL) throws -> [URL] {
  let families = ["Han", "Seo", "Yoon", "Baek", "Moon", "Song", "Hwang", "Jeon", "Nam", "Ryu"]
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  // One more file than needed: the benchmark ingests it last, on its own.
  let copies = (releases + seeds.count - 1) / seeds.count + 1
  var files: [URL] = []
  for copy in 0..<copies {
    let family = families[copy % families.count]
    let given = "Gi-\(String(UnicodeScalar(UInt8(97 + copy / families.count % 26))))\(copy / 260)"
    var bundle = ""
    for release in seeds {
      var body = release.body.replacingOccurrences(of: "\n\n", with: " ")
      for surname in ["Kim", "Park", "Lee", "Choi", "Yeo", "Kang", "Oh", "Tran"] {
        body = body.replacingOccurrences(of: "\(surname) ", with: "\(family) \(given) \(surname)")
      }
      body = body.replacingOccurrences(of: "SILICON2", with: "SILICON\(copy)")
      body = body.replacingOccurrences(of: "S-OIL", with: "S-OIL \(copy) Co., Ltd.")
      // Spread the copies over two years of publication dates.
      let month = 1 + copy % 24 % 12
      let year = 2024 + copy % 24 / 12
      let day = 1 + copy % 28
      let date = String(format: "%04d-%02d-%02d", year, month, day)
      bundle += "-\nTrade/Investment\n\(release.title) \(copy)\n\(body) date\(date)\n"
    }
    let name = String(format: "copy-%04d.txt", copy)
    let url = folder.appendingPathComponent(name)
    try Data(bundle.utf8).write(to: url)
    files.append(url)
  }
  return files
}

/// The seed releases, or an exit when there are none.
func readSeeds(_ options: Options) -> [Release] {
  let seeds = CorpusReader().read([options.seeds]).releases
  guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("no seed releases found in \(options.seeds)\n".utf8))
    exit(1)
  }
  return seeds
}

/// Writes the store benchmark's corpus of the chosen kind into `folder`.
func writeBenchmarkCorpus(_ options: Options, folder: URL) throws -> [URL] {
  switch options.corpusKind {
  case .realistic:
    return try writeRealisticCorpus(releases: options.releases, folder: folder, seed: options.seed)
  case .seedCopies:
    return try writeStoreCorpus(
      seeds: readSeeds(options), releases: options.releases, folder: folder)
  }
}

/// `--write-store-corpus DIR`: writes the corpus, prints what it holds.
func writeStoreCorpusOnly(_ options: Options, folder: URL) throws {
  let clock = ContinuousClock()
  let start = clock.now
  guard options.corpusKind == .realistic else {
    let files = try writeBenchmarkCorpus(options, folder: folder)
    print("wrote \(files.count) files to \(folder.path) in \(format(seconds(clock.now - start))) s")
    return
  }
  let corpus = try generateRealisticCorpus(
    releases: options.releases, folder: folder, seed: options.seed)
  let elapsed = seconds(clock.now - start)
  print(
    "wrote \(corpus.releases) releases in \(corpus.files.count) files, "
      + "\(format(Double(corpus.bytes) / 1_000_000)) MB "
      + "(\(corpus.bytes / max(1, corpus.releases)) bytes a release), in \(format(elapsed)) s")
  print("extra file, ingested alone: \(corpus.files.last?.path ?? "")")
  print(
    "population in post 2018-2025: \(corpus.officials) Korean officials, "
      + "\(corpus.foreignOfficials) foreign officials, \(corpus.executives) executives of "
      + "\(corpus.companies) companies, \(corpus.otherHeads) heads of associations and provinces; "
      + "\(corpus.peopleMentioned) people named (list: \(folder.path)/.population.tsv)")
  print(
    "people by releases naming them: 1: \(corpus.mentionBands[0]), 2-9: \(corpus.mentionBands[1]), "
      + "10-99: \(corpus.mentionBands[2]), 100-999: \(corpus.mentionBands[3]), "
      + "1000+: \(corpus.mentionBands[4])")
  print("most named:")
  for (name, releases) in corpus.topPeople { print("  \(releases)\t\(name)") }
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

/// What `--store --json` prints: one object.
struct StoreReport: Encodable {
  var releases = 0
  var corpusBytes = 0
  var files = 0
  var entities = 0
  var meetings = 0
  var ingestSeconds = 0.0
  var reingestUnchangedSeconds = 0.0
  var addFileSeconds = 0.0
  /// The releases of the added file, and whether they were folded in
  /// (true) or the graph was derived in full.
  var addFileReleases = 0
  var addFileIncremental = false
  var storeBytes = 0
  var peakRSSBytes = 0
  var queries: [String: Latency] = [:]

  enum CodingKeys: String, CodingKey {
    case releases, files, entities, meetings, queries
    case corpusBytes = "corpus_bytes"
    case ingestSeconds = "ingest_s"
    case reingestUnchangedSeconds = "reingest_unchanged_s"
    case addFileSeconds = "add_file_s"
    case addFileReleases = "add_file_releases"
    case addFileIncremental = "add_file_incremental"
    case storeBytes = "store_bytes"
    case peakRSSBytes = "peak_rss_bytes"
  }
}

/// The store benchmark: the corpus is ingested as `pressgraph ingest`
/// does (``IngestSession``, then a rebuild), into a store file opened as
/// the command-line tool opens it.
func runStoreBenchmark(_ options: Options) async throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "pressgraph-bench-\(getpid())")
  defer { try? FileManager.default.removeItem(at: folder) }
  let corpus = folder.appendingPathComponent("corpus")
  let files = try writeBenchmarkCorpus(options, folder: corpus)
  let databasePath = folder.appendingPathComponent("bench.sqlite").path
  let store = try GraphStore.open(path: databasePath, access: .write)
  let extractor = EntityExtractor()
  let clock = ContinuousClock()
  let reader = CorpusReader(scanner: CorpusScanner(workingDirectory: folder))
  let session = IngestSession(store: store, extractor: extractor, reader: reader)
  var report = StoreReport()
  func say(_ line: String) { if !options.json { print(line) } }

  // Ingest every file but the last, then derive the graph.
  var storeTime = Duration.zero
  var scan = CorpusScanner.Result(files: [], diagnostics: [])
  let ingest = try await clock.measure {
    scan = reader.scanner.scan(files.dropLast().map(\.path))
    let started = clock.now
    try await session.store(scan.files) { _ in }
    storeTime = clock.now - started
    try store.rebuild(with: extractor)
  }
  let counts = try store.counts()
  report.releases = counts.releases
  report.files = scan.files.count
  report.corpusBytes = scan.files.reduce(0) { $0 + $1.size }
  report.entities = counts.entities
  report.meetings = counts.meetings
  report.ingestSeconds = seconds(ingest)
  say(
    "store corpus (\(options.corpusKind.rawValue)): \(counts.releases) releases in "
      + "\(scan.files.count) files (\(format(Double(report.corpusBytes) / 1_000_000)) MB), "
      + "\(counts.entities) entities, \(counts.meetings) meetings")
  say(
    String(
      format:
        "ingest: %.2f s (read, extract and store %.2f s: %.0f releases/s; derive graph %.2f s)",
      seconds(ingest), seconds(storeTime), Double(counts.releases) / seconds(storeTime),
      seconds(ingest - storeTime)))

  // Re-ingest: nothing changed.
  let again = try await clock.measure {
    let rescan = reader.scanner.scan(files.dropLast().map(\.path))
    try await session.store(rescan.files) { _ in }
    if try store.needsRebuild(with: extractor) { try store.rebuild(with: extractor) }
  }
  report.reingestUnchangedSeconds = seconds(again)
  say(String(format: "re-ingest, nothing changed: %.2f s", seconds(again)))
  // One new file into the full store.
  guard let lastURL = files.last else { return }
  var added = 0
  let incremental = try await clock.measure {
    let last = reader.scanner.scan([lastURL.path]).files
    try await session.store(last) { added += $0.releases }
    report.addFileIncremental = try store.rebuild(with: extractor).incremental
  }
  report.addFileSeconds = seconds(incremental)
  report.addFileReleases = added
  say(
    String(
      format: "ingest one new file (%d releases) into the full store: %.2f s (%@)", added,
      seconds(incremental), report.addFileIncremental ? "folded in" : "derived in full"))
  store.finishWriting()
  report.storeBytes =
    (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0
  say(
    String(
      format: "store file: %.1f MB (%.2f × the corpus)", Double(report.storeBytes) / 1_000_000,
      Double(report.storeBytes) / Double(max(1, report.corpusBytes))))

  // Queries, each over varied entities.
  let people = try store.entities(type: .person).map(\.entity)
  let withMeetings = try store.entities(type: .person).filter { $0.meetings > 0 }.map(\.entity)
  // The hub: the busiest ministry of the corpus (MOTIE before its rename
  // in the realistic corpus, MOTIR in the seeds).
  let hubName = options.corpusKind == .realistic ? "MOTIE" : "MOTIR"
  let hub = try store.lookup(hubName)
  let n = options.queries
  func measure(_ key: String?, _ name: String, _ result: Latency) {
    if let key { report.queries[key] = result }
    say(
      String(
        format: "  %-44@ p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms", name as NSString,
        result.p50, result.p95, result.p99))
  }
  say("query latency over \(n) runs each (one core):")
  measure(
    "lookup", "lookup (exact name)",
    try latencies(n) { i in _ = try store.lookup(people[i % people.count].name) })
  measure(
    nil, "lookup (prefix)",
    try latencies(n) { i in _ = try? store.lookup(String(people[i % people.count].name.dropLast(2)))
    })
  // As `pressgraph met PERSON` runs it: the newest 50 meetings and the total.
  measure(
    "met_person", "met PERSON (who-met-whom: a page, as the CLI)",
    try latencies(n) { i in
      _ = try store.meetingPage(of: withMeetings[i % withMeetings.count].id)
    })
  // Every row, as the library's meetings(of:) returns them.
  measure(
    "met_person_all", "met PERSON, every meeting (library)",
    try latencies(n) { i in _ = try store.meetings(of: withMeetings[i % withMeetings.count].id) })
  measure(
    nil, "lookup + met PERSON (a page)",
    try latencies(n) { i in
      _ = try store.meetingPage(of: store.lookup(withMeetings[i % withMeetings.count].name).id)
    })
  measure(
    "met_hub_page", "met \(hubName) --as-org (hub: newest 50, total)",
    try latencies(max(5, n / 4)) { _ in
      _ = try store.meetingPage(of: hub.id, filter: MeetingFilter(asOrganisations: true))
    })
  measure(
    nil, "met \(hubName) --since/--until one month",
    try latencies(max(5, n / 10)) { i in
      // One month of 2025 for the seeds, of 2018–2025 for the realistic corpus.
      let year = options.corpusKind == .realistic ? 2018 + i % 8 : 2025
      let month = String(
        format: "%04d-%02d", year, options.corpusKind == .realistic ? 1 + i / 8 % 12 : 1 + i % 12)
      _ = try store.meetingPage(
        of: hub.id,
        filter: MeetingFilter(
          since: MeetingFilter.bound(month, upper: false),
          until: MeetingFilter.bound(month, upper: true)))
    })
  measure(
    nil, "show PERSON", try latencies(n) { i in _ = try store.card(people[i % people.count].id) })
  measure(
    "path", "path PERSON PERSON (varied pairs)",
    try latencies(max(5, n / 4)) { i in
      _ = try store.path(
        from: people[i % people.count].id, to: people[(i * 7 + 3) % people.count].id)
    })
  measure(
    "neighbors_2", "neighbors PERSON --depth 2",
    try latencies(n) { i in _ = try store.neighbors(of: people[i % people.count].id, depth: 2) })
  let words = ["tariff", "semiconductor", "Vietnam", "cosmetics", "\"export support\""]
  measure(
    "search", "search WORD (20 results)",
    try latencies(n) { i in _ = try store.search(words[i % words.count]) })
  report.peakRSSBytes = Int(peakMemory() * 1024 * 1024)
  say(String(format: "peak memory: %.0f MiB", peakMemory()))
  if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
  }
}
