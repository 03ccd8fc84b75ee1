/// The weights of the bead cost. The search minimises the sum of bead costs:
/// prior(type) + lexical · (1 − similarity) · (zh + en sentences) / 2 + length · Gale–Church.
public struct AlignmentParameters: Sendable, Equatable {
    /// Weight of lexical dissimilarity, per sentence in the bead.
    public var lexical: Double = 3
    /// Weight of the length cost.
    public var length: Double = 0.2
    /// Cost of leaving a sentence unaligned (a 1-0 or 0-1 bead).
    public var skip: Double = 4.5
    /// Prior cost per sentence beyond a 1-1 bead.
    public var mergePerSentence: Double = 1.0
    /// Extra prior cost when both sides have two or more sentences.
    public var manyToMany: Double = 1.5
    /// The largest number of sentences on one side of a bead.
    public var maxSide = 6

    /// Default weights.
    public init() {}

    /// The names `set(_:_:)` takes.
    public static let names = ["lexical", "length", "skip", "merge", "many", "maxSide"]

    /// Sets a weight by name; false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "lexical": lexical = value
        case "length": length = value
        case "skip": skip = value
        case "merge": mergePerSentence = value
        case "many": manyToMany = value
        case "maxSide": maxSide = max(1, min(8, Int(value)))
        default: return false
        }
        return true
    }

    /// Every bead type searched: 0-1, 1-0, and a-b with 1 ≤ a, b ≤ maxSide, the smaller
    /// side at most 3 and at most 7 sentences in all.
    var beadTypes: [(zh: Int, en: Int, prior: Double)] {
        var types: [(Int, Int, Double)] = [(1, 1, 0), (0, 1, skip), (1, 0, skip)]
        for a in 1...maxSide {
            for b in 1...maxSide where !(a == 1 && b == 1) && min(a, b) <= 3 && a + b <= 7 {
                var prior = mergePerSentence * Double(a + b - 2)
                if min(a, b) >= 2 { prior += manyToMany }
                types.append((a, b, prior))
            }
        }
        return types
    }
}

/// Where the search may go: for each row i (Chinese sentences consumed), the columns j
/// (English sentences consumed) from `lo[i]` to `hi[i]`, both non-decreasing.
struct Band {
    var lo: [Int]
    var hi: [Int]

    /// A band of half-width `width` around the straight line from (0, 0) to (n, m)
    /// through `anchors` (points (i, j) on the path), made monotone.
    init(n: Int, m: Int, anchors: [(Int, Int)], width: (Int) -> Int) {
        var points = [(0, 0)] + anchors.filter { $0.0 > 0 && $0.0 < n } + [(n, m)]
        points.sort { $0.0 < $1.0 }
        lo = [Int](repeating: 0, count: n + 1)
        hi = [Int](repeating: m, count: n + 1)
        var k = 0
        for i in 0...n {
            while k + 1 < points.count - 1 && points[k + 1].0 <= i { k += 1 }
            let (i0, j0) = points[k]
            let (i1, j1) = points[min(k + 1, points.count - 1)]
            let center = i1 == i0 ? j0 : j0 + (j1 - j0) * (i - i0) / (i1 - i0)
            let gap = max(i1 - i0, abs(j1 - j0))
            let w = width(gap)
            lo[i] = max(0, center - w)
            hi[i] = min(m, center + w)
        }
        for i in 1...max(n, 1) where i <= n { lo[i] = max(lo[i], lo[i - 1]) }
        if n >= 1 { for i in stride(from: n - 1, through: 0, by: -1) { hi[i] = min(hi[i], hi[i + 1]) } }
        lo[0] = 0
        hi[n] = m
        for i in 0...n where lo[i] > hi[i] { lo[i] = hi[i] }
        // Keep neighbouring rows connected.
        for i in 1...max(n, 1) where i <= n && lo[i] > hi[i - 1] + 1 { lo[i] = hi[i - 1] + 1 }
        for i in 0...n { lo[i] = min(lo[i], hi[i]) }
        for i in stride(from: n, to: 0, by: -1) where hi[i - 1] < lo[i] - 1 { hi[i - 1] = lo[i] - 1 }
    }

    /// The band's cells around an existing path (a list of beads), widened by `width`.
    init(n: Int, m: Int, path: [Bead], width: Int) {
        var anchors: [(Int, Int)] = []
        for bead in path { anchors.append((bead.zh.upperBound, bead.en.upperBound)) }
        self.init(n: n, m: m, anchors: anchors, width: { _ in width })
    }

    /// For each Chinese sentence s, the English sentences a bead of at most `maxSide`
    /// sentences a side can pair it with inside the band.
    func pairRanges(n: Int, m: Int, maxSide: Int) -> [Range<Int>] {
        (0..<n).map { s in
            let from = max(0, lo[s + 1] - maxSide)
            let to = min(m, hi[min(n, s + maxSide)])
            return from..<max(from, to)
        }
    }
}

/// One bead of a found path with the evidence behind it.
struct ScoredBead {
    var zh: Range<Int>
    var en: Range<Int>
    /// Lexical similarity in [0, 1] (0 for empty sides).
    var similarity: Double
    /// Gale–Church length cost.
    var lengthCost: Double
}

/// The many-to-many dynamic programme inside a band.
enum BandedSearch {
    static func run(model: DocumentModel, table: PairTable, band: Band, parameters: AlignmentParameters) -> [ScoredBead] {
        let n = model.zh.count
        let m = model.en.count
        let types = parameters.beadTypes
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + (band.hi[i] - band.lo[i] + 1) }
        let cells = rowStart[n + 1]
        var cost = [Double](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: 255, count: cells)
        cost[0] = 0
        let zhLengthPrefix = prefixSums(model.zh.map(\.length))
        let enLengthPrefix = prefixSums(model.en.map(\.length))
        for i in 0...n {
            for j in band.lo[i]...band.hi[i] {
                if i == 0 && j == 0 { continue }
                var best = Double.infinity
                var bestType = 255
                for (k, type) in types.enumerated() {
                    let pi = i - type.zh
                    let pj = j - type.en
                    guard pi >= 0, pj >= 0, pj >= band.lo[pi], pj <= band.hi[pi] else { continue }
                    let previous = cost[rowStart[pi] + pj - band.lo[pi]]
                    if previous == .infinity { continue }
                    var c = previous + type.prior
                    if c >= best { continue }
                    if type.zh > 0 && type.en > 0 {
                        let cover = coverage(model, table, pi..<i, pj..<j)
                        let length = model.lengthCost(
                            zhLength: zhLengthPrefix[i] - zhLengthPrefix[pi], enLength: enLengthPrefix[j] - enLengthPrefix[pj])
                        // Each side's uncovered share, counted once per sentence on that side.
                        let uncovered = (1 - cover.zh) * Double(type.zh) + (1 - cover.en) * Double(type.en)
                        c += parameters.lexical * uncovered / 2 + parameters.length * length
                    }
                    if c < best {
                        best = c
                        bestType = k
                    }
                }
                let cell = rowStart[i] + j - band.lo[i]
                cost[cell] = best
                back[cell] = UInt8(bestType)
            }
        }
        // Walk back from (n, m).
        var beads: [ScoredBead] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            let k = Int(back[rowStart[i] + j - band.lo[i]])
            guard k < types.count else { break }
            let type = types[k]
            let zh = (i - type.zh)..<i
            let en = (j - type.en)..<j
            var bead = ScoredBead(zh: zh, en: en, similarity: 0, lengthCost: 0)
            if !zh.isEmpty && !en.isEmpty {
                bead.similarity = similarity(model, table, zh, en)
                bead.lengthCost = model.lengthCost(
                    zhLength: zhLengthPrefix[zh.upperBound] - zhLengthPrefix[zh.lowerBound],
                    enLength: enLengthPrefix[en.upperBound] - enLengthPrefix[en.lowerBound])
            }
            beads.append(bead)
            i = zh.lowerBound
            j = en.lowerBound
        }
        return beads.reversed()
    }

    static func prefixSums(_ values: [Int]) -> [Int] {
        var sums = [0]
        sums.reserveCapacity(values.count + 1)
        for v in values { sums.append(sums.last! + v) }
        return sums
    }

    /// Weighted coverage of the Chinese units by the English side and of the English tokens
    /// by the Chinese side, averaged.
    static func similarity(_ model: DocumentModel, _ table: PairTable, _ zh: Range<Int>, _ en: Range<Int>) -> Double {
        let c = coverage(model, table, zh, en)
        return (c.zh + c.en) / 2
    }

    /// The weighted shares of the Chinese units covered by the English side and of the
    /// English tokens covered by the Chinese side (a side with nothing to cover counts as
    /// a quarter covered).
    @inline(__always)
    static func coverage(_ model: DocumentModel, _ table: PairTable, _ zh: Range<Int>, _ en: Range<Int>) -> (zh: Double, en: Double) {
        var zhCovered: Float = 0
        var zhTotal: Float = 0
        for s in zh {
            let mask = table.zhMask(s, en)
            zhCovered += model.zhWeights[s].withUnsafeBufferPointer { mask.weightedSum($0) }
            zhTotal += model.zhTotal[s]
        }
        var enCovered: Float = 0
        var enTotal: Float = 0
        for t in en {
            let mask = table.enMask(zh, t)
            enCovered += model.enWeights[t].withUnsafeBufferPointer { mask.weightedSum($0) }
            enTotal += model.enTotal[t]
        }
        return (
            zhTotal > 0 ? Double(zhCovered / zhTotal) : 0.25,
            enTotal > 0 ? Double(enCovered / enTotal) : 0.25
        )
    }
}
