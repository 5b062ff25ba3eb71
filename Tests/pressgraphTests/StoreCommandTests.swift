import Foundation
import Testing

/// Decodes stdout as JSON.
func json(_ run: Run) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
}

/// A temporary folder with a store of the seeds; the caller removes it.
func seededStore() throws -> (folder: URL, db: String) {
  let folder = try temporaryFolder()
  let db = folder.appendingPathComponent("test.sqlite").path
  let run = try pressgraph(["ingest", "seeds/", "--db", db, "-q"])
  #expect(run.status == 0, "\(run.stderr)")
  return (folder, db)
}

@Suite("Store commands: ingest, queries and corrections")
struct StoreCommandTests {
  @Test("ingest seeds/ stores 12 releases; ingesting again changes nothing, ids included")
  func ingestTwice() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("s.sqlite").path
    let first = try pressgraph(["ingest", "seeds/", "--db", db, "--json"])
    #expect(first.status == 0)
    let summary = try #require(try json(first) as? [String: Any])
    #expect(summary["added"] as? Int == 3)
    #expect(summary["releases"] as? Int == 12)
    #expect(summary["graphRebuilt"] as? Bool == true)
    let entities = try pressgraph(["entities", "--db", db, "--json"])
    let second = try pressgraph(["ingest", "seeds/", "--db", db, "--json"])
    #expect(second.status == 0)
    let again = try #require(try json(second) as? [String: Any])
    #expect(again["unchanged"] as? Int == 3)
    #expect(again["added"] as? Int == 0)
    #expect(again["graphRebuilt"] as? Bool == false)
    #expect(again["entities"] as? Int == summary["entities"] as? Int)
    #expect(again["meetings"] as? Int == summary["meetings"] as? Int)
    #expect(try pressgraph(["entities", "--db", db, "--json"]).stdout == entities.stdout)
  }

  @Test("the summary on stderr counts files, releases, entities and meetings")
  func ingestSummary() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("s.sqlite").path
    let run = try pressgraph(["ingest", "seeds/", "--db", db])
    #expect(run.stderr.contains("3 files: 3 new; 12 releases stored"))
    #expect(run.stderr.contains("12 releases, "))
  }

  @Test(
    "met \"Park Jung-sung\": Tran Quoc Phuong, 2025-11-13, Lotte Hotel Seoul, with the sentence")
  func metPark() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph(["met", "Park Jung-sung", "--db", db, "--json"])
    #expect(run.status == 0)
    let page = try #require(try json(run) as? [String: Any])
    let rows = try #require(page["rows"] as? [[String: Any]])
    let row = try #require(
      rows.first { ($0["counterpart"] as? [String: Any])?["name"] as? String == "Tran Quoc Phuong" }
    )
    #expect(row["date"] as? String == "2025-11-13")
    #expect(row["place"] as? String == "Lotte Hotel Seoul")
    #expect(row["status"] as? String == "held")
    #expect((row["evidence"] as? String)?.contains("met with Tran Quoc Phuong") == true)
    #expect((row["release"] as? [String: Any])?["date"] as? String == "2025-11-14")
    let text = try pressgraph(["met", "Park Jung-sung", "--db", db])
    #expect(text.stdout.contains("2025-11-13, Lotte Hotel Seoul"))
    #expect(text.stdout.contains("met Tran Quoc Phuong"))
  }

  @Test("met pages newest first: --limit and --offset walk the meetings, and the total is told")
  func metPages() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let all = try #require(
      try json(try pressgraph(["met", "MOTIR", "--as-org", "--limit", "0", "--db", db, "--json"]))
        as? [String: Any])
    let total = try #require(all["total"] as? Int)
    #expect(total >= 3)
    let ids = try #require(all["rows"] as? [[String: Any]]).compactMap { $0["meeting"] as? String }
    var order: [String] = []
    for id in ids where order.last != id { order.append(id) }
    #expect(order.count == total)
    var walked: [String] = []
    for offset in stride(from: 0, to: total, by: 2) {
      let page = try #require(
        try json(
          try pressgraph([
            "met", "MOTIR", "--as-org", "--limit", "2", "--offset", "\(offset)", "--db", db,
            "--json",
          ])) as? [String: Any])
      #expect(page["total"] as? Int == total)
      for row in try #require(page["rows"] as? [[String: Any]]) {
        if let id = row["meeting"] as? String, walked.last != id { walked.append(id) }
      }
    }
    #expect(walked == order)
    let text = try pressgraph(["met", "MOTIR", "--as-org", "--limit", "2", "--db", db])
    #expect(text.stderr.contains("meetings 1–2 of \(total), newest first"))
    #expect(text.stderr.contains("--offset 2"))
    let beyond = try pressgraph(["met", "MOTIR", "--offset", "999", "--db", db])
    #expect(beyond.status == 0)
    #expect(beyond.stderr.contains("none after --offset 999"))
    #expect(try pressgraph(["met", "MOTIR", "--limit", "-1", "--db", db]).status == 64)
  }

  @Test("met MOTIR --as-org names the bodies that met the ministry, not the ministry itself")
  func metAsOrg() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph(["met", "MOTIR", "--as-org", "--db", db, "--json"])
    #expect(run.status == 0)
    let page = try #require(try json(run) as? [String: Any])
    let rows = try #require(page["rows"] as? [[String: Any]])
    #expect(page["total"] as? Int == Set(rows.compactMap { $0["meeting"] as? String }).count)
    let ids = Set(rows.compactMap { ($0["counterpart"] as? [String: Any])?["id"] as? String })
    let names = Set(rows.compactMap { ($0["counterpart"] as? [String: Any])?["name"] as? String })
    #expect(names.contains("Ministry of Finance (Vietnam)"))
    #expect(names.contains("Ministry of Science and ICT"))
    #expect(names.contains("Ministry of Health and Welfare"))
    #expect(names.contains("Ministry of Food and Drug Safety"))
    #expect(names.contains("SILICON2"))
    #expect(!ids.contains("ministry:kr-motir"))
    #expect(
      !rows.contains { ($0["counterpart"] as? [String: Any])?["type"] as? String == "person" })
  }

  @Test(
    "show \"JK Kim\": one person with every variant, Minister of MOTIR, seen 2025-11-06 to 2025-11-19"
  )
  func showJKKim() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph(["show", "JK Kim", "--db", db, "--json"])
    #expect(run.status == 0)
    let card = try #require(try json(run) as? [String: Any])
    let entity = try #require(card["entity"] as? [String: Any])
    #expect(entity["name"] as? String == "Kim Jung-kwan")
    #expect(entity["type"] as? String == "person")
    let aliases = Set(card["aliases"] as? [String] ?? [])
    #expect(aliases.isSuperset(of: ["JK Kim", "JK Ki", "Kim JK Kim"]))
    #expect(card["firstSeen"] as? String == "2025-11-06")
    #expect(card["lastSeen"] as? String == "2025-11-19")
    let titles = try #require(card["affiliations"] as? [[String: Any]])
    #expect(
      titles.contains {
        $0["title"] as? String == "Minister"
          && ($0["org"] as? [String: Any])?["id"] as? String == "ministry:kr-motir"
      })
  }

  @Test("path \"Yeo Han-koo\" \"Oh Yu-kyoung\" finds a chain and quotes each step")
  func path() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph(["path", "Yeo Han-koo", "Oh Yu-kyoung", "--db", db, "--json"])
    #expect(run.status == 0)
    let hops = try #require(try json(run) as? [[String: Any]])
    #expect(!hops.isEmpty && hops.count <= 4)
    #expect((hops.first?["from"] as? [String: Any])?["name"] as? String == "Yeo Han-koo")
    #expect((hops.last?["to"] as? [String: Any])?["name"] as? String == "Oh Yu-kyoung")
    #expect(hops.allSatisfy { $0["evidence"] is String })
    let text = try pressgraph(["path", "Yeo Han-koo", "Oh Yu-kyoung", "--db", db])
    #expect(text.stdout.hasPrefix("Yeo Han-koo → Oh Yu-kyoung: "))
    #expect(text.stdout.contains("1. Yeo Han-koo is Trade Minister at"))
  }

  @Test("an ambiguous name lists candidates and exits 2; an unknown one suggests and exits 1")
  func lookupFailures() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let ambiguous = try pressgraph(["show", "Kim", "--db", db])
    #expect(ambiguous.status == 2)
    #expect(ambiguous.stderr.contains("\"Kim\" is ambiguous"))
    #expect(ambiguous.stderr.contains("Kim Dae-ja"))
    #expect(ambiguous.stderr.contains("Kim Sun-young"))
    let unknown = try pressgraph(["met", "Tran Quoc Phang Minh", "--db", db])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("Did you mean"))
    #expect(unknown.stderr.contains("Tran Quoc Phuong"))
  }

  @Test("queries without a store say how to make one; PRESSGRAPH_DB names the store")
  func noStore() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try pressgraph(["entities"], in: folder)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("pressgraph ingest"))
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("pressgraph.sqlite").path))
    let db = folder.appendingPathComponent("env.sqlite").path
    let ingest = try pressgraph(["ingest", "seeds/", "-q"], environment: ["PRESSGRAPH_DB": db])
    #expect(ingest.status == 0)
    #expect(FileManager.default.fileExists(atPath: db))
    let entities = try pressgraph(
      ["entities", "--type", "company"], in: folder, environment: ["PRESSGRAPH_DB": db])
    #expect(entities.status == 0)
    #expect(entities.stdout.contains("SILICON2"))
  }

  @Test("a merge made on the command line survives ingesting more files")
  func mergeSurvivesIngest() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("m.sqlite").path
    #expect(
      try pressgraph([
        "ingest", "seeds/000_b2091c199c6b9433.txt", "seeds/001_eb9092cc9fc49135.txt", "--db", db,
        "-q",
      ]).status == 0)
    let merge = try pressgraph(["merge", "Yeo Han-koo", "Park Jung-sung", "--db", db])
    #expect(merge.status == 0, "\(merge.stderr)")
    #expect(merge.stderr.contains("correction #1 stored"))
    #expect(try pressgraph(["ingest", "seeds/", "--db", db, "-q"]).status == 0)
    let card = try #require(
      try json(try pressgraph(["show", "Park Jung-sung", "--db", db, "--json"])) as? [String: Any])
    #expect((card["entity"] as? [String: Any])?["name"] as? String == "Yeo Han-koo")
    let list = try pressgraph(["corrections", "--db", db])
    #expect(list.stdout.contains("merge Park Jung-sung into Yeo Han-koo"))
    #expect(try pressgraph(["corrections", "--remove", "1", "--db", db, "-q"]).status == 0)
    let after = try #require(
      try json(try pressgraph(["show", "Park Jung-sung", "--db", db, "--json"])) as? [String: Any])
    #expect((after["entity"] as? [String: Any])?["name"] as? String == "Park Jung-sung")
  }

  @Test("a bad file is reported by name and exits 1, and the good files are stored")
  func badFileInIngest() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("seeds/002_d9c99c24d1cd3b41.txt"),
      to: input.appendingPathComponent("good.txt"))
    try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: input.appendingPathComponent("broken.txt"))
    let db = folder.appendingPathComponent("b.sqlite").path
    let run = try pressgraph(["ingest", input.path, "--db", db, "--json"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("broken.txt"))
    let summary = try #require(try json(run) as? [String: Any])
    #expect(summary["added"] as? Int == 1)
    #expect(summary["failed"] as? Int == 1)
    #expect(summary["releases"] as? Int == 1)
  }

  @Test("search finds sentences; neighbors and entities answer in JSON")
  func searchAndNeighbors() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let search = try pressgraph(["search", "Lotte", "Hotel", "--db", db, "--json"])
    let hits = try #require(try json(search) as? [[String: Any]])
    #expect(hits.contains { ($0["text"] as? String)?.contains("Lotte Hotel Seoul") == true })
    let neighbors = try pressgraph(["neighbors", "KATS", "--db", db, "--json"])
    let neighborhood = try #require(try json(neighbors) as? [String: Any])
    #expect(neighborhood["truncated"] as? Bool == false)
    let rows = try #require(neighborhood["neighbors"] as? [[String: Any]])
    #expect(rows.contains { ($0["entity"] as? [String: Any])?["name"] as? String == "Kim Dae-ja" })
    let cut = try pressgraph([
      "neighbors", "Park Jung-sung", "--depth", "2", "--limit", "2", "--db", db,
    ])
    #expect(cut.status == 0)
    #expect(cut.stderr.contains("the list stops at 2 entities"))
    let hubs = try pressgraph([
      "neighbors", "Park Jung-sung", "--depth", "2", "--max-degree", "2", "--db", db,
    ])
    #expect(hubs.stderr.contains("not walked through"))
    #expect(hubs.stderr.contains("Ministry of Trade, Industry and Resources ("))
    let bad = try pressgraph(["met", "MOTIR", "--since", "November", "--db", db])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("2025-11"))
  }
}
