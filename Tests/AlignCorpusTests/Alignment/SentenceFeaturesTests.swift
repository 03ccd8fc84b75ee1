import Testing

@testable import AlignCorpus

@Suite struct SentenceFeaturesTests {
    let extractor: FeatureExtractor
    init() throws {
        let lexicon = Lexicon([
            "我们": ["we"], "图书": ["book"], "报纸": ["newspaper"], "的": ["possessive particle"], "和": ["and", "harmony"],
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
}
