import ICUBridge

/// One piece of text found by an ICU break iterator: a byte range of the UTF-8 input and,
/// for word iterators, ICU's rule status.
public struct BreakSpan: Equatable, Sendable {
    /// Start offset in UTF-8 bytes.
    public var start: Int
    /// End offset in UTF-8 bytes (exclusive).
    public var end: Int
    /// ICU word rule status: 0 punctuation or space, 100 number, 200 letter, 400 ideographic.
    public var ruleStatus: Int32

    /// True for numbers, letters, kana and ideographs; false for spaces and punctuation.
    public var isWordLike: Bool { ruleStatus >= 100 }
}

/// A wrapper around an ICU word or sentence break iterator working on UTF-8.
/// ICU iterators are not thread-safe: keep one per thread.
public final class BreakIterator {
    /// What the iterator finds.
    public enum Kind: Sendable { case word, sentence }

    private let handle: OpaquePointer
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    @exclusivity(unchecked) private var ends: [Int32] = []
    @exclusivity(unchecked) private var statuses: [Int32] = []

    /// Opens an iterator for an ICU locale such as `zh` or `en@ss=standard`.
    public init(_ kind: Kind, locale: String) throws {
        var status: Int32 = 0
        let opened = acb_breaker_open(
            kind == .word ? Int32(ACB_BREAK_WORD) : Int32(ACB_BREAK_SENTENCE), locale, &status)
        try checkICU(status, "ubrk_open(\(locale))")
        guard let opened else { throw AlignCorpusError.icu(operation: "ubrk_open", status: "null") }
        handle = opened
    }

    deinit { acb_breaker_close(handle) }

    /// Breaks `text` and calls `body` with each span, in order.
    public func forEachSpan(in text: String, _ body: (BreakSpan) -> Void) {
        var text = text
        text.withUTF8 { utf8 in forEachSpan(in: utf8, body) }
    }

    /// Breaks UTF-8 bytes (which must be valid UTF-8) and calls `body` with each span.
    public func forEachSpan(in utf8: UnsafeBufferPointer<UInt8>, _ body: (BreakSpan) -> Void) {
        guard utf8.count > 0, let base = utf8.baseAddress else { return }
        if ends.count < utf8.count {
            ends = [Int32](repeating: 0, count: utf8.count)
            statuses = [Int32](repeating: 0, count: utf8.count)
        }
        var status: Int32 = 0
        let count = ends.withUnsafeMutableBufferPointer { e in
            statuses.withUnsafeMutableBufferPointer { s in
                acb_breaker_run(handle, base, Int32(utf8.count), e.baseAddress, s.baseAddress, &status)
            }
        }
        // setText on valid UTF-8 cannot fail short of memory exhaustion; treat as one span.
        if acb_failed(status) != 0 {
            body(BreakSpan(start: 0, end: utf8.count, ruleStatus: 0))
            return
        }
        var start = 0
        for i in 0..<Int(count) {
            let end = Int(ends[i])
            body(BreakSpan(start: start, end: end, ruleStatus: statuses[i]))
            start = end
        }
    }

    /// Appends, for each byte range of `utf8`, its words separated by single spaces and a
    /// line feed (the words of segments, in one break of their paragraph).
    func appendWordLines(of utf8: [UInt8], ranges: [Range<Int>], to out: inout [UInt8]) {
        let starts = ranges.map { Int32($0.lowerBound) }
        let ends = ranges.map { Int32($0.upperBound) }
        let capacity = 2 * utf8.count + ranges.count + 16
        let before = out.count
        out.reserveCapacity(before + capacity)
        var status: Int32 = 0
        var written = 0
        out.append(contentsOf: repeatElement(0, count: capacity))
        out.withUnsafeMutableBufferPointer { buffer in
            written = Int(
                acb_breaker_write_words(
                    handle, utf8, Int32(utf8.count), starts, ends, Int32(ranges.count),
                    buffer.baseAddress! + before, &status))
        }
        out.removeLast(capacity - written)
    }

    /// Breaks `text` and calls `body` with the bytes and span of every piece that is not
    /// white space (words, numbers and punctuation).
    public func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>, BreakSpan) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            forEachSpan(in: utf8) { span in
                let first = utf8[span.start]
                if span.ruleStatus == 0 && (first == 0x20 || first == 0x09) { return }
                body(UnsafeBufferPointer(rebasing: utf8[span.start..<span.end]), span)
            }
        }
    }

    /// All spans of `text`.
    public func spans(in text: String) -> [BreakSpan] {
        var result: [BreakSpan] = []
        forEachSpan(in: text) { result.append($0) }
        return result
    }
}
