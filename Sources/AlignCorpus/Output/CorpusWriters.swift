/// The corpus formats `aligncorpus build` writes.
public enum CorpusFormat: String, CaseIterable, Sendable {
    /// `corpus.zh-en.tmx`: TMX 1.4b, level 1.
    case tmx
    /// `corpus.zh-en.tsv`: doc, zh, en, score, zone; no header, no quoting.
    case tsv
    /// `corpus.zh-en.zh` and `corpus.zh-en.en`: line-aligned plain text.
    case moses
    /// `corpus.zh-en.jsonl`: one object a pair.
    case jsonl

    /// The files the format writes, relative to the output folder.
    public var fileNames: [String] {
        switch self {
        case .tmx: return ["corpus.zh-en.tmx"]
        case .tsv: return ["corpus.zh-en.tsv"]
        case .moses: return ["corpus.zh-en.zh", "corpus.zh-en.en"]
        case .jsonl: return ["corpus.zh-en.jsonl"]
        }
    }
}

/// A file written through a buffer and made visible only when committed.
struct BufferedAtomicFile {
    private var writer: AtomicFile.Writer
    private var buffer: [UInt8] = []

    init(path: String) throws {
        writer = try AtomicFile.Writer(path: path)
        buffer.reserveCapacity(1 << 20)
    }

    mutating func append(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func append(_ text: String) throws { try append(Array(text.utf8)) }

    mutating func flush() throws {
        try writer.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func commit() throws {
        try flush()
        try writer.commit()
    }

    mutating func abandon() { writer.abandon() }
}

/// XML 1.0 text: the five entities escaped; characters XML forbids (controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF) removed.
public enum XMLText {
    /// `text` made safe for element content or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF { continue }
            switch s {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Segment text as TMX wants it: forbidden characters removed, white space collapsed,
    /// no leading or trailing space. Empty when nothing is left.
    public static func segmentText(_ text: String) -> String {
        // Controls are white space to collapseWhitespace already; only the noncharacters
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) need the slow path.
        if !Self.holdsNoncharacter(text) { return TextCleaning.collapseWhitespace(text) }
        var kept = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF || (v >= 0x7F && v < 0xA0) {
                kept.append(" ")
            } else {
                kept.append(s)
            }
        }
        return TextCleaning.collapseWhitespace(String(kept))
    }

    static func holdsNoncharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0xEF && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF) { return true }
                i += 1
            }
            return false
        }
    }
}

/// The values of the TMX header.
public struct TMXHeader: Sendable {
    /// Language of the Chinese `tuv`s and the header's `srclang` (`zh-CN`, `zh-TW`).
    public var zhLanguage = "zh-CN"
    /// Language of the English `tuv`s.
    public var enLanguage = "en-US"
    /// `creationdate`, `YYYYMMDDThhmmssZ`.
    public var creationDate: String

    /// A header with the default languages.
    public init(creationDate: String) { self.creationDate = creationDate }
}

/// Writes a corpus in every requested format at once, streaming, each file atomically.
struct CorpusWriters {
    private var tmx: BufferedAtomicFile?
    private var tsv: BufferedAtomicFile?
    private var mosesZh: BufferedAtomicFile?
    private var mosesEn: BufferedAtomicFile?
    private var jsonl: BufferedAtomicFile?
    private let header: TMXHeader
    private var nextID = 1

    init(folder: String, formats: Set<CorpusFormat>, header: TMXHeader) throws {
        self.header = header
        func open(_ name: String) throws -> BufferedAtomicFile { try BufferedAtomicFile(path: folder + "/" + name) }
        if formats.contains(.tmx) {
            tmx = try open("corpus.zh-en.tmx")
            try tmx!.append(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4">
                  <header creationtool="aligncorpus" creationtoolversion="\(AlignCorpusVersion.current)" \
                segtype="sentence" o-tmf="aligncorpus" adminlang="en-US" srclang="\(XMLText.escape(header.zhLanguage))" \
                datatype="plaintext" creationdate="\(header.creationDate)"/>
                  <body>

                """)
        }
        if formats.contains(.tsv) { tsv = try open("corpus.zh-en.tsv") }
        if formats.contains(.moses) {
            mosesZh = try open("corpus.zh-en.zh")
            mosesEn = try open("corpus.zh-en.en")
        }
        if formats.contains(.jsonl) { jsonl = try open("corpus.zh-en.jsonl") }
    }

    /// Writes one pair (sides already cleaned and non-empty).
    mutating func write(_ pair: CorpusPair, document: String) throws {
        let score = BeadFormatter.decimal(pair.score)
        if tmx != nil {
            try tmx!.append(
                """
                    <tu tuid="\(nextID)">
                      <prop type="x-document">\(XMLText.escape(document))</prop>
                      <prop type="x-zone">\(XMLText.escape(pair.zone))</prop>
                      <prop type="x-score">\(score)</prop>
                      <tuv xml:lang="\(XMLText.escape(header.zhLanguage))"><seg>\(XMLText.escape(pair.zh))</seg></tuv>
                      <tuv xml:lang="\(XMLText.escape(header.enLanguage))"><seg>\(XMLText.escape(pair.en))</seg></tuv>
                    </tu>

                """)
        }
        if tsv != nil {
            try tsv!.append(
                [TextCleaning.tsvField(document), TextCleaning.tsvField(pair.zh), TextCleaning.tsvField(pair.en), score, pair.zone]
                    .joined(separator: "\t") + "\n")
        }
        if mosesZh != nil {
            try mosesZh!.append(TextCleaning.tsvField(pair.zh) + "\n")
            try mosesEn!.append(TextCleaning.tsvField(pair.en) + "\n")
        }
        if jsonl != nil {
            var out = Array(#"{"id":"#.utf8) + Array(String(nextID).utf8) + Array(#","doc":"#.utf8)
            JSONText.appendString(document, to: &out)
            out += Array(#","zh":"#.utf8)
            JSONText.appendString(pair.zh, to: &out)
            out += Array(#","en":"#.utf8)
            JSONText.appendString(pair.en, to: &out)
            out += Array(#","score":"#.utf8) + Array(score.utf8) + Array(#","zone":"#.utf8)
            JSONText.appendString(pair.zone, to: &out)
            out += Array("}\n".utf8)
            try jsonl!.append(out)
        }
        nextID += 1
    }

    /// Closes the TMX body and makes every file visible.
    mutating func commit() throws {
        if tmx != nil {
            try tmx!.append("  </body>\n</tmx>\n")
            try tmx!.commit()
        }
        try tsv?.commit()
        try mosesZh?.commit()
        try mosesEn?.commit()
        try jsonl?.commit()
    }

    /// Drops every temporary file (an interrupted or failed build leaves the old corpus).
    mutating func abandon() {
        tmx?.abandon()
        tsv?.abandon()
        mosesZh?.abandon()
        mosesEn?.abandon()
        jsonl?.abandon()
    }
}
