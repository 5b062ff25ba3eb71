#if canImport(Glibc)
  import Glibc

  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin

  private let systemRead = Darwin.read
#endif

/// Reads a file's bytes; injected so tests can simulate failures.
public protocol FileReading: Sendable {
  /// Returns the whole content of `file`.
  /// - Throws: ``PressReleasesError/unreadable(file:reason:)`` when it cannot
  ///   be read, ``PressReleasesError/tooLarge(file:size:limit:)`` when it is
  ///   over the reader's limit.
  func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8]
}

/// Reads files from disk, never more than ``maximumSize`` bytes of one.
///
/// The file is opened first (without blocking, through its path's
/// components: see ``SourceFile/components``), and what was opened is
/// checked: a FIFO or device put in place of a file after the scan is
/// refused rather than read, and the size limit applies to what a symbolic
/// link points at. The read itself stops one byte past the limit, so a file
/// that grows while it is read cannot make the reader use unbounded memory.
public struct DiskFileReader: FileReading {
  /// Files larger than this are refused (default 512 MiB).
  public var maximumSize: Int

  /// Creates a reader with a size limit.
  public init(maximumSize: Int = 512 << 20) {
    self.maximumSize = maximumSize
  }

  public func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8] {
    let descriptor = PathAccess.open(file.components, flags: O_RDONLY | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else {
      throw .unreadable(file: file.path, reason: PathAccess.reason(-descriptor).lowercased())
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(file: file.path, reason: PathAccess.reason(errno).lowercased())
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(file: file.path, reason: "not a regular file")
    }
    if Int(info.st_size) > maximumSize {
      throw .tooLarge(file: file.path, size: Int(info.st_size), limit: maximumSize)
    }
    var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), maximumSize) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard count <= maximumSize else {
          throw .tooLarge(file: file.path, size: count, limit: maximumSize)
        }
        bytes += [UInt8](repeating: 0, count: min(max(count, 4096), maximumSize + 1 - count))
      }
      let got = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(descriptor, base + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .unreadable(file: file.path, reason: PathAccess.reason(errno).lowercased())
      }
      if got == 0 { break }
      count += got
      if count > maximumSize {
        throw .tooLarge(file: file.path, size: count, limit: maximumSize)
      }
    }
    bytes.removeSubrange(count...)
    return bytes
  }
}
