import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws ``DOTGraph``s with Graphviz in a helper process, so that nothing
/// Graphviz does can end the caller.
///
/// Graphviz can abort, crash or run for hours on layouts it dislikes, and
/// an in-process layout can neither be interrupted nor survived. This
/// renderer keeps warm helper processes (``RenderWorker``, started from
/// ``Configuration/executable`` with ``Configuration/arguments``), sends
/// each one our encoded DOT over a socket, and reads the drawing back:
/// - a helper that aborts or crashes is reaped and reported as
///   ``GraphExportError/rendererCrashed(termination:output:)``; the next
///   drawing starts a new one;
/// - a drawing that takes longer than ``Configuration/timeout`` is stopped
///   (the helper is killed): ``GraphExportError/renderTimedOut(seconds:)``;
/// - each helper has an address-space limit, and is replaced after
///   ``Configuration/drawingsPerHelper`` drawings (Graphviz leaks a little
///   on every dot layout), or after one drawing with an engine whose
///   layouts depend on the process's history (fdp, sfdp), so that drawings
///   are the same bytes however many came before.
///
/// Up to ``Configuration/helpers`` drawings run at once, each in its own
/// process; more wait their turn. Long-running programs (the web server)
/// must draw through this renderer; the command-line tool uses it too.
public final class GraphvizProcessRenderer: GraphRendering {
  /// How helpers are started and limited.
  public struct Configuration: Sendable, Hashable {
    /// The program to start: one whose entry point calls
    /// ``RenderWorker/serve(input:output:memoryLimit:)``.
    public var executable: String
    /// Its arguments (not including the program's name).
    public var arguments: [String]
    /// The longest a drawing may take, in seconds.
    public var timeout: Double
    /// How many helpers may run at once.
    public var helpers: Int
    /// How many drawings one helper makes before it is replaced.
    public var drawingsPerHelper: Int

    /// Creates a configuration.
    public init(
      executable: String, arguments: [String], timeout: Double = 300, helpers: Int = 1,
      drawingsPerHelper: Int = 500
    ) {
      self.executable = executable
      self.arguments = arguments
      self.timeout = timeout
      self.helpers = max(1, helpers)
      self.drawingsPerHelper = max(1, drawingsPerHelper)
    }
  }

  /// The configuration.
  public let configuration: Configuration

  /// One running helper.
  struct Helper: Sendable {
    var pid: pid_t
    /// The parent's end of the socket pair (the helper's stdin and stdout).
    var socket: Descriptor
    /// The read end of the helper's stderr (non-blocking).
    var errors: Descriptor
    /// Drawings made so far.
    var drawings = 0
  }

  /// Idle helpers, ready for the next drawing.
  private let idle = Mutex<[Helper]>([])
  /// Limits drawings in flight to ``Configuration/helpers``.
  private let slots: DispatchSemaphore

  /// Creates a renderer; helpers start on the first drawing.
  public init(_ configuration: Configuration) {
    self.configuration = configuration
    slots = DispatchSemaphore(value: configuration.helpers)
  }

  deinit {
    for helper in idle.withLock({ $0 }) { Self.stop(helper, kill: false) }
  }

  /// The process ids of the idle helpers (for tests and diagnostics).
  var idleHelperIDs: [pid_t] { idle.withLock { $0.map(\.pid) } }

  // MARK: Drawing

  /// Lays `graph` out with `engine` and draws it as `format`, in a helper.
  ///
  /// - Throws: what ``GraphvizRenderer/render(_:engine:format:)`` throws,
  ///   and ``GraphExportError/rendererCrashed(termination:output:)``,
  ///   ``GraphExportError/renderTimedOut(seconds:)`` or
  ///   ``GraphExportError/rendererUnavailable(reason:)``. The renderer stays
  ///   usable after any of them.
  public func render(
    _ graph: DOTGraph, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) -> RenderedGraph {
    try render(
      encoded: GraphvizWorkarounds.encode(graph, engine: engine), engine: engine, format: format)
  }

  /// ``render(_:engine:format:)`` for async callers: the blocking exchange
  /// runs on a dispatch queue, not on the caller's executor.
  public func render(
    _ graph: DOTGraph, engine: LayoutEngine, format: RenderFormat
  ) async throws(GraphExportError) -> RenderedGraph {
    let result: Result<RenderedGraph, GraphExportError> = await withCheckedContinuation {
      continuation in
      DispatchQueue.global().async {
        continuation.resume(
          returning: Result { () throws(GraphExportError) -> RenderedGraph in
            try self.render(graph, engine: engine, format: format)
          })
      }
    }
    return try result.get()
  }

  /// Sends DOT text (ours, prepared by ``GraphvizWorkarounds``) to a helper.
  /// Tests use it to send graphs that Graphviz is known to crash on.
  func render(
    encoded dot: String, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) -> RenderedGraph {
    slots.wait()
    defer { slots.signal() }
    let request = RenderWire.frame(
      magic: RenderWire.requestMagic,
      header: RenderWire.Request(engine: engine.rawValue, format: format.rawValue),
      body: Array(dot.utf8))
    // An idle helper may have died since its last drawing (killed by the
    // system, say): then the request cannot be sent, and a fresh helper
    // gets it instead. A helper that dies after taking the request is a
    // crash, reported as such.
    var helper: Helper
    if let waiting = idle.withLock({ $0.popLast() }) {
      helper = waiting
    } else {
      helper = try spawn()
    }
    do {
      try helper.socket.write(request)
    } catch {
      Self.stop(helper, kill: true)
      helper = try spawn()
      do {
        try helper.socket.write(request)
      } catch {
        let ending = Self.stop(helper, kill: true)
        throw .rendererCrashed(termination: ending.termination, output: ending.output)
      }
    }
    // At most a day: a timeout read from somewhere (infinity, 1e20) must
    // not overflow the clock arithmetic.
    let timeout =
      configuration.timeout.isFinite ? min(max(configuration.timeout, 0.001), 86_400) : 86_400
    let deadline = Descriptor.monotonicNanoseconds() + UInt64(timeout * 1e9)
    let answer: RenderWire.Answer
    let body: [UInt8]
    do {
      (answer, body) = try RenderWire.read(
        RenderWire.Answer.self, magic: RenderWire.answerMagic, from: helper.socket,
        deadline: deadline)
    } catch .io(.timedOut) {
      Self.stop(helper, kill: true)
      throw .renderTimedOut(seconds: configuration.timeout)
    } catch .endOfStream, .io(.closed) {
      let ending = Self.stop(helper, kill: false)
      throw .rendererCrashed(termination: ending.termination, output: ending.output)
    } catch {
      Self.stop(helper, kill: true)
      throw .rendererUnavailable(reason: "the helper's answer was unreadable (\(error))")
    }
    helper.drawings += 1
    if helper.drawings >= configuration.drawingsPerHelper
      || Self.dependsOnProcessHistory.contains(engine)
    {
      Self.stop(helper, kill: false)
    } else {
      idle.withLock { $0.append(helper) }
    }
    switch answer.failure {
    case nil:
      return RenderedGraph(bytes: body, warnings: answer.warnings)
    case .graphviz(let stage, let messages):
      throw .graphviz(stage: GraphExportError.Stage(rawValue: stage) ?? .render, messages: messages)
    case .missingPlugin(let kind, let name, let available, let advice):
      throw .missingPlugin(kind: kind, name: name, available: available, advice: advice)
    case .badRequest(let reason):
      throw .rendererUnavailable(reason: reason)
    }
  }

  /// Engines whose layout of a graph can change with what the process laid
  /// out before (state left in Graphviz's globals: fdp's, and sometimes
  /// sfdp's, random start). Drawn twice in one process, 99 of 111 test
  /// graphs differed with fdp and 2 of 1,222 with sfdp; with dot, neato,
  /// circo and twopi none did. A helper that drew with one of these is
  /// replaced, so that every such drawing starts from a fresh process and
  /// the same graph always gives the same bytes.
  static let dependsOnProcessHistory: Set<LayoutEngine> = [.fdp, .sfdp]

  // MARK: Helper processes

  /// Starts a helper.
  private func spawn() throws(GraphExportError) -> Helper {
    var pair: [Int32] = [-1, -1]
    // Close-on-exec from birth (Linux): another thread starting a helper
    // meanwhile must not inherit these ends (a dead helper would then look
    // alive). Elsewhere they are made close-on-exec just after.
    #if canImport(Glibc)
      let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    #else
      let streamType = SOCK_STREAM
    #endif
    guard socketpair(AF_UNIX, streamType, 0, &pair) == 0 else {
      throw .rendererUnavailable(reason: "socketpair: \(String(cString: strerror(errno)))")
    }
    // The helper's stderr: a socket pair too, since Glibc's module does
    // not import pipe2 (a close-on-exec pipe).
    var errorPipe: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, streamType, 0, &errorPipe) == 0 else {
      let code = errno
      pair.forEach { _ = close($0) }
      throw .rendererUnavailable(reason: "socketpair: \(String(cString: strerror(code)))")
    }
    // Keep every descriptor clear of 0, 1 and 2 (the caller's own standard
    // streams may be closed) and out of other children started meanwhile.
    let parentEnd = Self.private(pair[0])
    let childEnd = Self.private(pair[1])
    let errorRead = Self.private(errorPipe[0])
    let errorWrite = Self.private(errorPipe[1])
    // A helper never blocks on stderr (what does not fit is dropped), and
    // the parent drains it without waiting.
    Descriptor(raw: errorWrite).setNonBlocking(true)
    Descriptor(raw: errorRead).setNonBlocking(true)
    defer {
      _ = close(childEnd)
      _ = close(errorWrite)
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, childEnd, 0)
    posix_spawn_file_actions_adddup2(&actions, childEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, errorWrite, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([configuration.executable] + configuration.arguments).map { strdup($0) }
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let envp = environment.map { strdup($0) }
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid = pid_t()
    let code = configuration.executable.withCString { path in
      posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
    }
    guard code == 0 else {
      _ = close(parentEnd)
      _ = close(errorRead)
      throw .rendererUnavailable(
        reason: "\(configuration.executable): \(String(cString: strerror(code)))")
    }
    return Helper(pid: pid, socket: Descriptor(raw: parentEnd), errors: Descriptor(raw: errorRead))
  }

  /// `descriptor` moved to a number above 2, close-on-exec.
  private static func `private`(_ descriptor: Int32) -> Int32 {
    let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
    guard moved >= 0 else { return descriptor }
    _ = close(descriptor)
    return moved
  }

  /// How a helper ended, and the last of what it printed.
  struct Ending: Hashable {
    var termination: String
    var output: String
  }

  /// Closes a helper's socket, waits for it to end (killing it when `kill`
  /// is set, or when it does not end within a second), reaps it and reads
  /// what it left on stderr.
  @discardableResult
  static func stop(_ helper: Helper, kill shouldKill: Bool) -> Ending {
    helper.socket.close()
    if shouldKill { _ = kill(helper.pid, SIGKILL) }
    var status: Int32 = 0
    var reaped = false
    for _ in 0..<100 {
      let result = waitpid(helper.pid, &status, WNOHANG)
      if result == helper.pid || (result < 0 && errno != EINTR) {
        reaped = result == helper.pid
        break
      }
      usleep(10_000)
    }
    if !reaped {
      _ = kill(helper.pid, SIGKILL)
      while waitpid(helper.pid, &status, 0) < 0, errno == EINTR {}
      reaped = true
    }
    let output = helper.errors.readAvailable(limit: 64 << 10)
    helper.errors.close()
    return Ending(termination: describe(status: status), output: lastLines(of: output))
  }

  /// "killed by signal 6 (Aborted)", "exited with status 1".
  static func describe(status: Int32) -> String {
    let signal = status & 0x7f
    if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
    let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
    return "killed by signal \(signal) (\(name))"
  }

  /// The last two non-empty lines of `bytes`, control characters removed.
  static func lastLines(of bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(whereSeparator: \.isNewline).map { line in
      String(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f })
        .trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    return lines.suffix(2).joined(separator: " | ")
  }
}
