/// Reads a bilingual page file into zoned paragraphs.
public enum PageReader {
    /// Reads, segments and zones the page at `path`.
    public static func read(path: String, encoding: String? = nil) throws -> [ZonedParagraph] {
        let reader = try ParagraphReader(path: path, encoding: encoding)
        let segmenter = try SentenceSegmenter()
        let zoner = PageZoner()
        var result: [ZonedParagraph] = []
        while let paragraph = try reader.next() {
            result += zoner.add(paragraph, segments: segmenter.segments(of: paragraph))
        }
        return result + zoner.finish()
    }
}
