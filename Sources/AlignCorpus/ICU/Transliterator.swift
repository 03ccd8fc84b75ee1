import ICUBridge

/// An ICU transliterator such as `Han-Latin; Latin-ASCII` or `Traditional-Simplified`.
/// Opening one is slow (about a quarter of a second); open once and reuse. Not thread-safe.
public final class Transliterator {
    private let handle: OpaquePointer

    /// Opens the transliterator with ICU id `id`.
    public init(id: String) throws {
        var status: Int32 = 0
        let opened = acb_transform_open(id, &status)
        try checkICU(status, "utrans_open(\(id))")
        guard let opened else { throw AlignCorpusError.icu(operation: "utrans_open", status: "null") }
        handle = opened
    }

    deinit { acb_transform_close(handle) }

    /// Transforms `text`; returns it unchanged if ICU fails.
    public func callAsFunction(_ text: String) -> String {
        var input = text
        let (result, status) = input.withUTF8 { utf8 in
            withGrowingUTF8Output(initialCapacity: utf8.count * 4) { out, capacity, status in
                acb_transform_run(handle, utf8.baseAddress, Int32(utf8.count), out, capacity, &status)
            }
        }
        return acb_failed(status) != 0 ? text : result
    }
}

/// Unicode normalization through ICU.
public enum Normalizer {
    /// Canonical composition (NFC): the form segment text is kept in.
    public static func nfc(_ text: String) -> String {
        TextScan.paragraph(text).may_need_nfc == 0 ? text : run(ACB_NORM_NFC, text)
    }

    /// NFKC with case folding: the form matching keys are built from
    /// (full-width `ＡＢＣ１２３` becomes `abc123`).
    public static func matchingKey(_ text: String) -> String {
        return run(ACB_NORM_NFKC_CASEFOLD, text)
    }

    private static func run(_ form: Int, _ text: String) -> String {
        var input = text
        let (result, status) = input.withUTF8 { utf8 in
            withGrowingUTF8Output(initialCapacity: utf8.count + utf8.count / 2 + 16) { out, capacity, status in
                acb_normalize(Int32(form), utf8.baseAddress, Int32(utf8.count), out, capacity, &status)
            }
        }
        return acb_failed(status) != 0 ? text : result
    }
}
