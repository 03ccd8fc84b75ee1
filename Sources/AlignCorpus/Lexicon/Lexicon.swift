/// A Chinese→English lexicon for matching: each Chinese headword maps to the English
/// stems (``EnglishStemmer``) that may translate it. Built from CC-CEDICT (glosses split
/// into words, function words dropped; proper names also give their pinyin, so `习近平`
/// matches `Xi Jinping`), or from a learned model. Immutable and shared between threads.
public struct Lexicon: Sendable {
    /// English stem → id. Ids index `englishStems`.
    public private(set) var englishIDs: [String: Int32] = [:]
    /// id → English stem.
    public private(set) var englishStems: [String] = []
    /// Headword (Simplified and Traditional forms) → range in `translationIDs`.
    private var entries: [String: Range<Int32>] = [:]
    private var translationIDs: [Int32] = []
    /// The longest headword, in characters.
    public private(set) var maxHeadwordLength = 1

    /// An empty lexicon (alignment then relies on length, numbers and names).
    public init() {}

    /// Number of headwords.
    public var count: Int { entries.count }

    /// English stem ids that may translate `headword`, or nil when it is not listed.
    public func translations(of headword: String) -> ArraySlice<Int32>? {
        guard let range = entries[headword] else { return nil }
        return translationIDs[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// True when `headword` is listed.
    public func contains(_ headword: String) -> Bool { entries[headword] != nil }

    /// The id of an English stem, adding it when new.
    mutating func englishID(_ stem: String) -> Int32 {
        if let id = englishIDs[stem] { return id }
        let id = Int32(englishStems.count)
        englishStems.append(stem)
        englishIDs[stem] = id
        return id
    }

    /// Adds translations to a headword (merged with what it has).
    mutating func add(headword: String, stems: [String]) {
        var ids = translations(of: headword).map(Array.init) ?? []
        for stem in stems {
            let id = englishID(stem)
            if !ids.contains(id) { ids.append(id) }
        }
        guard !ids.isEmpty else { return }
        let start = Int32(translationIDs.count)
        translationIDs.append(contentsOf: ids)
        entries[headword] = start..<Int32(translationIDs.count)
        maxHeadwordLength = max(maxHeadwordLength, headword.unicodeScalars.count)
    }

    // MARK: Compact form

    /// The lexicon as flat arrays, for the binary cache.
    struct Flat {
        var stems: [String]
        var headwords: [String]
        var ranges: [Range<Int32>]
        var translationIDs: [Int32]
    }

    var flat: Flat {
        let sorted = entries.sorted { $0.key < $1.key }
        return Flat(
            stems: englishStems, headwords: sorted.map(\.key), ranges: sorted.map(\.value),
            translationIDs: translationIDs)
    }

    init(flat: Flat) {
        englishStems = flat.stems
        englishIDs.reserveCapacity(flat.stems.count)
        for (id, stem) in flat.stems.enumerated() { englishIDs[stem] = Int32(id) }
        entries.reserveCapacity(flat.headwords.count)
        for (k, headword) in flat.headwords.enumerated() {
            entries[headword] = flat.ranges[k]
            maxHeadwordLength = max(maxHeadwordLength, headword.unicodeScalars.count)
        }
        translationIDs = flat.translationIDs
    }
}
