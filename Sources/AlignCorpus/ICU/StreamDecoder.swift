import ICUBridge

/// Decodes a byte stream in a legacy or UTF-16 charset to UTF-8, chunk by chunk, stopping
/// at the first byte sequence that is invalid in that charset. Not thread-safe.
final class StreamDecoder {
    private let handle: OpaquePointer
    /// ICU's name of the charset being decoded.
    let charset: String

    init(charset: String) throws {
        var status: Int32 = 0
        let opened = acb_decoder_open(charset, &status)
        guard acb_failed(status) == 0, let opened else {
            throw AlignCorpusError.unknownEncoding(charset)
        }
        handle = opened
        self.charset = charset
    }

    deinit { acb_decoder_close(handle) }

    /// The outcome of decoding one chunk.
    enum Outcome {
        case decoded([UInt8])
        /// Decoding failed at this offset within the chunk; `decoded` holds what came before.
        case invalid(decoded: [UInt8], offset: Int)
    }

    func decode(_ bytes: UnsafeBufferPointer<UInt8>, flush: Bool) -> Outcome {
        let capacity = bytes.count * 3 + 64
        var status: Int32 = 0
        var badOffset: Int32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = Int(
                acb_decoder_run(
                    handle, bytes.baseAddress, Int32(bytes.count), flush ? 1 : 0, buffer.baseAddress,
                    &badOffset, &status))
        }
        if acb_failed(status) != 0 { return .invalid(decoded: out, offset: Int(badOffset)) }
        return .decoded(out)
    }
}

/// ICU's charset detector, run on a sample of bytes.
enum CharsetDetector {
    /// ICU's best guess and its confidence (0-100), or nil when nothing matched.
    static func detect(_ sample: UnsafeBufferPointer<UInt8>) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        var status: Int32 = 0
        let found = acb_detect_charset(
            sample.baseAddress, Int32(sample.count), &name, Int32(name.count), &confidence, &status)
        guard found != 0, acb_failed(status) == 0 else { return nil }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (text, Int(confidence))
    }
}
