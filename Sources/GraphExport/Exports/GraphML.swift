import EntityGraph
import GraphStore

/// A subgraph as GraphML 1.0 (`http://graphml.graphdrawing.org/xmlns`), for
/// Gephi, yEd, Cytoscape desktop, NetworkX and igraph.
///
/// The document declares its attributes with `<key>` elements, then holds
/// one `<graph edgedefault="directed">`:
/// - graph data: `title`, `kind`, `notes` (one per line);
/// - one `<node>` per entity, its `id` the entity id, with `label` (the
///   name), `type`, `country`, `role`, `organisation` (an entity id),
///   `meetings` (int), `firstSeen`, `lastSeen` and `center` (boolean);
/// - one `<edge>` per relation, ids `e1`, `e2`, … in the subgraph's order,
///   with `label` (the title, else the relation), `relation`, `title`,
///   `dates` (joined with "; "), `planned` (boolean) and `evidence` (the
///   first sentence, " — " and its release's title). Meeting edges carry
///   `directed="false"`: a meeting has no direction, and its source is only
///   the smaller id.
///
/// Unknown values are left out (no `<data>` element). Gephi takes the
/// `label` attribute as the node and edge label; yEd imports every key as
/// a custom property (Edit → Properties Mapper maps `label` to the node
/// label). All text goes through ``XMLEscaping``; nodes and edges keep the
/// order of the ``Subgraph``, so the same subgraph always gives the same
/// text.
public enum GraphML {
  /// The GraphML namespace.
  public static let namespace = "http://graphml.graphdrawing.org/xmlns"

  /// A declared attribute: its key id, domain, name and GraphML type.
  private struct Key {
    var id: String
    var domain: String
    var name: String
    var type: String
  }

  private static let keys: [Key] = [
    Key(id: "g_title", domain: "graph", name: "title", type: "string"),
    Key(id: "g_kind", domain: "graph", name: "kind", type: "string"),
    Key(id: "g_notes", domain: "graph", name: "notes", type: "string"),
    Key(id: "v_label", domain: "node", name: "label", type: "string"),
    Key(id: "v_type", domain: "node", name: "type", type: "string"),
    Key(id: "v_country", domain: "node", name: "country", type: "string"),
    Key(id: "v_role", domain: "node", name: "role", type: "string"),
    Key(id: "v_organisation", domain: "node", name: "organisation", type: "string"),
    Key(id: "v_meetings", domain: "node", name: "meetings", type: "int"),
    Key(id: "v_firstSeen", domain: "node", name: "firstSeen", type: "string"),
    Key(id: "v_lastSeen", domain: "node", name: "lastSeen", type: "string"),
    Key(id: "v_center", domain: "node", name: "center", type: "boolean"),
    Key(id: "e_label", domain: "edge", name: "label", type: "string"),
    Key(id: "e_relation", domain: "edge", name: "relation", type: "string"),
    Key(id: "e_title", domain: "edge", name: "title", type: "string"),
    Key(id: "e_dates", domain: "edge", name: "dates", type: "string"),
    Key(id: "e_planned", domain: "edge", name: "planned", type: "boolean"),
    Key(id: "e_evidence", domain: "edge", name: "evidence", type: "string"),
  ]

  /// The GraphML text of `subgraph`: UTF-8 XML with a declaration, ending
  /// in a newline.
  public static func encode(_ subgraph: Subgraph) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="\(namespace)" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="\(namespace) \(namespace)/1.0/graphml.xsd">

      """
    for key in keys {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\""
      out += " attr.type=\"\(key.type)\"/>\n"
    }
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
    func data(_ indent: String, _ key: String, _ value: String?) {
      guard let value else { return }
      out += "\(indent)<data key=\"\(key)\">\(XMLEscaping.text(value))</data>\n"
    }
    data("    ", "g_title", subgraph.title)
    data("    ", "g_kind", subgraph.kind.rawValue)
    data("    ", "g_notes", subgraph.notes.isEmpty ? nil : subgraph.notes.joined(separator: "\n"))
    for node in subgraph.nodes {
      out += "    <node id=\"\(XMLEscaping.attribute(node.entity.id))\">\n"
      data("      ", "v_label", node.entity.name)
      data("      ", "v_type", node.entity.type.rawValue)
      data("      ", "v_country", node.country)
      data("      ", "v_role", node.role)
      data("      ", "v_organisation", node.organisation)
      data("      ", "v_meetings", String(node.meetings))
      data("      ", "v_firstSeen", node.firstSeen)
      data("      ", "v_lastSeen", node.lastSeen)
      data("      ", "v_center", String(node.isCenter))
      out += "    </node>\n"
    }
    for (index, edge) in subgraph.edges.enumerated() {
      out += "    <edge id=\"e\(index + 1)\""
      out += " source=\"\(XMLEscaping.attribute(edge.source))\""
      out += " target=\"\(XMLEscaping.attribute(edge.target))\""
      out += edge.relation == .meeting ? " directed=\"false\">\n" : ">\n"
      data("      ", "e_label", edge.title ?? edge.relation.rawValue)
      data("      ", "e_relation", edge.relation.rawValue)
      data("      ", "e_title", edge.title)
      data("      ", "e_dates", edge.dates.isEmpty ? nil : edge.dates.joined(separator: "; "))
      data("      ", "e_planned", String(edge.planned))
      data(
        "      ", "e_evidence",
        edge.evidence.first.map { "\($0.sentence) — \($0.release.title)" })
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }
}
