#if canImport(Glibc)
  import Glibc

  private let systemRead = Glibc.read
  private let systemWrite = Glibc.write
  private let systemClose = Glibc.close
#elseif canImport(Darwin)
  import Darwin

  private let systemRead = Darwin.read
  private let systemWrite = Darwin.write
  private let systemClose = Darwin.close
#endif

/// A file descriptor with the few blocking, interrupt-safe operations the
/// render worker protocol needs. It does not own the descriptor.
struct Descriptor: Sendable {
  /// The descriptor number.
  let raw: Int32

  /// Why an operation stopped.
  enum Failure: Error, Equatable {
    /// The other end closed: end of file, a reset or a broken pipe.
    case closed
    /// The deadline passed first.
    case timedOut
    /// Any other `errno`.
    case system(Int32)
  }

  /// Writes all of `bytes`. Sockets are written with `MSG_NOSIGNAL`, so a
  /// peer that died is a ``Failure/closed`` error, never a SIGPIPE.
  func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      guard let base = bytes.baseAddress else { return }
      let remaining = bytes.count - offset
      var written = send(raw, base + offset, remaining, Int32(MSG_NOSIGNAL))
      if written < 0, errno == ENOTSOCK {
        written = systemWrite(raw, base + offset, remaining)
      }
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EPIPE || code == ECONNRESET { throw .closed }
        throw .system(code)
      }
      offset += written
    }
  }

  /// Writes all of `bytes`.
  func write(_ bytes: [UInt8]) throws(Failure) {
    let outcome = bytes.withUnsafeBytes { buffer -> Failure? in
      do throws(Failure) {
        try write(buffer)
        return nil
      } catch {
        return error
      }
    }
    if let outcome { throw outcome }
  }

  /// Reads exactly `count` bytes, waiting until `deadline` (a
  /// `CLOCK_MONOTONIC` time in nanoseconds, or nil for no limit).
  func read(exactly count: Int, deadline: UInt64? = nil) throws(Failure) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var offset = 0
    while offset < count {
      if let deadline { try wait(until: deadline) }
      let got = bytes.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(raw, base + offset, count - offset)
      }
      if got == 0 { throw .closed }
      if got < 0 {
        let code = errno
        if code == EINTR || code == EAGAIN { continue }
        if code == ECONNRESET || code == EPIPE { throw .closed }
        throw .system(code)
      }
      offset += got
    }
    return bytes
  }

  /// Reads what is there now, up to `limit` bytes, without waiting (the
  /// descriptor must be non-blocking).
  func readAvailable(limit: Int) -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while result.count < limit {
      let want = min(chunk.count, limit - result.count)
      let got = chunk.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(raw, base, want)
      }
      if got < 0, errno == EINTR { continue }
      if got <= 0 { break }
      result += chunk[0..<got]
    }
    return result
  }

  /// Waits until the descriptor is readable or `deadline` passes.
  private func wait(until deadline: UInt64) throws(Failure) {
    while true {
      let now = Self.monotonicNanoseconds()
      if now >= deadline { throw .timedOut }
      let milliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 60_000))
      var poller = pollfd(fd: raw, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, milliseconds)
      if ready > 0 { return }
      if ready < 0, errno != EINTR { throw .system(errno) }
    }
  }

  /// Sets or clears `O_NONBLOCK`.
  func setNonBlocking(_ on: Bool) {
    let flags = fcntl(raw, F_GETFL)
    guard flags >= 0 else { return }
    _ = fcntl(raw, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
  }

  /// Closes the descriptor.
  func close() { _ = systemClose(raw) }

  /// The monotonic clock in nanoseconds.
  static func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
