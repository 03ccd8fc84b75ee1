/// A pair of a built corpus.
public struct CorpusPair: Equatable, Sendable {
    /// The Chinese side.
    public var zh: String
    /// The English side.
    public var en: String
    /// Calibrated score in [0, 1].
    public var score: Double
    /// The zone label (`caption`, `lead>body`), or `document` for translated documents.
    public var zone: String
}

/// What processing one document gave.
public struct DocumentResult: Sendable {
    /// The document's name in outputs.
    public var name: String
    /// `page` or `pair` (or `unusable`).
    public var kind: String
    /// How the document was aligned: `page`, `document`, or `page as document` for pages
    /// too long to be news pages.
    public var method: String = ""
    /// Encodings read (`UTF-8`, `GB18030`, …).
    public var encodings: [String] = []
    /// Chinese segments read.
    public var zhSegments = 0
    /// English segments read.
    public var enSegments = 0
    /// The pairs found (before the build's score filter and de-duplication).
    public var pairs: [CorpusPair] = []
    /// Why the document was skipped, when it was.
    public var skipped: String?
    /// Wall time spent on it.
    public var seconds = 0.0
    /// Size of its input files in bytes.
    public var inputBytes = 0
}

/// Processes documents one at a time: reads, segments, aligns. Holds ICU objects: one per
/// thread.
public final class DocumentProcessor {
    let pageAligner: PageAligner
    let sentenceAligner: SentenceAligner
    let segmenter: SentenceSegmenter
    let encoding: String?
    /// Pages with more segments than this on a side are not news pages: their Chinese and
    /// English parts are aligned as parallel documents instead (time linear, not quadratic).
    public static let maxPageSegments = 800

    /// Creates a processor; `minimumPageScore` is the page aligner's threshold.
    public init(lexicon: Lexicon, minimumPageScore: Double, encoding: String?) throws {
        pageAligner = try PageAligner(lexicon: lexicon)
        pageAligner.minimumScore = minimumPageScore
        sentenceAligner = try SentenceAligner(lexicon: lexicon)
        segmenter = try SentenceSegmenter()
        self.encoding = encoding
    }

    /// Processes one document; never throws: problems become a skip reason.
    public func process(_ document: CorpusDocument) -> DocumentResult {
        let start = Clock.now()
        var result = DocumentResult(name: document.name, kind: "unusable")
        do {
            switch document {
            case .unusable(_, let reason):
                result.skipped = reason
            case .page(let path):
                result.kind = "page"
                try processPage(path, into: &result)
            case .pair(let zh, let en):
                result.kind = "pair"
                result.method = "document"
                let (zhSentences, zhEncoding) = try sentences(zh)
                let (enSentences, enEncoding) = try sentences(en)
                result.encodings = [zhEncoding, enEncoding]
                result.zhSegments = zhSentences.count
                result.enSegments = enSentences.count
                result.pairs = documentPairs(zhSentences, enSentences)
            }
        } catch let error as AlignCorpusError {
            result.skipped = error.message + (error.path.map { $0 == document.name ? "" : " (\($0))" } ?? "")
            result.pairs = []
        } catch {
            result.skipped = "\(error)"
            result.pairs = []
        }
        result.seconds = Clock.now() - start
        return result
    }

    private func processPage(_ path: String, into result: inout DocumentResult) throws {
        let reader = try ParagraphReader(path: path, encoding: encoding)
        let zoner = PageZoner()
        var page: [ZonedParagraph] = []
        while let paragraph = try reader.next() { page += zoner.add(paragraph, segments: segmenter.segments(of: paragraph)) }
        page += zoner.finish()
        result.encodings = [reader.encoding]
        let zh = page.filter { $0.paragraph.language == .zh }.flatMap(\.segments)
        let en = page.filter { $0.paragraph.language == .en }.flatMap(\.segments)
        result.zhSegments = zh.count
        result.enSegments = en.count
        guard !zh.isEmpty, !en.isEmpty else {
            result.skipped = zh.isEmpty ? "no Chinese text (one language only)" : "no English text (one language only)"
            return
        }
        if zh.count > Self.maxPageSegments || en.count > Self.maxPageSegments {
            result.method = "page as document"
            result.pairs = documentPairs(zh.map(\.text), en.map(\.text))
            return
        }
        result.method = "page"
        result.pairs = pageAligner.align(page).pairs.map {
            CorpusPair(zh: $0.zhText, en: $0.enText, score: $0.score, zone: $0.zoneLabel)
        }
    }

    private func documentPairs(_ zh: [String], _ en: [String]) -> [CorpusPair] {
        sentenceAligner.align(zh: zh, en: en).compactMap { bead in
            guard !bead.zh.isEmpty, !bead.en.isEmpty else { return nil }
            return CorpusPair(
                zh: bead.zh.map { zh[$0] }.joined(), en: bead.en.map { en[$0] }.joined(separator: " "), score: bead.score,
                zone: "document")
        }
    }

    private func sentences(_ path: String) throws -> ([String], String) {
        let reader = try ParagraphReader(path: path, encoding: encoding)
        var result: [String] = []
        while let paragraph = try reader.next() { result += segmenter.segments(of: paragraph).map(\.text) }
        return (result, reader.encoding)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic wall-clock seconds.
public enum Clock {
    /// Seconds since an arbitrary start.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
