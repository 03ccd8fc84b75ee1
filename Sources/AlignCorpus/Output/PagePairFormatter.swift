/// Writes the pairs of a page for `aligncorpus align PAGE`.
public struct PagePairFormatter {
    /// The layouts.
    public enum Layout: Sendable {
        /// `zh<TAB>en<TAB>score<TAB>zone`; zone is the Chinese side's, or `lead>body` when the
        /// English side's differs.
        case tsv
        /// One object a pair: `zh`, `en` (segment indices), `score`, `zh_zone`, `en_zone`,
        /// `zh_text`, `en_text`.
        case jsonl
    }

    /// The layout written.
    public var layout: Layout

    /// Creates a formatter.
    public init(layout: Layout) { self.layout = layout }

    /// Appends the page's pairs.
    public func append(_ alignment: PageAlignment, to out: inout [UInt8]) {
        for pair in alignment.pairs {
            switch layout {
            case .tsv:
                out += Array(TextCleaning.tsvField(pair.zhText).utf8)
                out.append(0x09)
                out += Array(TextCleaning.tsvField(pair.enText).utf8)
                out.append(0x09)
                out += Array(BeadFormatter.decimal(pair.score).utf8)
                out.append(0x09)
                out += Array(pair.zoneLabel.utf8)
            case .jsonl:
                out += Array(#"{"zh":["#.utf8)
                out += Array(pair.zh.map(String.init).joined(separator: ",").utf8)
                out += Array(#"],"en":["#.utf8)
                out += Array(pair.en.map(String.init).joined(separator: ",").utf8)
                out += Array(#"],"score":"#.utf8)
                out += Array(BeadFormatter.decimal(pair.score).utf8)
                out += Array(#","zh_zone":""#.utf8)
                out += Array(pair.zhZone.rawValue.utf8)
                out += Array(#"","en_zone":""#.utf8)
                out += Array(pair.enZone.rawValue.utf8)
                out += Array(#"","zh_text":"#.utf8)
                JSONText.appendString(pair.zhText, to: &out)
                out += Array(#","en_text":"#.utf8)
                JSONText.appendString(pair.enText, to: &out)
                out.append(0x7D)
            }
            out.append(0x0A)
        }
    }
}
