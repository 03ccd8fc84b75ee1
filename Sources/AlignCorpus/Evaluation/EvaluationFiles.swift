#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pairs gold and hypothesis bead files and scores them, the way
/// `../shared/tools/score_alignment.py` does.
public enum EvaluationFiles {
    /// One scored document.
    public struct Document: Sendable {
        /// The document id (file name up to its first dot).
        public var id: String
        /// Its match counts.
        public var counts: AlignmentEvaluation.Counts
        /// Beads in the gold file.
        public var goldBeads: Int
        /// Beads in the hypothesis file.
        public var hypothesisBeads: Int
    }

    /// The document id of a file name: the name up to its first dot (`001.gold` → `001`).
    public static func documentID(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return String(base.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// Scores `gold` against `hypothesis`: two bead files, or two folders (each `*.gold`,
    /// else `*.align`, file of the gold folder against the hypothesis file with its id).
    public static func evaluate(gold: String, hypothesis: String) throws -> [Document] {
        let goldIsFolder = FileSystem.isDirectory(gold)
        guard goldIsFolder == FileSystem.isDirectory(hypothesis) else {
            throw AlignCorpusError.mismatch(path: hypothesis, reason: "gold and hypothesis must both be files or both folders")
        }
        var pairs: [(String, String, String)] = []
        if goldIsFolder {
            let names = try list(gold)
            var goldNames = names.filter { $0.hasSuffix(".gold") }
            if goldNames.isEmpty { goldNames = names.filter { $0.hasSuffix(".align") } }
            guard !goldNames.isEmpty else {
                throw AlignCorpusError.mismatch(path: gold, reason: "no *.gold or *.align files")
            }
            let hypothesisNames = try list(hypothesis).filter { !FileSystem.isDirectory(hypothesis + "/" + $0) }
            for g in goldNames {
                let id = documentID(g)
                var candidates = hypothesisNames.filter { documentID($0) == id }
                if candidates.count > 1 {
                    let preferred = candidates.filter { [".beads", ".align", ".hyp", ".gold"].contains(where: $0.hasSuffix) }
                    if !preferred.isEmpty { candidates = preferred }
                }
                guard candidates.count == 1 else {
                    throw AlignCorpusError.mismatch(
                        path: hypothesis,
                        reason: candidates.isEmpty
                            ? "no hypothesis file for document \(id)"
                            : "several hypothesis files for document \(id): \(candidates.joined(separator: ", "))")
                }
                pairs.append((id, gold + "/" + g, hypothesis + "/" + candidates[0]))
            }
        } else {
            pairs = [(documentID(gold), gold, hypothesis)]
        }
        return try pairs.map { id, g, h in
            let goldBeads = try AlignmentEvaluation.parseBeads(try readText(g), source: g)
            let hypothesisBeads = try AlignmentEvaluation.parseBeads(try readText(h), source: h)
            return Document(
                id: id, counts: AlignmentEvaluation.counts(gold: goldBeads, hypothesis: hypothesisBeads),
                goldBeads: goldBeads.count, hypothesisBeads: hypothesisBeads.count)
        }
    }

    /// The report: optional per-document lines, the table, then one machine-readable line.
    public static func report(_ documents: [Document], perDocument: Bool) -> String {
        var lines: [String] = []
        var total = AlignmentEvaluation.Counts()
        for d in documents {
            total = total + d.counts
            if perDocument { lines.append("doc=\(d.id) " + AlignmentEvaluation.scores(d.counts).keyValues) }
        }
        let s = AlignmentEvaluation.scores(total)
        lines.append("                 strict    lax")
        lines.append("  precision      \(fixed(s.strictPrecision, 3))    \(fixed(s.laxPrecision, 3))")
        lines.append("  recall         \(fixed(s.strictRecall, 3))    \(fixed(s.laxRecall, 3))")
        lines.append("  F1             \(fixed(s.strictF1, 3))    \(fixed(s.laxF1, 3))")
        let gold = documents.reduce(0) { $0 + $1.goldBeads }
        let hyp = documents.reduce(0) { $0 + $1.hypothesisBeads }
        lines.append(
            s.keyValues + " docs=\(documents.count) gold_beads=\(gold) hyp_beads=\(hyp) "
                + "p_beads=\(total.precisionBeads) r_beads=\(total.recallBeads)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ folder: String) throws -> [String] {
        guard let names = FileSystem.entries(of: folder) else {
            throw AlignCorpusError.unreadable(path: folder, reason: String(cString: strerror(errno)))
        }
        return names.sorted()
    }

    static func readText(_ path: String) throws -> String {
        guard let bytes = FileSystem.readFile(path) else {
            throw AlignCorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
