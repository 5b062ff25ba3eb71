// What the fuzz targets share: libFuzzer's driver, started from the
// target's own `main`.
//
// SwiftPM links an executable's entry point as `main`, which keeps
// libFuzzer's `main` out, so each target calls `LLVMFuzzerRunDriver`
// (libFuzzer's documented entry for programs with their own main) with
// its test function. Built only with `-sanitize=fuzzer` (see .ci/fuzz).
#if canImport(Glibc)
  import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The test function of this process (one per fuzz target), set once
/// before libFuzzer starts and only read after (libFuzzer runs inputs on
/// one thread). Not in a `Mutex`: reading a function through the lock's
/// `inout` re-abstracts it, and each read wrapped it in two more thunks,
/// until, after some 29,000 inputs, the thunks overflowed the stack.
nonisolated(unsafe) private var test: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)?

/// Runs libFuzzer with `body` as the test of one input, with the process's
/// arguments (libFuzzer's flags and corpus folders), and exits with its
/// status.
public func runFuzzer(_ body: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
  test = body
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    test?(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
  }
  exit(status)
}

/// libFuzzer's own name for the test of one input (its `main`, if the
/// linker keeps it, calls this): the registered test.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  test?(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  return 0
}
