import Testing

@testable import AlignCorpus

@Suite struct NumberTests {
    @Test(arguments: [
        ("三十二年来", [NumberKey.value(32)]),
        ("二〇二四年", [.value(2024)]),
        ("2,000多年前", [.value(2000)]),
        ("7月2日晚", [.date(month: 7, day: 2)]),
        ("七月二日", [.date(month: 7, day: 2)]),
        ("2024年7月2日", [.value(2024), .date(month: 7, day: 2)]),
        ("31日下午", [.day(31)]),  // the month left unsaid
        ("有一日", [.value(1)]),  // one day, not a date
        ("331日", [.value(331)]),
        ("超过120亿美元", [.value(1.2e10)]),
        ("1.5万人", [.value(15000)]),
        ("一万五千", [.value(15000)]),
        ("第一次", [.value(1)]),
        ("一起推动统一", []),
        ("两国", [.value(2)]),
        ("on july 2, 2024", [.date(month: 7, day: 2), .value(2024)]),
        ("on 2 july", [.date(month: 7, day: 2)]),
        ("over the past 32 years", [.value(32)]),
        ("12 billion u.s. dollars", [.value(1.2e10)]),
        ("more than 2,000 years", [.value(2000)]),
        ("three kazakh jets", [.value(3)]),
        ("nov. 8", [.date(month: 11, day: 8)]),
        ("grew 5.2 percent", [.value(5.2)]),
        ("On July 2, Three Kazakh jets", [.date(month: 7, day: 2), .value(3)]),  // any case
        ("Nov. 8, 12 Billion", [.date(month: 11, day: 8), .value(1.2e10)]),
    ])
    func numbersAsValues(text: String, expected: [NumberKey]) {
        #expect(NumberExtractor.numbers(in: text) == expected)
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumerals.value(of: "三十二") == 32)
        #expect(ChineseNumerals.value(of: "十一") == 11)
        #expect(ChineseNumerals.value(of: "二〇二四") == 2024)
        #expect(ChineseNumerals.value(of: "三百零五") == 305)
        #expect(ChineseNumerals.value(of: "两亿三千万") == 230_000_000)
        #expect(ChineseNumerals.value(of: "中国") == nil)
    }
}

@Suite struct KeyExtractorTests {
    let extractor: KeyExtractor
    init() throws { extractor = try KeyExtractor() }

    @Test func pinyinOfNames() {
        #expect(extractor.pinyin("谢环驰") == "xie huan chi")
        #expect(extractor.keys(for: "新华社记者 谢环驰 摄", language: .zh).names.contains("xie huan chi"))
        // Runs of single characters may start with a function word (`同`): the aligner
        // matches names inside a run.
        let names = extractor.keys(for: "习近平同托卡耶夫握手。", language: .zh).names
        #expect(names.contains("xi jin ping"))
        #expect(names.contains { $0.hasSuffix("tuo ka ye fu") })
    }

    @Test func keysAreNormalizedButTextIsNot() {
        let keys = extractor.keys(for: "２０２４年，ＧＤＰ增长。", language: .zh)
        #expect(keys.normalized == "2024年,gdp增长。")
        #expect(keys.numbers == [.value(2024)])
        #expect(keys.words.contains("gdp"))
    }

    @Test func traditionalMatchesThroughSimplifiedKeys() {
        let traditional = extractor.keys(for: "國家主席習近平會見", language: .zh)
        let simplified = extractor.keys(for: "国家主席习近平会见", language: .zh)
        #expect(traditional.normalized == "国家主席习近平会见")
        #expect(traditional == simplified)
    }

    @Test func englishWordsAreCaseFoldedWithoutPunctuation() {
        let keys = extractor.keys(for: "ASTANA, July 2 (Xinhua)", language: .en)
        #expect(keys.words == ["astana", "july", "2", "xinhua"])
        #expect(keys.numbers == [.date(month: 7, day: 2)])
    }
}

/// The direct scan of ASCII English must give exactly ICU's word tokens.
@Suite struct EnglishWordTokenTests {
    let keys: KeyExtractor
    init() throws { keys = try KeyExtractor() }

    private func icu(_ s: String) -> [String] {
        keys.wordTokens(of: s, language: .en).filter(\.isWord).map { "\($0.text)|\($0.start)|\($0.end)|\($0.isNumeric)" }
    }

    private func scanned(_ s: String) -> [String] {
        keys.englishWordTokens(of: s).map { "\($0.text)|\($0.start)|\($0.end)|\($0.isNumeric)" }
    }

    @Test(arguments: [
        "The U.S. and China's 2,000 students' e.g. results, 5.2 percent; 1,2;3 don't",
        "Kassym-Jomart Tokayev met Xi on July 2, 2024 (Xinhua) -- 'quoted' \"double\"",
        "a.1 1.a 3'4 x''y ..a.. 12,34,5 ;;7;8",
        "Mixed A380 and G20 go to ICU, as do 10:30, snake_case and a@b.c",
    ])
    func scanAgreesWithICU(text: String) {
        #expect(scanned(text) == icu(text))
    }

    @Test func randomASCIIAgreesWithICU() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let alphabet = Array("aAbZz09 5 .,;'-\"!?()\t e.g.U.S.x'y1,2.3;4''..,,#$%&*+/<=>@[]^`{|}~:_\\")
        var disagreements: [String] = []
        for _ in 0..<40_000 {
            let s = String((0..<(next() % 20)).map { _ in alphabet[next() % alphabet.count] })
            if scanned(s) != icu(s) { disagreements.append(s) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
