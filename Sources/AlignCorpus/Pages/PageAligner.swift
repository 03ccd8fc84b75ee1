#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pair found on a bilingual page: one or more adjacent Chinese segments and one or two
/// adjacent English segments that translate each other.
public struct PagePair: Equatable, Sendable {
    /// Indices into the page's Chinese segments.
    public var zh: Range<Int>
    /// Indices into the page's English segments.
    public var en: Range<Int>
    /// The Chinese side: its segments joined with nothing between them.
    public var zhText: String
    /// The English side: its segments joined with a space.
    public var enText: String
    /// About the probability that the two sides translate each other, in [0, 1].
    public var score: Double
    /// Zone of the Chinese side (of its first segment).
    public var zhZone: Zone
    /// Zone of the English side.
    public var enZone: Zone

    /// `caption`, or `lead>body` when the sides' zones differ.
    public var zoneLabel: String { zhZone == enZone ? zhZone.rawValue : "\(zhZone.rawValue)>\(enZone.rawValue)" }
}

/// The result of aligning one page.
public struct PageAlignment: Sendable {
    /// The page's Chinese segments, in order, with zones.
    public var zh: [Segment]
    /// The page's English segments.
    public var en: [Segment]
    /// The pairs, in the order of their Chinese side.
    public var pairs: [PagePair]
}

/// Finds the sentence pairs of a bilingual news page: the Chinese article and the English
/// one on the same event are not translations of each other, but their captions, credits,
/// datelines and some sentences are. Every Chinese group (one segment, or two to four
/// adjacent ones of a paragraph) is scored against every English group (one segment or
/// two adjacent ones) that its zone allows — order may cross and zones may differ — and
/// pairs are taken best first, each segment at most once, while their score clears the
/// threshold. Datelines pair by their date, credits by their photographer's name.
///
/// Holds ICU objects: one aligner per thread.
public final class PageAligner {
    /// The lexicon in use.
    public let lexicon: Lexicon
    /// Pairs scoring below this are not emitted.
    public var minimumScore = 0.5
    /// How evidence becomes a score.
    public var calibration = PageCalibration.newsDev
    private let extractor: FeatureExtractor
    private let keys: KeyExtractor
    /// Stamp arrays reused from page to page (sized by the vocabulary, never cleared).
    private let stamps = StampArrays()

    /// Creates an aligner over a lexicon (possibly empty).
    public init(lexicon: Lexicon) throws {
        self.lexicon = lexicon
        keys = try KeyExtractor(readings: lexicon.readings)
        extractor = FeatureExtractor(lexicon: lexicon, keys: keys)
    }

    /// A candidate pair and the evidence for it.
    public struct Candidate: Sendable {
        /// Chinese segment indices.
        public var zh: Range<Int>
        /// English segment indices.
        public var en: Range<Int>
        /// Weighted share of the Chinese units the English side covers.
        public var zhCoverage: Double
        /// Weighted share of the English tokens the Chinese side covers.
        public var enCoverage: Double
        /// The Chinese side's share of its evidence that the page's English could cover at
        /// all, each unit weighted by how few English sentences cover it (see
        /// ``PageEvidence``): what the score reads.
        public var zhShare = 0.0
        /// The English side's share, likewise.
        public var enShare = 0.0
        /// |log(English length / (3 × Chinese length))|.
        public var lengthDeviation: Double
        /// Both sides in the same zone.
        public var sameZone: Bool
        /// How much more similar than the strongest competing candidate (one that shares a
        /// side with this one and pairs it with something else, not a repeat of the same
        /// text; see ``rivalStrength``).
        public var margin: Double = 0
        /// The last free sentences of two captions whose other sentences paired with each
        /// other: the same photo described in both languages.
        public var completesCaption = false
        /// Both sides are leads, or both captions: the articles' opening sentences report
        /// the same fact, and captions often describe the same photo.
        public var parallelZones = false
        /// Both sides are titles.
        public var titles = false
        /// Titles of two articles whose leads were chosen as a pair: both open with the same
        /// fact, and a headline states the opening fact.
        public var titlesOfPairedLeads = false
        /// For a group (more than one sentence on a side): the least that one of its end
        /// sentences adds to the other side's share, that is the share less the share
        /// without that sentence. A sentence that adds nothing of the other side is no part
        /// of the pair, however well its neighbours match. 1 for a one-to-one candidate.
        public var groupGain = 1.0
        /// The calibrated probability that the pair translates.
        public var score: Double
        /// Ids of the two sides' texts: equal ids, equal text (repeats on the page).
        var zhTextID = 0
        var enTextID = 0

        /// The similarity: the two shares averaged.
        public var similarity: Double { (zhShare + enShare) / 2 }

        /// How strongly this candidate competes with another for a segment: its similarity,
        /// less 0.2 for each segment beyond one a side. A rival that needs more sentences
        /// is a less likely account of them: a run of four Chinese sentences paired with some
        /// English sentence would otherwise outweigh the one sentence of it that translates
        /// another. On news-dev, leave-one-page-out at 0.5: recall 0.867 at 0.1, 0.900 at 0.2 and
        /// 0.5, 0.800 with none; precision 1.000 throughout.
        var rivalStrength: Double { similarity - 0.2 * Double(zh.count + en.count - 2) }

        /// No rival is left to measure it against: a title (a page has one headline a
        /// language), or the last free sentences of two captions. What one text says that
        /// the other page never mentions is then what tells the two apart, so the score
        /// reads plain coverage instead of the shares, and no margin.
        public var unrivalled: Bool { titles || completesCaption }

        /// What the score reads of the evidence: the shares and the margin, or, unrivalled,
        /// the plain coverages and no margin.
        public var scoredEvidence: (zh: Double, en: Double, margin: Double) {
            unrivalled ? (zhCoverage, enCoverage, 0) : (zhShare, enShare, margin)
        }
    }

    /// Aligns a zoned page.
    public func align(_ page: [ZonedParagraph]) -> PageAlignment {
        let scored = scoredPage(page, forChoice: true)
        let calibration = self.calibration
        let zh = scored.zh
        let en = scored.en
        var candidates = scored.candidates
        let rivals = scored.rivals
        let zhTextIDs = scored.zhTextIDs
        let enTextIDs = scored.enTextIDs
        let hopeless = scored.hopeless
        var usedZh = [Bool](repeating: false, count: zh.count)
        var usedEn = [Bool](repeating: false, count: en.count)
        var takenZh = usedZh  // used, or a repeat of a chosen side's text
        var takenEn = usedEn
        var chosen: [Candidate] = []
        // Only these can still reach the threshold: the choice looks at no others.
        let live = candidates.indices.filter { !hopeless[$0] }
        // Best first; after each choice the margins of the rest are measured again against
        // what is still free, so pairs that cross (caption sentences in swapped order)
        // are found once their rivals are taken.
        let threshold = minimumScore
        while true {
            var best: Int?
            for k in live {
                let c = candidates[k]
                guard c.score >= threshold, !c.zh.contains(where: { usedZh[$0] }), !c.en.contains(where: { usedEn[$0] })
                else { continue }
                if let b = best {
                    let o = candidates[b]
                    if c.score < o.score || (c.score == o.score && (c.zh.lowerBound, c.en.lowerBound) >= (o.zh.lowerBound, o.en.lowerBound)) {
                        continue
                    }
                }
                best = k
            }
            guard let b = best else { break }
            let c = candidates[b]
            chosen.append(c)
            for s in c.zh { usedZh[s] = true }
            for t in c.en { usedEn[t] = true }
            // Repeats of the chosen texts are spoken for too (they pair with each other below).
            for s in c.zh { takenZh[s] = true }
            for t in c.en { takenEn[t] = true }
            if zh[c.zh.lowerBound].zone == .lead && en[c.en.lowerBound].zone == .lead {
                for k in live where candidates[k].titles { candidates[k].titlesOfPairedLeads = true }
            }
            if c.zh.count == 1 { for s in zh.indices where zhTextIDs[s] == zhTextIDs[c.zh.lowerBound] { takenZh[s] = true } }
            if c.en.count == 1 { for t in en.indices where enTextIDs[t] == enTextIDs[c.en.lowerBound] { takenEn[t] = true } }
            Self.computeMargins(
                &candidates, index: rivals, zh: zh, en: en, usedZh: takenZh, usedEn: takenEn, chosenZh: usedZh,
                chosenEn: usedEn, only: live)
            Self.markCaptionCompletions(&candidates, only: live, zh: zh, en: en, chosen: chosen, usedZh: usedZh, usedEn: usedEn)
            for k in live where !Self.special(zh[candidates[k].zh.lowerBound].zone) {
                let c = candidates[k]
                if c.zh.contains(where: { usedZh[$0] }) || c.en.contains(where: { usedEn[$0] }) { continue }
                candidates[k].score = calibration.probability(c)
            }
        }
        // A sentence repeated elsewhere on the page pairs there too, with the repeat of its
        // partner (the sample's Chinese lead and English last paragraph repeat the captions).
        for c in chosen {
            for other in candidates where other.zhTextID == c.zhTextID && other.enTextID == c.enTextID {
                guard !other.zh.contains(where: { usedZh[$0] }), !other.en.contains(where: { usedEn[$0] }) else { continue }
                chosen.append(other)
                for s in other.zh { usedZh[s] = true }
                for t in other.en { usedEn[t] = true }
            }
        }
        // The same two texts translate each other as much wherever they stand: pairs of
        // equal texts (one chosen in a caption, one in the story, or a repeat) carry the
        // highest score among them.
        func texts(_ c: Candidate) -> Int64 { Int64(c.zhTextID) << 32 | Int64(c.enTextID) }
        var bestScore: [Int64: Double] = [:]
        for c in chosen { bestScore[texts(c)] = max(bestScore[texts(c)] ?? 0, c.score) }
        for k in chosen.indices { chosen[k].score = bestScore[texts(chosen[k])] ?? chosen[k].score }
        var pairs = chosen.map { c in
            PagePair(
                zh: c.zh, en: c.en, zhText: c.zh.map { zh[$0].text }.joined(),
                enText: c.en.map { en[$0].text }.joined(separator: " "), score: c.score,
                zhZone: zh[c.zh.lowerBound].zone ?? .body, enZone: en[c.en.lowerBound].zone ?? .body)
        }
        pairs.sort { ($0.zh.lowerBound, $0.en.lowerBound) < ($1.zh.lowerBound, $1.en.lowerBound) }
        return PageAlignment(zh: zh, en: en, pairs: pairs)
    }

    /// Every candidate pair with its evidence and score.
    public func score(_ page: [ZonedParagraph]) -> (zh: [Segment], en: [Segment], candidates: [Candidate]) {
        let scored = scoredPage(page, forChoice: false)
        return (scored.zh, scored.en, scored.candidates)
    }

    /// The page's segments and candidates, per segment an id of its text (equal texts,
    /// equal ids), the candidates by segment, and which candidates are hopeless: they could
    /// not reach the threshold even with every rival gone (a choice need not score them
    /// again; it still counts them as rivals). `forChoice` leaves the hopeless ones'
    /// margins unmeasured.
    func scoredPage(_ page: [ZonedParagraph], forChoice: Bool) -> (
        zh: [Segment], en: [Segment], candidates: [Candidate], zhTextIDs: [Int], enTextIDs: [Int], rivals: RivalIndex,
        hopeless: [Bool]
    ) {
        let zh = page.filter { $0.paragraph.language == .zh }.flatMap(\.segments)
        let en = page.filter { $0.paragraph.language == .en }.flatMap(\.segments)
        guard !zh.isEmpty, !en.isEmpty else {
            return (zh, en, [], Self.textIDs(zh), Self.textIDs(en), RivalIndex([], zh: zh, en: en), [])
        }
        extractor.reset()
        // Segments that only pair by rule (datelines, credits) or never (boilerplate,
        // bylines) need no lexical features.
        let model = DocumentModel(
            zh: zh.map { Self.lexical($0.zone) ? extractor.chinese($0.text) : ChineseSentence(units: [], length: FeatureExtractor.length($0.text)) },
            en: en.map { Self.lexical($0.zone) ? extractor.english($0.text) : EnglishSentence(tokens: [], length: FeatureExtractor.length($0.text)) })
        // Which units each sentence pair covers, once; groups OR those masks.
        // Rows only for the segments that pair on lexical evidence.
        let table = PairTable(
            model: model, ranges: zh.map { Self.lexical($0.zone) ? 0..<en.count : 0..<0 }, stamps: stamps,
            vocabularySize: extractor.vocabulary.count)
        let evidence = PageEvidence(
            model: model, table: table, zhRows: zh.indices.filter { Self.lexical(zh[$0].zone) },
            enRows: en.indices.filter { Self.lexical(en[$0].zone) })
        let zhGroups = groups(zh, maxSize: 4)
        let enGroups = groups(en, maxSize: 2)
        var candidates: [Candidate] = []
        // Each credit's photographer is read once, not once per pair.
        let zhCredits = zh.map { $0.zone == .credit ? chineseCredit($0.text) : nil }
        let enCredits = en.map { $0.zone == .credit ? Self.englishCredit($0.text) : nil }
        // The candidate of each (Chinese group, English group), for the group gains.
        let zhGroupIndex = GroupIndex(zhGroups, count: zh.count, maxSize: 4)
        let enGroupIndex = GroupIndex(enGroups, count: en.count, maxSize: 2)
        var candidateOf = [Int32](repeating: -1, count: zhGroups.count * enGroups.count)
        for (zi, zg) in zhGroups.enumerated() {
            let zZone = zh[zg.lowerBound].zone ?? .body
            for (ei, eg) in enGroups.enumerated() {
                let eZone = en[eg.lowerBound].zone ?? .body
                guard Self.compatible(zZone, eZone) else { continue }
                var c = Candidate(
                    zh: zg, en: eg, zhCoverage: 0, enCoverage: 0, lengthDeviation: 0, sameZone: zZone == eZone, score: 0)
                c.parallelZones = zZone == eZone && (zZone == .lead || zZone == .caption)
                c.titles = zZone == .title
                switch zZone {
                case .dateline:
                    c.score = datelinesMatch(zh[zg.lowerBound].text, en[eg.lowerBound].text) ? 0.95 : 0
                case .credit:
                    if let a = zhCredits[zg.lowerBound], let b = enCredits[eg.lowerBound] {
                        c.score = Self.creditsMatch(a, b) ? 0.9 : 0
                    }
                default:
                    let e = evidence.measure(zg, eg, model: model, table: table)
                    (c.zhCoverage, c.enCoverage, c.zhShare, c.enShare) = (e.zhCoverage, e.enCoverage, e.zhShare, e.enShare)
                    let lz = Double(zg.reduce(0) { $0 + model.zh[$1].length })
                    let le = Double(eg.reduce(0) { $0 + model.en[$1].length })
                    c.lengthDeviation = abs(log(max(le, 1) / (Self.lengthRatio * max(lz, 1))))
                }
                candidateOf[zi * enGroups.count + ei] = Int32(candidates.count)
                candidates.append(c)
            }
        }
        Self.measureGroupGains(&candidates) { z, e in
            guard let zi = zhGroupIndex[z], let ei = enGroupIndex[e] else { return nil }
            let k = candidateOf[zi * enGroups.count + ei]
            return k < 0 ? nil : Int(k)
        } measure: {
            evidence.measure($0, $1, model: model, table: table)
        }
        // Text ids: segments with equal text share an id, groups with equal id sequences too.
        let zhSegmentIDs = Self.textIDs(zh)
        let enSegmentIDs = Self.textIDs(en)
        var zhIDs: [Int64: Int] = [:]
        var enIDs: [Int64: Int] = [:]
        for k in candidates.indices {
            candidates[k].zhTextID = Self.groupTextID(candidates[k].zh, zhSegmentIDs, &zhIDs)
            candidates[k].enTextID = Self.groupTextID(candidates[k].en, enSegmentIDs, &enIDs)
        }
        let threshold = minimumScore
        let calibration = self.calibration
        let hopeless = candidates.map { c in
            !Self.special(zh[c.zh.lowerBound].zone)
                && calibration.ceiling(c, captions: zh[c.zh.lowerBound].zone == .caption && en[c.en.lowerBound].zone == .caption)
                    < threshold
        }
        let rivals = RivalIndex(candidates, zh: zh, en: en)
        let freeZh = [Bool](repeating: false, count: zh.count)
        let freeEn = [Bool](repeating: false, count: en.count)
        Self.computeMargins(
            &candidates, index: rivals, zh: zh, en: en, usedZh: freeZh, usedEn: freeEn, chosenZh: freeZh, chosenEn: freeEn,
            only: forChoice ? candidates.indices.filter { !hopeless[$0] } : nil)
        for k in candidates.indices where candidates[k].score == 0 && !Self.special(zh[candidates[k].zh.lowerBound].zone) {
            candidates[k].score = calibration.probability(candidates[k])
        }
        return (zh, en, candidates, zhSegmentIDs, enSegmentIDs, rivals, hopeless)
    }

    /// Marks which of the candidates `only` (indices) complete two captions whose other
    /// sentences were chosen as a pair.
    static func markCaptionCompletions(
        _ candidates: inout [Candidate], only: [Int], zh: [Segment], en: [Segment], chosen: [Candidate], usedZh: [Bool],
        usedEn: [Bool]
    ) {
        var linked = Set<[Int]>()  // (zh paragraph, en paragraph) of chosen caption pairs
        for c in chosen where zh[c.zh.lowerBound].zone == .caption && en[c.en.lowerBound].zone == .caption {
            linked.insert([zh[c.zh.lowerBound].paragraph, en[c.en.lowerBound].paragraph])
        }
        guard !linked.isEmpty else { return }
        func freeCaptions(_ segments: [Segment], _ used: [Bool], paragraph: Int) -> [Int] {
            segments.indices.filter { segments[$0].paragraph == paragraph && segments[$0].zone == .caption && !used[$0] }
        }
        for k in only where candidates[k].zh.count == 1 && candidates[k].en.count == 1 {
            let s = candidates[k].zh.lowerBound
            let t = candidates[k].en.lowerBound
            guard zh[s].zone == .caption, en[t].zone == .caption, linked.contains([zh[s].paragraph, en[t].paragraph])
            else { continue }
            candidates[k].completesCaption =
                freeCaptions(zh, usedZh, paragraph: zh[s].paragraph) == [s] && freeCaptions(en, usedEn, paragraph: en[t].paragraph) == [t]
        }
    }

    static func special(_ zone: Zone?) -> Bool { zone == .dateline || zone == .credit }

    /// Where a group stands in the list of groups (`groups(_:maxSize:)`), by its start and size.
    struct GroupIndex {
        private var slots: [Int32]
        private let maxSize: Int

        init(_ groups: [Range<Int>], count: Int, maxSize: Int) {
            self.maxSize = maxSize
            slots = Array(repeating: -1, count: count * maxSize)
            for (k, g) in groups.enumerated() { slots[g.lowerBound * maxSize + g.count - 1] = Int32(k) }
        }

        subscript(_ group: Range<Int>) -> Int? {
            guard group.count >= 1, group.count <= maxSize else { return nil }
            let k = slots[group.lowerBound * maxSize + group.count - 1]
            return k < 0 ? nil : Int(k)
        }
    }

    /// Sets ``Candidate/groupGain`` of the grouped candidates: the group without one end
    /// sentence is usually a candidate too (`candidate` finds it by its sides); `measure`
    /// gives the evidence of one that is not.
    static func measureGroupGains(
        _ candidates: inout [Candidate], candidate: (Range<Int>, Range<Int>) -> Int?,
        measure: (Range<Int>, Range<Int>) -> (zhCoverage: Double, enCoverage: Double, zhShare: Double, enShare: Double)
    ) {
        func shares(_ zh: Range<Int>, _ en: Range<Int>) -> (zh: Double, en: Double) {
            if let k = candidate(zh, en) { return (candidates[k].zhShare, candidates[k].enShare) }
            let e = measure(zh, en)
            return (e.zhShare, e.enShare)
        }
        for k in candidates.indices where candidates[k].zh.count > 1 || candidates[k].en.count > 1 {
            let c = candidates[k]
            var gain = Double.infinity
            if c.zh.count > 1 {
                for part in [c.zh.dropFirst(), c.zh.dropLast()] { gain = min(gain, c.enShare - shares(part, c.en).en) }
            }
            if c.en.count > 1 {
                for part in [c.en.dropFirst(), c.en.dropLast()] { gain = min(gain, c.zhShare - shares(c.zh, part).zh) }
            }
            candidates[k].groupGain = gain
        }
    }

    /// The text id of a group: a single segment's own id; a longer group's id is that of
    /// its first segments extended by the next (ids from `segmentIDs.count` on, so the two
    /// kinds never meet).
    static func groupTextID(_ group: Range<Int>, _ segmentIDs: [Int], _ extended: inout [Int64: Int]) -> Int {
        var id = segmentIDs[group.lowerBound]
        for j in group.dropFirst() {
            let key = Int64(id) << 32 | Int64(segmentIDs[j])
            if let known = extended[key] {
                id = known
            } else {
                let new = segmentIDs.count + extended.count
                extended[key] = new
                id = new
            }
        }
        return id
    }

    /// One id per distinct segment text.
    static func textIDs(_ segments: [Segment]) -> [Int] {
        var ids = ByteMap()
        return segments.map { ids.insert($0.text).index }
    }

    /// Candidates by the segments they use, strongest rival first, built once per page for
    /// ``computeMargins`` (which then stops at the first rival that competes).
    struct RivalIndex {
        var byZh: [[Int]]
        var byEn: [[Int]]

        init(_ candidates: [Candidate], zh: [Segment], en: [Segment]) {
            byZh = Array(repeating: [], count: zh.count)
            byEn = Array(repeating: [], count: en.count)
            for (k, c) in candidates.enumerated() where !special(zh[c.zh.lowerBound].zone) {
                for s in c.zh { byZh[s].append(k) }
                for t in c.en { byEn[t].append(k) }
            }
            func byStrength(_ a: Int, _ b: Int) -> Bool { candidates[a].rivalStrength > candidates[b].rivalStrength }
            for s in byZh.indices { byZh[s].sort(by: byStrength) }
            for t in byEn.indices { byEn[t].sort(by: byStrength) }
        }
    }

    /// For each content candidate still free to be chosen, its similarity minus the
    /// strength of the strongest competitor: a candidate sharing a Chinese segment but
    /// pairing it with other English text, or the reverse. Repeats of the same text (a
    /// caption sentence that is also the last paragraph) do not compete. `only` limits the
    /// candidates measured.
    static func computeMargins(
        _ candidates: inout [Candidate], index: RivalIndex, zh: [Segment], en: [Segment], usedZh: [Bool], usedEn: [Bool],
        chosenZh: [Bool], chosenEn: [Bool], only: [Int]? = nil
    ) {
        for k in only ?? Array(candidates.indices) where !special(zh[candidates[k].zh.lowerBound].zone) {
            let c = candidates[k]
            if c.zh.contains(where: { chosenZh[$0] }) || c.en.contains(where: { chosenEn[$0] }) { continue }
            var best = 0.0
            for s in c.zh {
                for o in index.byZh[s] where o != k {
                    let other = candidates[o]
                    guard !other.en.overlaps(c.en), !other.en.contains(where: { usedEn[$0] }), other.enTextID != c.enTextID
                    else { continue }
                    best = max(best, other.rivalStrength)
                    break  // the rest are no stronger
                }
            }
            for t in c.en {
                for o in index.byEn[t] where o != k {
                    let other = candidates[o]
                    guard !other.zh.overlaps(c.zh), !other.zh.contains(where: { usedZh[$0] }), other.zhTextID != c.zhTextID
                    else { continue }
                    best = max(best, other.rivalStrength)
                    break
                }
            }
            candidates[k].margin = c.similarity - best
        }
    }

    /// English letters per Chinese character in news translation.
    static let lengthRatio = 3.0

    /// Single segments, and runs of adjacent segments of one paragraph in story zones.
    func groups(_ segments: [Segment], maxSize: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for i in segments.indices where Self.pairable(segments[i].zone) {
            result.append(i..<(i + 1))
            guard Self.groupable(segments[i].zone) else { continue }
            var j = i + 1
            while j < segments.count && j - i < maxSize && segments[j].paragraph == segments[i].paragraph
                && Self.groupable(segments[j].zone)
            {
                j += 1
                result.append(i..<j)
            }
        }
        return result
    }

    /// Zones whose segments pair on lexical evidence.
    static func lexical(_ zone: Zone?) -> Bool { zone != .boilerplate && zone != .byline && !special(zone) }

    static func pairable(_ zone: Zone?) -> Bool { zone != .boilerplate && zone != .byline }
    static func groupable(_ zone: Zone?) -> Bool { zone == .lead || zone == .body || zone == .caption || zone == nil }

    /// Titles pair with titles, datelines with datelines, credits with credits; caption,
    /// lead and body sentences with each other.
    static func compatible(_ a: Zone, _ b: Zone) -> Bool {
        func special(_ z: Zone) -> Bool { z == .title || z == .dateline || z == .credit }
        return special(a) || special(b) ? a == b : true
    }

    // MARK: Datelines and credits

    /// Datelines pair when both carry the same month and day.
    func datelinesMatch(_ zh: String, _ en: String) -> Bool {
        let a = NumberExtractor.numbers(in: Normalizer.matchingKey(zh)).filter { if case .date = $0 { return true } else { return false } }
        let b = NumberExtractor.numbers(in: Normalizer.matchingKey(en)).filter { if case .date = $0 { return true } else { return false } }
        return !a.isEmpty && a == b
    }

    /// Credits pair when they name the same photographer: the pinyin of the Chinese name
    /// equals the English one, or (for Cantonese and other romanisations) the syllable
    /// counts agree and the surname is a known spelling of the Chinese surname.
    func creditsMatch(_ zh: String, _ en: String) -> Bool {
        guard let a = chineseCredit(zh), let b = Self.englishCredit(en) else { return false }
        return Self.creditsMatch(a, b)
    }

    /// A Chinese credit's photographer: the name's pinyin syllables and its surname.
    struct ChineseCredit {
        var syllables: [String]
        var surname: Unicode.Scalar
    }

    func chineseCredit(_ text: String) -> ChineseCredit? {
        guard let name = Self.chineseCreditName(text), let surname = name.unicodeScalars.first else { return nil }
        let syllables = keys.pinyin(name).split(separator: " ").map(String.init)
        return syllables.isEmpty ? nil : ChineseCredit(syllables: syllables, surname: surname)
    }

    /// An English credit's photographer, as lower-case name parts.
    static func englishCredit(_ text: String) -> [String]? {
        guard let name = englishCreditName(text) else { return nil }
        let parts = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        return parts.isEmpty ? nil : parts
    }

    static func creditsMatch(_ zh: ChineseCredit, _ en: [String]) -> Bool {
        if zh.syllables.joined() == en.joined() { return true }
        guard zh.syllables.count == en.count, en.count <= 4 else { return false }
        return SurnameSpellings.spellings(of: zh.surname).contains(en[0])
    }

    /// `新华社记者 谢环驰 摄` → `谢环驰`; `新华社记者张金加摄` → `张金加`; `新华社发（王芳 摄）` →
    /// `王芳`; `新华社记者 李明 王芳 摄` → `李明王芳` (two photographers, as `Li Ming, Wang Fang`).
    static func chineseCreditName(_ text: String) -> String? {
        // Brackets go; spaces and enumeration commas stay, to separate names.
        var s = Array(text.unicodeScalars).compactMap { c -> Unicode.Scalar? in
            c == "(" || c == ")" || c == "（" || c == "）" ? nil : c == "、" || c == "，" || c == "," || c == "\u{3000}" ? " " : c
        }[...]
        while s.last == " " { s.removeLast() }
        guard let last = s.last, last == "摄" || last == "攝" else { return nil }
        s.removeLast()
        for marker in creditMarkers {
            // What follows the marker's last occurrence.
            var k = s.count - marker.count
            while k >= 0 && !s.dropFirst(k).starts(with: marker) { k -= 1 }
            if k >= 0 { s = s.dropFirst(k + marker.count) }
        }
        guard let names = NewsConventions.chineseNames(s, maxCount: 3) else { return nil }
        return names.map { String(String.UnicodeScalarView($0)) }.joined()
    }

    /// What comes before a photographer's name: `记者`, or `新华社发` (an agency's release).
    static let creditMarkers = ["记者", "記者", "通讯员", "通訊員", "摄影", "攝影", "社发", "社發", "网发", "網發"].map {
        Array($0.unicodeScalars)
    }

    /// `(Xinhua/Xie Huanchi)` → `Xie Huanchi`; `[Photo by Wang Jiangbo/For China Daily]` →
    /// `Wang Jiangbo`; `Photo: Li Hao/GT` → `Li Hao`; `[Photo/Xinhua]`, `Photo: VCG` → nil (no
    /// person).
    static func englishCreditName(_ text: String) -> String? {
        var inner = Substring(text.trimmingCharacters(in: " ()[]"))
        if let prefix = ["photo by ", "photos by ", "photo: ", "photos: "].first(where: inner.lowercased().hasPrefix) {
            inner = inner.dropFirst(prefix.count)
            if let slash = inner.firstIndex(of: "/") { inner = inner[..<slash] }
        } else if let slash = inner.firstIndex(of: "/") {
            let agency = inner[..<slash].lowercased()
            guard agency == "xinhua" || agency == "xinhua photo" || agency == "cns" else { return nil }
            inner = inner[inner.index(after: slash)...]
        } else {
            return nil
        }
        let name = inner.trimmingCharacters(in: " ")
        // `Li Ming, Wang Fang`, `Li Ming and Wang Fang`: the names one after another.
        let words = name.split(whereSeparator: { $0 == " " || $0 == "," }).filter { $0 != "and" }
        guard words.count >= 1, words.count <= 9, words.allSatisfy({ $0.first?.isUppercase == true }),
            !["Xinhua", "IC", "China Daily", "CFP", "VCG"].contains(name)
        else { return nil }
        return words.joined(separator: " ")
    }
}

/// The calibrated probability that a page candidate is a translation pair: a logistic
/// model of its evidence, fitted by `tools/fit-page-calibration` on news-dev, plus three
/// priors set by hand.
public struct PageCalibration: Sendable {
    /// The logistic model's coefficients, in the order of ``coefficientNames``.
    public var coefficients: [Double] { [k.0, k.1, k.2, k.3, k.4, k.5, k.6, k.7] }
    /// The coefficients, unpacked (the score is computed for every candidate and choice).
    private let k: (Double, Double, Double, Double, Double, Double, Double, Double)
    /// Added to the logit of a pair that completes two captions already paired (see
    /// ``PageAligner/Candidate/unrivalled``): set by hand (too rare in news-dev to fit).
    public var captionCompletion: Double
    /// Added to the logit of lead↔lead and caption↔caption candidates, set by hand.
    public var parallelZonePrior: Double
    /// Added to the logit of two titles once their articles' leads are paired (see
    /// ``PageAligner/Candidate/titlesOfPairedLeads``), set by hand: titles are unrivalled
    /// and short, so their word evidence alone rarely decides.
    public var pairedLeadsTitlePrior: Double

    /// What each coefficient multiplies: the constant, the two sides' shares, the length
    /// deviation, both sides in one zone, each segment beyond one a side, the margin, and
    /// for a group the log of its ``PageAligner/Candidate/groupGain`` (floored at 0.01).
    public static let coefficientNames = [
        "intercept", "zhShare", "enShare", "lengthDeviation", "sameZone", "extra", "margin", "groupGain",
    ]

    /// The model fitted on news-dev. The reference page's crossed caption sentences pair
    /// without the caption completion too (0.656; 0.904 with it); from 2.0 on (not at 1.9),
    /// news-dev 003's remaining caption sentence, a remark on the video link, pairs at
    /// `--min-score 0.4`.
    public static let newsDev = PageCalibration(
        coefficients: [-4.645, 2.584, 3.352, -0.934, 0.724, 0.339, 3.274, 1.412], captionCompletion: 1.6, parallelZonePrior: 1.0,
        pairedLeadsTitlePrior: 1.6)

    /// A calibration; `coefficients` must have one value per ``coefficientNames``.
    public init(coefficients: [Double], captionCompletion: Double, parallelZonePrior: Double, pairedLeadsTitlePrior: Double) {
        precondition(coefficients.count == Self.coefficientNames.count, "one coefficient per name")
        let c = coefficients
        k = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])
        self.captionCompletion = captionCompletion
        self.parallelZonePrior = parallelZonePrior
        self.pairedLeadsTitlePrior = pairedLeadsTitlePrior
    }

    /// This calibration with other fitted coefficients and the same priors.
    public func with(coefficients: [Double]) -> PageCalibration {
        PageCalibration(
            coefficients: coefficients, captionCompletion: captionCompletion, parallelZonePrior: parallelZonePrior,
            pairedLeadsTitlePrior: pairedLeadsTitlePrior)
    }

    /// The most `c` could score: no rival left (margin = similarity) and, for two caption
    /// sentences, completing their captions. Below the threshold, a candidate can be left
    /// out of the re-scoring after each choice (it still counts as a rival).
    func ceiling(_ c: PageAligner.Candidate, captions: Bool) -> Double {
        var best = c
        best.margin = max(c.similarity, 0)
        best.completesCaption = false
        best.titlesOfPairedLeads = c.titles
        guard captions && c.zh.count == 1 && c.en.count == 1 else { return probability(best) }
        var completing = best
        completing.completesCaption = true
        return max(probability(best), probability(completing))
    }

    /// The probability for candidate `c`.
    public func probability(_ c: PageAligner.Candidate) -> Double {
        let e = c.scoredEvidence
        let z =
            k.0 + k.1 * e.zh + k.2 * e.en + k.3 * c.lengthDeviation + (c.sameZone ? k.4 : 0)
            + k.5 * Double(c.zh.count + c.en.count - 2) + k.6 * e.margin + (c.completesCaption ? captionCompletion : 0)
            + (c.parallelZones ? parallelZonePrior : 0) + (c.titlesOfPairedLeads ? pairedLeadsTitlePrior : 0)
            + k.7 * Self.groupGainFeature(c)
        return 1 / (1 + exp(-z))
    }

    /// The group gain as the model reads it: its log (0 for one-to-one candidates, whose
    /// gain is 1).
    static func groupGainFeature(_ c: PageAligner.Candidate) -> Double { log(max(c.groupGain, 0.01)) }
}
