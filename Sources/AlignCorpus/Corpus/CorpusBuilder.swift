#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a corpus is built.
public struct BuildOptions: Sendable {
    /// The folder the outputs go to.
    public var outputDirectory = "out"
    /// The formats written (`report.json` always is).
    public var formats: Set<CorpusFormat> = [.tmx, .tsv, .moses]
    /// Documents processed in parallel.
    public var jobs = 1
    /// Pairs scoring below this are left out (also the page aligner's threshold).
    public var minimumScore = 0.5
    /// TMX header and language values.
    public var header = TMXHeader(creationDate: "19700101T000000Z")
    /// Input encoding, or nil to detect it per file.
    public var encoding: String?

    public init() {}
}

/// Counts of a finished build.
public struct BuildSummary: Sendable {
    /// Documents found.
    public var documents = 0
    /// Documents that gave a result (possibly no pairs).
    public var built = 0
    /// Documents skipped, with the reason.
    public var skipped: [(name: String, reason: String)] = []
    /// Pairs written.
    public var pairs = 0
    /// Exact duplicate pairs left out.
    public var duplicates = 0
    /// Pairs left out for scoring below `--min-score`.
    public var belowThreshold = 0
    /// Bytes of input read.
    public var inputBytes = 0
    /// Wall time of the build.
    public var seconds = 0.0
}

/// Builds a corpus: processes documents in parallel, writes their pairs in input order
/// (so outputs do not depend on the number of jobs), drops exact duplicates and pairs below
/// the threshold, and writes every file atomically with a report.
public final class CorpusBuilder {
    let lexicon: Lexicon
    let options: BuildOptions
    /// Documents in flight at once: results wait for their turn to be written, so memory
    /// stays bounded however large the corpus.
    static let window = 256

    /// Creates a builder.
    public init(lexicon: Lexicon, options: BuildOptions) {
        self.lexicon = lexicon
        self.options = options
    }

    /// Builds the corpus from `documents`. `progress` is called after each batch with the
    /// documents done so far and the pairs written.
    public func build(_ documents: [CorpusDocument], progress: (Int, Int, BuildSummary) -> Void = { _, _, _ in }) throws
        -> BuildSummary
    {
        let start = Clock.now()
        var summary = BuildSummary()
        summary.documents = documents.count
        Self.removeStaleTemporaries(in: options.outputDirectory)
        var writers = try CorpusWriters(folder: options.outputDirectory, formats: options.formats, header: options.header)
        var report = try ReportBuilder(options: options, path: options.outputDirectory + "/report.json")
        var seen = Set<UInt64>()
        let lexicon = self.lexicon
        let options = self.options
        // One processor per thread for the whole build: ICU objects are opened once and
        // the word, name and pinyin caches stay warm from batch to batch.
        let processors = (0..<max(1, options.jobs)).map { _ in
            ProcessorSlot(
                try? DocumentProcessor(lexicon: lexicon, minimumPageScore: options.minimumScore, encoding: options.encoding))
        }
        do {
            var offset = 0
            while offset < documents.count {
                let batch = Array(documents[offset..<min(documents.count, offset + Self.window)])
                let results = ParallelMap.run(count: batch.count, workers: processors) { slot, k -> DocumentResult in
                    // Sizes are read here, in parallel, not on the writing thread.
                    var result =
                        slot.processor?.process(batch[k])
                        ?? DocumentResult(name: batch[k].name, kind: "unusable", skipped: "cannot open ICU")
                    result.inputBytes = Self.size(batch[k])
                    return result
                }
                for var result in results {
                    summary.inputBytes += result.inputBytes
                    if let reason = result.skipped {
                        summary.skipped.append((result.name, reason))
                        try report.add(result, written: [:], duplicates: 0, belowThreshold: 0)
                        continue
                    }
                    summary.built += 1
                    var written: [String: Int] = [:]
                    var duplicates = 0
                    var below = 0
                    for var pair in result.pairs {
                        pair.zh = XMLText.segmentText(pair.zh)
                        pair.en = XMLText.segmentText(pair.en)
                        guard !pair.zh.isEmpty, !pair.en.isEmpty else { continue }
                        guard pair.score >= options.minimumScore else {
                            below += 1
                            continue
                        }
                        guard seen.insert(Self.fingerprint(pair)).inserted else {
                            duplicates += 1
                            continue
                        }
                        try writers.write(pair, document: result.name)
                        written[pair.zone, default: 0] += 1
                    }
                    result.pairs = []
                    summary.pairs += written.values.reduce(0, +)
                    summary.duplicates += duplicates
                    summary.belowThreshold += below
                    try report.add(result, written: written, duplicates: duplicates, belowThreshold: below)
                }
                offset += batch.count
                progress(offset, documents.count, summary)
            }
            summary.seconds = Clock.now() - start
            try writers.commit()
            try report.finish(summary)
        } catch {
            writers.abandon()
            report.abandon()
            throw error
        }
        return summary
    }

    /// Temporary files a killed build left behind (the corpus files themselves are whole:
    /// they are only ever renamed into place).
    static func removeStaleTemporaries(in folder: String) {
        for name in FileSystem.entries(of: folder) ?? [] {
            let ours = name.hasPrefix(".corpus.zh-en.") || name.hasPrefix(".report.json")
            if ours && name.contains(".tmp-") { unlink(folder + "/" + name) }
        }
    }

    /// A stable 64-bit fingerprint of a pair (FNV-1a over both sides).
    static func fingerprint(_ pair: CorpusPair) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in pair.zh.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ 0x09) &* 0x100_0000_01b3
        for b in pair.en.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func size(_ document: CorpusDocument) -> Int {
        func bytes(_ path: String) -> Int {
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
        switch document {
        case .page(let path), .unusable(let path, _): return bytes(path)
        case .pair(let zh, let en): return bytes(zh) + bytes(en)
        }
    }

    /// `YYYYMMDDThhmmssZ` for a Unix time, in UTC.
    public static func tmxDate(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}

/// Writes `report.json` as the build goes (per-document entries are streamed, so memory
/// does not grow with the number of documents), then the totals. Everything in it depends
/// only on the input and the options, except the `timings` object.
struct ReportBuilder {
    let options: BuildOptions
    private var file: BufferedAtomicFile
    private var count = 0
    private var skipped: [UInt8] = []
    private var documentSeconds = 0.0

    init(options: BuildOptions, path: String) throws {
        self.options = options
        file = try BufferedAtomicFile(path: path)
        let formats = CorpusFormat.allCases.filter(options.formats.contains).map { "\"\($0.rawValue)\"" }
        try file.append(
            """
            {
              "tool": "aligncorpus",
              "version": "\(AlignCorpusVersion.current)",
              "created": "\(options.header.creationDate)",
              "options": {"formats": [\(formats.joined(separator: ", "))], "min_score": \(fixed(options.minimumScore, 3)), "zh_lang": "\(options.header.zhLanguage)", "en_lang": "\(options.header.enLanguage)"},
              "documents": [

            """)
    }

    mutating func add(_ r: DocumentResult, written: [String: Int], duplicates: Int, belowThreshold: Int) throws {
        var out: [UInt8] = Array(((count == 0 ? "" : ",\n") + "    {\"document\": ").utf8)
        JSONText.appendString(r.name, to: &out)
        out += Array(", \"kind\": \"\(r.kind)\"".utf8)
        if let reason = r.skipped {
            out += Array(", \"skipped\": ".utf8)
            JSONText.appendString(reason, to: &out)
            skipped += Array((skipped.isEmpty ? "" : ", ").utf8) + Array("{\"document\": ".utf8)
            JSONText.appendString(r.name, to: &skipped)
            skipped += Array(", \"reason\": ".utf8)
            JSONText.appendString(reason, to: &skipped)
            skipped += Array("}".utf8)
        } else {
            out += Array(", \"method\": \"\(r.method)\", \"encodings\": [".utf8)
            out += Array(r.encodings.map { "\"\($0)\"" }.joined(separator: ", ").utf8)
            out += Array("], \"segments\": {\"zh\": \(r.zhSegments), \"en\": \(r.enSegments)}, \"pairs\": \(written.values.reduce(0, +))".utf8)
            out += Array(", \"pairs_by_zone\": {".utf8)
            out += Array(written.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ").utf8)
            out += Array("}, \"duplicates\": \(duplicates), \"below_min_score\": \(belowThreshold)".utf8)
        }
        out += Array("}".utf8)
        try file.append(out)
        count += 1
        documentSeconds += r.seconds
    }

    mutating func finish(_ s: BuildSummary) throws {
        let rate = s.seconds > 0 ? Double(s.inputBytes) / 1e6 / s.seconds : 0
        try file.append(
            """

              ],
              "skipped": [\(String(decoding: skipped, as: UTF8.self))],
              "totals": {"documents": \(s.documents), "built": \(s.built), "skipped": \(s.skipped.count), "pairs": \(s.pairs), "duplicates": \(s.duplicates), "below_min_score": \(s.belowThreshold), "input_bytes": \(s.inputBytes)},
              "timings": {"seconds": \(fixed(s.seconds, 3)), "document_seconds": \(fixed(documentSeconds, 3)), "mb_per_second": \(fixed(rate, 3)), "jobs": \(options.jobs)}
            }

            """)
        try file.commit()
    }

    mutating func abandon() { file.abandon() }
}

/// A thread's document processor, or nil when ICU could not be opened.
final class ProcessorSlot {
    let processor: DocumentProcessor?
    init(_ processor: DocumentProcessor?) { self.processor = processor }
}
