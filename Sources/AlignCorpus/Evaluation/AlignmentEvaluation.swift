/// Strict and lax precision, recall and F1 of sentence alignments, as Vecalign and
/// Bertalign define them (after Sennrich & Volk):
///
/// - Precision is over the distinct hypothesis beads that are not empty on both sides
///   (1-0 and 0-1 beads included). A bead is a strict hit when it equals a gold bead, a lax
///   hit when some gold bead shares a Chinese and an English sentence with it.
/// - Recall is over the gold beads with both sides, against the hypothesis beads with both
///   sides, with the same tests.
/// - Counts are summed over documents (micro average); F1 = 2PR / (P + R).
public enum AlignmentEvaluation {
    /// A bead as two sorted index lists.
    public struct Pair: Hashable, Sendable {
        /// Chinese sentence indices, sorted.
        public var zh: [Int]
        /// English sentence indices, sorted.
        public var en: [Int]

        /// Creates a bead with the given sides (sorted here).
        public init(zh: [Int], en: [Int]) {
            self.zh = zh.sorted()
            self.en = en.sorted()
        }
    }

    /// Raw counts; they add up over documents.
    public struct Counts: Equatable, Sendable {
        /// Distinct hypothesis beads counted for precision, and their strict and lax hits.
        public var precisionBeads = 0
        public var precisionStrict = 0
        public var precisionLax = 0
        /// Gold beads with both sides counted for recall, and their strict and lax hits.
        public var recallBeads = 0
        public var recallStrict = 0
        public var recallLax = 0

        /// Zero counts.
        public init() {}

        /// Counts of two sets of documents together.
        public static func + (a: Counts, b: Counts) -> Counts {
            var c = a
            c.precisionBeads += b.precisionBeads
            c.precisionStrict += b.precisionStrict
            c.precisionLax += b.precisionLax
            c.recallBeads += b.recallBeads
            c.recallStrict += b.recallStrict
            c.recallLax += b.recallLax
            return c
        }
    }

    /// Precision, recall and F1, strict and lax.
    public struct Scores: Equatable, Sendable {
        /// Strict: the bead equals a gold bead.
        public var strictPrecision: Double
        public var strictRecall: Double
        public var strictF1: Double
        /// Lax: the bead shares a Chinese and an English sentence with a gold bead.
        public var laxPrecision: Double
        public var laxRecall: Double
        public var laxF1: Double

        /// `strict_p=0.8000 strict_r=… lax_f1=…`, as the shared scorer prints them.
        public var keyValues: String {
            [
                ("strict_p", strictPrecision), ("strict_r", strictRecall), ("strict_f1", strictF1),
                ("lax_p", laxPrecision), ("lax_r", laxRecall), ("lax_f1", laxF1),
            ].map { "\($0.0)=\(fixed($0.1, 4))" }.joined(separator: " ")
        }
    }

    /// Counts for one document.
    public static func counts(gold: [Pair], hypothesis: [Pair]) -> Counts {
        var c = Counts()
        let p = matches(reference: gold, candidates: hypothesis)
        c.precisionBeads = p.n
        c.precisionStrict = p.strict
        c.precisionLax = p.lax
        let r = matches(
            reference: hypothesis.filter { !$0.zh.isEmpty && !$0.en.isEmpty },
            candidates: gold.filter { !$0.zh.isEmpty && !$0.en.isEmpty })
        c.recallBeads = r.n
        c.recallStrict = r.strict
        c.recallLax = r.lax
        return c
    }

    private static func matches(reference: [Pair], candidates: [Pair]) -> (n: Int, strict: Int, lax: Int) {
        let referenceSet = Set(reference)
        var links: [Int: Set<Int>] = [:]
        for bead in reference { for s in bead.zh { links[s, default: []].formUnion(bead.en) } }
        var n = 0
        var strict = 0
        var lax = 0
        for bead in Set(candidates) where !(bead.zh.isEmpty && bead.en.isEmpty) {
            n += 1
            if referenceSet.contains(bead) {
                strict += 1
                lax += 1
            } else if bead.zh.contains(where: { !(links[$0]?.isDisjoint(with: bead.en) ?? true) }) {
                lax += 1
            }
        }
        return (n, strict, lax)
    }

    /// Scores from counts.
    public static func scores(_ c: Counts) -> Scores {
        func div(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        let sp = div(c.precisionStrict, c.precisionBeads)
        let sr = div(c.recallStrict, c.recallBeads)
        let lp = div(c.precisionLax, c.precisionBeads)
        let lr = div(c.recallLax, c.recallBeads)
        return Scores(
            strictPrecision: sp, strictRecall: sr, strictF1: f1(sp, sr), laxPrecision: lp, laxRecall: lr,
            laxF1: f1(lp, lr))
    }

    /// Parses beads in Vecalign's format (`[0, 1]:[0]`, one a line; blank lines and lines
    /// starting with `#` skipped; a third `:` field is ignored).
    public static func parseBeads(_ text: String, source: String) throws -> [Pair] {
        var beads: [Pair] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2, let zh = indexList(parts[0]), let en = indexList(parts[1]) else {
                throw AlignCorpusError.badBeads(path: source, line: n + 1, text: String(line))
            }
            beads.append(Pair(zh: zh, en: en))
        }
        return beads
    }

    private static func indexList(_ s: Substring) -> [Int]? {
        let t = s.trimmingCharacters(in: " \t")
        guard t.hasPrefix("["), t.hasSuffix("]") else { return nil }
        let inner = t.dropFirst().dropLast().trimmingCharacters(in: " \t")
        if inner.isEmpty { return [] }
        var result: [Int] = []
        for item in inner.split(separator: ",") {
            guard let v = Int(item.trimmingCharacters(in: " \t")), v >= 0 else { return nil }
            result.append(v)
        }
        return result
    }
}

/// `value` with exactly `places` decimals, rounded half away from zero.
func fixed(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = String(Int(scaled) - whole * Int(scale))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        // Scalars, not Characters: no grapheme breaking for what is only ever ASCII here.
        var s = Substring(self).unicodeScalars[...]
        while let f = s.first, set.unicodeScalars.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.unicodeScalars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
