/// Aligns the sentences of a Chinese document with those of its English translation:
/// monotonic beads from 1-1 up to 1-6/6-1 (and 2-2, 2-3, 3-2, …), plus sentences left
/// unaligned, each bead with a calibrated score.
///
/// Holds ICU objects and a pinyin cache: use one aligner per thread.
public final class SentenceAligner {
    /// The lexicon in use (possibly empty).
    public let lexicon: Lexicon
    /// The cost weights.
    public var parameters = AlignmentParameters()
    /// Half-width of the search band around the anchor line, in sentences.
    static let bandWidth = 12

    /// Whether to learn a lexicon from the first pass and align again (Moore 2002).
    public var learnLexicon = true
    private let extractor: FeatureExtractor
    private let stamps = StampArrays()

    /// Creates an aligner over a lexicon (an empty one is allowed: length, numbers, names
    /// and the learned lexicon still work).
    public init(lexicon: Lexicon) throws {
        self.lexicon = lexicon
        extractor = FeatureExtractor(lexicon: lexicon, keys: try KeyExtractor(readings: lexicon.readings))
    }

    /// Aligns `zh` with `en` (one sentence per element).
    public func align(zh: [String], en: [String]) -> [Bead] {
        if zh.isEmpty || en.isEmpty {
            return zh.indices.map { Bead(zh: $0..<($0 + 1), en: 0..<0) }
                + en.indices.map { Bead(zh: 0..<0, en: $0..<($0 + 1)) }
        }
        extractor.reset()
        let zhFeatures = zh.map { extractor.chinese($0) }
        let enFeatures = en.map { extractor.english($0) }
        var model = DocumentModel(zh: zhFeatures, en: enFeatures)
        let n = zh.count
        let m = en.count
        // Anchors (sentence s ↔ t) are DP cells (s, t) on the path; the band widens where
        // they are far apart.
        let anchors = AnchorFinder.anchors(model: model, stamps: stamps)
        let band = Band(n: n, m: m, anchors: anchors, width: { gap in Self.bandWidth + gap / 4 })
        let table = PairTable(
            model: model, ranges: band.pairRanges(n: n, m: m, maxSide: parameters.maxSide),
            stamps: stamps, vocabularySize: extractor.vocabulary.count)
        var path = BandedSearch.run(model: model, table: table, band: band, parameters: parameters)
        model.fitLength(on: path)
        if learnLexicon {
            model.learnTranslations(from: path)
        }
        let secondTable = PairTable(
            model: model, ranges: band.pairRanges(n: n, m: m, maxSide: parameters.maxSide),
            stamps: stamps, vocabularySize: extractor.vocabulary.count)
        path = BandedSearch.run(model: model, table: secondTable, band: band, parameters: parameters)
        return path.map { bead in
            let aligned = !bead.zh.isEmpty && !bead.en.isEmpty
            return Bead(
                zh: bead.zh, en: bead.en,
                score: aligned ? ScoreCalibration.probability(bead) : 0,
                similarity: bead.similarity, lengthCost: bead.lengthCost)
        }
    }
}
