import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file found by the scan, not yet read.
public struct SourceFile: Sendable, Hashable {
  /// The path shown to the user (and stored): relative to the working
  /// directory when the file is below it, else absolute. Bytes of a name
  /// that are not UTF-8 are written `\xFF`.
  public var path: String
  /// The path's components from the root, as the file system holds them
  /// (bytes: names need not be UTF-8). The reader opens the file through
  /// them, so a path longer than `PATH_MAX` can still be read.
  public var components: [[UInt8]]
  /// How to read it.
  public var format: SourceFormat
  /// Its size in bytes, as the scan saw it (through symbolic links).
  public var size: Int
  /// Its size, modification time and file-system identity as the scan saw
  /// them, or nil when not known (a file made in memory). A store skips a
  /// file whose stamp has not changed since it was stored, without reading it.
  public var stamp: FileStamp?

  /// Where the file is, as a URL (names that are not UTF-8 are repaired).
  public var url: URL {
    URL(
      fileURLWithPath: "/"
        + components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/"))
  }

  /// Creates a source file record for the file at `url`.
  public init(path: String, url: URL, format: SourceFormat, size: Int) {
    self.init(
      path: path,
      components: url.standardizedFileURL.path.utf8.split(separator: UInt8(ascii: "/"))
        .map(Array.init), format: format, size: size)
  }

  /// Creates a source file record from the components of its absolute path.
  public init(
    path: String, components: [[UInt8]], format: SourceFormat, size: Int, stamp: FileStamp? = nil
  ) {
    self.path = path
    self.components = components
    self.format = format
    self.size = size
    self.stamp = stamp
  }
}

/// What a file's metadata says about its content without reading it: a
/// file with the same stamp as when it was stored is taken as unchanged
/// (the rule `make` and `rsync` use; the content hash decides when the
/// stamp differs).
public struct FileStamp: Hashable, Sendable, Codable {
  /// Size in bytes.
  public var size: Int64
  /// Last modification, in nanoseconds since 1970.
  public var modified: Int64
  /// The inode number.
  public var inode: Int64
  /// The device the file is on.
  public var device: Int64

  /// A stamp from its parts.
  public init(size: Int64, modified: Int64, inode: Int64, device: Int64) {
    self.size = size
    self.modified = modified
    self.inode = inode
    self.device = device
  }

  /// The stamp of a `stat` result.
  init(_ info: stat) {
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    self.init(
      size: Int64(info.st_size),
      modified: Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec),
      inode: Int64(bitPattern: UInt64(info.st_ino)), device: Int64(bitPattern: UInt64(info.st_dev)))
  }
}

/// Expands the paths a user names into the files the reader can read.
///
/// Folders are walked recursively in a stable order (by name, byte-wise),
/// through directory descriptors, so names that are not UTF-8 and trees
/// deeper than `PATH_MAX` are read like any other. Hidden files and folders
/// (names starting with `.`) are passed over; symbolic links are followed
/// (a folder reached twice is walked once); only regular files are kept:
/// FIFOs, devices and sockets are skipped with a note, since reading them
/// could block for ever or never end. Files in other formats are skipped
/// with a note; a missing path is an error, and the rest goes on.
public struct CorpusScanner: Sendable {
  /// The folder that relative display paths are measured from.
  public var workingDirectory: URL

  /// Creates a scanner.
  /// - Parameter workingDirectory: Paths below it are shown relative to it;
  ///   defaults to the process's current directory.
  public init(workingDirectory: URL? = nil) {
    self.workingDirectory =
      workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  /// The result of a scan.
  public struct Result: Sendable, Hashable {
    /// The readable files, in a stable order, each listed once.
    public var files: [SourceFile]
    /// Notes and errors about what was skipped.
    public var diagnostics: [Diagnostic]

    /// A scan's result, from its parts.
    public init(files: [SourceFile], diagnostics: [Diagnostic]) {
      self.files = files
      self.diagnostics = diagnostics
    }
  }

  /// Expands `paths` (files and folders) into readable files.
  public func scan(_ paths: [String]) -> Result {
    var walk = Walk(base: Self.components(of: workingDirectory.standardizedFileURL.path))
    for path in paths {
      let absolute = path.hasPrefix("/") ? path : workingDirectory.path + "/" + path
      walk.visit(Self.normalized(Self.components(of: absolute)), named: path)
    }
    return Result(files: walk.files, diagnostics: walk.diagnostics)
  }

  /// The path to show for `url`: relative to the working directory when below it.
  public func displayPath(_ url: URL) -> String {
    Walk(base: Self.components(of: workingDirectory.standardizedFileURL.path))
      .display(Self.normalized(Self.components(of: url.path)))
  }

  /// A path's components as bytes.
  static func components(of path: String) -> [[UInt8]] {
    path.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
  }

  /// Components with `.` dropped and `..` applied.
  static func normalized(_ components: [[UInt8]]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    for component in components {
      if component == [UInt8(ascii: ".")] { continue }
      if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
        if !result.isEmpty { result.removeLast() }
        continue
      }
      result.append(component)
    }
    return result
  }

  /// `bytes` as text: UTF-8, with each byte that is not part of a valid
  /// UTF-8 sequence (RFC 3629 §4: no overlong forms, no surrogates, nothing
  /// above U+10FFFF) written `\xFF`, and a backslash written `\\`, so that
  /// every name can be shown and two different names never look the same.
  public static func displayName(_ bytes: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\\") {
        result += "\\\\"
        index += 1
        continue
      }
      let length = validSequence(bytes, at: index)
      if length > 0 {
        result += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        index += length
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        index += 1
      }
    }
    return result
  }

  /// The length of the valid UTF-8 sequence at `index`, or 0.
  static func validSequence(_ bytes: [UInt8], at index: Int) -> Int {
    let first = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      index + offset < bytes.count && range.contains(bytes[index + offset])
    }
    switch first {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }
}

/// One scan's walk over the file system.
struct Walk {
  /// The working directory's components (display paths are relative to it).
  let base: [[UInt8]]
  var files: [SourceFile] = []
  var diagnostics: [Diagnostic] = []
  /// Folders walked, by device and inode (links to one folder walk it once).
  var walked: Set<[UInt64]> = []
  /// Files listed, by device and inode (a file reached by two paths is
  /// read once).
  var listed: Set<[UInt64]> = []
  /// The deepest folder walked below a named path.
  static let maximumDepth = 1000

  init(base: [[UInt8]]) { self.base = base }

  /// The display path of absolute `components`.
  func display(_ components: [[UInt8]]) -> String {
    let relative = components.count > base.count && Array(components.prefix(base.count)) == base
    let shown = relative ? Array(components.dropFirst(base.count)) : components
    let text = shown.map { CorpusScanner.displayName($0) }.joined(separator: "/")
    return relative ? text : "/" + text
  }

  /// Visits a path the user named.
  mutating func visit(_ components: [[UInt8]], named: String) {
    let shown = display(components)
    var info = stat()
    let code = PathAccess.stat(components, &info, follow: true)
    guard code == 0 else {
      var link = stat()
      let dangling =
        code == ENOENT && PathAccess.stat(components, &link, follow: false) == 0
        && (link.st_mode & S_IFMT) == S_IFLNK
      diagnostics.append(
        Diagnostic(
          .error, stage: .scan, file: shown,
          dangling
            ? "cannot read: broken symbolic link"
            : code == ENOENT ? "no such file or folder" : "cannot read: \(PathAccess.reason(code))")
      )
      return
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      walkFolder(components, info, depth: 0)
    } else {
      consider(components, info, name: components.last ?? [])
    }
  }

  /// Lists a folder's entries (by name, byte-wise) and visits them.
  private mutating func walkFolder(_ folder: [[UInt8]], _ info: stat, depth: Int) {
    guard walked.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
    guard depth < Self.maximumDepth else {
      diagnostics.append(
        Diagnostic(
          .note, stage: .scan, file: display(folder),
          "skipped: more than \(Self.maximumDepth) folders deep"))
      return
    }
    let names: [[UInt8]]
    switch PathAccess.list(folder) {
    case .names(let list): names = list
    case .failure(let code):
      diagnostics.append(
        Diagnostic(
          .error, stage: .scan, file: display(folder),
          "cannot list folder: \(PathAccess.reason(code))"))
      return
    }
    for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) })
    where name.first != UInt8(ascii: ".") {
      let path = folder + [name]
      var entry = stat()
      let code = PathAccess.stat(path, &entry, follow: true)
      if code != 0 {
        var link = stat()
        let isLink =
          PathAccess.stat(path, &link, follow: false) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        diagnostics.append(
          Diagnostic(
            .error, stage: .scan, file: display(path),
            isLink && code == ENOENT
              ? "cannot read: broken symbolic link" : "cannot read: \(PathAccess.reason(code))"))
        continue
      }
      if (entry.st_mode & S_IFMT) == S_IFDIR {
        walkFolder(path, entry, depth: depth + 1)
      } else {
        consider(path, entry, name: name)
      }
    }
  }

  /// Keeps a regular file in a known format; notes anything else.
  private mutating func consider(_ path: [[UInt8]], _ info: stat, name: [UInt8]) {
    let shown = display(path)
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      let kind =
        switch type {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
      diagnostics.append(
        Diagnostic(.note, stage: .scan, file: shown, "skipped: \(kind), not a regular file"))
      return
    }
    let dot = name.lastIndex(of: UInt8(ascii: "."))
    let ext = dot.map { String(decoding: name[(name.index(after: $0))...], as: UTF8.self) } ?? ""
    guard dot != nil, let format = SourceFormat(pathExtension: ext) else {
      diagnostics.append(
        Diagnostic(.note, stage: .scan, file: shown, "skipped: not a .txt, .md or .html file"))
      return
    }
    guard listed.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
    files.append(
      SourceFile(
        path: shown, components: path, format: format, size: Int(info.st_size),
        stamp: FileStamp(info)))
  }
}

/// File-system calls on paths given as components, which work at any length:
/// a path that fits in `PATH_MAX` is used whole; a longer one is walked a
/// folder at a time with `openat`.
enum PathAccess {
  /// `stat` (or `lstat` without `follow`) of the path; returns 0 or `errno`.
  static func stat(_ components: [[UInt8]], _ info: inout stat, follow: Bool) -> Int32 {
    withParent(components, failure: { $0 }) { folder, name in
      fstatat(folder, name, &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0 ? 0 : errno
    }
  }

  /// Opens the path with `flags`; returns a descriptor, or `-errno`.
  static func open(_ components: [[UInt8]], flags: Int32) -> Int32 {
    withParent(components, failure: { -$0 }) { folder, name in
      let descriptor = openat(folder, name, flags | O_CLOEXEC)
      return descriptor >= 0 ? descriptor : -errno
    }
  }

  /// A folder's names, or why they cannot be read.
  enum Listing {
    case names([[UInt8]])
    case failure(Int32)
  }

  /// The names in a folder (without `.` and `..`).
  static func list(_ components: [[UInt8]]) -> Listing {
    let descriptor = open(components, flags: O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return .failure(-descriptor) }
    guard let directory = fdopendir(descriptor) else {
      let code = errno
      close(descriptor)
      return .failure(code)
    }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { return .failure(errno) }
        break
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
      names.append(name)
    }
    return .names(names)
  }

  /// Calls `body` with a descriptor for the path's folder and the last
  /// component as a C string: `AT_FDCWD` and the whole path when it fits in
  /// `PATH_MAX`, else the folder opened a component at a time. When a
  /// folder on the way cannot be opened, returns `failure(errno)`.
  private static func withParent<T>(
    _ components: [[UInt8]], failure: (Int32) -> T, _ body: (Int32, [CChar]) -> T
  ) -> T {
    let whole = [UInt8(ascii: "/")] + Array(components.joined(separator: [UInt8(ascii: "/")]))
    if whole.count < Int(PATH_MAX) {
      return body(AT_FDCWD, whole.map { CChar(bitPattern: $0) } + [0])
    }
    var folder = openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { return failure(errno) }
    for component in components.dropLast() {
      let next = openat(
        folder, component.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      let code = errno
      close(folder)
      guard next >= 0 else { return failure(code) }
      folder = next
    }
    defer { close(folder) }
    return body(folder, (components.last ?? []).map { CChar(bitPattern: $0) } + [0])
  }

  /// The system's words for `errno`.
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
