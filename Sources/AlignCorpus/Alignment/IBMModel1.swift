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
        // Give every co-occurring (z, e) a dense index once; the iterations then only
        // touch flat arrays.
        var pairIndex: [Int64: Int32] = [:]
        var pairZ: [Int32] = []
        var pairE: [Int32] = []
        var together: [Int32] = []
        var zIndex: [Int32: Int32] = [:]
        var eIndex: [Int32: Int32] = [:]
        var cells: [[Int32]] = []  // per training pair: |E| × |Z| pair indices, row-major by e
        var nullOf: [[Int32]] = []  // per training pair: the dense e index of each English word
        for pair in pairs {
            let zs = Array(Set(pair.zh)).sorted()
            let es = pair.en
            var matrix: [Int32] = []
            matrix.reserveCapacity(zs.count * es.count)
            var seenTogether = Set<Int32>()
            var enDense: [Int32] = []
            for e in es {
                if eIndex[e] == nil { eIndex[e] = Int32(eIndex.count) }
                enDense.append(eIndex[e]!)
                for z in zs {
                    if zIndex[z] == nil { zIndex[z] = Int32(zIndex.count) }
                    let key = Int64(z) << 32 | Int64(UInt32(bitPattern: e))
                    let index: Int32
                    if let known = pairIndex[key] {
                        index = known
                    } else {
                        index = Int32(pairZ.count)
                        pairIndex[key] = index
                        pairZ.append(zIndex[z]!)
                        pairE.append(e)
                        together.append(0)
                    }
                    if seenTogether.insert(index).inserted { together[Int(index)] += 1 }
                    matrix.append(index)
                }
            }
            cells.append(matrix)
            nullOf.append(enDense)
        }
        // Uniform start over the English words each Chinese word meets.
        var fanOut = [Int](repeating: 0, count: zIndex.count)
        for z in pairZ { fanOut[Int(z)] += 1 }
        var t = pairZ.map { 1 / Float(fanOut[Int($0)]) }
        var nullT = [Float](repeating: 0.1, count: eIndex.count)
        for _ in 0..<iterations {
            var counts = [Float](repeating: 0, count: t.count)
            var totals = [Float](repeating: 0, count: zIndex.count)
            var nullCounts = [Float](repeating: 0, count: nullT.count)
            var nullTotal: Float = 0
            for (k, matrix) in cells.enumerated() {
                let english = nullOf[k]
                guard !english.isEmpty else { continue }
                let width = matrix.count / english.count
                for (row, e) in english.enumerated() {
                    let base = row * width
                    var denominator = nullT[Int(e)]
                    for c in 0..<width { denominator += t[Int(matrix[base + c])] }
                    guard denominator > 0 else { continue }
                    for c in 0..<width {
                        let index = Int(matrix[base + c])
                        let share = t[index] / denominator
                        counts[index] += share
                        totals[Int(pairZ[index])] += share
                    }
                    let nullShare = nullT[Int(e)] / denominator
                    nullCounts[Int(e)] += nullShare
                    nullTotal += nullShare
                }
            }
            for index in t.indices {
                let total = totals[Int(pairZ[index])]
                t[index] = total > 0 ? counts[index] / total : 0
            }
            if nullTotal > 0 { for e in nullT.indices { nullT[e] = nullCounts[e] / nullTotal } }
        }
        var zOf = [Int32](repeating: 0, count: zIndex.count)
        for (z, dense) in zIndex { zOf[Int(dense)] = z }
        for index in t.indices where t[index] >= threshold && Int(together[index]) >= minimumCount {
            table[zOf[Int(pairZ[index])], default: []].append((pairE[index], t[index]))
        }
        for z in table.keys { table[z]!.sort { $0.english < $1.english } }
    }
}
