/// IBM Model 1 lexical translation probabilities t(e | z), learned by expectation
/// maximisation from sentence pairs of the document itself (Moore 2002: train on the
/// confident beads of a first pass, then align again with what was learned).
struct IBMModel1 {
    /// For each Chinese key id, the English ids it translates to with their probabilities.
    private(set) var table: [Int32: [(english: Int32, probability: Float)]] = [:]

    /// Trains on `pairs` (Chinese key ids, English ids), with an empty word on the Chinese
    /// side, for `iterations` rounds. Keeps translations with probability at least
    /// `threshold` seen together in at least `minimumCount` pairs.
    init(pairs: [(zh: [Int32], en: [Int32])], iterations: Int = 5, threshold: Float = 0.15, minimumCount: Int = 2) {
        let null: Int32 = -1
        var t: [Int64: Float] = [:]
        var together: [Int64: Int] = [:]
        @inline(__always) func key(_ z: Int32, _ e: Int32) -> Int64 { Int64(z) << 32 | Int64(UInt32(bitPattern: e)) }
        for pair in pairs {
            for z in Set(pair.zh) { for e in Set(pair.en) { together[key(z, e), default: 0] += 1 } }
        }
        // Uniform start over the English words each Chinese word meets.
        var fanOut: [Int32: Int] = [:]
        for k in together.keys { fanOut[Int32(truncatingIfNeeded: k >> 32), default: 0] += 1 }
        for k in together.keys { t[k] = 1 / Float(fanOut[Int32(truncatingIfNeeded: k >> 32)]!) }
        var nullT: [Int32: Float] = [:]
        for pair in pairs { for e in pair.en { nullT[e] = 0.1 } }
        for _ in 0..<iterations {
            var counts: [Int64: Float] = [:]
            var totals: [Int32: Float] = [:]
            var nullCounts: [Int32: Float] = [:]
            var nullTotal: Float = 0
            for pair in pairs {
                for e in pair.en {
                    var denominator = nullT[e] ?? 0
                    for z in pair.zh { denominator += t[key(z, e)] ?? 0 }
                    guard denominator > 0 else { continue }
                    for z in pair.zh {
                        let share = (t[key(z, e)] ?? 0) / denominator
                        counts[key(z, e), default: 0] += share
                        totals[z, default: 0] += share
                    }
                    let nullShare = (nullT[e] ?? 0) / denominator
                    nullCounts[e, default: 0] += nullShare
                    nullTotal += nullShare
                }
            }
            for (k, c) in counts { t[k] = c / totals[Int32(truncatingIfNeeded: k >> 32)]! }
            if nullTotal > 0 { for (e, c) in nullCounts { nullT[e] = c / nullTotal } }
        }
        for (k, p) in t where p >= threshold && (together[k] ?? 0) >= minimumCount {
            let z = Int32(truncatingIfNeeded: k >> 32)
            guard z != null else { continue }
            table[z, default: []].append((Int32(truncatingIfNeeded: k & 0xFFFF_FFFF), p))
        }
        for z in table.keys { table[z]!.sort { $0.english < $1.english } }
    }
}
