import AlignCorpus
import ArgumentParser

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into sentences (and words), one segment a line, in document order.",
        discussion: """
            Datelines, bylines and photo credits are segments of their own; end marks (■) belong \
            to none. A file that cannot be read or decoded is reported on stderr and skipped; the \
            exit code is then 1.
            """
    )

    @Argument(help: "Text files to segment ('-' reads standard input).")
    var files: [String]

    @Flag(help: "Print each segment's words separated by single spaces.")
    var words = false

    @Option(help: "Output format: text or jsonl (one JSON object a segment, with its words).")
    var format: OutputFormat = .text

    @Option(help: "Input encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, …); detected when omitted.")
    var encoding: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    func run() throws {
        let segmenter = try SentenceSegmenter()
        let formatter = SegmentFormatter(format: format == .jsonl ? .jsonl : (words ? .words : .text))
        var failed = false
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        for file in files {
            do {
                let reader = try ParagraphReader(path: file, encoding: encoding)
                while let paragraph = try reader.next() {
                    formatter.append(paragraph, file: file, segmenter: segmenter, to: &out)
                    if out.count >= 1 << 16 {
                        Terminal.write(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
            } catch let error as AlignCorpusError {
                Terminal.write(out)
                out.removeAll(keepingCapacity: true)
                Terminal.report(error)
                failed = true
                if case .unknownEncoding = error { throw ExitCode(64) }
            }
        }
        Terminal.write(out)
        if failed { throw ExitCode.failure }
    }
}
