import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The frames that pass between ``GraphvizProcessRenderer`` and its helper
/// process, ``RenderWorker``.
///
/// Each frame is a four-byte magic, a JSON header and a body:
///
/// ```
/// magic   4 bytes   "PGQ1" (request) or "PGA1" (answer)
/// length  4 bytes   header length, little-endian
/// header  JSON      ``Request`` or ``Answer``
/// length  8 bytes   body length, little-endian
/// body    bytes     the DOT text (request) or the drawing (answer)
/// ```
///
/// Headers are at most ``maximumHeader`` bytes and bodies at most
/// ``maximumBody``; a frame that breaks the format ends the conversation.
enum RenderWire {
  /// The magic of a request.
  static let requestMagic = Array("PGQ1".utf8)
  /// The magic of an answer.
  static let answerMagic = Array("PGA1".utf8)
  /// The largest header accepted.
  static let maximumHeader = 1 << 20
  /// The largest body accepted (a drawing or DOT text).
  static let maximumBody = 1 << 30

  /// What to draw.
  struct Request: Codable, Hashable {
    /// A ``LayoutEngine`` raw value.
    var engine: String
    /// A ``RenderFormat`` raw value.
    var format: String
  }

  /// What came of it: warnings and the drawing in the body, or a failure.
  struct Answer: Codable, Hashable {
    /// Graphviz's warnings.
    var warnings: [String] = []
    /// Why there is no drawing.
    var failure: Failure?
  }

  /// A failure the worker reports (it survived it).
  enum Failure: Codable, Hashable {
    /// ``GraphExportError/graphviz(stage:messages:)``.
    case graphviz(stage: String, messages: [String])
    /// ``GraphExportError/missingPlugin(kind:name:available:advice:)``.
    case missingPlugin(kind: String, name: String, available: [String], advice: String)
    /// The request made no sense (an unknown engine or format).
    case badRequest(String)
  }

  /// Why a frame could not be read.
  enum ReadFailure: Error, Equatable {
    /// The peer closed before a frame began (a clean end).
    case endOfStream
    /// The descriptor failed, or the peer closed inside a frame.
    case io(Descriptor.Failure)
    /// The bytes are not a frame.
    case malformed(String)
  }

  /// The bytes of one frame.
  static func frame(magic: [UInt8], header: some Encodable, body: [UInt8]) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = Array((try? encoder.encode(header)) ?? Data("{}".utf8))
    var bytes = magic
    bytes.reserveCapacity(4 + 4 + json.count + 8 + body.count)
    withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes += $0 }
    bytes += json
    withUnsafeBytes(of: UInt64(body.count).littleEndian) { bytes += $0 }
    bytes += body
    return bytes
  }

  /// Reads one frame from `descriptor`, waiting until `deadline`
  /// (monotonic nanoseconds; nil waits for ever).
  static func read<Header: Decodable>(
    _ type: Header.Type, magic: [UInt8], from descriptor: Descriptor, deadline: UInt64? = nil
  ) throws(ReadFailure) -> (header: Header, body: [UInt8]) {
    let start: [UInt8]
    do {
      start = try descriptor.read(exactly: 8, deadline: deadline)
    } catch .closed {
      throw .endOfStream
    } catch {
      throw .io(error)
    }
    guard Array(start[0..<4]) == magic else { throw .malformed("bad magic") }
    let headerLength = Int(littleEndian(start[4..<8]))
    guard headerLength <= maximumHeader else { throw .malformed("header too long") }
    do {
      let json = try descriptor.read(exactly: headerLength, deadline: deadline)
      let bodyLength = littleEndian(try descriptor.read(exactly: 8, deadline: deadline)[0..<8])
      guard bodyLength <= UInt64(maximumBody) else { throw ReadFailure.malformed("body too long") }
      let body = try descriptor.read(exactly: Int(bodyLength), deadline: deadline)
      guard let header = try? JSONDecoder().decode(Header.self, from: Data(json)) else {
        throw ReadFailure.malformed("header is not valid JSON")
      }
      return (header, body)
    } catch let failure as ReadFailure {
      throw failure
    } catch let failure as Descriptor.Failure {
      throw .io(failure)
    } catch {
      throw .malformed("\(error)")
    }
  }

  /// A little-endian unsigned number from 4 or 8 bytes.
  private static func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var value: UInt64 = 0
    for (shift, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
    return value
  }
}

/// The helper process of ``GraphvizProcessRenderer``: reads requests on one
/// descriptor, draws each with the in-process ``GraphvizRenderer``, and
/// answers on another, until its parent closes the stream.
///
/// A program that offers rendering in a helper process calls ``serve(input:output:memoryLimit:)``
/// from a hidden entry point (the `pressgraph` tool has
/// `pressgraph render-worker`) and exits with what it returns. If Graphviz
/// aborts or crashes, only this process ends; the parent reports it.
public enum RenderWorker {
  /// Serves requests until the input ends.
  ///
  /// - Parameters:
  ///   - input: where requests arrive (standard input by default).
  ///   - output: where answers go (standard output by default).
  ///   - memoryLimit: an address-space limit in bytes for this process
  ///     (`RLIMIT_AS`), so that a runaway layout fails instead of exhausting
  ///     the machine; nil for none.
  /// - Returns: the exit status: 0 when the input ended cleanly, 1 when a
  ///   frame was malformed or a descriptor failed.
  public static func serve(input: Int32 = 0, output: Int32 = 1, memoryLimit: Int? = nil) -> Int32 {
    if let memoryLimit, memoryLimit > 0 {
      var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
      #if canImport(Glibc)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
      #else
        _ = setrlimit(RLIMIT_AS, &limit)
      #endif
    }
    let reader = Descriptor(raw: input)
    let writer = Descriptor(raw: output)
    while true {
      let request: RenderWire.Request
      let body: [UInt8]
      do {
        (request, body) = try RenderWire.read(
          RenderWire.Request.self, magic: RenderWire.requestMagic, from: reader)
      } catch .endOfStream {
        return 0
      } catch {
        return 1
      }
      let (answer, drawing) = draw(request, dot: String(decoding: body, as: UTF8.self))
      do {
        try writer.write(
          RenderWire.frame(magic: RenderWire.answerMagic, header: answer, body: drawing))
      } catch {
        return 1
      }
    }
  }

  /// Draws one request in this process.
  static func draw(_ request: RenderWire.Request, dot: String) -> (RenderWire.Answer, [UInt8]) {
    guard let engine = LayoutEngine(rawValue: request.engine) else {
      return (RenderWire.Answer(failure: .badRequest("unknown engine \(request.engine)")), [])
    }
    guard let format = RenderFormat(rawValue: request.format) else {
      return (RenderWire.Answer(failure: .badRequest("unknown format \(request.format)")), [])
    }
    do {
      let rendered = try GraphvizRenderer.shared.render(
        encoded: dot, engine: engine, format: format)
      return (RenderWire.Answer(warnings: rendered.warnings), rendered.bytes)
    } catch .graphviz(let stage, let messages) {
      return (RenderWire.Answer(failure: .graphviz(stage: stage.rawValue, messages: messages)), [])
    } catch .missingPlugin(let kind, let name, let available, let advice) {
      return (
        RenderWire.Answer(
          failure: .missingPlugin(kind: kind, name: name, available: available, advice: advice)),
        []
      )
    } catch {
      return (RenderWire.Answer(failure: .badRequest("\(error)")), [])
    }
  }
}
