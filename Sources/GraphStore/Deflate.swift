import CZlib

/// zlib compression for blobs the store keeps (first-pass analyses): the
/// only file that imports zlib.
///
/// A compressed blob is the original length as 4 bytes, big-endian, then
/// a zlib stream (RFC 1950). Inflating checks the length against a limit
/// before allocating, and that the stream fills exactly that length, so a
/// damaged or hostile blob is an error, never a crash or a huge allocation.
enum Deflate {
  /// The largest blob inflated (an analysis is a few kilobytes).
  static let maximumLength = 64 << 20

  struct Failure: Error {
    var reason: String
  }

  /// `bytes`, compressed.
  static func compress(_ bytes: [UInt8]) -> [UInt8] {
    let length = bytes.count
    var bound = compressBound(uLong(length))
    var output = [UInt8](repeating: 0, count: 4 + Int(bound))
    let status = output.withUnsafeMutableBufferPointer { out in
      bytes.withUnsafeBufferPointer { input in
        guard let start = out.baseAddress else { return Z_MEM_ERROR }
        return compress2(start + 4, &bound, input.baseAddress, uLong(length), 6)
      }
    }
    // compress2 fails only when out of memory or the bound is wrong,
    // neither of which can happen here; store uncompressed data then.
    guard status == Z_OK else { return [0xFF, 0xFF, 0xFF, 0xFF] + bytes }
    output[0] = UInt8(truncatingIfNeeded: length >> 24)
    output[1] = UInt8(truncatingIfNeeded: length >> 16)
    output[2] = UInt8(truncatingIfNeeded: length >> 8)
    output[3] = UInt8(truncatingIfNeeded: length)
    output.removeLast(output.count - 4 - Int(bound))
    return output
  }

  /// The bytes `compress(_:)` was given.
  static func inflate(_ blob: [UInt8]) throws(Failure) -> [UInt8] {
    guard blob.count >= 4 else { throw Failure(reason: "it is too short") }
    if blob[0..<4] == [0xFF, 0xFF, 0xFF, 0xFF] { return Array(blob[4...]) }
    let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
    guard length <= maximumLength else { throw Failure(reason: "it claims \(length) bytes") }
    guard length > 0 else { return [] }
    var output = [UInt8](repeating: 0, count: length)
    var produced = uLong(length)
    let status = output.withUnsafeMutableBufferPointer { out in
      blob.withUnsafeBufferPointer { input in
        guard let start = input.baseAddress else { return Z_DATA_ERROR }
        return uncompress(out.baseAddress, &produced, start + 4, uLong(blob.count - 4))
      }
    }
    guard status == Z_OK, produced == uLong(length) else {
      throw Failure(reason: "its compressed data is damaged (zlib status \(status))")
    }
    return output
  }
}
