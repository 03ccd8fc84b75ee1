import AlignCorpus
import ArgumentParser

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a Chinese document with its English translation.",
        discussion: """
            Beads are monotonic: 1-1, 1-n, n-1 and n-m groups of sentences (up to 6 on a side) \
            and sentences with no counterpart. Each aligned bead has a calibrated score in [0, 1].
            """
    )

    @Argument(help: "The Chinese document.")
    var zh: String

    @Argument(help: "The English document.")
    var en: String

    @Option(help: "Input layout: text (segmented by aligncorpus) or lines (one sentence a line, used as given).")
    var input: InputLayout = .text

    @Option(help: "Output: tsv (zh, en, score), beads (Vecalign format, 0-based, zh first) or jsonl.")
    var output: OutputLayout = .tsv

    @Option(help: "Input encoding; detected when omitted.")
    var encoding: String?

    enum InputLayout: String, ExpressibleByArgument, CaseIterable { case text, lines }
    enum OutputLayout: String, ExpressibleByArgument, CaseIterable { case tsv, beads, jsonl }

    func run() throws {
        let lexicon = try loadLexicon()
        let aligner = try SentenceAligner(lexicon: lexicon)
        let zhSentences: [String]
        let enSentences: [String]
        do {
            zhSentences = try sentences(zh)
            enSentences = try sentences(en)
        } catch let error as AlignCorpusError {
            Terminal.report(error)
            throw ExitCode.failure
        }
        let beads = aligner.align(zh: zhSentences, en: enSentences)
        var out: [UInt8] = []
        BeadFormatter(layout: output.library).append(beads, zh: zhSentences, en: enSentences, to: &out)
        Terminal.write(out)
    }

    func sentences(_ path: String) throws -> [String] {
        let reader = try ParagraphReader(path: path, encoding: encoding)
        if input == .lines {
            return try reader.readAllLines()
        }
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
