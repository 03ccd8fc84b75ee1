/// A Chinese→English lexicon for matching: each Chinese headword maps to the English
/// stems (``EnglishStemmer``) that may translate it. Built from CC-CEDICT (glosses split
/// into words, function words dropped; proper names also give their pinyin, so `习近平`
/// matches `Xi Jinping`). Immutable and shared between threads.
public struct Lexicon: Sendable {
    /// English stems; a stem's index is its id.
    let stems: StringTable
    /// Headwords (Simplified and Traditional forms).
    let headwords: StringTable
    /// For headword k, its translations are `translationIDs[translationStart[k]..<translationStart[k + 1]]`.
    let translationStart: [Int32]
    let translationIDs: [Int32]
    /// The longest headword, in characters.
    public let maxHeadwordLength: Int
    /// Han character → its first-listed pinyin syllable, lower case, without tone
    /// (`谢` → `xie`), for spelling names.
    public let readings: [UInt32: String]

    /// An empty lexicon (alignment then relies on length, numbers and names).
    public init() {
        self.init(builder: LexiconBuilder())
    }

    /// A lexicon from headwords and their English glosses, for small hand-made lexicons.
    /// A gloss is read as a CC-CEDICT gloss is: its words, stemmed, stop words left out
    /// (`"night view"` gives `night` and `view`).
    public init(_ entries: [String: [String]]) {
        var builder = LexiconBuilder()
        for (headword, glosses) in entries.sorted(by: { $0.key < $1.key }) {
            builder.add(headword: headword, stems: glosses.flatMap { CEDICTReader.glossStems(Substring($0)) })
        }
        self.init(builder: builder)
    }

    init(builder: LexiconBuilder) {
        stems = StringTable(builder.stems)
        let sorted = builder.entries.keys.sorted()
        headwords = StringTable(sorted)
        var start: [Int32] = [0]
        var ids: [Int32] = []
        var longest = 1
        for headword in sorted {
            ids += builder.entries[headword]!
            start.append(Int32(ids.count))
            longest = max(longest, headword.unicodeScalars.count)
        }
        translationStart = start
        translationIDs = ids
        maxHeadwordLength = longest
        readings = builder.readings
    }

    init?(stems: StringTable, headwords: StringTable, translationStart: [Int32], translationIDs: [Int32], readings: [UInt32: String]) {
        guard translationStart.count == headwords.count + 1, translationStart.last.map(Int.init) == translationIDs.count,
            translationIDs.allSatisfy({ $0 >= 0 && Int($0) < stems.count })
        else { return nil }
        self.stems = stems
        self.headwords = headwords
        self.translationStart = translationStart
        self.translationIDs = translationIDs
        // Bytes bound characters from above: enough for longest-match searches.
        var longest = 1
        for k in 0..<headwords.count { longest = max(longest, Int(headwords.offsets[k + 1] - headwords.offsets[k])) }
        maxHeadwordLength = min(longest, 16)
        self.readings = readings
    }

    /// Number of headwords.
    public var count: Int { headwords.count }

    /// Number of English stems.
    public var stemCount: Int { stems.count }

    /// English stem ids that may translate `headword`, or nil when it is not listed.
    public func translations(of headword: String) -> ArraySlice<Int32>? {
        guard let k = headwords.index(of: headword) else { return nil }
        return translationIDs[Int(translationStart[k])..<Int(translationStart[k + 1])]
    }

    /// The same for a headword given as UTF-8 bytes (no String to build while probing).
    func translations(ofUTF8 headword: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32>? {
        guard let k = headwords.index(ofUTF8: headword) else { return nil }
        return translationIDs[Int(translationStart[k])..<Int(translationStart[k + 1])]
    }

    /// True when `headword` is listed.
    public func contains(_ headword: String) -> Bool { headwords.index(of: headword) != nil }

    /// The id of an English stem the lexicon knows.
    public func stemID(_ stem: String) -> Int32? { stems.index(of: stem).map(Int32.init) }

    /// The English stem with id `id`.
    public func stem(_ id: Int32) -> String { stems.string(at: Int(id)) }
}

/// Collects lexicon entries before they are frozen into a ``Lexicon``.
struct LexiconBuilder {
    var stems: [String] = []
    var stemIDs: [String: Int32] = [:]
    var entries: [String: [Int32]] = [:]
    var readings: [UInt32: String] = [:]

    mutating func stemID(_ stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stems.count)
        stems.append(stem)
        stemIDs[stem] = id
        return id
    }

    /// Adds translations to a headword (merged with what it has). A headword whose glosses
    /// give no content word (`的`, `了`) is kept with none: a function word.
    mutating func add(headword: String, stems newStems: [String]) {
        var ids = entries[headword] ?? []
        for stem in newStems {
            let id = stemID(stem)
            if !ids.contains(id) { ids.append(id) }
        }
        entries[headword] = ids
    }
}
