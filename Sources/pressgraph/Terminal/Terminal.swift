import Foundation
import PressReleases

/// Where the command writes: results to stdout, everything else to stderr.
struct Terminal {
  /// True when stdout is a terminal (tables are then fitted to its width).
  var stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
  /// True when stderr is a terminal (progress is then shown).
  var stderrIsTerminal = isatty(STDERR_FILENO) == 1

  /// The width to fit tables to, or nil when stdout is not a terminal.
  var width: Int? {
    guard stdoutIsTerminal else { return nil }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20
    {
      return columns
    }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
      return Int(size.ws_col)
    }
    return 100
  }

  /// Writes text to stdout, adding a final newline when missing; control
  /// characters from data are escaped (``TerminalText/escaped(_:keepNewlines:)``).
  func write(_ text: String) throws(OutputFailure) {
    try writeEscaped(TerminalText.escaped(text))
  }

  /// Writes text that is already escaped (it may hold our own terminal
  /// codes, such as bold), adding a final newline when missing.
  func writeEscaped(_ text: String) throws(OutputFailure) {
    try StandardStreams.writeOutput(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Writes bytes to stdout as they are (a drawing).
  func writeBytes(_ bytes: [UInt8]) throws(OutputFailure) {
    try StandardStreams.writeOutput(bytes)
  }

  /// Writes a line to stderr, control characters escaped. A failure is
  /// remembered and makes the tool exit 74 at the end.
  func status(_ text: String) {
    StandardStreams.writeError(Array((TerminalText.escaped(text) + "\n").utf8))
  }

  /// Encodes `value` as pretty JSON with sorted keys (stable bytes) to stdout.
  func writeJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    try StandardStreams.writeOutput(data)
  }

  /// Prints diagnostics to stderr; notes are left out when `quiet`.
  func report(_ diagnostics: [Diagnostic], quiet: Bool) {
    for diagnostic in diagnostics where !(quiet && diagnostic.severity == .note) {
      status(diagnostic.description)
    }
  }

  /// ", 2 warnings, 1 error" for a summary line; empty when there are none.
  func problemCounts(_ diagnostics: [Diagnostic]) -> String {
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    let errors = diagnostics.filter { $0.severity == .error }.count
    var parts: [String] = []
    if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
    if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
  }
}

/// Shows "files done, items/s" on stderr during long runs, when stderr is a
/// terminal; silent otherwise.
final class ProgressReporter {
  private let terminal: Terminal
  private let enabled: Bool
  private let noun: String
  private let started = Date()
  private var done = 0
  private var items = 0
  private var lastDraw = Date.distantPast
  private var drawn = false

  init(terminal: Terminal, enabled: Bool, noun: String) {
    self.terminal = terminal
    self.enabled = enabled && terminal.stderrIsTerminal
    self.noun = noun
  }

  /// Counts one more unit of work out of `total`, with `items` produced.
  func advance(total: Int, items produced: Int) {
    done += 1
    items += produced
    guard enabled, total >= 20 else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
    lastDraw = now
    let elapsed = max(now.timeIntervalSince(started), 0.001)
    let rate = Double(items) / elapsed
    let line = "\(done)/\(total) \(noun), \(items) releases, \(Int(rate)) releases/s"
    StandardStreams.writeError(Array(("\r" + TerminalText.escaped(line, keepNewlines: false)).utf8))
    drawn = true
  }

  /// Clears the progress line.
  func finish() {
    if drawn { StandardStreams.writeError(Array("\r\u{1B}[K".utf8)) }
  }
}

/// "1 release", "12 releases", "1 entity", "67 entities".
func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
  "\(count) \(count == 1 ? one : many ?? one + "s")"
}
