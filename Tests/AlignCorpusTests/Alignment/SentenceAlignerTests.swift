import Testing

@testable import AlignCorpus

/// A small lexicon for the hand-made texts below.
let miniLexicon = Lexicon([
    "今天": ["today"], "早上": ["morning"], "我": ["I", "me"], "去": ["go", "went"], "市场": ["market"],
    "买": ["buy", "bought"], "苹果": ["apple"], "鱼": ["fish"], "回家": ["home"], "路上": ["way"],
    "大雨": ["rain", "heavy"], "带": ["bring", "brought"], "伞": ["umbrella"], "衣服": ["clothes"],
    "湿": ["wet"], "妈妈": ["mother"], "做": ["make", "made"], "碗": ["bowl"], "热": ["hot"], "汤": ["soup"],
    "晚上": ["evening"], "一起": ["together"], "看": ["watch", "watched"], "电视": ["TV", "television"],
    "累": ["tired"], "睡": ["sleep", "asleep"], "学校": ["school"], "老师": ["teacher"],
    "城市": ["city"], "冬天": ["winter"], "下雪": ["snow"], "老人": ["old", "elderly"], "喝茶": ["tea"],
    "聊天": ["chat"], "收音机": ["radio"], "京剧": ["opera"], "屋子": ["house", "room"],
])

private func spans(_ beads: [Bead]) -> [String] { beads.map(\.vecalignText) }

@Suite struct SentenceAlignerTests {
    let aligner: SentenceAligner
    init() throws { aligner = try SentenceAligner(lexicon: miniLexicon) }

    static let zh = [
        "今天早上我去了市场。", "我买了三个苹果和一条鱼。", "回家的路上下起了大雨，我没有带伞。", "我的衣服全湿了。",
        "妈妈给我做了一碗热汤。", "晚上我们一起看电视。",
    ]
    static let en = [
        "This morning I went to the market.", "I bought three apples and a fish.",
        "On the way home there was heavy rain.", "I had not brought an umbrella.", "My clothes were all wet.",
        "Mother made me a bowl of hot soup.", "In the evening we watched TV together.",
    ]

    @Test func oneToOneAndOneToTwo() {
        let beads = aligner.align(zh: Self.zh, en: Self.en)
        #expect(spans(beads) == ["[0]:[0]", "[1]:[1]", "[2]:[2, 3]", "[3]:[4]", "[4]:[5]", "[5]:[6]"])
        #expect(beads.allSatisfy { $0.score > 0 && $0.score <= 1 })
    }

    @Test func twoToOne() {
        let zh = ["我今天很累。", "我去睡了。", "妈妈在看电视。"]
        let en = ["I was tired today, so I went to sleep.", "Mother was watching TV."]
        #expect(spans(aligner.align(zh: zh, en: en)) == ["[0, 1]:[0]", "[2]:[1]"])
    }

    @Test func insertedSentenceIsLeftUnaligned() {
        var en = Self.en
        en.insert("Translator's note: the market in this story stands on the old harbour, where fishing boats used to land their catch every morning before dawn.", at: 2)
        let beads = aligner.align(zh: Self.zh, en: en)
        #expect(beads.contains(Bead(zh: 2..<2, en: 2..<3)))
        #expect(spans(beads).contains("[0]:[0]"))
        #expect(spans(beads).contains("[5]:[7]"))
    }

    @Test func deletedSentenceIsLeftUnaligned() {
        var zh = Self.zh
        zh.insert("这座城市的冬天很长，常常下雪，很多老人喜欢待在屋子里喝茶聊天，听收音机里的京剧。", at: 1)
        let beads = aligner.align(zh: zh, en: Self.en)
        #expect(beads.contains { $0.zh == 1..<2 && $0.en.isEmpty })
        #expect(spans(beads).last == "[6]:[6]")
    }

    @Test func emptyAndOneSidedInput() {
        #expect(aligner.align(zh: [], en: []).isEmpty)
        #expect(spans(aligner.align(zh: ["我去了市场。", "我买了鱼。"], en: [])) == ["[0]:[]", "[1]:[]"])
        #expect(spans(aligner.align(zh: [], en: ["I went."])) == ["[]:[0]"])
        #expect(aligner.align(zh: ["我去了市场。"], en: []).allSatisfy { $0.score == 0 })
    }

    @Test func deterministicAndTieBreaksAreStable() {
        // Identical sentences give identical scores everywhere: the result must still be
        // the same every time, and the natural 1-1 diagonal.
        let zh = Array(repeating: "我买了鱼。", count: 5)
        let en = Array(repeating: "I bought fish.", count: 5)
        let first = aligner.align(zh: zh, en: en)
        #expect(spans(first) == (0..<5).map { "[\($0)]:[\($0)]" })
        for _ in 0..<3 { #expect(aligner.align(zh: zh, en: en) == first) }
        #expect(aligner.align(zh: Self.zh, en: Self.en) == aligner.align(zh: Self.zh, en: Self.en))
    }

    @Test func worksWithoutALexicon() throws {
        let bare = try SentenceAligner(lexicon: Lexicon())
        let zh = ["2024年7月2日，陈清扬到了北京。", "她在那里住了3天。", "然后她回到了上海。"]
        let en = ["On July 2, 2024, Chen Qingyang arrived in Beijing.", "She stayed there for 3 days.", "Then she went back to Shanghai."]
        #expect(spans(bare.align(zh: zh, en: en)) == ["[0]:[0]", "[1]:[1]", "[2]:[2]"])
    }

    @Test func everyBeadTypeUpToSixIsSearched() {
        let types = Set(AlignmentParameters().beadTypes.map { "\($0.zh)-\($0.en)" })
        for t in ["0-1", "1-0", "1-1", "1-2", "2-1", "1-3", "3-1", "2-2", "2-3", "3-2", "1-6", "6-1", "3-3"] {
            #expect(types.contains(t), "missing \(t)")
        }
    }

    @Test func longerDocumentsStayMonotonicAndComplete() {
        // 60 distinct sentence pairs: the path covers every sentence once, in order.
        let items = ["苹果", "鱼", "伞", "汤", "电视", "衣服"]
        let words = ["apple", "fish", "umbrella", "soup", "TV", "clothes"]
        var zh: [String] = []
        var en: [String] = []
        for k in 0..<60 {
            zh.append("第\(k + 1)天我买了\(items[k % 6])。")
            en.append("On day \(k + 1) I bought the \(words[k % 6]).")
        }
        let beads = aligner.align(zh: zh, en: en)
        #expect(beads.flatMap { Array($0.zh) } == Array(0..<60))
        #expect(beads.flatMap { Array($0.en) } == Array(0..<60))
        #expect(spans(beads) == (0..<60).map { "[\($0)]:[\($0)]" })
    }
}
