import Foundation

/// `body(0) … body(count - 1)`, computed on every core, in index order.
///
/// For pure, CPU-bound work (extraction) inside a synchronous call; the
/// ingest pipeline uses a task group instead (``IngestSession``).
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  results.initialize(repeating: nil)
  defer {
    _ = results.deinitialize()
    results.deallocate()
  }
  // Chunks of work, a few per core, so that one slow item does not idle the rest.
  let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
  nonisolated(unsafe) let slots = results
  DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
    var index = chunk
    while index < count {
      slots[index] = body(index)
      index += chunks
    }
  }
  // Every slot was filled above; compactMap keeps the type honest.
  return results.compactMap { $0 }
}
