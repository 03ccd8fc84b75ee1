/// What the aligner compares of a sentence, computed once per sentence. The segment's own
/// text is never changed; only these keys are normalized.
public struct SentenceKeys: Equatable, Sendable {
    /// NFKC, case-folded text; Chinese also mapped from Traditional to Simplified.
    public var normalized: String
    /// The word-like tokens of `normalized` (no punctuation or spaces).
    public var words: [String]
    /// Numbers and dates as values.
    public var numbers: [NumberKey]
    /// Pinyin (`xie huan chi`) of the runs of Chinese characters that look like names:
    /// characters the word breaker leaves single, as it does with names and transliterations.
    public var names: [String]
}

/// Computes ``SentenceKeys``. Holds ICU iterators and transliterators (slow to open, not
/// thread-safe) and a pinyin cache: make one per thread and reuse it.
public final class KeyExtractor {
    private let chineseWords: BreakIterator
    private let englishWords: BreakIterator
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    /// Opened on first use: opening ICU's Han-Latin rules costs about a quarter second.
    @exclusivity(unchecked) private var hanLatin: Transliterator?
    private let traditionalToSimplified: Transliterator
    /// Han character → its Simplified form when it differs, filled as characters are met.
    @exclusivity(unchecked) private var simplifiedOf: [UInt32: String] = [:]
    /// Per code point below 0x30000: 0 not yet looked up, 1 already Simplified, 2 has an
    /// entry in `simplifiedOf` (a flat array: this runs on every character of every sentence).
    @exclusivity(unchecked) private var simplifiedState = [UInt8](repeating: 0, count: 0x30000)
    /// Han character → pinyin syllable, when the caller has a table (CC-CEDICT's readings).
    private let readings: [UInt32: String]
    @exclusivity(unchecked) private var pinyinCache: [ByteKey: String] = [:]

    /// Opens the word breakers and the Traditional→Simplified transform. `readings` maps
    /// Han characters to pinyin syllables (from the lexicon); characters it lacks go
    /// through ICU's Han-Latin transform.
    public init(readings: [UInt32: String] = [:]) throws {
        chineseWords = try BreakIterator(.word, locale: "zh")
        englishWords = try BreakIterator(.word, locale: "en")
        traditionalToSimplified = try Transliterator(id: "Traditional-Simplified")
        self.readings = readings
    }

    /// Keys of one segment's text.
    public func keys(for text: String, language: Language) -> SentenceKeys {
        var normalized = Normalizer.matchingKey(text)
        if language == .zh { normalized = simplified(normalized) }
        var words: [String] = []
        var singles: [Bool] = []
        var key = normalized
        let iterator = language == .zh ? chineseWords : englishWords
        key.withUTF8 { utf8 in
            iterator.forEachSpan(in: utf8) { span in
                guard span.isWordLike else {
                    words.append("")  // keeps name runs from spanning punctuation
                    singles.append(false)
                    return
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[span.start..<span.end]), as: UTF8.self)
                words.append(word)
                singles.append(span.ruleStatus >= 400 && span.end - span.start <= 4)
            }
        }
        let names = language == .zh ? nameCandidates(words, singles) : []
        return SentenceKeys(
            normalized: normalized, words: words.filter { !$0.isEmpty },
            numbers: NumberExtractor.numbers(in: normalized), names: names)
    }

    /// A word token with its byte range in the text it came from.
    public struct WordToken: Sendable {
        /// The token as written.
        public var text: String
        /// Start and end offsets, in UTF-8 bytes.
        public var start: Int
        public var end: Int
        /// Letters, numbers or ideographs (not spaces or punctuation).
        public var isWord: Bool
        /// ICU's number status, or a run of Chinese numerals.
        public var isNumeric: Bool
        /// One Han character the dictionary left on its own.
        public var isSingleHan: Bool
    }

    /// The word-like tokens of English `text` (letters, numbers), as ICU's word break gives
    /// them. Plain ASCII text takes a direct scan that follows the same rules (UAX #29:
    /// letters join across `.` and `'`, digits across `,` `;` `.` `'`); anything the scan
    /// is not sure of — non-ASCII, `:`, `_`, `@` (ICU joins it into words), letters touching
    /// digits — goes to ICU.
    public func englishWordTokens(of text: String) -> [WordToken] {
        var text = text
        let spans = englishWordSpans(of: text)
        return text.withUTF8 { b in
            spans.map { span in
                WordToken(
                    text: String(decoding: UnsafeBufferPointer(rebasing: b[span.start..<span.end]), as: UTF8.self),
                    start: span.start, end: span.end, isWord: true, isNumeric: span.ruleStatus == 100, isSingleHan: false)
            }
        }
    }

    /// The same tokens as spans of `text`'s UTF-8 (status 100 for numbers, 200 for the
    /// rest), for callers that look words up by their bytes.
    func englishWordSpans(of text: String) -> [BreakSpan] {
        var text = text
        if let spans = text.withUTF8({ Self.asciiWordSpans($0) }) { return spans }
        return tokenSpans(of: text, language: .en).compactMap { token in
            token.isWord ? BreakSpan(start: token.start, end: token.end, ruleStatus: token.isNumeric ? 100 : 200) : nil
        }
    }

    /// Word-like spans of ASCII text with ICU's statuses (100 numbers, 200 letters), or
    /// nil when the text holds something the scan leaves to ICU.
    static func asciiWordSpans(_ b: UnsafeBufferPointer<UInt8>) -> [BreakSpan]? {
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func joinsLetters(_ c: UInt8) -> Bool { c == 0x2E || c == 0x27 }  // . '
        func joinsDigits(_ c: UInt8) -> Bool { c == 0x2C || c == 0x3B || c == 0x2E || c == 0x27 }  // , ; . '
        var spans: [BreakSpan] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x80 || c == 0x3A || c == 0x5F || c == 0x40 { return nil }
            let letters = isLetter(c)
            guard letters || isDigit(c) else {
                i += 1
                continue
            }
            // A run of the same kind, joined across its middle marks; the other kind
            // touching it is left to ICU.
            let same = letters ? isLetter : isDigit
            let other = letters ? isDigit : isLetter
            let joins = letters ? joinsLetters : joinsDigits
            let start = i
            i += 1
            while i < b.count {
                if same(b[i]) {
                    i += 1
                } else if other(b[i]) {
                    return nil
                } else if joins(b[i]) && i + 1 < b.count && same(b[i + 1]) {
                    i += 2
                } else {
                    break
                }
            }
            spans.append(BreakSpan(start: start, end: i, ruleStatus: letters ? 200 : 100))
        }
        return spans
    }

    /// ICU's word tokens of `text` (spaces dropped).
    public func wordTokens(of text: String, language: Language) -> [WordToken] {
        var bytes = text
        let spans = tokenSpans(of: text, language: language)
        return bytes.withUTF8 { b in
            spans.map { t in
                WordToken(
                    text: String(decoding: UnsafeBufferPointer(rebasing: b[t.start..<t.end]), as: UTF8.self), start: t.start,
                    end: t.end, isWord: t.isWord, isNumeric: t.isNumeric, isSingleHan: t.isSingleHan)
            }
        }
    }

    /// A word token as a span of its text's UTF-8: a ``WordToken`` without its `String`.
    struct TokenSpan {
        var start: Int
        var end: Int
        var isWord: Bool
        var isNumeric: Bool
        var isSingleHan: Bool
    }

    /// The tokens of ``wordTokens(of:language:)`` as spans.
    func tokenSpans(of text: String, language: Language) -> [TokenSpan] {
        var result: [TokenSpan] = []
        (language == .zh ? chineseWords : englishWords).forEachToken(in: text) { bytes, span in
            var numeric = span.ruleStatus >= 100 && span.ruleStatus < 200
            var singleHan = false
            // Letter and kana words (ICU status 200-399) hold neither digits nor Han
            // characters: no need to look at their characters.
            if !(span.ruleStatus >= 200 && span.ruleStatus < 400) {
                var count = 0
                var allNumerals = true
                var first: UInt32 = 0
                bytes.forEachScalarValue { v in
                    if count == 0 { first = v }
                    count += 1
                    if !((v >= 0x30 && v <= 0x39) || Unicode.Scalar(v).map(ChineseNumerals.isNumeral) == true) {
                        allNumerals = false
                    }
                }
                numeric = numeric || allNumerals
                singleHan = count == 1 && CharClass.isHan(first)
            }
            result.append(
                TokenSpan(start: span.start, end: span.end, isWord: span.isWordLike, isNumeric: numeric, isSingleHan: singleHan))
        }
        return result
    }

    /// Pinyin of Chinese text, syllables separated by spaces, lower case, no tones
    /// (`谢环驰` → `xie huan chi`). Cached: ICU's Han-Latin transform is slow.
    public func pinyin(_ han: String) -> String {
        if let cached = pinyinCache[ByteKey(han)] { return cached }
        var syllables: [String] = []
        var viaICU = readings.isEmpty
        if !viaICU {
            for scalar in han.unicodeScalars {
                guard let reading = readings[scalar.value] else {
                    viaICU = true
                    break
                }
                syllables.append(reading)
            }
        }
        let value: String
        if viaICU {
            if hanLatin == nil { hanLatin = try? Transliterator(id: "Han-Latin; Latin-ASCII; Lower") }
            value = TextCleaning.collapseWhitespace(hanLatin?(han) ?? han)
        } else {
            value = syllables.joined(separator: " ")
        }
        pinyinCache[ByteKey(han)] = value
        return value
    }

    /// Simplified form of `text`, character by character (ICU's Traditional-Simplified
    /// transform, remembered per character).
    public func simplified(_ text: String) -> String {
        var changed = false
        for scalar in text.unicodeScalars where CharClass.isHan(scalar.value) {
            if simplifiedForm(scalar) != nil { changed = true }
        }
        guard changed else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if CharClass.isHan(scalar.value), let s = simplifiedForm(scalar) { out += s } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The Simplified form of a Han character when it differs, else nil.
    private func simplifiedForm(_ scalar: Unicode.Scalar) -> String? {
        let v = Int(scalar.value)
        if v < simplifiedState.count {
            if simplifiedState[v] == 1 { return nil }
            if simplifiedState[v] == 2 { return simplifiedOf[scalar.value] }
        } else if let known = simplifiedOf[scalar.value] {
            return known.isEmpty ? nil : known
        }
        let mapped = traditionalToSimplified(String(scalar))
        let differs = mapped != String(scalar)
        simplifiedOf[scalar.value] = differs ? mapped : ""
        if v < simplifiedState.count { simplifiedState[v] = differs ? 2 : 1 }
        return differs ? mapped : nil
    }

    /// Runs of two or more single Han characters (`谢/环/驰`, `托/卡/耶/夫`), and a single
    /// character followed by a two-character word (`习/近平`: surname and given name).
    private func nameCandidates(_ words: [String], _ singles: [Bool]) -> [String] {
        var names: [String] = []
        var i = 0
        while i < words.count {
            guard singles[i] else {
                i += 1
                continue
            }
            var j = i
            while j < words.count && singles[j] { j += 1 }
            if j - i >= 2 {
                names.append(pinyin(words[i..<j].joined()))
            } else if j < words.count, words[j].unicodeScalars.count == 2,
                words[j].unicodeScalars.allSatisfy({ CharClass.isHan($0.value) })
            {
                names.append(pinyin(words[i] + words[j]))
            }
            i = j
        }
        return names
    }
}
