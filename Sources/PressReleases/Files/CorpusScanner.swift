import Foundation

/// A file found by the scan, not yet read.
public struct SourceFile: Sendable, Hashable {
  /// The path shown to the user: relative to the working directory when the
  /// file is below it, else absolute.
  public var path: String
  /// Where the file is.
  public var url: URL
  /// How to read it.
  public var format: SourceFormat
  /// Its size in bytes, as the scan saw it.
  public var size: Int

  /// Creates a source file record.
  public init(path: String, url: URL, format: SourceFormat, size: Int) {
    self.path = path
    self.url = url
    self.format = format
    self.size = size
  }
}

/// Expands the paths a user names into the files the reader can read.
///
/// Folders are walked recursively in a stable order (by path, byte-wise);
/// hidden files and folders (names starting with `.`) are passed over; files
/// in other formats are skipped with a note; a missing path is an error
/// diagnostic, and the rest goes on.
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
  }

  /// Expands `paths` (files and folders) into readable files.
  public func scan(_ paths: [String]) -> Result {
    var files: [SourceFile] = []
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    var visitedFolders: Set<String> = []
    let manager = FileManager.default

    func add(_ url: URL) {
      let display = displayPath(url)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else {
        let dangling = (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil
        diagnostics.append(
          Diagnostic(
            .error, stage: .scan, file: display,
            dangling ? "cannot read: broken symbolic link" : "no such file or folder"))
        return
      }
      if isFolder.boolValue {
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard visitedFolders.insert(real).inserted else { return }
        let entries: [String]
        do {
          entries = try manager.contentsOfDirectory(atPath: url.path)
        } catch {
          diagnostics.append(
            Diagnostic(.error, stage: .scan, file: display, "cannot list folder: \(reason(error))"))
          return
        }
        for name in entries.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where !name.hasPrefix(".") {
          add(url.appendingPathComponent(name))
        }
        return
      }
      guard let format = SourceFormat(pathExtension: url.pathExtension) else {
        diagnostics.append(
          Diagnostic(
            .note, stage: .scan, file: display,
            "skipped: not a .txt, .md or .html file"))
        return
      }
      guard seen.insert(display).inserted else { return }
      let size = (try? manager.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
      files.append(SourceFile(path: display, url: url, format: format, size: size))
    }

    for path in paths {
      let url =
        path.hasPrefix("/")
        ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
      add(url.standardizedFileURL)
    }
    return Result(files: files, diagnostics: diagnostics)
  }

  /// The path to show for `url`: relative to the working directory when below it.
  public func displayPath(_ url: URL) -> String {
    let full = url.standardizedFileURL.path
    let base = workingDirectory.standardizedFileURL.path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    if full.hasPrefix(prefix) { return String(full.dropFirst(prefix.count)) }
    return full
  }
}

/// Reads a file's bytes; injected so tests can simulate failures.
public protocol FileReading: Sendable {
  /// Returns the whole content of `file`.
  /// - Throws: ``PressReleasesError/unreadable(file:reason:)`` when it cannot be read.
  func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8]
}

/// Reads files from disk.
public struct DiskFileReader: FileReading {
  /// Files larger than this are refused (default 512 MiB).
  public var maximumSize: Int

  /// Creates a reader with a size limit.
  public init(maximumSize: Int = 512 << 20) {
    self.maximumSize = maximumSize
  }

  public func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8] {
    if file.size > maximumSize {
      throw .tooLarge(file: file.path, size: file.size, limit: maximumSize)
    }
    do {
      let handle = try FileHandle(forReadingFrom: file.url)
      defer { try? handle.close() }
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch {
      throw .unreadable(file: file.path, reason: reason(error))
    }
  }
}

/// A short, human reason for a file-system error.
func reason(_ error: any Error) -> String {
  let nsError = error as NSError
  if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
    underlying.domain == NSPOSIXErrorDomain,
    let code = POSIXErrorCode(rawValue: Int32(underlying.code))
  {
    return String(cString: strerror(code.rawValue))
  }
  if nsError.domain == NSPOSIXErrorDomain {
    return String(cString: strerror(Int32(nsError.code)))
  }
  switch nsError.code {
  case NSFileReadNoPermissionError: return "permission denied"
  case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
  default: return nsError.localizedDescription
  }
}
