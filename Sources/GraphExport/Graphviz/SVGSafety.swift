import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A defence-in-depth check of SVG before it is written or embedded.
///
/// Our DOT encoder never emits `URL`, `href` or `stylesheet`, and Graphviz
/// XML-escapes label and tooltip text, so a drawing of ours should always
/// pass. The check catches a regression in either, and the C0 control
/// characters Graphviz 2.42 copies into SVG unescaped (which make it
/// ill-formed).
public enum SVGSafety {
  /// Elements that run script or embed other documents.
  static let forbiddenElements: Set<String> = [
    "script", "foreignobject", "iframe", "object", "embed",
  ]

  /// Checks `svg`, throwing ``GraphExportError/unsafeSVG(reason:)`` on the
  /// first problem:
  /// - it must be well-formed XML (parsed with `XMLParser`, external
  ///   entities not resolved), without entity declarations;
  /// - no `script`, `foreignObject`, `iframe`, `object` or `embed` element
  ///   (any case, any namespace prefix);
  /// - no attribute whose name starts with `on` (event handlers);
  /// - no `href` or `xlink:href` that does not start with `#`;
  /// - no `javascript:` (or `vbscript:`, in any case, with whitespace and
  ///   control characters inside ignored) in an attribute value, in a
  ///   `<style>` element, in CDATA or in a processing instruction. Label
  ///   text (`<text>`, `<title>`) and tooltips (`xlink:title`) are shown,
  ///   never run, so they may contain those words: an entity may be called
  ///   "javascript: the good parts";
  /// - no `xml-stylesheet` processing instruction.
  public static func check(_ svg: String) throws(GraphExportError) {
    // swift-corelibs-foundation's XMLParser neither reports entity
    // declarations to its delegate nor refuses them, so look for them in
    // the text. (In well-formed XML, `<!ENTITY` can only be a declaration,
    // or sit in a comment or CDATA, where rejecting it costs nothing.)
    if svg.contains("<!ENTITY") { throw .unsafeSVG(reason: "an entity declaration") }
    // A stream, not `XMLParser(data:)`: given the whole document at once,
    // libxml2 refuses documents over its 10,000,000-byte lookahead limit
    // (XML_PARSE_HUGE is not set), so every SVG above about 10 MB failed
    // as "not well-formed". Fed in chunks, it checks any size.
    let parser = XMLParser(stream: InputStream(data: Data(svg.utf8)))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    let inspector = Inspector()
    parser.delegate = inspector
    let parsed = parser.parse()
    if let problem = inspector.problem { throw .unsafeSVG(reason: problem) }
    // On Linux, `parse()` returns true after some fatal errors (a
    // mismatched or missing end tag, content after the root element): the
    // error only shows in `parserError` and the delegate.
    let error = inspector.parseError ?? parser.parserError
    guard parsed, error == nil else {
      let code = error.map { " (XMLParser error \(($0 as NSError).code))" } ?? ""
      throw .unsafeSVG(
        reason: "not well-formed XML near line \(inspector.errorLine ?? parser.lineNumber)\(code)")
    }
    guard inspector.sawRoot else { throw .unsafeSVG(reason: "no root <svg> element") }
  }

  /// Whether `text` names a script URL scheme once case, whitespace and
  /// control characters are ignored (browsers ignore them too).
  static func hasScriptScheme(_ text: String) -> Bool {
    // Most values (path data, coordinates) have no colon: skip them cheaply.
    guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
    var squeezed = ""
    squeezed.unicodeScalars.append(
      contentsOf: text.unicodeScalars.lazy.filter { $0.value > 0x20 && $0.value != 0x7F })
    let lowered = squeezed.lowercased()
    return lowered.contains("javascript:") || lowered.contains("vbscript:")
  }

  /// The XMLParser delegate that looks for problems.
  private final class Inspector: NSObject, XMLParserDelegate {
    var problem: String?
    var parseError: Error?
    var errorLine: Int?
    var sawRoot = false
    var styleDepth = 0

    private func reject(_ parser: XMLParser, _ reason: String) {
      guard problem == nil else { return }
      problem = reason
      parser.abortParsing()
    }

    /// The name without a namespace prefix, lowercased.
    private func localName(_ name: String) -> String {
      let local = name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
      // Graphviz's names are lowercase ASCII already: skip the copy.
      if local.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
        return String(local)
      }
      return local.lowercased()
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      if !sawRoot {
        sawRoot = true
        if localName(elementName) != "svg" {
          reject(parser, "the root element is <\(elementName)>, not <svg>")
          return
        }
      }
      let element = localName(elementName)
      if SVGSafety.forbiddenElements.contains(element) {
        reject(parser, "a <\(elementName)> element")
        return
      }
      if element == "style" { styleDepth += 1 }
      // The problem of the first attribute by name, so that the reason
      // does not depend on dictionary order.
      var found: (name: String, reason: String)?
      for (name, value) in attributeDict {
        guard let reason = problem(name: name, value: value, element: elementName) else { continue }
        if found == nil || name < found?.name ?? "" { found = (name, reason) }
      }
      if let found { reject(parser, found.reason) }
    }

    /// What is wrong with one attribute, if anything.
    private func problem(name: String, value: String, element: String) -> String? {
      let local = localName(name)
      if local.hasPrefix("on") || name.lowercased().hasPrefix("on") {
        return "an event handler attribute \(name) on <\(element)>"
      }
      if local == "href", !value.hasPrefix("#") {
        return "a link to \"\(value.prefix(80))\" on <\(element)> (only #id allowed)"
      }
      if local != "title", SVGSafety.hasScriptScheme(value) {
        return "a script URL in attribute \(name) of <\(element)>"
      }
      return nil
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      if localName(elementName) == "style" { styleDepth -= 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if styleDepth > 0, SVGSafety.hasScriptScheme(string) {
        reject(parser, "a script URL in a <style> element")
      }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      if SVGSafety.hasScriptScheme(String(decoding: CDATABlock, as: UTF8.self)) {
        reject(parser, "a script URL in CDATA")
      }
    }

    func parser(
      _ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?
    ) {
      if target.lowercased() == "xml-stylesheet" {
        reject(parser, "an xml-stylesheet processing instruction")
      } else if SVGSafety.hasScriptScheme(data ?? "") {
        reject(parser, "a script URL in a processing instruction")
      }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      if self.parseError == nil {
        self.parseError = parseError
        errorLine = parser.lineNumber
      }
    }

    func parser(
      _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
    ) {
      reject(parser, "an entity declaration (\(name))")
    }

    func parser(
      _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String,
      publicID: String?, systemID: String?
    ) {
      reject(parser, "an external entity declaration (\(name))")
    }

    func parser(
      _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String,
      publicID: String?, systemID: String?, notationName: String?
    ) {
      reject(parser, "an unparsed entity declaration (\(name))")
    }
  }
}
