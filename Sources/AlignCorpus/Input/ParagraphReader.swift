/// A paragraph of input text with its language.
public struct Paragraph: Equatable, Sendable {
    /// 0-based position among the document's paragraphs.
    public var index: Int
    /// The paragraph's text: the lines of a wrapped paragraph joined by a space; from a
    /// ``ParagraphReader``, also with white space collapsed and in NFC.
    public var text: String
    /// The paragraph's dominant language. Paragraphs with neither Han nor Latin letters
    /// (a date, an end mark) take the language of the paragraph before them, or of the one
    /// after when they come first.
    public var language: Language
    /// Set by the reader when `text` is already collapsed and NFC, so the segmenter need
    /// not scan it again.
    var isClean = false

    /// Creates a paragraph.
    public init(index: Int, text: String, language: Language) {
        self.index = index
        self.text = text
        self.language = language
    }
}

/// Streams the paragraphs of a text, one at a time.
///
/// A paragraph is a non-blank line. A line that starts with a lower-case Latin letter and
/// follows a line that does not end a sentence continues that line (hard-wrapped English).
public final class ParagraphReader {
    let reader: TextFileReader
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var bufferStart = 0
    @exclusivity(unchecked) private var endOfInput = false
    @exclusivity(unchecked) private var current: String?  // paragraph being built, not yet emitted
    @exclusivity(unchecked) private var unclassified: [String] = []  // clean paragraphs waiting for a language
    @exclusivity(unchecked) private var ready: [Paragraph] = []
    @exclusivity(unchecked) private var readyStart = 0
    @exclusivity(unchecked) private var lastLanguage: Language?
    @exclusivity(unchecked) private var nextIndex = 0

    /// The file's encoding as ICU names it.
    public var encoding: String { reader.encoding }
    /// The path being read.
    public var path: String { reader.path }

    /// Opens `path` (or `-` for standard input); see ``TextFileReader``.
    public init(path: String, encoding: String? = nil) throws {
        reader = try TextFileReader(path: path, encoding: encoding)
    }

    /// Reads paragraphs from an open reader.
    init(reader: TextFileReader) {
        self.reader = reader
    }

    /// The next paragraph, or nil at the end. Throws when the rest of the file cannot be
    /// decoded, and `AlignCorpusError.empty` when the file holds no text at all.
    public func next() throws -> Paragraph? {
        while readyStart == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
            if endOfInput { return nil }
            try readMore()
        }
        defer { readyStart += 1 }
        return ready[readyStart]
    }

    /// Reads every remaining paragraph.
    public func readAll() throws -> [Paragraph] {
        var result: [Paragraph] = []
        while let p = try next() { result.append(p) }
        return result
    }

    private func readMore() throws {
        guard let chunk = try reader.nextChunk() else {
            if bufferStart < buffer.count { take(line: buffer[bufferStart...]) }
            buffer.removeAll()
            finishParagraph()
            flushUnclassified(as: lastLanguage ?? .zh)
            endOfInput = true
            if nextIndex == 0 { throw AlignCorpusError.empty(path: reader.path) }
            return
        }
        if bufferStart > 0 {
            buffer.removeSubrange(0..<bufferStart)
            bufferStart = 0
        }
        buffer.append(contentsOf: chunk)
        var i = 0
        let count = buffer.count
        var lineStart = 0
        while i < count {
            let b = buffer[i]
            if b == 0x0A || b == 0x0D {
                take(line: buffer[lineStart..<i])
                if b == 0x0D && i + 1 < count && buffer[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        // A CR at the very end may be followed by LF in the next chunk: that LF then makes
        // an empty line, which only ends the paragraph early, as the CR already did.
        bufferStart = lineStart
    }

    private func take(line bytes: ArraySlice<UInt8>) {
        let line = String(decoding: bytes, as: UTF8.self)
        if Self.isBlank(line) {
            finishParagraph()
            return
        }
        if let previous = current {
            if Self.continues(previous, with: line) {
                current = previous + " " + line
                return
            }
            finishParagraph()
        }
        current = line
    }

    private func finishParagraph() {
        guard var text = current else { return }
        current = nil
        // One scan gives the language and says whether the text needs cleaning.
        let info = TextScan.paragraph(text)
        if info.needs_whitespace_work != 0 { text = TextCleaning.collapseWhitespace(text) }
        if info.may_need_nfc != 0 { text = Normalizer.nfc(text) }
        if let language = LanguageClassifier.classify(han: Int(info.han), latin: Int(info.latin)) {
            flushUnclassified(as: lastLanguage ?? language)
            lastLanguage = language
            emit(text, language)
        } else if let lastLanguage {
            emit(text, lastLanguage)
        } else {
            unclassified.append(text)
        }
    }

    private func flushUnclassified(as language: Language) {
        for text in unclassified { emit(text, language) }
        unclassified.removeAll()
    }

    private func emit(_ text: String, _ language: Language) {
        var paragraph = Paragraph(index: nextIndex, text: text, language: language)
        paragraph.isClean = true
        ready.append(paragraph)
        nextIndex += 1
    }

    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { CharClass.isSpace($0.value) }
    }

    /// A hard-wrapped English line: the previous line does not end a sentence and the next
    /// starts with a lower-case letter.
    static func continues(_ previous: String, with line: String) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !CharClass.isSpace($0.value) }),
            first.value >= 0x61 && first.value <= 0x7A,
            let last = previous.unicodeScalars.last(where: { !CharClass.isSpace($0.value) })
        else { return false }
        let v = last.value
        if CharClass.isSentenceFinal(v) || CharClass.isHan(v) { return false }
        return v != 0x22 && v != 0x201D && v != 0x29 && v != 0x3A && v != 0xFF1A
    }
}

extension ParagraphReader {
    /// Reads the rest of the file as lines, one sentence each, used as given (no joining,
    /// blank lines kept so that indices match line numbers; a final line break ends the
    /// last line rather than starting an empty one).
    public func readAllLines() throws -> [String] {
        try reader.readAllLines()
    }
}

extension TextFileReader {
    /// Every line of the rest of the file (see ``ParagraphReader/readAllLines()``).
    func readAllLines() throws -> [String] {
        var lines: [String] = []
        var pending: [UInt8] = []
        while let chunk = try nextChunk() {
            var start = 0
            for i in 0..<chunk.count where chunk[i] == 0x0A {
                pending.append(contentsOf: chunk[start..<i])
                if pending.last == 0x0D { pending.removeLast() }
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
                start = i + 1
            }
            pending.append(contentsOf: chunk[start...])
        }
        if pending.last == 0x0D { pending.removeLast() }
        if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
        if lines.allSatisfy({ ParagraphReader.isBlank($0) }) { throw AlignCorpusError.empty(path: path) }
        return lines
    }
}
