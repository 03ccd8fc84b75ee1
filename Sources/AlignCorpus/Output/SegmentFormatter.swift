/// Formats segments for `aligncorpus segment`: one segment a line as plain text, as
/// space-separated words, or as a JSON object.
public struct SegmentFormatter {
    /// The output layouts.
    public enum Format: String, Sendable, CaseIterable {
        /// The segment's text.
        case text
        /// The segment's words separated by single spaces.
        case words
        /// `{"file", "language", "paragraph", "zone", "text", "words"}`.
        case jsonl
    }

    /// The layout written.
    public var format: Format

    /// Creates a formatter.
    public init(format: Format) { self.format = format }

    /// Appends the segments of `paragraph`, from file `file`, one a line, to `out`.
    public func append(
        _ paragraph: Paragraph, file: String, segmenter: SentenceSegmenter, to out: inout [UInt8]
    ) {
        if format == .text {
            for segment in segmenter.segments(of: paragraph) {
                out.append(contentsOf: segment.text.utf8)
                out.append(0x0A)
            }
            return
        }
        if format == .words {
            segmenter.appendWordLines(of: paragraph, to: &out)
            return
        }
        appendJSON(segmenter.segmentsWithWords(of: paragraph), file: file, to: &out)
    }

    /// Appends a segmented paragraph as JSON lines (its segments' zones as they are).
    public func appendJSON(_ segmented: SegmentedParagraph, file: String, to out: inout [UInt8]) {
        for (k, segment) in segmented.segments.enumerated() {
            let words = segmented.wordRanges[segmented.wordsOfSegment[k]]
            out.append(contentsOf: #"{"file":"#.utf8)
            JSONText.appendString(file, to: &out)
            out.append(contentsOf: #","language":""#.utf8)
            out.append(contentsOf: segment.language.rawValue.utf8)
            out.append(contentsOf: #"","paragraph":"#.utf8)
            out.append(contentsOf: String(segment.paragraph).utf8)
            out.append(contentsOf: #","zone":"#.utf8)
            if let zone = segment.zone {
                JSONText.appendString(zone.rawValue, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
            out.append(contentsOf: #","text":"#.utf8)
            JSONText.appendString(segment.text, to: &out)
            out.append(contentsOf: #","words":["#.utf8)
            var first = true
            for range in words {
                if !first { out.append(0x2C) }
                JSONText.appendString(String(decoding: segmented.text[range], as: UTF8.self), to: &out)
                first = false
            }
            out.append(contentsOf: "]}\n".utf8)
        }
    }
}
