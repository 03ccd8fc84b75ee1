/// Two arrays indexed by vocabulary id, marked with ever-increasing stamps so they never
/// need clearing.
final class StampArrays {
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    @exclusivity(unchecked) var zh: [Int32] = []
    @exclusivity(unchecked) var en: [Int32] = []
    @exclusivity(unchecked) var stamp: Int32 = 0

    /// Clears the arrays when the stamps run out.
    func restart() {
        for k in zh.indices {
            zh[k] = 0
            en[k] = 0
        }
        stamp = 0
    }

    func reserve(_ size: Int) {
        if zh.count < size {
            zh += [Int32](repeating: 0, count: size - zh.count)
            en += [Int32](repeating: 0, count: size - en.count)
        }
    }
}

/// Coverage of groups of sentences by groups of sentences, with stamp arrays.
struct GroupScorer {
    let model: DocumentModel
    private let stamps: StampArrays

    init(model: DocumentModel, stamps: StampArrays) {
        self.model = model
        self.stamps = stamps
        stamps.reserve(model.vocabularyBound)
    }

    mutating func coverage(_ zh: Range<Int>, _ en: Range<Int>) -> (zh: Double, en: Double) {
        if stamps.stamp == Int32.max { stamps.restart() }
        stamps.stamp += 1
        let stamp = stamps.stamp
        for s in zh { for u in model.zh[s].units.prefix(DocumentModel.maxUnits) { for x in u.translations { stamps.zh[Int(x)] = stamp } } }
        for t in en { for x in model.en[t].tokens.prefix(DocumentModel.maxUnits) { stamps.en[Int(x)] = stamp } }
        var zhCovered: Float = 0
        var zhTotal: Float = 0
        for s in zh {
            for (k, u) in model.zh[s].units.prefix(DocumentModel.maxUnits).enumerated() {
                let w = model.zhWeights[s][k]
                zhTotal += w
                if u.translations.contains(where: { stamps.en[Int($0)] == stamp }) { zhCovered += w }
            }
        }
        var enCovered: Float = 0
        var enTotal: Float = 0
        for t in en {
            var covered = Bits128()
            for (k, x) in model.en[t].tokens.prefix(DocumentModel.maxUnits).enumerated() where stamps.zh[Int(x)] == stamp {
                covered.set(k)
            }
            let withStandIns = covered.withStandIns(model.en[t].standIns)
            enCovered += model.enWeights[t].withUnsafeBufferPointer { withStandIns.weightedSum($0) }
            enTotal += model.enTotal[t]
        }
        return (zhTotal > 0 ? Double(zhCovered / zhTotal) : 0, enTotal > 0 ? Double(enCovered / enTotal) : 0)
    }
}
