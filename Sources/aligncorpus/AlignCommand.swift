import AlignCorpus
import ArgumentParser
import Dispatch

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align Chinese documents with their English translations.",
        discussion: """
            Beads are monotonic: 1-1, 1-n, n-1 and n-m groups of sentences (up to 6 on a side) \
            and sentences with no counterpart. Each aligned bead has a calibrated score in [0, 1]: \
            about the probability that it is a correct translation unit.

            With one pair, the alignment goes to standard output. With several (ZH EN ZH EN …), \
            --out-dir is needed: each pair is written to OUT-DIR/ID.tsv (.beads, .jsonl), ID being \
            the Chinese file's name up to its first dot. A pair that cannot be read is reported on \
            stderr and skipped; the exit code is then 1.
            """
    )

    @Argument(help: "A bilingual page (one file), or a Chinese document and its English translation (repeat for more pairs).")
    var files: [String]

    @Option(help: "Pages: leave out pairs scoring below this (0-1).")
    var minScore: Double = 0.5

    @Flag(help: .hidden)
    var dumpCandidates = false

    /// For tools/fit-page-calibration: the page model's coefficients, comma-separated.
    @Option(help: .hidden)
    var pageCoefficients: String?

    @Option(help: "Input layout: text (segmented by aligncorpus) or lines (one sentence a line, used as given).")
    var input: InputLayout = .text

    @Option(help: "Output: tsv (zh, en, score), beads (Vecalign format, 0-based, zh first) or jsonl.")
    var output: OutputLayout = .tsv

    @Option(help: "Folder for the outputs of several pairs.")
    var outDir: String?

    @Option(help: "Pairs aligned in parallel (default: the number of cores).")
    var jobs: Int = System.coreCount

    @Option(help: "Input encoding; detected when omitted.")
    var encoding: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("Override a cost weight, NAME=VALUE (advanced; see AlignmentParameters).", valueName: "name=value"))
    var parameterOverrides: [String] = []

    enum InputLayout: String, ExpressibleByArgument, CaseIterable { case text, lines }
    enum OutputLayout: String, ExpressibleByArgument, CaseIterable { case tsv, beads, jsonl }

    func validate() throws {
        guard files.count == 1 || files.count % 2 == 0 else {
            throw ValidationError("give one bilingual page, or a Chinese and an English file for each pair (an even number of files)")
        }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        if files.count > 2 && outDir == nil { throw ValidationError("several pairs need --out-dir") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        _ = try parameters()
        _ = try pageCalibration()
    }

    func pageCalibration() throws -> PageCalibration {
        let fitted = PageCalibration.newsDev
        guard let text = pageCoefficients else { return fitted }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0)) }
        guard values.count == PageCalibration.coefficientNames.count, values.allSatisfy({ $0?.isFinite == true }) else {
            throw ValidationError(
                "--page-coefficients expects \(PageCalibration.coefficientNames.count) numbers: "
                    + PageCalibration.coefficientNames.joined(separator: ","))
        }
        return fitted.with(coefficients: values.map { $0! })
    }

    func parameters() throws -> AlignmentParameters {
        var p = AlignmentParameters()
        for item in parameterOverrides {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), p.set(parts[0], value) else {
                throw ValidationError("--param expects NAME=VALUE with a known NAME: \(AlignmentParameters.names.joined(separator: ", "))")
            }
        }
        return p
    }

    func run() throws {
        let lexicon = try loadLexicon()
        if files.count == 1 { return try alignPage(files[0], lexicon: lexicon) }
        let parameters = try parameters()
        let pairs = stride(from: 0, to: files.count, by: 2).map { (files[$0], files[$0 + 1]) }
        let results = ParallelMap.run(count: pairs.count, jobs: jobs) { () -> (Int) -> Result<[UInt8], AlignCorpusError> in
            // One aligner (ICU objects, caches) per worker.
            let aligner = try? SentenceAligner(lexicon: lexicon)
            aligner?.parameters = parameters
            return { k in
                guard let aligner else { return .failure(.icu(operation: "open", status: "aligner")) }
                return alignPair(pairs[k], aligner: aligner)
            }
        }
        var failed = false
        for (k, result) in results.enumerated() {
            switch result {
            case .success(let bytes):
                if let outDir {
                    let id = EvaluationFiles.documentID(pairs[k].0)
                    let path = outDir + "/" + id + "." + output.rawValue
                    do { try AtomicFile.write(bytes, to: path) } catch let error as AlignCorpusError {
                        Terminal.report(error)
                        failed = true
                    }
                } else {
                    Terminal.write(bytes)
                }
            case .failure(let error):
                Terminal.report(error)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    func alignPair(_ pair: (String, String), aligner: SentenceAligner) -> Result<[UInt8], AlignCorpusError> {
        do {
            let zh = try sentences(pair.0)
            let en = try sentences(pair.1)
            let beads = aligner.align(zh: zh, en: en)
            var out: [UInt8] = []
            BeadFormatter(layout: output.library).append(beads, zh: zh, en: en, to: &out)
            return .success(out)
        } catch let error as AlignCorpusError {
            return .failure(error)
        } catch {
            return .failure(.icu(operation: "segmenter", status: "\(error)"))
        }
    }

    func alignPage(_ path: String, lexicon: Lexicon) throws {
        let page: [ZonedParagraph]
        do {
            page = try PageReader.read(path: path, encoding: encoding)
        } catch let error as AlignCorpusError {
            Terminal.report(error)
            throw ExitCode.failure
        }
        let aligner = try PageAligner(lexicon: lexicon)
        aligner.minimumScore = minScore
        aligner.calibration = try pageCalibration()
        if dumpCandidates {
            let (zh, en, candidates) = aligner.score(page)
            var out: [UInt8] = []
            for c in candidates {
                let line = "\(c.zh.lowerBound)\t\(c.zh.upperBound)\t\(c.en.lowerBound)\t\(c.en.upperBound)\t"
                    + "\(c.zhCoverage)\t\(c.enCoverage)\t\(c.lengthDeviation)\t\(c.sameZone ? 1 : 0)\t\(c.score)\t\(c.scoredEvidence.margin)\t"
                    + "\(zh[c.zh.lowerBound].zone?.rawValue ?? "-")\t\(en[c.en.lowerBound].zone?.rawValue ?? "-")\t"
                    + TextCleaning.tsvField(c.zh.map { zh[$0].text }.joined()) + "\t"
                    + TextCleaning.tsvField(c.en.map { en[$0].text }.joined(separator: " ")) + "\t\(c.scoredEvidence.zh)\t\(c.scoredEvidence.en)\t\(c.groupGain)\n"
                out += Array(line.utf8)
            }
            Terminal.write(out)
            return
        }
        let alignment = aligner.align(page)
        if alignment.zh.isEmpty || alignment.en.isEmpty {
            Terminal.note("\(path): note: the page has \(alignment.zh.isEmpty ? "no Chinese" : "no English") text; no pairs")
        }
        var out: [UInt8] = []
        PagePairFormatter(layout: output == .jsonl ? .jsonl : .tsv).append(alignment, to: &out)
        Terminal.write(out)
    }

    func sentences(_ path: String) throws -> [String] {
        let reader = try ParagraphReader(path: path, encoding: encoding)
        if input == .lines { return try reader.readAllLines() }
        let segmenter = try SentenceSegmenter()
        var result: [String] = []
        while let paragraph = try reader.next() { result += segmenter.segments(of: paragraph).map(\.text) }
        return result
    }
}

extension AlignCommand.OutputLayout {
    var library: BeadFormatter.Layout {
        switch self {
        case .tsv: return .tsv
        case .beads: return .beads
        case .jsonl: return .jsonl
        }
    }
}

/// Loads the lexicon once, saying on stderr when there is none.
func loadLexicon() throws -> Lexicon {
    switch try LexiconStore.load() {
    case .loaded(let lexicon, _):
        return lexicon
    case .missing(let searched):
        Terminal.note(LexiconStore.missingMessage(searched))
        return Lexicon()
    }
}
