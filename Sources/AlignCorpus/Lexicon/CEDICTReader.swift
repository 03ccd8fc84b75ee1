/// Reads CC-CEDICT (`Traditional Simplified [pin1 yin1] /gloss/gloss/`) into a ``Lexicon``.
public enum CEDICTReader {
    /// Parses CC-CEDICT text (UTF-8 bytes).
    public static func lexicon(from bytes: [UInt8]) -> Lexicon {
        var lexicon = LexiconBuilder()
        var lineStart = 0
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0...buffer.count where i == buffer.count || buffer[i] == 0x0A {
                var end = i
                if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
                if end > lineStart && buffer[lineStart] != 0x23 {  // '#'
                    let line = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), as: UTF8.self)
                    if let entry = parse(line) {
                        lexicon.addReading(entry)
                        lexicon.add(headword: entry.simplified, stems: entry.stems)
                        if entry.traditional != entry.simplified {
                            lexicon.add(headword: entry.traditional, stems: entry.stems)
                        }
                    }
                }
                lineStart = i + 1
            }
        }
        for (headword, glosses) in newsGlosses {
            lexicon.add(headword: headword, stems: glosses.flatMap { glossStems(Substring($0)) })
        }
        return Lexicon(builder: lexicon)
    }

    /// Translations news English gives that the dictionary does not list: the reporting
    /// verbs of Chinese news (`指出`, to point out; `强调`, to stress), which English reports
    /// render as `said`.
    static let newsGlosses: [(String, [String])] = [("指出", ["say"]), ("强调", ["say"]), ("表示", ["say"]), ("称", ["say"])]

    /// One dictionary line: both headwords and the English stems of its glosses.
    struct Entry {
        var traditional: String
        var simplified: String
        var pinyin: Substring
        var stems: [String]
    }

    static func parse(_ line: String) -> Entry? {
        guard let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]"),
            let slash = line[close...].firstIndex(of: "/")
        else { return nil }
        let heads = line[..<open].split(separator: " ")
        guard heads.count >= 2 else { return nil }
        let pinyin = line[line.index(after: open)..<close]
        var stems: [String] = []
        for gloss in line[line.index(after: slash)...].split(separator: "/") {
            stems += glossStems(gloss)
        }
        stems += nameForms(pinyin: pinyin)
        return Entry(traditional: String(heads[0]), simplified: String(heads[1]), pinyin: pinyin, stems: stems)
    }

    /// English stems of one gloss. Cross-references (`variant of`, `see`, `CL:`, `used in`)
    /// and parenthesised comments give none, nor do examples after `e.g.` (强's `best in
    /// their category, e.g. see 百强` would give `see`); `surname Xi` gives `xi`.
    static func glossStems(_ gloss: Substring) -> [String] {
        let lowered = gloss.lowercased()
        for prefix in ["cl:", "variant of", "old variant of", "see ", "see also", "used in", "abbr. for", "erhua variant"]
        where lowered.hasPrefix(prefix) {
            return []
        }
        var text = ""
        var depth = 0
        for c in gloss {
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth = max(0, depth - 1) } else if depth == 0 {
                text.append(c)
            }
        }
        if let example = text.firstRange(of: "e.g.") { text = String(text[..<example.lowerBound]) }
        var stems: [String] = []
        for word in text.split(whereSeparator: { !($0.isLetter && $0.isASCII) && $0 != "'" }) {
            // Acronyms before lower-casing, as on the English side: `China-US` gives
            // `united states`, not the pronoun `us`.
            if let expansion = EnglishStemmer.acronyms[String(word)] {
                stems += EnglishStemmer.expansionStems(expansion) + [EnglishStemmer.expansionToken(expansion)]
                continue
            }
            let w = String(word).lowercased().trimmingApostrophes
            if w.isEmpty || EnglishStemmer.stopWords.contains(w) || w == "surname" { continue }
            stems.append(EnglishStemmer.stem(w))
        }
        // `United States` is also what `US` says.
        if let token = EnglishStemmer.acronymToken(expansionStems: stems) { stems.append(token) }
        return stems
    }

    /// For proper names (capitalised pinyin such as `Xi2 Jin4 ping2`): the whole name
    /// (`xijinping`) and the given name (`jinping`), as they appear in English.
    static func nameForms(pinyin: Substring) -> [String] {
        let syllables = pinyin.split(separator: " ").map { s in
            String(s.filter { $0.isLetter && $0.isASCII }).lowercased()
        }
        guard syllables.count >= 2, syllables.count <= 4, pinyin.first?.isUppercase == true,
            syllables.allSatisfy({ !$0.isEmpty })
        else { return [] }
        var forms = [syllables.joined()]
        if syllables.count >= 3 { forms.append(syllables.dropFirst().joined()) }
        return forms
    }
}

extension LexiconBuilder {
    /// Records the first-listed reading of a single-character entry (both forms).
    mutating func addReading(_ entry: CEDICTReader.Entry) {
        let syllable = String(entry.pinyin.filter { $0.isLetter && $0.isASCII }).lowercased()
        guard !syllable.isEmpty, !entry.pinyin.contains(" ") else { return }
        for form in [entry.simplified, entry.traditional] {
            let scalars = form.unicodeScalars
            if scalars.count == 1, let c = scalars.first, readings[c.value] == nil { readings[c.value] = syllable }
        }
    }
}

extension String {
    /// `’` and `‘` as `'`.
    var replacingTypographicApostrophes: String {
        guard unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 }))
    }

    var trimmingApostrophes: String {
        guard utf8.contains(0x27) else { return self }
        var s = Substring(self)
        while s.first == "'" { s = s.dropFirst() }
        while s.last == "'" { s = s.dropLast() }
        if s.hasSuffix("'s") { s = s.dropLast(2) }
        return String(s)
    }
}
