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

/// Latency percentiles of `body`, run `count` times with the iteration index.
func latencies(_ count: Int, _ body: (Int) throws -> Void) rethrows -> (
  median: Double, p95: Double
) {
  let clock = ContinuousClock()
  var times: [Double] = []
  times.reserveCapacity(count)
  for i in 0..<count {
    let start = clock.now
    try body(i)
    times.append(seconds(clock.now - start) * 1000)
  }
  times.sort()
  return (times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)])
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

func runStoreBenchmark(_ options: Options) throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "pressgraph-bench-\(getpid())")
  defer { try? FileManager.default.removeItem(at: folder) }
  let corpus = folder.appendingPathComponent("corpus")
  let files = try writeBenchmarkCorpus(options, folder: corpus)
  let databasePath = folder.appendingPathComponent("bench.sqlite").path
  let store = try GraphStore(
    DatabaseQueue(path: databasePath, configuration: GraphStore.configuration()))
  let extractor = EntityExtractor()
  let clock = ContinuousClock()
  let reader = CorpusReader(scanner: CorpusScanner(workingDirectory: folder))

  // Ingest: every file but the last in its own transaction, then one rebuild.
  let scan = reader.scanner.scan(files.dropLast().map(\.path))
  var storeTime = Duration.zero
  var readTime = Duration.zero
  for file in scan.files {
    let started = clock.now
    let outcome = reader.read(file)
    let read = clock.now
    _ = try store.store(outcome)
    readTime += read - started
    storeTime += clock.now - read
  }
  let rebuildTime = try clock.measure { try store.rebuild(with: extractor) }
  let counts = try store.counts()
  print(
    "store corpus (\(options.corpusKind.rawValue)): \(counts.releases) releases in "
      + "\(scan.files.count) files, "
      + "\(counts.entities) entities, \(counts.meetings) meetings")
  print(
    String(
      format: "ingest: read %.2f s, store %.2f s (%.0f releases/s), derive graph %.2f s",
      seconds(readTime), seconds(storeTime), Double(counts.releases) / seconds(storeTime),
      seconds(rebuildTime)))

  // Re-ingest: nothing changed.
  let again = try clock.measure {
    for file in scan.files { _ = try store.store(reader.read(file)) }
    if try store.needsRebuild(with: extractor) { try store.rebuild(with: extractor) }
  }
  print(String(format: "re-ingest, nothing changed: %.2f s", seconds(again)))
  // One new file into the full store.
  guard let lastURL = files.last, let last = reader.scanner.scan([lastURL.path]).files.first
  else { return }
  var added = 0
  let incremental = try clock.measure {
    let outcome = reader.read(last)
    added = outcome.releases.count
    _ = try store.store(outcome)
    try store.rebuild(with: extractor)
  }
  print(
    String(
      format: "ingest one new file (%d releases) into the full store: %.2f s", added,
      seconds(incremental)))
  let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0
  print(String(format: "store file: %.1f MB", Double(size) / 1_000_000))

  // Queries, each over varied entities.
  let people = try store.entities(type: .person).map(\.entity)
  let withMeetings = try store.entities(type: .person).filter { $0.meetings > 0 }.map(\.entity)
  // The hub: the busiest ministry of the corpus (MOTIE before its rename
  // in the realistic corpus, MOTIR in the seeds).
  let hubName = options.corpusKind == .realistic ? "MOTIE" : "MOTIR"
  let hub = try store.lookup(hubName)
  let n = options.queries
  func report(_ name: String, _ result: (median: Double, p95: Double)) {
    print(
      String(
        format: "  %-44@ median %7.2f ms   p95 %7.2f ms", name as NSString, result.median,
        result.p95))
  }
  print("query latency over \(n) runs each (one core):")
  report(
    "lookup (exact name)",
    try latencies(n) { i in _ = try store.lookup(people[i % people.count].name) })
  report(
    "lookup (prefix)",
    try latencies(n) { i in _ = try? store.lookup(String(people[i % people.count].name.dropLast(2)))
    })
  report(
    "met PERSON (who-met-whom)",
    try latencies(n) { i in _ = try store.meetings(of: withMeetings[i % withMeetings.count].id) })
  report(
    "lookup + met PERSON",
    try latencies(n) { i in
      _ = try store.meetings(of: store.lookup(withMeetings[i % withMeetings.count].name).id)
    })
  report(
    "met \(hubName) --as-org (hub: all its meetings)",
    try latencies(max(5, n / 20)) { _ in
      _ = try store.meetings(of: hub.id, filter: MeetingFilter(asOrganisations: true))
    })
  report(
    "met \(hubName) --since/--until one month",
    try latencies(max(5, n / 10)) { i in
      // One month of 2025 for the seeds, of 2018–2025 for the realistic corpus.
      let year = options.corpusKind == .realistic ? 2018 + i % 8 : 2025
      let month = String(
        format: "%04d-%02d", year, options.corpusKind == .realistic ? 1 + i / 8 % 12 : 1 + i % 12)
      _ = try store.meetings(
        of: hub.id,
        filter: MeetingFilter(
          since: MeetingFilter.bound(month, upper: false),
          until: MeetingFilter.bound(month, upper: true)))
    })
  report("show PERSON", try latencies(n) { i in _ = try store.card(people[i % people.count].id) })
  report(
    "path PERSON PERSON (varied pairs)",
    try latencies(max(5, n / 4)) { i in
      _ = try store.path(
        from: people[i % people.count].id, to: people[(i * 7 + 3) % people.count].id)
    })
  report(
    "neighbors PERSON --depth 2",
    try latencies(n) { i in _ = try store.neighbors(of: people[i % people.count].id, depth: 2) })
  let words = ["tariff", "semiconductor", "Vietnam", "cosmetics", "\"Foreign Company Day\""]
  report(
    "search WORD (20 results)",
    try latencies(n) { i in _ = try store.search(words[i % words.count]) })
  print(String(format: "peak memory: %.0f MiB", peakMemory()))
}
