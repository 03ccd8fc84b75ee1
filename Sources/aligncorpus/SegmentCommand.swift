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
                // JSON lines carry zones: the page zoner holds a paragraph back at most.
                let zoner = PageZoner()
                var held: [Int: SegmentedParagraph] = [:]
                func emit(_ zoned: [ZonedParagraph]) {
                    for z in zoned {
                        guard var segmented = held.removeValue(forKey: z.paragraph.index) else { continue }
                        segmented.segments = z.segments
                        formatter.appendJSON(segmented, file: file, to: &out)
                    }
                }
                while let paragraph = try reader.next() {
                    if format == .jsonl {
                        let segmented = segmenter.segmentsWithWords(of: paragraph)
                        held[paragraph.index] = segmented
                        emit(zoner.add(paragraph, segments: segmented.segments))
                    } else {
                        formatter.append(paragraph, file: file, segmenter: segmenter, to: &out)
                    }
                    if out.count >= 1 << 16 {
                        Terminal.write(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
                emit(zoner.finish())
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
