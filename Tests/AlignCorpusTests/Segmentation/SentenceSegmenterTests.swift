import Testing

@testable import AlignCorpus

/// Segments of one paragraph as (text, zone) pairs.
private func segment(_ text: String, _ language: Language) throws -> [(String, Zone?)] {
    let segmenter = try SentenceSegmenter()
    return segmenter.segments(of: Paragraph(index: 0, text: text, language: language)).map { ($0.text, $0.zone) }
}

@Suite struct NewsPageSegmentTests {
    @Test func chineseCaptionGivesTwoSentencesAndTheCredit() throws {
        let result = try segment(
            "3月17日,在新西兰惠灵顿,两国部长签署合作文件。这是双方代表在签字仪式后合影。新华社记者 郭景文 摄", .zh)
        #expect(result.map(\.0) == ["3月17日,在新西兰惠灵顿,两国部长签署合作文件。", "这是双方代表在签字仪式后合影。", "新华社记者 郭景文 摄"])
        #expect(result.map(\.1) == [nil, nil, .credit])
    }

    @Test func chineseLeadGivesTheDatelineAndOneSentence() throws {
        let result = try segment("新华社惠灵顿3月17日电 中国与新西兰17日在惠灵顿签署乳业合作协议,双方同意加强合作。", .zh)
        #expect(result.map(\.0) == ["新华社惠灵顿3月17日电", "中国与新西兰17日在惠灵顿签署乳业合作协议,双方同意加强合作。"])
        #expect(result.map(\.1) == [.dateline, nil])
    }

    @Test func chineseBylineIsNeitherDatelineNorLead() throws {
        for text in ["新华社北京4月14日电(记者 郑明达)会议14日在北京开幕。", "新华社北京4月14日电 (记者郑明达) 会议14日在北京开幕。"] {
            let result = try segment(text, .zh)
            #expect(result.map(\.1) == [.dateline, .byline, nil])
            #expect(result[0].0 == "新华社北京4月14日电")
            #expect(result[2].0 == "会议14日在北京开幕。")
        }
    }

    @Test func chineseSourceLinesAreKeptOutOfTheLead() throws {
        for (text, source, lead) in [
            ("央视网消息（新闻联播）：中国与埃及2日签署文化合作计划。", "央视网消息（新闻联播）", "中国与埃及2日签署文化合作计划。"),
            ("人民网消息：会议2日开幕。", "人民网消息", "会议2日开幕。"),
            ("【环球网报道 记者 李四】双方还将互办文化年活动。", "【环球网报道 记者 李四】", "双方还将互办文化年活动。"),
            ("据新华社电 会议2日开幕。", "据新华社电", "会议2日开幕。"),
            ("新华网讯 会议2日开幕。", "新华网讯", "会议2日开幕。"),
            ("新华社报道：会议2日开幕。", "新华社报道", "会议2日开幕。"),
        ] {
            let result = try segment(text, .zh)
            #expect(result.map(\.0) == [source, lead])
            #expect(result.map(\.1) == [.dateline, nil])
        }
        // A source mark with its reporter.
        let local = try segment("本报讯（记者 王芳）会议2日开幕。", .zh)
        #expect(local.map(\.0) == ["本报讯", "（记者 王芳）", "会议2日开幕。"])
        #expect(local.map(\.1) == [.dateline, .byline, nil])
        // Reports and introductions are not sources.
        for text in ["媒体报道称，会议2日开幕。", "据介绍，会议2日开幕。", "据报道，会议2日开幕。"] {
            #expect(try segment(text, .zh).map(\.1) == [nil], "\(text)")
        }
        // Good news is not a source.
        #expect(try segment("他告诉记者这个好消息：大桥通车了。", .zh).map(\.1) == [nil])
        #expect(try segment("【专家解读】大桥如何建成。", .zh).map(\.1) == [nil])
    }

    @Test func englishCreditWithoutBracketsIsASegment() throws {
        for credit in ["Photo: Xinhua", "Photo: Li Hao/GT", "Photo by Wang Jing"] {
            let result = try segment("Runners start from the Bund on Nov 30, 2025. \(credit)", .en)
            #expect(result.map(\.0) == ["Runners start from the Bund on Nov 30, 2025.", credit])
            #expect(result.map(\.1) == [nil, .credit])
        }
        // A sentence about a photo is not a credit.
        #expect(try segment("Photo: the old bridge was built in 1957.", .en).map(\.1) == [nil])
    }

    @Test func englishCaptionGivesTwoSentencesAndTheCredit() throws {
        let result = try segment(
            "Delegates pose for a photo in Wellington, New Zealand, March 17, 2025. The ministers signed the documents on Monday. (Xinhua/Guo Jingwen)",
            .en)
        #expect(result.map(\.0) == [
            "Delegates pose for a photo in Wellington, New Zealand, March 17, 2025.",
            "The ministers signed the documents on Monday.", "(Xinhua/Guo Jingwen)",
        ])
        #expect(result.map(\.1) == [nil, nil, .credit])
    }

    @Test func englishCreditWithoutFullStopBeforeIt() throws {
        let result = try segment("Farmers harvest rice in Hunan on Sept. 3 [Photo by Li Ming/For China Daily]", .en)
        #expect(result.map(\.0) == ["Farmers harvest rice in Hunan on Sept. 3", "[Photo by Li Ming/For China Daily]"])
        #expect(result.last?.1 == .credit)
    }

    @Test func englishLeadGivesTheDatelineWithoutTheDash() throws {
        let result = try segment("WELLINGTON, March 17 (Xinhua) -- China and New Zealand signed an agreement on Monday.", .en)
        #expect(result.map(\.0) == ["WELLINGTON, March 17 (Xinhua)", "China and New Zealand signed an agreement on Monday."])
        #expect(result.map(\.1) == [.dateline, nil])
    }

    @Test(arguments: [
        ("BEIJING, Nov. 8 -- The talks ended.", "BEIJING, Nov. 8"),
        ("BEIJING -- The talks ended.", "BEIJING"),
        ("UNITED NATIONS, Sept. 22 (Xinhua) -- The talks ended.", "UNITED NATIONS, Sept. 22 (Xinhua)"),
        ("HONG KONG, July 5 (Xinhua)--The talks ended.", "HONG KONG, July 5 (Xinhua)"),
    ])
    func englishDatelineVariants(text: String, dateline: String) throws {
        let result = try segment(text, .en)
        #expect(result.map(\.0) == [dateline, "The talks ended."])
        #expect(result.first?.1 == .dateline)
    }

    @Test func sentenceStartingInCapitalsIsNotADateline() throws {
        let result = try segment("NASA said the launch went well. It -- the agency -- was pleased.", .en)
        #expect(result.allSatisfy { $0.1 == nil })
    }

    @Test func endMarksBelongToNoSegment() throws {
        #expect(try segment("他表示,合作将取得更多成果。■", .zh).map(\.0) == ["他表示,合作将取得更多成果。"])
        #expect(try segment("会议当天结束。(完)", .zh).map(\.0) == ["会议当天结束。"])
        #expect(try segment("Both countries will benefit.  ■ ", .en).map(\.0) == ["Both countries will benefit."])
        #expect(try segment("■", .zh).isEmpty)
    }

    @Test func whitespaceIsCollapsedAndTextKeptInNFC() throws {
        #expect(try segment("新华社记者  姚大伟\t 摄", .zh).map(\.0) == ["新华社记者 姚大伟 摄"])
        #expect(try segment("Caf\u{65}\u{301} owners  met\u{3000}today.", .en).map(\.0) == ["Caf\u{e9} owners met today."])
        // Full-width characters are original text, not normalized.
        #expect(try segment("２０２４年，ＧＤＰ增长。", .zh).map(\.0) == ["２０２４年，ＧＤＰ增长。"])
    }

    @Test func chineseSentencesThatAreNotCredits() throws {
        let result = try segment("这张照片由他拍摄", .zh)
        #expect(result.map(\.1) == [nil])
    }

    @Test func chineseCreditForms() {
        for credit in ["新华社记者 谢环驰 摄", "(新华社记者张金加摄)", "新华社发", "新华社发(李明 摄)", "新华社发（李明摄）", "刘洋 摄", "陈亮摄", "通讯员 王五 摄"] {
            #expect(NewsConventions.isChineseCredit(credit), "\(credit)")
        }
        for text in ["新华社发(李明)", "这张照片由他拍摄", "飞机航摄", "他说,王五摄", "新华社发布会召开。", "一位摄影爱好者说他在公园里拍摄了很多鸟类和花卉的照片并且分享给了朋友们家人们和同事们摄"] {  // the last: over 40 characters
            #expect(!NewsConventions.isChineseCredit(text), "\(text)")
        }
        #expect(NewsConventions.isChineseCredit("新华社记者航摄"))  // a reporter's aerial shot
        // Where the picture came from.
        for credit in ["图片来源：视觉中国", "(图源：新华社)", "图/视觉中国", "摄影：李明", "（图片来源:人民网）", "（受访者供图）",
            "（资料图片）", "图片由主办方提供", "（图片由主办方提供）", "（视觉中国）"]
        {
            #expect(NewsConventions.isChineseCredit(credit), "\(credit)")
        }
        for text in ["图为进博会开幕式现场。", "图片来源：网友拍摄的视频截图显示，现场人很多。", "图片展在北京开幕", "他说，这是一张资料图片。",
            "他们把照片提供给了记者。", "（王慧慧）"]
        {
            #expect(!NewsConventions.isChineseCredit(text), "\(text)")
        }
    }

    @Test func captionWithAnImageSourceCredit() throws {
        let result = try segment("图为进博会开幕式现场。(图片来源：视觉中国)", .zh)
        #expect(result.map(\.0) == ["图为进博会开幕式现场。", "(图片来源：视觉中国)"])
        #expect(result.map(\.1) == [nil, .credit])
    }

    @Test func englishCreditForms() {
        func credit(_ text: String) -> String? { NewsConventions.englishCreditStart(text).map { String(text[$0...]) } }
        #expect(credit("Tokayev shakes hands. (Xinhua/Xie Huanchi)") == "(Xinhua/Xie Huanchi)")
        #expect(credit("A night view. [Photo by Wang Jiangbo/For China Daily]") == "[Photo by Wang Jiangbo/For China Daily]")
        #expect(credit("A bus. (PHOTO: Li Ming)") == "(PHOTO: Li Ming)")
        #expect(credit("See the site (https://example.org/a)") == nil)
        #expect(credit("He spoke (in Beijing/Shanghai)") == nil)  // not capitalised
        #expect(credit("Growth rose (Q1/Q2) and fell (Q3)") == nil)  // no slash in the last brackets
    }

    @Test func signatureAfterTheStoryIsAByline() throws {
        #expect(try segment("张平参加会见。(王慧慧)", .zh).map(\.1) == [nil, .byline])
        #expect(try segment("（李明）", .zh).map(\.1) == [.byline])
        #expect(try segment("他说(见图)很好。", .zh).map(\.1) == [nil])
        #expect(!NewsConventions.isBracketedName("(完)") && !NewsConventions.isBracketedName("(记者 李明)"))
        #expect(!NewsConventions.isBracketedName("(新华社北京电讯稿)"))  // longer than a name
    }

    @Test func traditionalCreditAndDateline() throws {
        #expect(try segment("參觀者觀看展品。新華社記者 李嘉明 攝", .zh).map(\.1) == [nil, .credit])
        #expect(try segment("新華社香港7月5日電 展覽開幕。", .zh).map(\.1) == [.dateline, nil])
    }
}

@Suite struct SentenceRuleTests {
    let segmenter: SentenceSegmenter
    init() throws { segmenter = try SentenceSegmenter() }

    @Test func abbreviationsDoNotEndSentences() {
        let text = "Dr. Li met Gen. Wang and Mr. Xi in St. Louis on Jan. 5. U.S. officials joined them. No. 1 Middle School hosted."
        #expect(segmenter.sentences(of: text, language: .en) == [
            "Dr. Li met Gen. Wang and Mr. Xi in St. Louis on Jan. 5.", "U.S. officials joined them.",
            "No. 1 Middle School hosted.",
        ])
    }

    @Test func dottedAbbreviationsBeforeNames() {
        #expect(segmenter.sentences(of: "Xi met U.S. Secretary of State Rex Tillerson. Talks went well.", language: .en) == [
            "Xi met U.S. Secretary of State Rex Tillerson.", "Talks went well.",
        ])
        #expect(segmenter.sentences(of: "He flew to the U.S. The talks began.", language: .en).count == 2)
    }

    @Test func initialsDoNotEndSentences() {
        #expect(segmenter.sentences(of: "John F. Kennedy spoke. Then he left.", language: .en) == [
            "John F. Kennedy spoke.", "Then he left.",
        ])
    }

    @Test func abbreviationsBeforeNumbersOnly() {
        // `No.` continues a sentence only before a number.
        #expect(segmenter.sentences(of: "He said no. No one came.", language: .en).count == 2)
    }

    @Test func openingQuoteMovesToTheNextSentence() {
        #expect(segmenter.sentences(of: "记者抵达会场。“我们欢迎你！”", language: .zh) == [
            "记者抵达会场。", "“我们欢迎你！”",
        ])
        #expect(segmenter.sentences(of: "会议结束。（本报记者）后续报道。", language: .zh).first == "会议结束。")
    }

    @Test func straightQuotesOpenOrCloseByCount() {
        #expect(segmenter.sentences(of: "他说，现在要五块钱。\"钱变了，茶没有变。\"", language: .zh) == [
            "他说，现在要五块钱。", "\"钱变了，茶没有变。\"",
        ])
        #expect(segmenter.sentences(of: "He said \"no.\" Then he left.", language: .en) == ["He said \"no.\"", "Then he left."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(segmenter.sentences(of: "他说：“我们欢迎你！”大家鼓掌。", language: .zh) == ["他说：“我们欢迎你！”", "大家鼓掌。"])
        #expect(segmenter.sentences(of: "他问：“真的吗？”（笑）她点头。", language: .zh).first == "他问：“真的吗？”")
    }

    @Test func wordsOfAParagraphMatchWordsOfItsSegments() {
        // segment --words breaks a paragraph once; each segment must get the words it
        // would get on its own.
        for (text, language) in [
            ("3月17日,在新西兰惠灵顿,两国部长签署合作文件。这是双方代表合影。新华社记者 郭景文 摄", Language.zh),
            ("WELLINGTON, March 17 (Xinhua) -- Dr. Li met U.S. Secretary of State Rex Tillerson. (Xinhua/Guo Jingwen)", .en),
        ] {
            let segmented = segmenter.segmentsWithWords(of: Paragraph(index: 0, text: text, language: language))
            #expect(segmented.segments.count >= 3)
            for (k, segment) in segmented.segments.enumerated() {
                #expect(segmented.words(ofSegment: k) == segmenter.words(of: segment.text, language: language))
            }
        }
    }

    @Test func chineseWordsUseTheDictionary() {
        #expect(segmenter.words(of: "国家统计局发布数据。", language: .zh) == ["国家", "统计", "局", "发布", "数据", "。"])
        #expect(segmenter.words(of: "Xi's plane landed.", language: .en) == ["Xi's", "plane", "landed", "."])
    }
}
