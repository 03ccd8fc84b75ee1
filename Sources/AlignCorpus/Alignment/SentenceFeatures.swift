/// A Chinese sentence as the scorer sees it: translatable units (lexicon words, name runs,
/// numbers) with the English stem ids each may translate to.
public struct ChineseSentence: Sendable {
    /// A unit of the sentence.
    public struct Unit: Sendable {
        /// The unit's text (or a number token), for document frequencies.
        public var key: String
        /// English ids (in the extractor's ``Vocabulary``) it may translate to (a slice:
        /// most share the lexicon's storage instead of copying it).
        public var translations: ArraySlice<Int32>
        /// The key's id in its document (equal keys, equal ids; dense from 0).
        var keyID: Int32 = 0
    }
    /// The units, in order.
    public var units: [Unit]
    /// Length in characters, spaces excluded.
    public var length: Int
}

/// An English sentence as the scorer sees it: its distinct content-word stems, name forms
/// and number tokens, as vocabulary ids.
public struct EnglishSentence: Sendable {
    /// Distinct ids, in order of first appearance.
    public var tokens: [Int32]
    /// Length in characters, spaces excluded.
    public var length: Int
    /// Tokens that stand for words of the sentence rather than being words: a joined name
    /// (`xijinping` for `Xi Jinping`) or a word's transliteration skeleton. Each weighs
    /// nothing itself; covering it covers the tokens (indices in `tokens`) of the words it
    /// stands for. Without this a title-case headline counted each word up to three times,
    /// twice as forms nothing could cover.
    var standIns: [(token: Int, words: Bits128)] = []
}

/// English ids: the lexicon's stems first, then words the lexicon does not know, kept
/// from document to document (up to a limit) so that what a word contributes can be
/// remembered as ids.
public struct Vocabulary: Sendable {
    let lexicon: Lexicon
    /// Words outside the lexicon; word k has id `lexicon.stemCount + k`.
    private var extra = ByteMap()

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Total number of ids.
    var count: Int { lexicon.stemCount + extra.count }
    /// Number of words outside the lexicon.
    var extraCount: Int { extra.count }

    mutating func id(_ stem: String) -> Int32 {
        if let id = lexicon.stemID(stem) { return id }
        return Int32(lexicon.stemCount + extra.insert(stem).index)
    }
}

/// Turns sentences into ``ChineseSentence`` and ``EnglishSentence`` values. Holds ICU
/// objects (one per thread) and the document's vocabulary.
public final class FeatureExtractor {
    private let keys: KeyExtractor
    private let lexicon: Lexicon
    // The state below belongs to one thread and no method touches it re-entrantly, so it
    // skips Swift's dynamic exclusivity checks (`@exclusivity(unchecked)`): in checked
    // form they cost about a tenth of a build (bench pages, A/B user time).
    /// The document's English ids.
    @exclusivity(unchecked) public private(set) var vocabulary: Vocabulary

    /// Creates an extractor over `lexicon` (possibly empty).
    public init(lexicon: Lexicon, keys: KeyExtractor) {
        self.lexicon = lexicon
        self.keys = keys
        self.vocabulary = Vocabulary(lexicon: lexicon)
    }

    /// Words outside the lexicon kept before the vocabulary starts afresh (bounds memory
    /// over a long build).
    static let maxExtraWords = 100_000

    /// Starts a new document.
    public func reset() {
        unitKeys.removeAll()
        if vocabulary.extraCount > Self.maxExtraWords {
            vocabulary = Vocabulary(lexicon: lexicon)
            englishWordIndex = ByteMap()
            englishWords.removeAll()
            nameTranslationCache.removeAll()
        }
    }

    /// Characters of `text`, spaces excluded.
    static func length(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { b in
            var n = 0
            b.forEachScalarValue { if !CharClass.isSpace($0) { n += 1 } }
            return n
        }
    }

    static func numberToken(_ n: NumberKey) -> String { "#" + n.description }

    /// Case-folded form of a word: ASCII directly, anything else through ICU (NFKC + fold).
    static func folded(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return Normalizer.matchingKey(word)
    }

    // MARK: Chinese

    /// Chinese function words, left out like the English stop words they mirror
    /// (particles, prepositions, conjunctions, copula, modals, demonstratives): their
    /// dictionary glosses are grammar notes, so they could never be covered. All single
    /// characters, so looked up as scalars.
    static let functionCharacters: Set<Unicode.Scalar> = Set(
        "的地得之了着过在于对向从以为由把被给跟同与和及并或而但是有将会要能可应这那此其该也就所等个".unicodeScalars)

    /// The (last) scalar value of token `token` of `bytes`: the character of a single-character token.
    private static func scalar(of token: KeyExtractor.TokenSpan, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var c: UInt32 = 0
        UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]).forEachScalarValue { c = $0 }
        return c
    }

    private static func isFunctionCharacter(_ c: UInt32) -> Bool {
        Unicode.Scalar(c).map { functionCharacters.contains($0) } ?? false
    }

    /// Whether token `i`, the single character `c`, is 第 before digits (`第19届`): it makes
    /// the number an ordinal, as `th` does in `19th`, and is no word of its own (its other
    /// glosses, `grade` or `place`, would match by chance).
    private func isOrdinalPrefix(_ tokens: [KeyExtractor.TokenSpan], _ i: Int, _ c: UInt32) -> Bool {
        c == 0x7B2C && i + 1 < tokens.count && tokens[i + 1].isNumeric && tokens[i + 1].start == tokens[i].end
    }

    /// Whether token `i`, the single character `c`, belongs to the date or year its number
    /// token gives (`7月2日`, `31日`, `2024年`), as `July` in `July 2` does: 日 after a
    /// month's day or Arabic digits, 月 between two numbers, 号 after a month's day, 年 after
    /// four digits. (`三年`, three years, and `一日`, one day, keep theirs.)
    private func isDatePart(
        _ tokens: [KeyExtractor.TokenSpan], _ i: Int, _ c: UInt32, bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard i > 0, tokens[i - 1].isNumeric, tokens[i - 1].end == tokens[i].start else { return false }
        func isCharacter(_ k: Int, _ scalar: UInt32) -> Bool {
            k >= 0 && k < tokens.count && tokens[k].isSingleHan && Self.scalar(of: tokens[k], in: bytes) == scalar
        }
        let digits = bytes[tokens[i - 1].start..<tokens[i - 1].end]
        let arabic = digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        switch c {
        case 0x65E5: return arabic || isCharacter(i - 2, 0x6708)  // 日
        case 0x6708: return i + 1 < tokens.count && tokens[i + 1].isNumeric && tokens[i + 1].start == tokens[i].end  // 月
        case 0x53F7: return isCharacter(i - 2, 0x6708)  // 号
        case 0x5E74: return arabic && digits.count == 4  // 年
        default: return false
        }
    }

    /// Units of a Chinese sentence: lexicon words found by longest match over ICU's words,
    /// runs of single characters as possible names (their pinyin forms, plus the
    /// characters' own translations), and numbers.
    public func chinese(_ text: String) -> ChineseSentence {
        var normalized = keys.simplified(Normalizer.matchingKey(text))
        let tokens = keys.tokenSpans(of: normalized, language: .zh)
        var units = normalized.withUTF8 { chineseUnits(tokens, bytes: $0) }
        for n in NumberExtractor.numbers(in: normalized) {
            let key = Self.numberToken(n)
            var translations = [vocabulary.id(key)]
            if case .day(let d) = n {
                // `31日` is a date's day, or (older prose) `31 days`; `day` alone does not
                // say it (`the third day` is no `5日`).
                translations += [vocabulary.id(Self.numberToken(.value(Double(d))))]
            }
            units.append(makeUnit(key, translations[...]))
        }
        return ChineseSentence(units: units, length: Self.length(text))
    }

    /// The lexicon and name units of a sentence's word tokens (`bytes` is the text they
    /// index). Tokens are probed in the lexicon as bytes; a String is made for a unit only.
    private func chineseUnits(_ tokens: [KeyExtractor.TokenSpan], bytes: UnsafeBufferPointer<UInt8>) -> [ChineseSentence.Unit] {
        func piece(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[start..<end]) }
        func text(_ start: Int, _ end: Int) -> String { String(decoding: piece(start, end), as: UTF8.self) }
        func isFunctionCharacter(_ token: KeyExtractor.TokenSpan) -> Bool {
            Self.isFunctionCharacter(Self.scalar(of: token, in: bytes))
        }
        /// Whether a word other than a function character follows token `k` (adjacent).
        func contentFollows(_ k: Int) -> Bool {
            var j = k + 1
            while j < tokens.count && tokens[j].isWord && tokens[j].start == tokens[j - 1].end {
                if !(tokens[j].isSingleHan && isFunctionCharacter(tokens[j])) { return true }
                j += 1
            }
            return false
        }
        typealias ListedWord = (tokens: Int, end: Int, translations: ArraySlice<Int32>)
        /// The longest word of two to four adjacent ICU words from token `k` on that the
        /// lexicon lists.
        func listedWord(from k: Int) -> ListedWord? {
            var found: ListedWord?
            var end = tokens[k].end
            var m = k + 1
            while m < tokens.count && m < k + 4 && tokens[m].isWord && tokens[m].start == end {
                end = tokens[m].end
                m += 1
                if let t = lexicon.translations(ofUTF8: piece(tokens[k].start, end)) { found = (m - k, end, t) }
            }
            return found
        }
        // The listed word that ended a name run, looked up there: where the next unit starts.
        var lookahead: (at: Int, word: ListedWord)?
        var units: [ChineseSentence.Unit] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if !token.isWord || token.isNumeric {
                i += 1
                continue
            }
            // A Latin word (`WTT`, `APEC`, `G20`) is the English word itself.
            if let latin = latinWord(piece(token.start, token.end)) {
                units.append(makeUnit(text(token.start, token.end), latin))
                i += 1
                continue
            }
            // Longest run of ICU words (up to four, adjacent) that the lexicon lists.
            let joined = lookahead?.at == i ? lookahead?.word : listedWord(from: i)
            lookahead = nil
            if let joined {
                if !joined.translations.isEmpty { units.append(makeUnit(text(token.start, joined.end), joined.translations)) }
                i += joined.tokens
                continue
            }
            // Function characters and the 日 or 第 of a number are no words, nor do they
            // start a name.
            if token.isSingleHan {
                let c = Self.scalar(of: token, in: bytes)
                if Self.isFunctionCharacter(c) || isDatePart(tokens, i, c, bytes: bytes) || isOrdinalPrefix(tokens, i, c) {
                    i += 1
                    continue
                }
            }
            // A run of single characters the dictionary breaker left alone: a name? It ends
            // where a function character joins it to what follows (`王楚钦和孙颖莎`: two
            // names; but `陈幸同。` is one) or a listed word (`中发球`: 中, then 发球, to
            // serve) begins.
            var run = i
            if token.isSingleHan {
                run += 1
                while run < tokens.count && tokens[run].isSingleHan && !tokens[run].isNumeric
                    && tokens[run].start == tokens[run - 1].end
                {
                    if isFunctionCharacter(tokens[run]) && contentFollows(run) { break }
                    if let word = listedWord(from: run) {
                        lookahead = (run, word)
                        break
                    }
                    run += 1
                }
            }
            if run - i >= 2 {
                let name = text(token.start, tokens[run - 1].end)
                units.append(makeUnit(name, nameTranslations(name, tokens[i..<run], bytes: bytes)))
                i = run
                continue
            }
            if let t = lexicon.translations(ofUTF8: piece(token.start, token.end)) {
                if !t.isEmpty { units.append(makeUnit(text(token.start, token.end), t)) }  // else a function word
            } else {
                // Not listed: the listed pieces, and, unless they make up the whole word, the
                // word itself without translations (it counts against coverage until a
                // learned lexicon gives it some).
                let word = text(token.start, token.end)
                let pieces = forwardMaximumMatch(word)
                units += pieces.units
                if !pieces.complete && (word.unicodeScalars.count > 1 || units.isEmpty || units.last?.key != word) {
                    units.append(makeUnit(word, []))
                }
            }
            i += 1
        }
        return units
    }

    /// What a word of ASCII letters and digits (two or more, one a letter at least) in
    /// Chinese text may translate to: the id the English word gives (an acronym's
    /// token), and whatever the lexicon lists for it. Nil for other words.
    private func latinWord(_ bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32>? {
        func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
        guard bytes.count >= 2, bytes.allSatisfy({ isLetter($0) || $0 >= 0x30 && $0 <= 0x39 }), bytes.contains(where: isLetter)
        else { return nil }
        let word = String(decoding: bytes, as: UTF8.self)
        var ids = lexicon.translations(ofUTF8: bytes).map(Array.init) ?? []
        if let stem = Self.stem(ofWord: word, acronym: word.uppercased()) {
            let id = vocabulary.id(stem)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids[...]
    }

    /// The stem an English word gives (`lower`: the word case-folded): an acronym's one
    /// token (`US`, `NPC`, looked up as `acronym`; see ``EnglishStemmer/acronymToken(_:)``);
    /// else its own stem, or none for a stop word.
    static func stem(ofWord lower: String, acronym: String) -> String? {
        if let token = EnglishStemmer.acronymToken(acronym) { return token }
        return EnglishStemmer.stopWords.contains(lower) ? nil : EnglishStemmer.stem(lower)
    }

    /// The document's unit keys, numbered in order of first appearance: their ids.
    @exclusivity(unchecked) private var unitKeys = ByteMap()

    private func makeUnit(_ key: String, _ translations: ArraySlice<Int32>) -> ChineseSentence.Unit {
        ChineseSentence.Unit(key: key, translations: translations, keyID: Int32(unitKeys.insert(key).index))
    }

    /// Splits a word the lexicon does not list into the longest listed pieces.
    private func forwardMaximumMatch(_ word: String) -> (units: [ChineseSentence.Unit], complete: Bool) {
        let chars = Array(word.unicodeScalars)
        var units: [ChineseSentence.Unit] = []
        var complete = true
        var p = 0
        while p < chars.count {
            var found = false
            var len = min(lexicon.maxHeadwordLength, chars.count - p)
            while len >= 1 {
                let piece = String(String.UnicodeScalarView(chars[p..<(p + len)]))
                if let t = lexicon.translations(of: piece) {
                    if !t.isEmpty { units.append(makeUnit(piece, t)) }
                    p += len
                    found = true
                    break
                }
                len -= 1
            }
            if !found {
                p += 1
                complete = false
            }
        }
        return (units, complete)
    }

    @exclusivity(unchecked) private var nameTranslationCache: [ByteKey: ArraySlice<Int32>] = [:]

    /// What a run of single characters may translate to: the ids of its name forms and
    /// transliteration skeletons, and each character's own translations. Remembered per run
    /// (names recur across a document's sentences and across documents).
    private func nameTranslations(
        _ name: String, _ characters: ArraySlice<KeyExtractor.TokenSpan>, bytes: UnsafeBufferPointer<UInt8>
    ) -> ArraySlice<Int32> {
        if let known = nameTranslationCache[ByteKey(name)] { return known }
        let pinyin = keys.pinyin(name)
        var translations = (nameForms(pinyin) + nameSkeletons(pinyin)).map { vocabulary.id($0) }
        for c in characters {
            if let t = lexicon.translations(ofUTF8: UnsafeBufferPointer(rebasing: bytes[c.start..<c.end])) { translations += t }
        }
        var seen = Set<Int32>()
        let result = ArraySlice(translations.filter { seen.insert($0).inserted })
        if nameTranslationCache.count < 200_000 { nameTranslationCache[ByteKey(name)] = result }
        return result
    }

    /// English spellings of a Chinese name from its pinyin (`chen qing yang`): the whole
    /// name (`chenqingyang`), and for three or more syllables the surname and the given name.
    func nameForms(_ pinyin: String) -> [String] {
        let syllables = pinyin.split(separator: " ").map(String.init).filter { !$0.isEmpty }
        guard syllables.count >= 2 else { return syllables }
        var forms = [syllables.joined()]
        if syllables.count >= 3 {
            forms.append(syllables[0])
            forms.append(syllables.dropFirst().joined())
        }
        if syllables.count >= 4 {
            // A run may start with a word the breaker left in pieces (`访托卡耶夫`): its tails.
            for start in 1..<(syllables.count - 1) { forms.append(syllables[start...].joined()) }
        }
        return forms
    }

    /// Transliteration skeletons of a name run and of its tails (`访托卡耶夫` → the tail
    /// `托卡耶夫` → `~TKF`).
    func nameSkeletons(_ pinyin: String) -> [String] {
        let syllables = pinyin.split(separator: " ").map(String.init)
        guard syllables.count >= 2 else { return [] }
        var result: [String] = []
        for start in 0..<(syllables.count - 1) {
            if let s = Transliteration.pinyinSkeleton(Array(syllables[start...])), !result.contains(s) { result.append(s) }
        }
        return result
    }

    // MARK: English

    /// What an English word contributes, worked out once per distinct word and remembered
    /// (words repeat across sentences and documents).
    struct EnglishWord {
        var lower: String
        /// The id of its stem (none for a stop word or a number).
        var stemID: Int32?
        var capital: Bool
        /// A month name: next to a day number it is part of a date, not a word of its own.
        var month: Bool
        /// The id of its transliteration skeleton (capitalised words).
        var skeletonID: Int32?
    }

    /// Words seen (by their bytes as written), numbering `englishWords`.
    @exclusivity(unchecked) private var englishWordIndex = ByteMap()
    @exclusivity(unchecked) private var englishWords: [EnglishWord] = []

    /// What the word written as `bytes` contributes (`isNumeric`: ICU's status for it).
    private func englishWord(_ bytes: UnsafeBufferPointer<UInt8>, isNumeric: Bool) -> EnglishWord {
        if let k = englishWordIndex.index(of: bytes) { return englishWords[k] }
        let text = String(decoding: bytes, as: UTF8.self)
        // Typographic apostrophes (`China’s`, common on news sites) as ASCII ones.
        let lower = Self.folded(text).replacingTypographicApostrophes.trimmingApostrophes
        let capital = text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        let acronym = text.filter { $0 != "." }
        // A number is no word (an acronym written with digits still is), nor is an ordinal
        // in digits (`19th`: its number is read with the others).
        let stem =
            (isNumeric && EnglishStemmer.acronyms[acronym] == nil) || Self.isDigitOrdinal(lower)
            ? nil : Self.stem(ofWord: lower, acronym: acronym)
        let skeleton = capital ? Transliteration.englishSkeleton(lower) : nil
        let word = EnglishWord(
            lower: lower, stemID: stem.map { vocabulary.id($0) }, capital: capital, month: NumberExtractor.isMonth(lower),
            skeletonID: skeleton.map { vocabulary.id($0) })
        if englishWords.count < 200_000 {
            _ = englishWordIndex.insert(bytes)
            englishWords.append(word)
        }
        return word
    }

    /// `1st`, `22nd`, `19th`: digits and an ordinal ending.
    static func isDigitOrdinal(_ word: String) -> Bool {
        let u = Array(word.utf8)
        guard u.count >= 3, u[0] >= 0x30 && u[0] <= 0x39 else { return false }
        let digits = u.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        return digits == u.count - 2 && ["st", "nd", "rd", "th"].contains(String(decoding: u.suffix(2), as: UTF8.self))
    }

    /// Content-word stems, capitalised names joined (`Xi Jinping` also gives `xijinping`,
    /// `Kassym-Jomart` gives `kassymjomart`) and numbers.
    public func english(_ text: String) -> EnglishSentence {
        // ASCII text needs no folding for numbers (their words are matched in any case).
        let numbers = NumberExtractor.numbers(in: text.utf8.allSatisfy { $0 < 0x80 } ? text : Self.folded(text))
        let spans = keys.englishWordSpans(of: text)
        var bytes = text
        var tokens = EnglishTokens()
        bytes.withUTF8 { b in
            var previousCapital: (text: String, words: Bits128, end: Int)?
            for (k, span) in spans.enumerated() {
                let isNumeric = span.ruleStatus == 100
                let word = englishWord(UnsafeBufferPointer(rebasing: b[span.start..<span.end]), isNumeric: isNumeric)
                // `March 31`, `2 July`: the date's number token says it all.
                let inDate =
                    word.month && (k + 1 < spans.count && spans[k + 1].ruleStatus == 100 || k > 0 && spans[k - 1].ruleStatus == 100)
                var words = Bits128()
                if let id = word.stemID, !inDate { words.set(tokens.word(id)) }
                if word.capital && !isNumeric {
                    if let previous = previousCapital, span.start - previous.end <= 1 {
                        tokens.standIn(vocabulary.id(previous.text + word.lower), for: previous.words | words)
                    }
                    if let id = word.skeletonID { tokens.standIn(id, for: words) }
                    previousCapital = (word.lower, words, span.end)
                } else {
                    previousCapital = nil
                }
            }
        }
        for n in numbers {
            var word = Bits128()
            word.set(tokens.word(vocabulary.id(Self.numberToken(n))))
            // `March 31` is also what `31日` says.
            if case .date(_, let day) = n { tokens.standIn(vocabulary.id(Self.numberToken(.day(day))), for: word) }
        }
        return EnglishSentence(
            tokens: tokens.ids, length: Self.length(text),
            standIns: tokens.standIns.indices.compactMap { k in tokens.standIns[k].map { (k, $0) } })
    }
}

/// The distinct tokens of an English sentence as they are collected: words, and stand-ins
/// for words (see ``EnglishSentence/standIns``).
private struct EnglishTokens {
    var ids: [Int32] = []
    /// Per token, the words it stands for, or nil for a word.
    var standIns: [Bits128?] = []

    init() {
        ids.reserveCapacity(32)
        standIns.reserveCapacity(32)
    }

    /// The index of word `id`, added when new (a stand-in with the same id becomes a word).
    mutating func word(_ id: Int32) -> Int {
        if let k = ids.firstIndex(of: id) {
            standIns[k] = nil
            return k
        }
        ids.append(id)
        standIns.append(nil)
        return ids.count - 1
    }

    /// Adds `id` as a stand-in for the words `words` (more words when it is one already).
    mutating func standIn(_ id: Int32, for words: Bits128) {
        if let k = ids.firstIndex(of: id) {
            if let known = standIns[k] { standIns[k] = known | words }
            return
        }
        ids.append(id)
        standIns.append(words)
    }
}
