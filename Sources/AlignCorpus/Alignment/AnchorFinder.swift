/// Finds confident 1-1 sentence pairs to guide the search (the first pass of Bertalign's
/// recipe), without scoring all n×m pairs: an inverted index of the less common English
/// tokens gives each Chinese sentence a few candidates, each candidate pair is scored by
/// its coverage both ways, and the heaviest chain of candidates that increases on both
/// sides becomes the anchors.
enum AnchorFinder {
    /// Candidates scored per Chinese sentence.
    static let candidatesPerSentence = 4
    /// Chain points below this similarity are not used as anchors.
    static let minimumSimilarity: Float = 0.2

    /// Anchors as (zh sentence, en sentence) pairs, increasing on both sides. `stamps` are
    /// the caller's scratch arrays, reused from document to document.
    static func anchors(model: DocumentModel, stamps: StampArrays) -> [(Int, Int)] {
        let n = model.zh.count
        let m = model.en.count
        guard n > 0, m > 0 else { return [] }
        // Tokens in more sentences than this say little about where a sentence goes.
        let limit = 40
        var postings: [Int32: [Int32]] = [:]
        for t in 0..<m {
            for token in model.en[t].tokens { postings[token, default: []].append(Int32(t)) }
        }
        postings = postings.filter { $0.value.count <= limit }

        var points: [(s: Int, t: Int, score: Float)] = []
        var accumulated = [Float](repeating: 0, count: m)
        var lastUnit = [Int](repeating: -1, count: m)  // the unit that last added to t
        var unitNumber = 0
        var touched: [Int] = []
        var scorer = GroupScorer(model: model, stamps: stamps)
        for s in 0..<n where model.zhTotal[s] > 0 {
            for (k, unit) in model.zh[s].units.prefix(DocumentModel.maxUnits).enumerated() {
                let w = model.zhWeights[s][k]
                guard w > 0 else { continue }
                unitNumber += 1
                for translation in unit.translations {
                    guard let list = postings[translation] else { continue }
                    for t in list where lastUnit[Int(t)] != unitNumber {
                        lastUnit[Int(t)] = unitNumber
                        if accumulated[Int(t)] == 0 { touched.append(Int(t)) }
                        accumulated[Int(t)] += w
                    }
                }
            }
            // Best evidence first; among equals, nearest the proportional position (a
            // document repeating itself must not send every sentence to the first copy).
            let expected = Double(s) * Double(m) / Double(n)
            func better(_ a: Int, _ b: Int) -> Bool {
                accumulated[a] != accumulated[b]
                    ? accumulated[a] > accumulated[b] : abs(Double(a) - expected) < abs(Double(b) - expected)
            }
            var top: [Int] = []
            for t in touched {
                if top.count < candidatesPerSentence {
                    top.append(t)
                } else if better(t, top[top.count - 1]) {
                    top[top.count - 1] = t
                } else {
                    continue
                }
                var k = top.count - 1
                while k > 0 && better(top[k], top[k - 1]) {
                    top.swapAt(k, k - 1)
                    k -= 1
                }
            }
            for t in top {
                let cover = scorer.coverage(s..<(s + 1), t..<(t + 1))
                let score = Float((cover.zh + cover.en) / 2)
                if score >= minimumSimilarity { points.append((s, t, score)) }
            }
            for t in touched { accumulated[t] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return heaviestChain(points, m: m)
    }

    /// The chain of points strictly increasing in both coordinates with the largest total
    /// score (points sorted by s), in O(P log m) with a Fenwick tree of prefix maxima.
    static func heaviestChain(_ points: [(s: Int, t: Int, score: Float)], m: Int) -> [(Int, Int)] {
        guard !points.isEmpty else { return [] }
        var tree = [(value: Float, index: Int)](repeating: (0, -1), count: m + 1)
        func query(_ t: Int) -> (Float, Int) {  // best chain ending at t' < t
            var i = t
            var best: (Float, Int) = (0, -1)
            while i > 0 {
                if tree[i].value > best.0 { best = (tree[i].value, tree[i].index) }
                i -= i & -i
            }
            return best
        }
        func update(_ t: Int, _ value: Float, _ index: Int) {
            var i = t + 1
            while i <= m {
                if value > tree[i].value { tree[i] = (value, index) }
                i += i & -i
            }
        }
        var total = [Float](repeating: 0, count: points.count)
        var previous = [Int](repeating: -1, count: points.count)
        var start = 0
        while start < points.count {
            var end = start
            while end < points.count && points[end].s == points[start].s { end += 1 }
            // All points of one Chinese sentence read the tree before any of them is added.
            for k in start..<end {
                let (best, index) = query(points[k].t)
                total[k] = best + points[k].score
                previous[k] = index
            }
            for k in start..<end { update(points[k].t, total[k], k) }
            start = end
        }
        var k = total.indices.max { total[$0] != total[$1] ? total[$0] < total[$1] : $0 > $1 }!
        var chain: [(Int, Int)] = []
        while k >= 0 {
            chain.append((points[k].s, points[k].t))
            k = previous[k]
        }
        return chain.reversed()
    }
}
