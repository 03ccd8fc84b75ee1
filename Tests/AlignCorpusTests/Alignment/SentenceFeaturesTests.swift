import Testing

@testable import AlignCorpus

@Suite struct SentenceFeaturesTests {
    let extractor: FeatureExtractor
    init() throws {
        let lexicon = Lexicon([
            "我们": ["we"], "图书": ["book"], "报纸": ["newspaper"], "的": ["possessive particle"], "和": ["and", "harmony"],
            "会见": ["to meet with"], "冠军赛": ["championship"], "美国": ["United States"], "习近平": ["Xi Jinping"],
            "特朗普": ["Trump (name)"], "届会议": ["session", "meeting"],
            "第": ["(prefix indicating ordinal number)", "grade", "place"],
            "中": ["China", "middle"], "发球": ["to serve (the ball)"], "国家": ["country", "nation", "state"],
            "英国": ["United Kingdom", "UK"], "联合国": ["United Nations", "UN"],
        ])
        extractor = FeatureExtractor(lexicon: lexicon, keys: try KeyExtractor())
    }

    @Test func chineseFunctionWordsAreNotUnits() {
        // 的 and 和 mirror English stop words: a gloss like "possessive particle" could
        // never be covered by an English sentence, so they must not count against it.
        let keys = extractor.chinese("我们的图书和报纸。").units.map(\.key)
        #expect(keys == ["我们", "图书", "报纸"])
    }

    @Test func unitKeysShareIdsWithinADocumentAndStartAfreshInTheNext() {
        let first = extractor.chinese("图书和报纸。").units
        let again = extractor.chinese("报纸和图书。").units
        #expect(first.map(\.keyID) == [0, 1] && again.map(\.keyID) == [1, 0])
        extractor.reset()
        #expect(extractor.chinese("报纸。").units.map(\.keyID) == [0])
    }

    @Test func lengthCountsCharactersButNoSpacesOfAnyKind() {
        let spaces: [UInt32] = [0x20, 0x09, 0x0A, 0x0D, 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF]
        let others: [UInt32] = [0x41, 0x7E, 0xA9, 0x100, 0x1681, 0x200B, 0x2030, 0x3001, 0x4E2D, 0xFF0C, 0x1F600, 0xC2, 0xE3]
        var text = ""
        for (k, v) in (spaces + others + spaces.reversed() + others).enumerated() {
            text.unicodeScalars.append(Unicode.Scalar(v)!)
            let expected = text.unicodeScalars.filter { !spaces.contains($0.value) }.count
            #expect(FeatureExtractor.length(text) == expected, "after \(k + 1) scalars")
        }
        #expect(FeatureExtractor.length("新华社记者 谢环驰 摄") == 9)
    }

    @Test func typographicApostrophesAreReadLikeAsciiOnes() {
        // News sites write `China’s`: its possessive must go, as in `China's`.
        let ascii = extractor.english("China's economy and the world's books.").tokens
        let typographic = extractor.english("China’s economy and the world‘s books.").tokens
        #expect(ascii == typographic)
        #expect(extractor.english("China’s").tokens == extractor.english("China").tokens)
    }

    /// Coverage of English sentence `en` by Chinese sentence `zh`, as the aligners measure it.
    func coverage(_ zh: String, _ en: String) -> (zh: Double, en: Double) {
        extractor.reset()
        let model = DocumentModel(zh: [extractor.chinese(zh)], en: [extractor.english(en)])
        var scorer = GroupScorer(model: model, stamps: StampArrays())
        return scorer.coverage(0..<1, 0..<1)
    }

    @Test func joinedNamesAndSkeletonsStandInForTheirWords() {
        // `Xi Jinping` also gives `xijinping` and transliteration skeletons; they stand for
        // the two words and weigh nothing themselves.
        let sentence = extractor.english("Xi Jinping met Tokayev.")
        let standIns = Set(sentence.standIns.map(\.token))
        let words = sentence.tokens.indices.filter { !standIns.contains($0) }.map { sentence.tokens[$0] }
        #expect(words == extractor.english("xi jinping meet tokayev").tokens)
        #expect(!standIns.isEmpty)
        // A title-case headline is covered word by word, not diluted by its stand-ins.
        #expect(coverage("习近平会见托卡耶夫。", "Xi Jinping Meets Tokayev").en == 1)
    }

    @Test func anAcronymIsOneWord() {
        let sentence = extractor.english("US")
        #expect(sentence.tokens.count - sentence.standIns.count == 1)
        #expect(coverage("美国", "the US").en == 1)
        #expect(coverage("美国", "the United States").en == 1)
        // Only the acronym or its whole expansion says it: not `state` (国家), nor the
        // `United` of the United Kingdom or the United Nations.
        #expect(coverage("国家", "the US").en == 0)
        #expect(coverage("英国", "the US").en == 0)
        #expect(coverage("联合国", "the US").en == 0)
    }

    @Test func aDayWithoutItsMonthMatchesTheFullDate() {
        #expect(coverage("31日会见", "met on March 31") == (1, 1))
        #expect(coverage("7月2日会见", "met on 2 July") == (1, 1))
        // The word `day` alone is no date: `the third day` does not cover `5日`.
        #expect(coverage("5日", "the third day").zh == 0)
    }

    @Test func latinWordsInChineseTextAreTheEnglishWords() {
        // `WTT` in Chinese text is not 万 (W) and an unknown word: it is WTT.
        let units = extractor.chinese("WTT冠军赛").units
        #expect(units.map(\.key) == ["wtt", "冠军赛"])
        #expect(coverage("WTT冠军赛", "WTT Championship") == (1, 1))
    }

    @Test func aListedNameAfterOtherSingleCharactersIsFound() {
        // The breaker leaves `访特朗普` as four characters; the listed 特朗普 (Trump) is not
        // swallowed by a name run starting at 访.
        #expect(extractor.chinese("访特朗普").units.map(\.key).last == "特朗普")
        #expect(coverage("访特朗普", "Trump").en == 1)
    }

    @Test func ordinalsAreTheirNumbers() {
        // `第19届会议` is the 19th meeting: 第 and `th` make the number an ordinal and are
        // no words of their own (第 also glosses as `place`, which would match by chance).
        #expect(coverage("第19届会议", "the 19th meeting") == (1, 1))
        #expect(coverage("第19", "the 19th") == (1, 1))
        #expect(coverage("第19", "took place").zh == 0)
        #expect(FeatureExtractor.isDigitOrdinal("1st") && FeatureExtractor.isDigitOrdinal("22nd"))
        #expect(!FeatureExtractor.isDigitOrdinal("4th-century") && !FeatureExtractor.isDigitOrdinal("th"))
    }

    @Test func functionCharactersAndDatePartsAreNoPartOfNames() {
        // ICU leaves `19日在` and `同托卡耶夫` as single characters; 日 belongs to the date
        // and 在, 同 are function words, so neither starts a name run.
        let keys = extractor.chinese("习近平19日在会见同托卡耶夫").units.map(\.key)
        #expect(keys.contains("托卡耶夫") && !keys.contains("同托卡耶夫"))
        #expect(!keys.contains { $0.hasPrefix("日") })
        // Nor does a run go on through one: `王楚钦和孙颖莎` is two names.
        #expect(extractor.chinese("王楚钦和孙颖莎").units.map(\.key) == ["王楚钦", "孙颖莎"])
        // A function character that joins nothing after it ends the name: `陈幸同。`.
        #expect(extractor.chinese("陈幸同。").units.map(\.key) == ["陈幸同"])
        // Nor through the start of a listed word: `中发球` is 中, then 发球 (to serve).
        #expect(extractor.chinese("比赛中发球").units.map(\.key).suffix(2) == ["中", "发球"])
    }
}
