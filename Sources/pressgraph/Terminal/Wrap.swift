/// Wraps `text` to `width` columns (nil: no wrapping). The first line starts
/// with `indent`, the others with as many spaces.
func wrap(_ text: String, width: Int?, indent: String) -> String {
  let single = Table.singleLine(text)
  guard let width, width - displayWidth(indent) >= 20 else { return indent + single }
  let room = width - displayWidth(indent)
  var lines: [String] = []
  var line = ""
  for word in single.split(separator: " ", omittingEmptySubsequences: true) {
    let candidate = line.isEmpty ? String(word) : line + " " + word
    if displayWidth(candidate) > room, !line.isEmpty {
      lines.append(line)
      line = String(word)
    } else {
      line = candidate
    }
  }
  if !line.isEmpty { lines.append(line) }
  let hanging = String(repeating: " ", count: displayWidth(indent))
  return lines.enumerated().map { ($0.offset == 0 ? indent : hanging) + $0.element }
    .joined(separator: "\n")
}
