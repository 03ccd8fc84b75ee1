#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits paragraphs into segments — sentences, datelines, bylines and photo credits — and
/// segments into words, with ICU plus the fixes news text needs.
///
/// Holds ICU iterators, which are not thread-safe: use one segmenter per thread.
public final class SentenceSegmenter {
    private let chineseSentences: BreakIterator
    private let englishSentences: BreakIterator
    private let chineseWords: BreakIterator
    private let englishWords: BreakIterator

    /// Opens the ICU iterators (`zh` and `en@ss=standard` sentence rules).
    public init() throws {
        chineseSentences = try BreakIterator(.sentence, locale: "zh")
        englishSentences = try BreakIterator(.sentence, locale: "en@ss=standard")
        chineseWords = try BreakIterator(.word, locale: "zh")
        englishWords = try BreakIterator(.word, locale: "en")
    }

    // MARK: Segments

    /// The segments of one paragraph, in order. End marks give none.
    public func segments(of paragraph: Paragraph) -> [Segment] {
        cleanedSegments(of: paragraph).segments
    }

    /// The segments of one paragraph with their words. The paragraph is word-broken once
    /// (faster than segment by segment) and each segment takes the words inside it.
    public func segmentsWithWords(of paragraph: Paragraph) -> SegmentedParagraph {
        let (text, segments) = cleanedSegments(of: paragraph)
        var result = SegmentedParagraph(text: Array(text.utf8), segments: segments)
        guard !segments.isEmpty else { return result }
        var cursor = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(segments.count)
        for segment in segments {
            let range = Self.locate(segment.text, in: result.text, from: cursor)
            ranges.append(range)
            cursor = range.upperBound
        }
        var k = 0
        var firstWord = 0
        forEachWord(in: text, language: paragraph.language) { _, span in
            while k < ranges.count && span.start >= ranges[k].upperBound {
                result.wordsOfSegment.append(firstWord..<result.wordRanges.count)
                firstWord = result.wordRanges.count
                k += 1
            }
            guard k < ranges.count else { return }
            let start = max(span.start, ranges[k].lowerBound)
            let end = min(span.end, ranges[k].upperBound)
            if start < end { result.wordRanges.append(start..<end) }
        }
        while result.wordsOfSegment.count < segments.count {
            result.wordsOfSegment.append(firstWord..<result.wordRanges.count)
            firstWord = result.wordRanges.count
        }
        return result
    }

    /// Appends one line per segment of `paragraph`: its words separated by single spaces
    /// (what `segment --words` prints), breaking the paragraph into words once.
    public func appendWordLines(of paragraph: Paragraph, to out: inout [UInt8]) {
        let (text, segments) = cleanedSegments(of: paragraph)
        guard !segments.isEmpty else { return }
        let bytes = Array(text.utf8)
        var cursor = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(segments.count)
        for segment in segments {
            let range = Self.locate(segment.text, in: bytes, from: cursor)
            ranges.append(range)
            cursor = range.upperBound
        }
        let iterator = paragraph.language == .zh ? chineseWords : englishWords
        iterator.appendWordLines(of: bytes, ranges: ranges, to: &out)
    }

    /// Where `needle` (a segment's text) stands in its paragraph's clean text, searching
    /// from `cursor`: segments are ordered substrings of that text.
    static func locate(_ needle: String, in haystack: [UInt8], from cursor: Int) -> Range<Int> {
        var needle = needle
        return needle.withUTF8 { n in
            haystack.withUnsafeBufferPointer { h in
                var start = cursor
                while start + n.count <= h.count {
                    if memcmp(h.baseAddress! + start, n.baseAddress!, n.count) == 0 { return start..<(start + n.count) }
                    start += 1
                }
                return cursor..<cursor
            }
        }
    }

    /// The clean paragraph text (collapsed, NFC, end marks removed) and its segments.
    func cleanedSegments(of paragraph: Paragraph) -> (text: String, segments: [Segment]) {
        var text = paragraph.text
        if !paragraph.isClean { text = Normalizer.nfc(TextCleaning.collapseWhitespace(text)) }
        text = TextCleaning.strippingEndMarks(text)
        if text.isEmpty { return (text, []) }
        let language = paragraph.language
        var result: [Segment] = []
        func add(_ piece: String, _ zone: Zone?) {
            // Pieces of the collapsed paragraph: at most a space to trim at either end.
            let trimmed = Self.trimmed(piece)
            if !trimmed.isEmpty {
                result.append(Segment(text: trimmed, language: language, paragraph: paragraph.index, zone: zone))
            }
        }
        var body = text
        let dateline =
            language == .zh ? NewsConventions.chineseDateline(text) : NewsConventions.englishDateline(text)
        if let dateline {
            add(dateline.dateline, .dateline)
            if let byline = dateline.byline { add(byline, .byline) }
            body = dateline.rest
        }
        for sentence in sentences(of: body, language: language) {
            if language == .zh {
                if NewsConventions.isChineseCredit(sentence) {
                    add(sentence, .credit)
                } else if NewsConventions.isBracketedName(sentence) {
                    add(sentence, .byline)  // `(王慧慧)`: the reporter or editor, after the story
                } else if let split = trailingChineseCredit(sentence) {
                    add(split.sentence, nil)
                    add(split.credit, .credit)
                } else {
                    add(sentence, nil)
                }
            } else if NewsConventions.isEnglishPhotoLine(sentence) {
                add(sentence, .credit)
            } else if let start = NewsConventions.englishCreditStart(sentence) {
                add(String(sentence[..<start]), nil)
                add(String(sentence[start...]), .credit)
            } else if let end = NewsConventions.englishCreditPrefixEnd(sentence) {
                add(String(sentence[..<end]), .credit)
                add(String(sentence[end...]), nil)
            } else {
                add(sentence, nil)
            }
        }
        return (text, result)
    }

    /// A `(新华社记者 谢环驰 摄)` credit glued to the end of a sentence.
    private func trailingChineseCredit(_ sentence: String) -> (sentence: String, credit: String)? {
        guard let last = sentence.unicodeScalars.last, last == ")" || last == "）" else { return nil }
        guard let open = sentence.lastIndex(where: { $0 == "(" || $0 == "（" }), open > sentence.startIndex else {
            return nil
        }
        let credit = String(sentence[open...])
        guard NewsConventions.isChineseCredit(credit) else { return nil }
        return (String(sentence[..<open]), credit)
    }

    /// Sentences of a clean (collapsed, NFC) text by ICU's rules, corrected for opening
    /// quotes left at the end of a sentence and for abbreviations ICU does not know.
    public func sentences(of text: String, language: Language) -> [String] {
        var bytes = text
        var ranges: [Range<Int>] = []
        let iterator = language == .zh ? chineseSentences : englishSentences
        bytes.withUTF8 { utf8 in
            iterator.forEachSpan(in: utf8) { span in ranges.append(span.start..<span.end) }
        }
        let utf8 = Array(text.utf8)
        var merged: [Range<Int>] = []
        for range in ranges {
            if let previous = merged.last, Self.continuesAfterAbbreviation(utf8, previous, range) {
                merged[merged.count - 1] = previous.lowerBound..<range.upperBound
            } else {
                merged.append(range)
            }
        }
        Self.moveOpeningPunctuation(utf8, &merged)
        return merged.compactMap { range in
            let piece = String(decoding: utf8[range], as: UTF8.self)
            let trimmed = Self.trimmed(piece)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Titles and abbreviations news uses before a name or number, beyond ICU's own list.
    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm",
        "Rev", "St", "Mt", "Ft", "Jr", "Sr", "Cmdr", "Brig", "Pres", "Supt", "Insp", "Hon", "Messrs", "Co", "Corp",
        "Inc", "Ltd", "Bros", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "vs", "approx", "est", "Fig", "Vol",
    ]
    /// Abbreviations that only continue a sentence when a number follows (`No. 1`, `Nov. 8`).
    static let beforeNumbers: Set<String> = [
        "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "pp", "p",
        "Art", "Sec", "Ch",
    ]

    /// Dotted abbreviations that stand before names (`U.S. Secretary of State`).
    static let dottedNames: Set<String> = ["U.S", "U.K", "U.N", "E.U", "U.S.A", "P.R.C", "D.C", "S.A.R", "U.A.E"]
    /// Words that start sentences rather than continue a name after `U.S.`.
    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "In", "On", "At", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "For",
        "His", "Her", "Its", "Their", "Our", "My", "Meanwhile", "However", "Also", "Since", "Last", "Next", "Now",
    ]

    /// True when the sentence `previous` ends with an abbreviation and `next` continues it.
    static func continuesAfterAbbreviation(_ utf8: [UInt8], _ previous: Range<Int>, _ next: Range<Int>) -> Bool {
        var end = previous.upperBound
        while end > previous.lowerBound && utf8[end - 1] == 0x20 { end -= 1 }
        guard end > previous.lowerBound, utf8[end - 1] == 0x2E else { return false }
        var start = end - 1
        while start > previous.lowerBound && isASCIILetter(utf8[start - 1]) { start -= 1 }
        guard start < end - 1 else { return false }
        var first = next.lowerBound
        while first < next.upperBound && utf8[first] == 0x20 { first += 1 }
        guard first < next.upperBound else { return false }
        let c = utf8[first]
        if start > previous.lowerBound && utf8[start - 1] == 0x2E {
            // Dotted abbreviations (`U.S.`): ICU keeps them before lower case; before a
            // capital they continue unless the next word usually starts a sentence.
            var s = start - 1
            while s > previous.lowerBound && (isASCIILetter(utf8[s - 1]) || utf8[s - 1] == 0x2E) { s -= 1 }
            let dotted = String(decoding: utf8[s..<(end - 1)], as: UTF8.self)
            guard dottedNames.contains(dotted), c >= 0x41 && c <= 0x5A else { return false }
            var wordEnd = first
            while wordEnd < next.upperBound && isASCIILetter(utf8[wordEnd]) { wordEnd += 1 }
            return !sentenceStarters.contains(String(decoding: utf8[first..<wordEnd], as: UTF8.self))
        }
        let word = String(decoding: utf8[start..<(end - 1)], as: UTF8.self)
        if titles.contains(word) { return true }
        if beforeNumbers.contains(word) { return c >= 0x30 && c <= 0x39 }
        // An initial: `John F. Kennedy`.
        return word.utf8.count == 1 && word.utf8.first! >= 0x41 && word.utf8.first! <= 0x5A && c >= 0x41 && c <= 0x5A
    }

    /// Moves opening quotes and brackets that ICU left at the end of a sentence to the
    /// start of the next one (`…电。“` | `我们欢迎你！”` becomes `…电。` | `“我们欢迎你！”`).
    static func moveOpeningPunctuation(_ utf8: [UInt8], _ ranges: inout [Range<Int>]) {
        guard ranges.count > 1 else { return }
        for k in 0..<(ranges.count - 1) {
            var cut = ranges[k].upperBound
            var i = cut
            while i > ranges[k].lowerBound {
                var start = i - 1
                while start > ranges[k].lowerBound && utf8[start] & 0xC0 == 0x80 { start -= 1 }
                let scalar = String(decoding: utf8[start..<i], as: UTF8.self).unicodeScalars.first!
                if scalar == " " {
                    i = start
                    continue
                }
                let category = scalar.properties.generalCategory
                let opening = category == .openPunctuation || category == .initialPunctuation
                // A straight quote opens when the sentence holds an odd number of them.
                let straightOpening =
                    scalar == "\"" && utf8[ranges[k].lowerBound..<i].filter { $0 == 0x22 }.count % 2 == 1
                guard opening || straightOpening else { break }
                cut = start
                i = start
            }
            if cut < ranges[k].upperBound && cut > ranges[k].lowerBound {
                ranges[k] = ranges[k].lowerBound..<cut
                ranges[k + 1] = cut..<ranges[k + 1].upperBound
            }
        }
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharClass.isSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !CharClass.isSpace($0.value) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return s }
        return String(scalars[first...last])
    }

    // MARK: Words

    /// Calls `body` with the UTF-8 bytes of each word of `text` (spaces dropped, punctuation
    /// kept as tokens of its own): Chinese by ICU's dictionary, English by ICU's word rules.
    public func forEachWord(
        in text: String, language: Language, _ body: (UnsafeBufferPointer<UInt8>, BreakSpan) -> Void
    ) {
        (language == .zh ? chineseWords : englishWords).forEachToken(in: text, body)
    }

    /// The words of `text` as strings (see ``forEachWord(in:language:_:)``).
    public func words(of text: String, language: Language) -> [String] {
        var result: [String] = []
        forEachWord(in: text, language: language) { bytes, _ in
            result.append(String(decoding: bytes, as: UTF8.self))
        }
        return result
    }
}
