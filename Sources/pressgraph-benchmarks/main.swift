// pressgraph's benchmarks: throughput of the reading and entity stages on
// one core, measured on a corpus built from the shipped seeds.
//
//   swift run -c release pressgraph-benchmarks [--seeds DIR] [--megabytes N] [--runs N]
//
// The corpus repeats the seed releases with their people and companies
// renamed per copy (so resolution sees many distinct entities, as a real
// corpus would), as a bundle file in memory. Each stage runs `--runs` times;
// the median is reported.
import EntityGraph
import Foundation
import PressReleases

struct Options {
  var seeds = "seeds"
  var megabytes = 8.0
  var runs = 5
  /// Read this bundle instead of building one (for profiling under valgrind).
  var corpus: String?
  /// Write the built bundle here and stop.
  var writeCorpus: String?
  /// Run the store benchmark instead.
  var store = false
  /// Print the store benchmark's results as one JSON object.
  var json = false
  /// Releases for the store benchmark.
  var releases = 10_008
  /// Runs per query in the store benchmark.
  var queries = 200
  /// The store benchmark's corpus: `realistic` (CorpusGenerator.swift) or
  /// `seed-copies` (renamed copies of the seeds, each person once).
  var corpusKind = CorpusKind.realistic
  /// Write the store benchmark's corpus to this folder and stop.
  var writeStoreCorpus: String?
  /// The generator's seed.
  var seed: UInt64 = 1
  /// Run the render benchmark instead.
  var render = false
  /// The pressgraph executable whose render-worker the fenced renderer uses.
  var pressgraph: String?
  /// Run the release-size scaling benchmark instead.
  var scaling = false

  init(_ arguments: [String]) {
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
      switch argument {
      case "--seeds": seeds = iterator.next() ?? seeds
      case "--megabytes": megabytes = iterator.next().flatMap(Double.init) ?? megabytes
      case "--runs": runs = iterator.next().flatMap(Int.init) ?? runs
      case "--corpus": corpus = iterator.next()
      case "--write-corpus": writeCorpus = iterator.next()
      case "--store": store = true
      case "--json": json = true
      case "--render": render = true
      case "--scaling": scaling = true
      case "--pressgraph": pressgraph = iterator.next()
      case "--releases": releases = iterator.next().flatMap(Int.init) ?? releases
      case "--queries": queries = iterator.next().flatMap(Int.init) ?? queries
      case "--corpus-kind":
        let value = iterator.next() ?? ""
        guard let kind = CorpusKind(rawValue: value) else {
          FileHandle.standardError.write(
            Data("--corpus-kind must be realistic or seed-copies, not \(value)\n".utf8))
          exit(64)
        }
        corpusKind = kind
      case "--write-store-corpus": writeStoreCorpus = iterator.next()
      case "--seed": seed = iterator.next().flatMap { UInt64($0) } ?? seed
      case "--help", "-h":
        print(
          "usage: pressgraph-benchmarks [--seeds DIR] [--megabytes N] [--runs N] "
            + "[--write-corpus FILE | --corpus FILE]\n"
            + "       pressgraph-benchmarks --store [--releases N] [--queries N] [--json]"
            + " [--corpus-kind realistic|seed-copies] [--seed N] [--seeds DIR]\n"
            + "       pressgraph-benchmarks --write-store-corpus DIR [--releases N]"
            + " [--corpus-kind realistic|seed-copies] [--seed N]\n"
            + "       pressgraph-benchmarks --render [--runs N] [--pressgraph PATH]\n"
            + "       pressgraph-benchmarks --scaling [--runs N]")
        exit(0)
      default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(64)
      }
    }
  }
}

/// The median and the best (shortest) wall time of `runs` executions of
/// `body`. On a shared machine the best run shows the code's own speed; the
/// median shows what a user sees.
func measure(runs: Int, _ body: () -> Void) -> (median: Duration, best: Duration) {
  let clock = ContinuousClock()
  var times: [Duration] = []
  for _ in 0..<runs { times.append(clock.measure(body)) }
  let sorted = times.sorted()
  return (sorted[sorted.count / 2], sorted[0])
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Peak resident memory of this process in MiB.
func peakMemory() -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return Double(usage.ru_maxrss) / 1024
}

/// Which corpus the store benchmark ingests.
enum CorpusKind: String {
  case realistic
  case seedCopies = "seed-copies"
}

func run() async {
  let options = Options(CommandLine.arguments)
  if let folder = options.writeStoreCorpus {
    do {
      try writeStoreCorpusOnly(options, folder: URL(fileURLWithPath: folder))
    } catch {
      FileHandle.standardError.write(Data("writing the store corpus failed: \(error)\n".utf8))
      exit(1)
    }
    return
  }
  if options.store {
    do {
      try await runStoreBenchmark(options)
    } catch {
      FileHandle.standardError.write(Data("store benchmark failed: \(error)\n".utf8))
      exit(1)
    }
    return
  }
  if options.scaling {
    runScalingBenchmark(options)
    return
  }
  if options.render {
    do {
      try runRenderBenchmark(options)
    } catch {
      FileHandle.standardError.write(Data("render benchmark failed: \(error)\n".utf8))
      exit(1)
    }
    return
  }
  let seedSummary = CorpusReader().read([options.seeds])
  let seedReleases = seedSummary.releases
  guard !seedReleases.isEmpty else {
    FileHandle.standardError.write(Data("no seed releases found in \(options.seeds)\n".utf8))
    exit(1)
  }

  // A bundle of renamed copies of the seed releases.
  let names = ["Han", "Seo", "Yoon", "Baek", "Moon", "Song", "Hwang", "Jeon", "Nam", "Ryu"]
  var bundle = ""
  var copy = 0
  while options.corpus == nil, bundle.utf8.count < Int(options.megabytes * 1_000_000) {
    let family = names[copy % names.count]
    let given = "Gi-\(String(UnicodeScalar(UInt8(97 + copy / names.count % 26))))\(copy / 260)"
    for release in seedReleases {
      var body = release.body.replacingOccurrences(of: "\n\n", with: " ")
      for surname in ["Kim", "Park", "Lee", "Choi", "Yeo", "Kang", "Oh"] {
        body = body.replacingOccurrences(of: "\(surname) ", with: "\(family) \(given) \(surname)")
      }
      body = body.replacingOccurrences(of: "SILICON2", with: "SILICON\(copy)")
      let date = release.date?.description ?? "2025-11-14"
      bundle += "-\nTrade/Investment\n\(release.title) \(copy)\n\(body) date\(date)\n"
    }
    copy += 1
  }
  if let path = options.writeCorpus {
    FileManager.default.createFile(atPath: path, contents: Data(bundle.utf8))
    print("wrote \(bundle.utf8.count) bytes to \(path)")
    return
  }
  if let path = options.corpus, let data = FileManager.default.contents(atPath: path) {
    bundle = String(decoding: data, as: UTF8.self)
  }
  let bytes = Array(bundle.utf8)
  let megabytes = Double(bytes.count) / 1_000_000
  let document = SourceDocument(path: "bench/bundle.txt", format: .text, bytes: bytes)

  var releases: [Release] = []
  let readTime = measure(runs: options.runs) {
    releases = ReleaseReader().read(document).releases
  }
  let extractor = EntityExtractor()
  var graph = extractor.extract(Array(releases.prefix(1)))
  let extractTime = measure(runs: options.runs) {
    graph = extractor.extract(releases)
  }
  let meetings = graph.releases.reduce(0) { $0 + $1.meetings.count }

  func row(_ stage: String, _ time: (median: Duration, best: Duration)) -> String {
    let s = seconds(time.median)
    let b = seconds(time.best)
    return String(
      format: "%-28@ %8.3f s %9.1f MB/s %10.0f releases/s   (best %.1f MB/s, %.0f releases/s)",
      stage as NSString, s, megabytes / s, Double(releases.count) / s, megabytes / b,
      Double(releases.count) / b)
  }
  print(
    "corpus: \(String(format: "%.1f", megabytes)) MB, \(releases.count) releases, median of \(options.runs) runs, one core"
  )
  print(row("read (bytes → releases)", readTime))
  print(row("extract (releases → graph)", extractTime))
  print(row("both", (readTime.median + extractTime.median, readTime.best + extractTime.best)))
  print("graph: \(graph.entities.count) entities, \(meetings) meetings")
  print(String(format: "peak memory: %.0f MiB", peakMemory()))
}

await run()
