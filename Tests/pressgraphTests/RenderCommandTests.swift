import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects element names, attributes and text of an XML document.
final class XMLSummary: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var text = ""

  static func parse(_ data: Data) -> XMLSummary? {
    let summary = XMLSummary()
    let parser = XMLParser(data: data)
    parser.delegate = summary
    return parser.parse() ? summary : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    elements.append((elementName, attributeDict))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

/// Runs a program from PATH with arguments, feeding nothing on stdin.
func runTool(_ tool: String, _ arguments: [String]) throws -> Run {
  try runProgram(
    URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, in: packageRoot, environment: [:])
}

@Suite("render and export")
struct RenderCommandTests {
  @Test(
    "render MOTIR --depth 1 -o motir.svg: well-formed SVG with the ministry's officials and counterparts"
  )
  func motirSVG() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("motir.svg")
    let run = try pressgraph(["render", "MOTIR", "--depth", "1", "-o", svg.path, "--db", db])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("wrote \(svg.path)"))
    let data = try Data(contentsOf: svg)
    let summary = try #require(XMLSummary.parse(data))
    for name in [
      "Ministry of Trade, Industry and Resources", "Kim Jung-kwan", "Yeo Han-koo", "Park Jung-sung",
      "SILICON2", "Ministry of Food and Drug Safety",
    ] {
      #expect(summary.text.contains(name), "\(name) is not drawn")
    }
    let nodes = summary.elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }
    #expect(nodes.count > 10)
    #expect(!summary.elements.contains { $0.name == "script" })
    #expect(
      !summary.elements.contains { $0.attributes.keys.contains { $0.lowercased().hasPrefix("on") } }
    )
  }

  @Test("render MOTIR --depth 1 -o motir.dot: DOT that the dot program accepts")
  func motirDOT() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("motir.dot")
    let run = try pressgraph(["render", "MOTIR", "--depth", "1", "-o", dot.path, "--db", db])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: dot, encoding: .utf8)
    #expect(text.hasPrefix("digraph pressgraph1 {"))
    let check = try runTool("dot", ["-Tsvg", dot.path])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.isEmpty)
    #expect(XMLSummary.parse(Data(check.stdout.utf8)) != nil)
  }

  @Test("the format follows the extension: JSON, GraphML and PNG")
  func formats() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("g.json")
    #expect(try pressgraph(["export", "-o", json.path, "--db", db, "-q"]).status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    #expect((object["nodes"] as? [Any])?.isEmpty == false)
    #expect((object["links"] as? [Any])?.isEmpty == false)
    let graphml = folder.appendingPathComponent("g.graphml")
    #expect(try pressgraph(["export", "-o", graphml.path, "--db", db, "-q"]).status == 0)
    #expect(XMLSummary.parse(try Data(contentsOf: graphml)) != nil)
    let png = folder.appendingPathComponent("p.png")
    #expect(
      try pressgraph(["render", "KATS", "-o", png.path, "--db", db, "-q"]).status == 0)
    #expect(try Data(contentsOf: png).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
  }

  @Test("the connection between two people: both, their bodies and the meeting")
  func connection() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph([
      "render", "Park Jung-sung", "--with", "Tran Quoc Phuong", "--format", "json", "--db", db,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let names = Set(
      (object["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
    #expect(
      names == [
        "Park Jung-sung", "Tran Quoc Phuong", "Ministry of Trade, Industry and Resources",
        "Ministry of Finance (Vietnam)",
      ])
    let meeting = (object["links"] as? [[String: Any]] ?? []).first {
      $0["relation"] as? String == "meeting"
    }
    #expect((meeting?["dates"] as? [String]) == ["2025-11-13"])
  }

  @Test("--limit keeps the nearest nodes and says what was cut")
  func limit() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try pressgraph([
      "render", "MOTIR", "--depth", "2", "--limit", "5", "--format", "dot", "--db", db,
    ])
    #expect(run.status == 0)
    #expect(run.stderr.contains("beyond the limit of 5 left out"))
    #expect(
      run.stdout.components(separatedBy: "\n").filter {
        $0.range(of: #"^  n\d+ \["#, options: .regularExpression) != nil
      }
      .count == 5)
  }
}

@Suite("graphs/: the example graphs")
struct GraphExamplesTests {
  @Test("graphs/*.dot are what the current code renders from the seeds (bash graphs/regenerate)")
  func fresh() throws {
    let (folder, db) = try seededStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let list = try String(
      contentsOf: packageRoot.appendingPathComponent("graphs/examples.tsv"), encoding: .utf8)
    var count = 0
    for line in list.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t").map(String.init)
      guard let name = fields.first else { continue }
      count += 1
      let output = folder.appendingPathComponent("\(name).dot")
      let run = try pressgraph(Array(fields.dropFirst()) + ["--db", db, "-q", "-o", output.path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
      let committed = packageRoot.appendingPathComponent("graphs/\(name).dot")
      let expected = (try? String(contentsOf: committed, encoding: .utf8)) ?? ""
      let actual = try String(contentsOf: output, encoding: .utf8)
      if expected != actual {
        let diff = actual.components(separatedBy: "\n").difference(
          from: expected.components(separatedBy: "\n"))
        let lines = diff.prefix(20).map { change -> String in
          switch change {
          case .remove(let offset, let text, _): "-\(offset + 1): \(text)"
          case .insert(let offset, let text, _): "+\(offset + 1): \(text)"
          }
        }
        let message =
          "graphs/\(name).dot is stale; run `bash graphs/regenerate`:\n"
          + lines.joined(separator: "\n")
        Issue.record(Comment(rawValue: message))
      }
      #expect(
        FileManager.default.fileExists(
          atPath: packageRoot.appendingPathComponent("graphs/\(name).svg").path))
    }
    #expect(count == 3)
  }
}
