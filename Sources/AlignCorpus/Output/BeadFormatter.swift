/// Writes alignment beads for `aligncorpus align`.
public struct BeadFormatter {
    /// The layouts.
    public enum Layout: Sendable {
        /// `zh<TAB>en<TAB>score` for beads with both sides; Chinese sentences of a group
        /// joined with nothing between them, English ones with a space.
        case tsv
        /// Vecalign's format, one bead a line, every bead: `[0, 1]:[0]`, `[]:[3]`, `[2]:[]`.
        case beads
        /// One JSON object a bead: `zh` and `en` indices, `score`, the evidence behind it
        /// (`similarity`, `length_cost`), `zh_text`, `en_text`.
        case jsonl
    }

    /// The layout written.
    public var layout: Layout

    /// Creates a formatter.
    public init(layout: Layout) { self.layout = layout }

    /// Appends `beads` over the sentences `zh` and `en`.
    public func append(_ beads: [Bead], zh: [String], en: [String], to out: inout [UInt8]) {
        for bead in beads {
            let zhText = bead.zh.map { zh[$0] }.joined()
            let enText = bead.en.map { en[$0] }.joined(separator: " ")
            switch layout {
            case .tsv:
                guard !bead.zh.isEmpty && !bead.en.isEmpty else { continue }
                out.append(contentsOf: TextCleaning.tsvField(zhText).utf8)
                out.append(0x09)
                out.append(contentsOf: TextCleaning.tsvField(enText).utf8)
                out.append(0x09)
                out.append(contentsOf: Self.decimal(bead.score).utf8)
            case .beads:
                out.append(contentsOf: bead.vecalignText.utf8)
            case .jsonl:
                out.append(contentsOf: #"{"zh":["#.utf8)
                out.append(contentsOf: bead.zh.map(String.init).joined(separator: ",").utf8)
                out.append(contentsOf: #"],"en":["#.utf8)
                out.append(contentsOf: bead.en.map(String.init).joined(separator: ",").utf8)
                out.append(contentsOf: #"],"score":"#.utf8)
                out.append(contentsOf: Self.decimal(bead.score).utf8)
                out.append(contentsOf: #","similarity":"#.utf8)
                out.append(contentsOf: Self.decimal(bead.similarity).utf8)
                out.append(contentsOf: #","length_cost":"#.utf8)
                out.append(contentsOf: fixed(bead.lengthCost, 3).utf8)
                out.append(contentsOf: #","zh_text":"#.utf8)
                JSONText.appendString(zhText, to: &out)
                out.append(contentsOf: #","en_text":"#.utf8)
                JSONText.appendString(enText, to: &out)
                out.append(0x7D)
            }
            out.append(0x0A)
        }
    }

    /// A score with three decimals (`0.873`), the same bytes on every platform.
    public static func decimal(_ value: Double) -> String {
        let thousandths = Int((min(max(value, 0), 1) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
