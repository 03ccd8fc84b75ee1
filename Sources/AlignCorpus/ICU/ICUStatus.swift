import ICUBridge

/// ICU's name for a status code, for error messages.
func icuErrorName(_ status: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    acb_error_name(status, &buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Throws `AlignCorpusError.icu` when `status` is an ICU failure.
func checkICU(_ status: Int32, _ operation: String) throws {
    if acb_failed(status) != 0 {
        throw AlignCorpusError.icu(operation: operation, status: icuErrorName(status))
    }
}

/// Runs an ICU call that writes UTF-8 into a caller buffer and returns the length it
/// needs, growing the buffer once when the first guess was too small.
func withGrowingUTF8Output(
    initialCapacity: Int,
    _ body: (UnsafeMutablePointer<UInt8>, Int32, inout Int32) -> Int32
) -> (String, Int32) {
    var capacity = max(initialCapacity, 16)
    for _ in 0..<2 {
        var status: Int32 = 0
        var needed: Int32 = 0
        let result = String(unsafeUninitializedCapacity: capacity) { buffer in
            needed = body(buffer.baseAddress!, Int32(capacity), &status)
            return Int(needed) <= capacity && acb_failed(status) == 0 ? Int(needed) : 0
        }
        if acb_failed(status) != 0 { return ("", status) }
        if Int(needed) <= capacity { return (result, 0) }
        capacity = Int(needed) + 16
    }
    return ("", 15)  // U_BUFFER_OVERFLOW_ERROR; unreachable in practice
}
