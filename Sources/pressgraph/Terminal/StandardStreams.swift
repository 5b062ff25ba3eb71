import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A write that failed: to standard output, or to a file named with `-o`.
struct OutputFailure: Error, Hashable {
  /// What was written: "standard output" or a path.
  var target: String
  /// The `errno` of the failed call.
  var code: Int32

  /// True when the reader went away (a closed pipe): the tool then stops
  /// quietly, as `cat` or `grep` would.
  var readerLeft: Bool { code == EPIPE }

  /// "cannot write to standard output: No space left on device".
  var message: String {
    "cannot write \(target == "standard output" ? "to " : "")\(TerminalText.escaped(target)): "
      + String(cString: strerror(code))
  }
}

/// Checked writes to the process's standard streams.
///
/// Nothing here traps: Foundation's `FileHandle.write` does (a `try!` on
/// `EBADF`, `ENOSPC` or `EPIPE`), so the tool never uses it. `SIGPIPE` is
/// ignored (``prepare()``), which turns a closed pipe into `EPIPE`.
enum StandardStreams {
  /// Ignores `SIGPIPE`, so that a write to a pipe nobody reads returns
  /// `EPIPE` instead of ending the process. Helper processes get the
  /// default back (``GraphvizProcessRenderer`` starts them that way).
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// The first `errno` a write to standard error failed with, if any. A
  /// failed diagnostic cannot itself be reported; the tool exits 74 at the
  /// end instead (unless the reader just left).
  static let standardErrorFailure = Mutex<Int32?>(nil)

  /// Writes all of `bytes` to `descriptor`.
  /// - Returns: 0, or the `errno` of the call that failed.
  static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard var base = bytes.baseAddress else { return 0 }
    var remaining = bytes.count
    while remaining > 0 {
      #if canImport(Glibc)
        let written = Glibc.write(descriptor, base, remaining)
      #else
        let written = Darwin.write(descriptor, base, remaining)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if written == 0 { return EIO }
      remaining -= written
      base += written
    }
    return 0
  }

  /// Writes `bytes` to standard output.
  static func writeOutput(_ bytes: some ContiguousBytes) throws(OutputFailure) {
    let code = bytes.withUnsafeBytes { write($0, to: STDOUT_FILENO) }
    if code != 0 { throw OutputFailure(target: "standard output", code: code) }
  }

  /// Writes `bytes` to standard error, remembering a failure.
  static func writeError(_ bytes: some ContiguousBytes) {
    let code = bytes.withUnsafeBytes { write($0, to: STDERR_FILENO) }
    if code != 0 {
      standardErrorFailure.withLock { if $0 == nil { $0 = code } }
    }
  }
}

/// Text from data (entity names, titles, sentences, file names) made safe
/// to print on a terminal.
enum TerminalText {
  /// `text` with every character that a terminal would act on instead of
  /// showing written as a visible escape:
  /// - the C0 controls U+0000–U+001F except line feed and tab, and DEL
  ///   U+007F (ECMA-48 §5.2: ESC starts control sequences such as colours,
  ///   cursor moves and OSC 8 hyperlinks; BEL, BS and CR can hide or
  ///   overwrite text), as `\x1B`;
  /// - the C1 controls U+0080–U+009F (ECMA-48 §5.3: CSI U+009B and OSC
  ///   U+009D act like ESC [ and ESC ]), as `\u009B`;
  /// - the bidirectional formatting characters of UAX #9 (U+061C, U+200E,
  ///   U+200F, U+202A–U+202E, U+2066–U+2069), which reorder the text a
  ///   reader sees (CVE-2021-42574), as `\u202E`;
  /// - with `keepNewlines` false, line feed and tab too.
  ///
  /// Everything else, including all printable Unicode, is kept.
  static func escaped(_ text: String, keepNewlines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) })
    else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepNewlines: keepNewlines) else {
        out.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let escape =
        scalar.value < 0x80
        ? "\\x" + (hex.count < 2 ? "0" + hex : hex)
        : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      out.append(contentsOf: escape.unicodeScalars)
    }
    return String(out)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: !keepNewlines
    case 0x00...0x1F, 0x7F, 0x80...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
