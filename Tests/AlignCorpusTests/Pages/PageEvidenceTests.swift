import Testing

@testable import AlignCorpus

@Suite struct PageEvidenceTests {
    // Vocabulary ids: 1 bridge, 2 connect, 3 district, 4 car, 5 day, 9 landmark.
    static func unit(_ key: String, _ id: Int32, keyID: Int32) -> ChineseSentence.Unit {
        ChineseSentence.Unit(key: key, translations: [id], keyID: keyID)
    }

    /// Two Chinese sentences sharing the topic word 大桥 (bridge) with each other and with
    /// both English sentences; the first English sentence also says `landmark`, which no
    /// Chinese sentence translates.
    static func page() -> (DocumentModel, PairTable, PageEvidence) {
        let zh = [
            ChineseSentence(
                units: [unit("大桥", 1, keyID: 0), unit("连接", 2, keyID: 1), unit("新区", 3, keyID: 2)], length: 10),
            ChineseSentence(
                units: [unit("大桥", 1, keyID: 0), unit("汽车", 4, keyID: 3), unit("每天", 5, keyID: 4)], length: 10),
        ]
        let en = [EnglishSentence(tokens: [1, 2, 3, 9], length: 30), EnglishSentence(tokens: [1, 4, 5], length: 30)]
        let model = DocumentModel(zh: zh, en: en)
        let table = PairTable(model: model, ranges: [0..<2, 0..<2], stamps: StampArrays(), vocabularySize: 10)
        return (model, table, PageEvidence(model: model, table: table, zhRows: [0, 1], enRows: [0, 1]))
    }

    @Test func wordsNothingOnThePageTranslatesHardlyCount() {
        let (model, table, evidence) = Self.page()
        let pair = evidence.measure(0..<1, 0..<1, model: model, table: table)
        #expect(pair.zhShare == 1)
        // `landmark` is uncovered: plain coverage pays its whole weight, the share a tenth.
        #expect(pair.enCoverage < pair.enShare && pair.enShare < 1)
    }

    @Test func aTopicWordEverySentenceSharesPointsAtNoPartner() {
        let (model, table, evidence) = Self.page()
        // Sentence 0 with sentence 1's translation: only `bridge`, which both English
        // sentences cover, is shared.
        let neighbour = evidence.measure(0..<1, 1..<2, model: model, table: table)
        #expect(neighbour.zhCoverage > 0)
        #expect(neighbour.zhShare < neighbour.zhCoverage)
        let partner = evidence.measure(1..<2, 1..<2, model: model, table: table)
        #expect(partner.zhShare == 1 && partner.enShare == 1)
        #expect(partner.zhShare - neighbour.zhShare > partner.zhCoverage - neighbour.zhCoverage)
    }

    @Test func plainCoverageIsTheDocumentAlignersMeasure() {
        let (model, table, evidence) = Self.page()
        for zh in [0..<1, 1..<2, 0..<2] {
            for en in [0..<1, 1..<2, 0..<2] {
                let e = evidence.measure(zh, en, model: model, table: table)
                let plain = BandedSearch.coverage(model, table, zh, en)
                #expect(e.zhCoverage == plain.zh && e.enCoverage == plain.en)
            }
        }
    }
}
