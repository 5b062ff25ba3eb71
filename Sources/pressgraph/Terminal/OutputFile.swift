import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `-o PATH` writes, and how.
///
/// - `-` is standard output.
/// - A FIFO, a character device (a terminal, `/dev/null`) or a socket is
///   opened and written directly: replacing it with a file would leave its
///   reader with nothing.
/// - A regular file, or a name that does not exist yet, is written
///   atomically: to a temporary file beside the target, then renamed over
///   it, so that a reader never sees half a drawing and a failed write
///   (a full disk) leaves the old file intact. A symbolic link is followed
///   and its target replaced, not the link. An existing file keeps its
///   permissions (a private 0600 drawing stays private); a new one gets
///   0666 less the umask, as the shell would give it. When the folder does
///   not allow new files but the file itself is writable, it is rewritten
///   in place.
/// - A folder, a name in a missing folder, and an empty name are refused
///   before any work is done (``problem(with:)``).
enum OutputFile {
  /// Why `path` cannot take output, or nil when it can (or may: a missing
  /// file in an existing folder). For `validate()`.
  static func problem(with path: String) -> String? {
    if path.isEmpty { return "-o needs a file name (or - for standard output)" }
    if path == "-" { return nil }
    var info = stat()
    if stat(path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        return "-o \(TerminalText.escaped(path)) is a folder; name a file in it"
      }
      return nil
    }
    if errno == ENOENT {
      let folder = (resolvedTarget(path) as NSString).deletingLastPathComponent
      var folderInfo = stat()
      let parent = folder.isEmpty ? "." : folder
      if stat(parent, &folderInfo) != 0 || (folderInfo.st_mode & S_IFMT) != S_IFDIR {
        return
          "-o \(TerminalText.escaped(path)): the folder \(TerminalText.escaped(parent)) does not exist"
      }
      return nil
    }
    return "-o \(TerminalText.escaped(path)): \(String(cString: strerror(errno)))"
  }

  /// Writes `bytes` to `path` (see the type's documentation).
  /// - Throws: ``OutputFailure`` naming `path` and the system's reason.
  static func write(_ bytes: [UInt8], to path: String, terminal: Terminal) throws(OutputFailure) {
    if path == "-" { return try terminal.writeBytes(bytes) }
    var info = stat()
    if stat(path, &info) == 0 {
      let type = info.st_mode & S_IFMT
      if type == S_IFIFO || type == S_IFCHR || type == S_IFSOCK {
        return try writeDirectly(bytes, to: path, create: false)
      }
    }
    try writeAtomically(bytes, to: resolvedTarget(path), shownAs: path)
  }

  /// `path` with symbolic links followed to the file they name (which may
  /// not exist yet: a dangling link names the file to create).
  static func resolvedTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length > 0 else { return current }
      let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        target.hasPrefix("/")
        ? target
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(target)
    }
    return current
  }

  private static func writeDirectly(
    _ bytes: [UInt8], to path: String, create: Bool
  ) throws(OutputFailure) {
    let flags = O_WRONLY | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0)
    let descriptor = open(path, flags, 0o666)
    guard descriptor >= 0 else { throw OutputFailure(target: path, code: errno) }
    let code = bytes.withUnsafeBytes { StandardStreams.write($0, to: descriptor) }
    let closed = close(descriptor) == 0 ? 0 : errno
    if code != 0 { throw OutputFailure(target: path, code: code) }
    if closed != 0 { throw OutputFailure(target: path, code: closed) }
  }

  private static func writeAtomically(
    _ bytes: [UInt8], to target: String, shownAs shown: String
  ) throws(OutputFailure) {
    var existing = stat()
    let exists = stat(target, &existing) == 0
    // A file the user may not write is not replaced either (the shell's
    // `>` would fail too), though the folder would allow the rename.
    if exists, access(target, W_OK) != 0 { throw OutputFailure(target: shown, code: errno) }
    let folder = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    var template = Array(
      ((folder.isEmpty ? "" : folder + "/") + ".\(name).pressgraph-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      let code = errno
      // A folder that takes no new files may still hold a writable file.
      if exists, code == EACCES || code == EROFS || code == EPERM, access(target, W_OK) == 0 {
        return try writeDirectly(bytes, to: target, create: false)
      }
      throw OutputFailure(target: shown, code: code)
    }
    let temporary = String(cString: template)
    var failure = bytes.withUnsafeBytes { StandardStreams.write($0, to: descriptor) }
    if failure == 0 {
      let mode = exists ? existing.st_mode & 0o7777 : 0o666 & ~currentUmask()
      if fchmod(descriptor, mode) != 0 { failure = errno }
    }
    if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, target) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw OutputFailure(target: shown, code: failure)
    }
  }

  /// The process's umask (read by setting it and putting it back).
  private static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }
}
