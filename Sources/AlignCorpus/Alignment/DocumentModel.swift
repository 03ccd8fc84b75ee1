#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The features of one document pair, weighted: what the bead scorer reads.
struct DocumentModel {
    var zh: [ChineseSentence]
    var en: [EnglishSentence]
    /// Per Chinese sentence, the weight of each unit (at most 128 units are scored).
    var zhWeights: [[Float]]
    /// Per English sentence, the weight of each token.
    var enWeights: [[Float]]
    var zhTotal: [Float]
    var enTotal: [Float]
    /// English characters per Chinese character, fitted on the document.
    var ratio: Double
    /// Variance of the English length per Chinese character (Gale–Church's s²).
    var variance: Double

    static let maxUnits = 128
    /// Weight of Chinese words no lexicon translates, relative to their idf: they cannot be
    /// covered, but a sentence made of them must not look free to merge into a bead.
    static let untranslatableWeight: Float = 0.5

    init(zh: [ChineseSentence], en: [EnglishSentence]) {
        self.zh = zh
        self.en = en
        let zhChars = zh.reduce(0) { $0 + $1.length }
        let enChars = en.reduce(0) { $0 + $1.length }
        ratio = zhChars > 0 && enChars > 0 ? Double(enChars) / Double(zhChars) : 3.0
        variance = 1.25 * ratio * ratio
        zhWeights = []
        enWeights = []
        zhTotal = []
        enTotal = []
        reweigh()
    }

    /// One more than the largest vocabulary id the document uses.
    var vocabularyBound: Int {
        var size = 1
        for s in zh { for u in s.units { for t in u.translations { size = max(size, Int(t) + 1) } } }
        for s in en { for t in s.tokens { size = max(size, Int(t) + 1) } }
        return size
    }

    /// Recomputes unit and token weights: inverse document frequency over the document's
    /// sentences, so words in every sentence count for little and rare ones for much.
    mutating func reweigh() {
        // Keys by their document ids (dense): counts in arrays, not dictionaries of strings.
        var keyCount = 0
        for s in zh { for u in s.units.prefix(Self.maxUnits) { keyCount = max(keyCount, Int(u.keyID) + 1) } }
        var zhDF = [Int32](repeating: 0, count: keyCount)
        var lastSentence = [Int32](repeating: -1, count: keyCount)
        for (k, s) in zh.enumerated() {
            for u in s.units.prefix(Self.maxUnits) where lastSentence[Int(u.keyID)] != Int32(k) {
                lastSentence[Int(u.keyID)] = Int32(k)
                zhDF[Int(u.keyID)] += 1
            }
        }
        var enDF = IDCounter(capacity: en.reduce(0) { $0 + min($1.tokens.count, Self.maxUnits) })
        for s in en { for t in s.tokens.prefix(Self.maxUnits) { enDF.add(t) } }
        let nz = Float(max(zh.count, 1))
        let ne = Float(max(en.count, 1))
        zhWeights = zh.map { s in
            s.units.prefix(Self.maxUnits).map { u in
                logf(1 + nz / Float(zhDF[Int(u.keyID)])) * (u.translations.isEmpty ? Self.untranslatableWeight : 1)
            }
        }
        enWeights = en.map { s in
            var weights = s.tokens.prefix(Self.maxUnits).map { logf(1 + ne / Float(max(enDF.count($0), 1))) }
            for standIn in s.standIns where standIn.token < weights.count { weights[standIn.token] = 0 }
            return weights
        }
        zhTotal = zhWeights.map { $0.reduce(0, +) }
        enTotal = enWeights.map { $0.reduce(0, +) }
    }

    /// Refits the length ratio and variance on the 1-1 beads of a first pass that the
    /// lexicon supports (trimmed: the largest tenth of residuals is left out).
    mutating func fitLength(on path: [ScoredBead]) {
        let ones = path.filter { $0.zh.count == 1 && $0.en.count == 1 && $0.similarity >= 0.25 }
        guard ones.count >= 20 else { return }
        let lz = ones.map { Double(max(zh[$0.zh.lowerBound].length, 1)) }
        let le = ones.map { Double(en[$0.en.lowerBound].length) }
        let c = le.reduce(0, +) / lz.reduce(0, +)
        var residuals = zip(lz, le).map { z, e in (e - c * z) * (e - c * z) / z }
        residuals.sort()
        let kept = residuals.prefix(residuals.count)
        ratio = c
        variance = max(kept.reduce(0, +) / Double(kept.count), 0.25 * c * c)
    }

    /// Trains IBM Model 1 on the better half of a first pass's beads and adds what it
    /// learns to the units' translations, then reweighs (units the lexicon did not know
    /// now count when they learned a translation).
    mutating func learnTranslations(from path: [ScoredBead]) {
        let aligned = path.filter { !$0.zh.isEmpty && !$0.en.isEmpty && $0.zh.count + $0.en.count <= 3 }
        guard aligned.count >= 10 else { return }
        let median = aligned.map(\.similarity).sorted()[aligned.count / 2]
        var keyIDs: [String: Int32] = [:]
        func id(_ key: String) -> Int32 {
            if let k = keyIDs[key] { return k }
            let k = Int32(keyIDs.count)
            keyIDs[key] = k
            return k
        }
        var pairs: [(zh: [Int32], en: [Int32])] = []
        for bead in aligned where bead.similarity >= median {
            let zhKeys = bead.zh.flatMap { zh[$0].units.map { id($0.key) } }
            let enTokens = bead.en.flatMap { en[$0].tokens }
            pairs.append((zhKeys, enTokens))
        }
        let model = IBMModel1(pairs: pairs)
        for s in zh.indices {
            for u in zh[s].units.indices {
                guard let k = keyIDs[zh[s].units[u].key], let learned = model.table[k] else { continue }
                for (e, _) in learned where !zh[s].units[u].translations.contains(e) {
                    zh[s].units[u].translations.append(e)
                }
            }
        }
        reweigh()
    }

    /// Gale–Church length cost: −log of the two-sided tail probability of the English
    /// length given the Chinese one.
    func lengthCost(zhLength: Int, enLength: Int) -> Double {
        let lz = Double(max(zhLength, 1))
        let delta = abs(Double(enLength) - ratio * lz) / (variance * lz).squareRoot()
        return Self.tailCost(delta)
    }

    /// −log P(|Z| ≥ x) for a standard normal Z, from a table (step 1/64, linear
    /// interpolation; the search evaluates it for every bead it tries).
    static func tailCost(_ x: Double) -> Double {
        let scaled = x * 64
        let k = Int(scaled)
        if k >= tailTable.count - 1 { return tailTable[tailTable.count - 1] }
        let f = scaled - Double(k)
        return tailTable[k] * (1 - f) + tailTable[k + 1] * f
    }

    static let tailTable: [Double] = (0...(64 * 8)).map { k in
        min(-log(max(erfc(Double(k) / 64 / 2.0.squareRoot()), 1e-12)), 25)
    }
}

/// Counts of non-negative ids in an open-addressing table (the document frequencies of
/// English ids: a `Dictionary` hashes each id with SipHash).
struct IDCounter {
    private var keys: [Int32]
    private var counts: [Int32]
    private let mask: Int

    /// A counter for up to `capacity` distinct ids.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int32](repeating: -1, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ id: Int32) -> Int {
        var k = Int(truncatingIfNeeded: UInt32(bitPattern: id) &* 0x9E37_79B1) & mask
        while keys[k] != id && keys[k] != -1 { k = (k + 1) & mask }
        return k
    }

    mutating func add(_ id: Int32) {
        let k = slot(id)
        keys[k] = id
        counts[k] += 1
    }

    func count(_ id: Int32) -> Int { Int(counts[slot(id)]) }
}

/// Which units of each Chinese sentence each nearby English sentence covers, and the
/// reverse, for the sentence pairs a band of the search can put into one bead.
struct PairTable {
    private var first: [Int]  // per zh sentence: first en sentence stored
    private var last: [Int]  // exclusive
    private var offset: [Int]
    private(set) var zhMasks: [Bits128] = []
    private(set) var enMasks: [Bits128] = []

    /// Builds the table for zh sentence s paired with en sentences in `ranges[s]`, marking
    /// vocabulary ids (all below `vocabularySize`) in `stamps` (reused from document to
    /// document, never cleared).
    init(model: DocumentModel, ranges: [Range<Int>], stamps: StampArrays, vocabularySize: Int) {
        first = ranges.map(\.lowerBound)
        last = ranges.map(\.upperBound)
        offset = []
        var total = 0
        for r in ranges {
            offset.append(total)
            total += r.count
        }
        zhMasks = [Bits128](repeating: Bits128(), count: total)
        enMasks = [Bits128](repeating: Bits128(), count: total)
        stamps.reserve(vocabularySize)
        // The document's English ids get dense local numbers (stamps.en marks an id as
        // seen, stamps.zh holds its number), so the pair loop below marks small arrays
        // instead of vocabulary-sized ones.
        if stamps.stamp >= Int32.max - 1 { stamps.restart() }
        stamps.stamp += 1
        let seen = stamps.stamp
        var localCount: Int32 = 0
        var enLocal: [Int32] = []  // tokens of sentence t: enLocal[enStart[t]..<enStart[t + 1]]
        var enStart: [Int] = [0]
        for t in model.en {
            for token in t.tokens.prefix(DocumentModel.maxUnits) {
                let id = Int(token)
                if stamps.en[id] != seen {
                    stamps.en[id] = seen
                    stamps.zh[id] = localCount
                    localCount += 1
                }
                enLocal.append(stamps.zh[id])
            }
            enStart.append(enLocal.count)
        }
        // A unit can only be covered through translations the English side uses: keep
        // those (most of a gloss list is not in the document), as local numbers.
        var keptIDs: [Int32] = []
        var keptUnits: [(unit: Int, end: Int)] = []  // ids of unit `unit` end at `end` in keptIDs
        var keptRows: [Range<Int>] = []  // per zh sentence, its range in keptUnits
        for s in 0..<model.zh.count {
            let start = keptUnits.count
            if !ranges[s].isEmpty {
                for (k, u) in model.zh[s].units.prefix(DocumentModel.maxUnits).enumerated() {
                    let before = keptIDs.count
                    for t in u.translations where stamps.en[Int(t)] == seen { keptIDs.append(stamps.zh[Int(t)]) }
                    if keptIDs.count > before { keptUnits.append((k, keptIDs.count)) }
                }
            }
            keptRows.append(start..<keptUnits.count)
        }
        var zhMark = [Int32](repeating: 0, count: Int(localCount))
        var enMark = [Int32](repeating: 0, count: Int(localCount))
        var stamp: Int32 = 0  // one per sentence and pair: far fewer than Int32.max for any table that fits in memory
        for s in 0..<model.zh.count where !ranges[s].isEmpty {
            stamp += 1
            let zhStamp = stamp
            let rows = keptRows[s]
            let firstID = rows.isEmpty || rows.lowerBound == 0 ? 0 : keptUnits[rows.lowerBound - 1].end
            for k in firstID..<(rows.isEmpty ? firstID : keptUnits[rows.upperBound - 1].end) {
                zhMark[Int(keptIDs[k])] = zhStamp
            }
            for t in ranges[s] {
                stamp += 1
                let pairStamp = stamp
                var en = Bits128()
                for k in 0..<(enStart[t + 1] - enStart[t]) {
                    let local = Int(enLocal[enStart[t] + k])
                    enMark[local] = pairStamp
                    if zhMark[local] == zhStamp { en.set(k) }
                }
                var zh = Bits128()
                var idStart = firstID
                for r in rows {
                    let unit = keptUnits[r]
                    for k in idStart..<unit.end where enMark[Int(keptIDs[k])] == pairStamp {
                        zh.set(unit.unit)
                        break
                    }
                    idStart = unit.end
                }
                let index = offset[s] + t - first[s]
                zhMasks[index] = zh
                enMasks[index] = en.withStandIns(model.en[t].standIns)
            }
        }
    }

    /// Index of the pair (s, t), which must be inside the table.
    @inline(__always) func index(_ s: Int, _ t: Int) -> Int { offset[s] + t - first[s] }

    /// The units of Chinese sentence `s` that the English sentences `en` cover.
    @inline(__always) func zhMask(_ s: Int, _ en: Range<Int>) -> Bits128 {
        var mask = Bits128()
        for t in en { mask = mask | zhMasks[index(s, t)] }
        return mask
    }

    /// The tokens of English sentence `t` that the Chinese sentences `zh` cover.
    @inline(__always) func enMask(_ zh: Range<Int>, _ t: Int) -> Bits128 {
        var mask = Bits128()
        for s in zh { mask = mask | enMasks[index(s, t)] }
        return mask
    }

    @inline(__always) func contains(_ s: Int, _ t: Int) -> Bool { t >= first[s] && t < last[s] }
}
