/// Where a segment sits on a news page.
public enum Zone: String, Sendable, Codable, CaseIterable {
    /// Page furniture: breadcrumbs, metadata lines, share and print links.
    case boilerplate
    /// The headline.
    case title
    /// A photo caption.
    case caption
    /// A photo credit: `新华社记者 谢环驰 摄`, `(Xinhua/Xie Huanchi)`.
    case credit
    /// A dateline: `新华社阿斯塔纳7月2日电`, `ASTANA, July 2 (Xinhua)`.
    case dateline
    /// A reporter byline such as `(记者 郑明达)`.
    case byline
    /// The first story sentence after the dateline.
    case lead
    /// The rest of the story.
    case body
}

/// A sentence-sized piece of a document: the unit aligncorpus pairs.
public struct Segment: Equatable, Sendable {
    /// The segment's text: original characters in NFC, white space collapsed to single
    /// spaces, trimmed.
    public var text: String
    /// The language of the paragraph the segment comes from.
    public var language: Language
    /// The index of that paragraph in the document.
    public var paragraph: Int
    /// The segment's zone, when known.
    public var zone: Zone?

    /// Creates a segment.
    public init(text: String, language: Language, paragraph: Int, zone: Zone? = nil) {
        self.text = text
        self.language = language
        self.paragraph = paragraph
        self.zone = zone
    }
}

/// A paragraph's segments together with the words of each, as byte ranges of the
/// paragraph's clean text (so printing words needs no string per word).
public struct SegmentedParagraph: Sendable {
    /// The clean paragraph text (white space collapsed, NFC, end marks removed), UTF-8.
    public var text: [UInt8]
    /// The segments, in order.
    public var segments: [Segment]
    /// Byte ranges in `text` of every word of every segment, in order.
    public var wordRanges: [Range<Int>] = []
    /// For each segment, the indices into `wordRanges` of its words.
    public var wordsOfSegment: [Range<Int>] = []

    /// The words of segment `k` as strings.
    public func words(ofSegment k: Int) -> [String] {
        wordRanges[wordsOfSegment[k]].map { String(decoding: text[$0], as: UTF8.self) }
    }
}
