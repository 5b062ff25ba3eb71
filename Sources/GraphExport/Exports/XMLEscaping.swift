/// The two places entity text can reach in an XML document (GraphML), each
/// with one function.
///
/// XML 1.0 (Fifth Edition) is the reference: §2.2 (`Char`: which characters
/// a document may contain at all), §2.4 (character data and markup), §2.11
/// (end-of-line handling) and §3.3.3 (attribute-value normalisation). The
/// output of both functions, put between tags or between quotes, is read
/// back by any conforming parser as exactly the input, minus the characters
/// XML 1.0 cannot carry.
public enum XMLEscaping {
  /// Text for element content (`<data key="v_label">…</data>`).
  ///
  /// Spec, scalar by scalar:
  /// 1. characters XML 1.0 does not allow are removed: C0 controls other
  ///    than tab, LF and CR (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F),
  ///    and U+FFFE and U+FFFF. §2.2 allows no way to write them, not even
  ///    as a character reference (`&#1;` is itself a well-formedness error),
  ///    and a parser must reject the whole document on meeting one;
  /// 2. `&` becomes `&amp;`: it starts an entity or character reference
  ///    (§2.4), so without it `&copy;` would be read as a reference to an
  ///    undeclared entity (an error) and `&#60;` as `<`;
  /// 3. `<` becomes `&lt;`: it starts a tag (§2.4), so `<script>` would
  ///    become markup;
  /// 4. `>` becomes `&gt;`: §2.4 forbids the sequence `]]>` in content,
  ///    and escaping every `>` rules it out without looking back;
  /// 5. CR becomes `&#13;`: §2.11 turns every literal CR and CR LF into
  ///    LF before parsing, and only a character reference keeps a CR.
  ///
  /// Everything else, tab, LF, DEL, C1 controls and all non-ASCII text
  /// included, is written as it is: XML 1.0 allows it and the document is
  /// UTF-8.
  public static func text(_ text: String) -> String {
    escape(text, attribute: false)
  }

  /// Text for an attribute value between double or single quotes
  /// (`<node id="…">`).
  ///
  /// Spec: as ``text(_:)`` (removals, `&`, `<`, `>`, CR), and also:
  /// 1. `"` becomes `&quot;` and `'` becomes `&#39;`: either would end a
  ///    value quoted with it; escaping both makes the output safe between
  ///    either kind of quote;
  /// 2. tab becomes `&#9;` and LF becomes `&#10;` (and CR `&#13;`): §3.3.3
  ///    replaces every literal whitespace character of an attribute value
  ///    with a space, but keeps those written as character references.
  ///
  /// `<` is required here too: §3.1 (`AttValue`) forbids a literal `<` in
  /// attribute values.
  public static func attribute(_ text: String) -> String {
    escape(text, attribute: true)
  }

  /// True for the scalars XML 1.0 allows in a document (§2.2, `Char`):
  /// tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF.
  /// Surrogates cannot occur in a Swift string, so only C0 controls,
  /// U+FFFE and U+FFFF are refused.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x00..<0x20: false
    case 0xFFFE, 0xFFFF: false
    default: true
    }
  }

  /// Both functions: one pass over the scalars (a removed control must not
  /// take a combining mark or a joiner with it).
  private static func escape(_ text: String, attribute: Bool) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result.append(contentsOf: "&amp;".unicodeScalars)
      case "<": result.append(contentsOf: "&lt;".unicodeScalars)
      case ">": result.append(contentsOf: "&gt;".unicodeScalars)
      case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
      case "\"" where attribute: result.append(contentsOf: "&quot;".unicodeScalars)
      case "'" where attribute: result.append(contentsOf: "&#39;".unicodeScalars)
      case "\t" where attribute: result.append(contentsOf: "&#9;".unicodeScalars)
      case "\n" where attribute: result.append(contentsOf: "&#10;".unicodeScalars)
      default:
        if isAllowed(scalar) { result.append(scalar) }
      }
    }
    return String(result)
  }
}
