/// The two languages aligncorpus works with.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh
    case en
}

/// Character classes the segmenter and classifiers need, on Unicode scalars.
enum CharClass {
    /// Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs, 〇).
    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x3134F) || v == 0x3007
    }

    /// Basic and full-width Latin letters and Latin-1/Extended-A letters.
    @inline(__always)
    static func isLatinLetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
            || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A)
    }

    /// White space, including the ideographic space and no-break spaces.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0xA0 || v == 0x3000 || v == 0x85 || v == 0x1680
            || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F
            || v == 0xFEFF
    }

    /// Characters that end a sentence (ASCII and full-width).
    @inline(__always)
    static func isSentenceFinal(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026
            || v == 0xFF0E || v == 0xFF61
    }
}

/// Decides a paragraph's language by its dominant script.
public enum LanguageClassifier {
    /// English letters per Chinese character that make the two scripts weigh the same: a
    /// Chinese character carries about as much as three Latin letters, so a Chinese sentence
    /// with a Latin name stays Chinese and an English one quoting a Chinese name stays English.
    static let lettersPerHan = 3

    /// The dominant language of `text`, or nil when it has neither Han nor Latin letters.
    public static func classify(_ text: String) -> Language? {
        let info = TextScan.paragraph(text)
        return classify(han: Int(info.han), latin: Int(info.latin))
    }

    /// The dominant language given counts of Han characters and Latin letters.
    static func classify(han: Int, latin: Int) -> Language? {
        if han == 0 && latin == 0 { return nil }
        return han * lettersPerHan >= latin ? .zh : .en
    }
}
