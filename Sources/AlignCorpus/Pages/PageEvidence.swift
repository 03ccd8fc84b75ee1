#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lexical evidence of page candidates, weighed against what the page could offer.
///
/// On a page of two articles on one event, most words of a sentence are covered by some
/// sentence of the other article: the shared topic. Plain coverage therefore rates a
/// neighbour of the true partner almost as high as the partner. Two corrections make the
/// evidence specific:
/// - a unit that no sentence of the other side covers (a lexicon gap, a fact only one
///   article reports) says nothing about any pair, so it leaves the denominator (all but a
///   tenth of its weight, so that one shared word among nothing coverable is not a match);
///   a coverable unit this candidate does not cover belongs to another pair, and counts
///   against it;
/// - a unit counts by how few sentences of the other side cover it: covered by one, it
///   points at one partner; covered by all, at none.
struct PageEvidence {
    /// One language's segments, weighed.
    private struct Side {
        /// Per segment, each unit's weight (the document's idf) times its specificity.
        var weights: [[Float]]
        /// Per segment, the weight of the units some segment of the other side covers.
        var coverable: [Float]
        var total: [Float]

        /// Weighs `weights` (per segment and unit) by `counts`, the number of the `others`
        /// segments of the other side that cover each unit.
        init(_ weights: [[Float]], counts: [[Int32]], others: Int) {
            let scale = 1 / logf(1 + Float(max(others, 1)))
            var coverable = [Float](repeating: 0, count: weights.count)
            self.weights = weights.indices.map { s in
                weights[s].indices.map { k -> Float in
                    let n = counts[s][k]
                    guard n > 0 else { return weights[s][k] }
                    let w = weights[s][k] * logf(1 + Float(others) / Float(n)) * scale
                    coverable[s] += w
                    return w
                }
            }
            self.coverable = coverable
            total = self.weights.map { $0.reduce(0, +) }
        }

        /// Plain coverage and share of `segments`, the units each covers given by `mask`
        /// (`plain`: the document's weights and totals).
        @inline(__always) func measure(
            _ segments: Range<Int>, plain: (weights: [[Float]], total: [Float]), mask: (Int) -> Bits128
        ) -> (coverage: Double, share: Double) {
            var covered = (plain: Float(0), specific: Float(0))
            var sums = (plain: Float(0), coverable: Float(0), specific: Float(0))
            for s in segments {
                let m = mask(s)
                let c = plain.weights[s].withUnsafeBufferPointer { a in weights[s].withUnsafeBufferPointer { m.weightedSums(a, $0) } }
                covered.plain += c.0
                covered.specific += c.1
                sums.plain += plain.total[s]
                sums.coverable += coverable[s]
                sums.specific += total[s]
            }
            // As in BandedSearch: a side with nothing to cover counts as a quarter covered.
            let coverage = sums.plain > 0 ? Double(covered.plain / sums.plain) : 0.25
            guard sums.coverable > 0 else { return (coverage, 0) }
            let denominator = sums.coverable + PageEvidence.uncoverableWeight * (sums.specific - sums.coverable)
            return (coverage, Double(min(1, covered.specific / denominator)))
        }
    }

    private let zh: Side
    private let en: Side

    /// Weight kept in the denominator for units nothing on the page covers.
    static let uncoverableWeight: Float = 0.1

    /// The evidence for the segments `zhRows` and `enRows` (those that pair on lexical
    /// evidence; `table` holds every pair of them).
    init(model: DocumentModel, table: PairTable, zhRows: [Int], enRows: [Int]) {
        var zhCounts = model.zhWeights.map { [Int32](repeating: 0, count: $0.count) }
        var enCounts = model.enWeights.map { [Int32](repeating: 0, count: $0.count) }
        for s in zhRows {
            for t in enRows {
                let i = table.index(s, t)
                table.zhMasks[i].forEachIndex { zhCounts[s][$0] += 1 }
                table.enMasks[i].forEachIndex { enCounts[t][$0] += 1 }
            }
        }
        zh = Side(model.zhWeights, counts: zhCounts, others: enRows.count)
        en = Side(model.enWeights, counts: enCounts, others: zhRows.count)
    }

    /// The evidence for pairing Chinese segments `zh` with English segments `en`: each
    /// side's plain weighted coverage (as ``BandedSearch/coverage(_:_:_:_:)`` measures it)
    /// and its share of its coverable, specificity-weighted evidence. One pass over the
    /// masks for both.
    func measure(_ zhGroup: Range<Int>, _ enGroup: Range<Int>, model: DocumentModel, table: PairTable) -> (
        zhCoverage: Double, enCoverage: Double, zhShare: Double, enShare: Double
    ) {
        let a = zh.measure(zhGroup, plain: (model.zhWeights, model.zhTotal)) { table.zhMask($0, enGroup) }
        let b = en.measure(enGroup, plain: (model.enWeights, model.enTotal)) { table.enMask(zhGroup, $0) }
        return (a.coverage, b.coverage, a.share, b.share)
    }
}
