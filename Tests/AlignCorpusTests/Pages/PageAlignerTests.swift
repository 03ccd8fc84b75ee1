import Foundation
import TestSupport
import Testing

@testable import AlignCorpus

/// Enough of a lexicon for the test pages (all written for the project).
let pageLexicon = Lexicon([
    "市民": ["resident", "citizen"], "新建": ["newly built", "new"], "长江": ["Yangtze River", "Yangtze"],
    "大桥": ["bridge"], "散步": ["walk", "stroll"], "夜景": ["night view", "night scene"], "全长": ["total length", "long"],
    "千米": ["kilometer"], "正式": ["formally", "officially"], "通车": ["open to traffic", "traffic"], "连接": ["connect"],
    "两岸": ["both banks", "banks"], "两个": ["two"], "新区": ["new district", "district"], "每天": ["every day", "daily"],
    "通行": ["pass", "traffic", "carry"], "汽车": ["car", "automobile"], "公交车": ["bus"], "驶过": ["drive across", "pass"],
    "工程师": ["engineer"], "设计": ["design"], "寿命": ["life span", "last"], "年": ["year"], "武汉": ["Wuhan"],
    "庆祝": ["celebrate"], "地标": ["landmark"], "青岛": ["Qingdao"], "新": ["new"], "港": ["harbour", "port"],
    "开港": ["open", "harbour"], "集装箱": ["container"], "处理": ["handle", "process"], "每年": ["every year", "a year"],
    "港口": ["harbour", "port"], "工人": ["worker"], "第一": ["first"], "船": ["ship", "boat"], "明天": ["tomorrow"],
    "离港": ["leave", "depart"], "这是": ["this"], "秘鲁": ["Peru"], "签署": ["sign"], "渔业": ["fishery", "fishing"],
    "合作": ["cooperation"], "协议": ["agreement"], "西湖": ["West Lake"], "龙舟": ["dragon boat"],
    "龙舟赛": ["dragon boat race"], "杭州": ["Hangzhou"], "举行": ["hold"], "队伍": ["team"], "参加": ["take part", "join"],
    "比赛": ["race", "match", "competition"], "游客": ["visitor", "tourist"], "吸引": ["attract"], "开始": ["begin", "start"],
    "结束": ["end", "finish"], "上午": ["morning"], "下午": ["afternoon"], "观看": ["watch"],
])

private func align(_ name: String) throws -> PageAlignment {
    let aligner = try PageAligner(lexicon: pageLexicon)
    return aligner.align(try PageReader.read(path: Fixtures.path("pages/" + name)))
}

private func pairs(_ alignment: PageAlignment) -> [String] {
    alignment.pairs.map { "\($0.zhText) | \($0.enText) | \($0.zoneLabel)" }
}

@Suite struct PageZoneTests {
    @Test func zonesOfAPageWithTwoPhotos() throws {
        let page = try PageReader.read(path: Fixtures.path("pages/bridge.txt"))
        let zones = page.flatMap { p in p.segments.map { "\(p.paragraph.language) \($0.zone?.rawValue ?? "-") \($0.text.prefix(12))" } }
        #expect(zones.contains("zh boilerplate 首页 > 科技"))
        #expect(zones.contains("zh title 武汉新大桥今日通车"))
        #expect(zones.contains { $0.hasPrefix("zh boilerplate 发布时间") })
        #expect(zones.contains("zh caption 6月1日,市民在新建成的"))
        #expect(zones.contains("zh credit 新华社记者 刘洋 摄"))
        #expect(zones.contains("zh dateline 新华社武汉6月1日电"))
        #expect(zones.contains("zh byline (记者 张华)"))
        #expect(zones.contains("zh lead 全长3千米的长江大桥1日"))
        #expect(zones.contains("zh credit 新华社记者 陈亮 摄"))
        #expect(zones.contains("en title Wuhan celebr"))
        #expect(zones.contains("en dateline WUHAN, June "))
        #expect(zones.contains("en lead The bridge c"))
        #expect(zones.contains("en credit (Xinhua/Chen"))
        #expect(!zones.contains { $0.contains("■") })
    }

    @Test func siteFurnitureAroundBothArticles() throws {
        // Share buttons, a bar-separated breadcrumb and a bracketed web-editor line are not
        // the story: the headlines and leads are found behind them.
        let page = try PageReader.read(path: Fixtures.path("pages/fishery-site-furniture.txt"))
        let zones = page.flatMap { p in p.segments.map { "\(p.paragraph.language) \($0.zone?.rawValue ?? "-") \($0.text.prefix(10))" } }
        #expect(zones.contains("zh boilerplate 分享到："))
        #expect(zones.contains("zh title 中国与秘鲁签署渔业合"))
        #expect(zones.contains("zh lead 中国与秘鲁11日在利"))
        #expect(zones.contains("en boilerplate Home | Wor"))
        #expect(zones.contains("en title China, Per"))
        #expect(zones.contains("en lead China and "))
        #expect(zones.contains("en boilerplate (Web edito"))
    }

    /// The dateline opens the story: a line before it that was taken for the lead (here a
    /// subtitle) is not the lead; the sentence after the dateline is.
    @Test func leadFollowsTheDateline() throws {
        let page = """
            中法举行文化交流活动

            ——庆祝建交60周年

            新华社巴黎5月6日电 中法文化交流活动6日在巴黎举行。

            双方艺术家同台演出。
            """
        let path = try Fixtures.temporaryFile(Data(page.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let zones = try PageReader.read(path: path).flatMap { p in p.segments.map { "\($0.zone?.rawValue ?? "-") \($0.text)" } }
        #expect(zones.contains("lead 中法文化交流活动6日在巴黎举行。"), "\(zones)")
        #expect(!zones.contains { $0.hasPrefix("lead ——") })

        // A sentence before the first dateline, or a second dateline, leaves the lead alone.
        let other = """
            中法举行文化交流活动

            中法文化交流活动6日在巴黎举行。

            新华社巴黎5月6日电 双方艺术家同台演出。

            新华社里昂5月7日电 活动将持续一周。
            """
        let otherPath = try Fixtures.temporaryFile(Data(other.utf8))
        defer { try? FileManager.default.removeItem(atPath: otherPath) }
        let otherZones = try PageReader.read(path: otherPath).flatMap { p in p.segments.map { "\($0.zone?.rawValue ?? "-") \($0.text)" } }
        #expect(otherZones.contains("lead 中法文化交流活动6日在巴黎举行。"), "\(otherZones)")
        #expect(otherZones.filter { $0.hasPrefix("lead ") }.count == 1)
    }

    /// Without a dateline, a short line that does not end like a sentence (a subtitle) does
    /// not take the lead from the story's first sentence.
    @Test func aFragmentDoesNotTakeTheLead() throws {
        let page = """
            China beats Japan to win Asian title

            Young team shines in Tokyo final

            China beat Japan 3-0 in the final on Sunday.

            The head coach praised the young players.
            """
        let path = try Fixtures.temporaryFile(Data(page.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let zones = try PageReader.read(path: path).flatMap { p in p.segments.map { "\($0.zone?.rawValue ?? "-") \($0.text)" } }
        #expect(zones.contains("lead China beat Japan 3-0 in the final on Sunday."), "\(zones)")
        #expect(zones.filter { $0.hasPrefix("lead ") }.count == 1)

        // A sentence with its signature after it is a story sentence, not a fragment.
        let signed = "会议开幕\n\n会议2日在北京开幕。（王慧慧）\n"
        let signedPath = try Fixtures.temporaryFile(Data(signed.utf8))
        defer { try? FileManager.default.removeItem(atPath: signedPath) }
        let signedZones = try PageReader.read(path: signedPath).flatMap { p in p.segments.map { "\($0.zone?.rawValue ?? "-") \($0.text)" } }
        #expect(signedZones.contains("lead 会议2日在北京开幕。"), "\(signedZones)")
    }

    /// A caption without a credit is known by what it says, and is not taken for the lead.
    @Test func captionsWithoutCredits() throws {
        let page = """
            中法举行文化交流活动

            图为活动现场。

            新华社巴黎5月6日电 中法文化交流活动6日在巴黎举行。


            China, France hold cultural exchange event

            Photo taken on May 6, 2024 shows the cultural exchange event in Paris.

            PARIS, May 6 (Xinhua) -- A China-France cultural exchange event was held in Paris on Monday.
            """
        let path = try Fixtures.temporaryFile(Data(page.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let zones = try PageReader.read(path: path).flatMap { p in p.segments.map { "\($0.zone?.rawValue ?? "-") \($0.text)" } }
        #expect(zones.contains("caption 图为活动现场。"), "\(zones)")
        #expect(zones.contains("caption Photo taken on May 6, 2024 shows the cultural exchange event in Paris."))
        #expect(zones.contains("lead 中法文化交流活动6日在巴黎举行。"))
        #expect(zones.contains("lead A China-France cultural exchange event was held in Paris on Monday."))
        #expect(PageZoner.speaksOfAPhoto("这是3月11日在利马拍摄的签字仪式。", .zh))
        #expect(!PageZoner.speaksOfAPhoto("这是两国首次签署渔业协议。", .zh))
        #expect(!PageZoner.speaksOfAPhoto("Photographers gathered in Paris on Monday.", .en))
    }

    @Test func boilerplateLines() {
        for line in ["首页 >  头条", "发布时间:2024-07-03 08:52:21 | 来源:新华社 | 作者: | 责任编辑:丁素云", "(责任编辑:路子康 CN078)",
            "【责任编辑:卫芸辉】", "31.05.2016  11:51", "分享到：", "本报记者 张三", "记者 李四 王五",
            "【打印】", "相关新闻：", "扫一扫", "原标题：中国与秘鲁签署渔业合作协议", "2025-03-12 10:21:35　来源：新华网　【字号 大 中 小】",
            "小字号", "【字体：大 中 小】", "默认字号 | 大字号", "【字体：大 中 小】打印", "【打印】【关闭】", "关键词：女排 亚洲锦标赛"]
        {
            #expect(PageZoner.isBoilerplate(line, language: .zh), "\(line)")
        }
        for line in ["Updated: 2016-05-31 00:17", "Xinhua) 08:58, October 24, 2022", "Home / China / Society", "(Xinhua)",
            "Xinhua | Updated: 2024-12-04 22:18", "Home | World", "News | China | Society",
            "(Web editor: Zhang Kaiwei, Liang Jun)", "[Editor: Li Ming]", "Share", "Print", "Related news:",
            "[Email]", "Share Print Email", "[Print] [Close]", "by Xinhua writer Li Guoli", "By ZHAO YIMENG in Paris",
            "By Wang Fang and Li Ming, People's Daily", "Tags: volleyball, China, Japan", "Print Mail Large Medium Small"]
        {
            #expect(PageZoner.isBoilerplate(line, language: .en), "\(line)")
        }
        #expect(!PageZoner.isBoilerplate("孙颖莎以12:10和11:8先下两城。", language: .zh))
        #expect(!PageZoner.isBoilerplate("新华社记者 李明 摄", language: .zh))  // a photo credit
        #expect(!PageZoner.isBoilerplate("外交部长答中外记者问", language: .zh))  // a headline
        #expect(!PageZoner.isBoilerplate("习近平会见中外记者", language: .zh))
        #expect(!PageZoner.isBoilerplate("汉字字体设计大赛开幕", language: .zh))  // a headline about typefaces
        #expect(!PageZoner.isBoilerplate("The talks began at 10:30 on Monday.", language: .en))
        #expect(!PageZoner.isBoilerplate("Share prices close higher", language: .en))  // a headline, not buttons
        #expect(!PageZoner.isBoilerplate("By 2035, China aims to build a strong education system", language: .en))
        #expect(!PageZoner.isBoilerplate("By the Yangtze River", language: .en))
        // A headline with the site's name after a bar is still a headline.
        #expect(!PageZoner.isBoilerplate("China, Peru sign fishery cooperation agreement | China Daily", language: .en))
    }
}

@Suite struct PageAlignerTests {
    @Test func headlinesBehindSiteFurniturePair() throws {
        let found = pairs(try align("fishery-site-furniture.txt"))
        #expect(found.contains("中国与秘鲁签署渔业合作协议 | China, Peru sign fishery cooperation agreement | title"))
        #expect(!found.contains { $0.contains("Web editor") || $0.contains("分享") || $0.contains("Home") })
    }

    @Test func hardCasesOfOnePage() throws {
        let found = pairs(try align("bridge.txt"))
        // Caption sentences pair in crossed order.
        #expect(found.contains("6月1日,市民在新建成的长江大桥上散步。 | Residents walk on the newly built Yangtze River bridge on June 1, 2025. | caption"))
        #expect(found.contains("这是大桥的夜景。 | This is a night view of the bridge. | caption"))
        // Two photos, two credits, each with its own photographer.
        #expect(found.contains("新华社记者 刘洋 摄 | (Xinhua/Liu Yang) | credit"))
        #expect(found.contains("新华社记者 陈亮 摄 | (Xinhua/Chen Liang) | credit"))
        // A dateline with a byline; the byline pairs with nothing.
        #expect(found.contains("新华社武汉6月1日电 | WUHAN, June 1 (Xinhua) | dateline"))
        #expect(!found.contains { $0.contains("记者 张华") })
        // The Chinese lead is the English body; one Chinese sentence is two English ones.
        #expect(found.contains("全长3千米的长江大桥1日正式通车。 | The three-kilometer Yangtze River bridge formally opened to traffic on Sunday. | lead>body"))
        #expect(found.contains("大桥连接长江两岸的两个新区,每天可通行五万辆汽车。 | The bridge connects two new districts on both banks of the Yangtze River. It can carry 50,000 cars every day. | body>lead"))
        // The headlines say different things: not a pair.
        #expect(!found.contains { $0.contains("武汉新大桥今日通车") })
        #expect(found.allSatisfy { !$0.contains("首页") && !$0.contains("发布时间") })
    }

    @Test func englishFirstTranslatedHeadlineNoChineseDatelineCaptionOnOneSide() throws {
        let alignment = try align("harbour-english-first.txt")
        let found = pairs(alignment)
        #expect(found.contains("青岛新港开港 | New harbour opens in Qingdao | title"))
        #expect(found.contains("新港每年可处理二百万个集装箱。 | The harbour can handle two million containers a year. | body"))
        // The English dateline has no partner; the English caption and its `[Photo/IC]`
        // credit have none either.
        #expect(!found.contains { $0.contains("BEIJING") || $0.contains("Workers") || $0.contains("Photo") }, "\(found)")
        #expect(alignment.en.contains { $0.zone == .dateline && $0.text == "BEIJING, Sept. 12" })
    }

    /// Two articles that open with the same fact carry headlines stating it: once the leads
    /// pair, a loosely translated headline pair does too (alone it scores about 0.26); one
    /// that reports another fact, sharing only a place name, still does not.
    @Test func headlinesOfPairedLeads() throws {
        let found = pairs(try align("dragon-boats.txt"))
        #expect(found.contains("10日,杭州西湖举行龙舟赛,40支队伍参加比赛。 | Forty teams took part in a dragon boat race on the West Lake in Hangzhou on Tuesday. | lead"))
        #expect(found.contains("西湖龙舟赛吸引十万游客 | Dragon boat race draws crowds to West Lake | title"))

        let page = try String(contentsOfFile: Fixtures.path("pages/dragon-boats.txt"), encoding: .utf8)
        let otherHeadline = page.replacingOccurrences(of: "西湖龙舟赛吸引十万游客", with: "西湖游客今年超过千万")
        let path = try Fixtures.temporaryFile(Data(otherHeadline.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let aligner = try PageAligner(lexicon: pageLexicon)
        let other = pairs(aligner.align(try PageReader.read(path: path)))
        #expect(other.contains { $0.hasSuffix("| lead") })
        #expect(!other.contains { $0.hasSuffix("| title") }, "\(other)")
    }

    @Test func oneLanguageOnlyGivesNoPairs() throws {
        let alignment = try align("chinese-only.txt")
        #expect(alignment.pairs.isEmpty)
        #expect(alignment.en.isEmpty && !alignment.zh.isEmpty)
    }

    @Test func photographerNames() throws {
        let aligner = try PageAligner(lexicon: pageLexicon)
        #expect(aligner.creditsMatch("新华社记者 谢环驰 摄", "(Xinhua/Xie Huanchi)"))
        #expect(aligner.creditsMatch("新华社记者张金加摄", "(Xinhua/Cheong Kam Ka)"))  // Cantonese spelling
        #expect(!aligner.creditsMatch("新华社记者 连振 摄", "[Photo by Wang Jiangbo/For China Daily]"))
        #expect(!aligner.creditsMatch("新华社记者 姚大伟 摄", "[Photo/Xinhua]"))
        #expect(aligner.creditsMatch("新华社发（王芳 摄）", "(Photo by Wang Fang/Xinhua)"))  // an agency release
        #expect(aligner.creditsMatch("人民网记者 刘佳摄", "[Photo by Liu Jia/People's Daily Online]"))
        #expect(aligner.creditsMatch("新华社记者 李明 王芳 摄", "(Xinhua/Li Ming, Wang Fang)"))  // two photographers
        #expect(aligner.creditsMatch("新华社记者 李明、王芳 摄", "(Xinhua/Li Ming and Wang Fang)"))
        #expect(!aligner.creditsMatch("新华社记者 李明 王芳 摄", "(Xinhua/Li Ming)"))
        #expect(aligner.creditsMatch("新华社记者 李浩 摄", "Photo: Li Hao/GT"))
        #expect(!aligner.creditsMatch("新华社记者 李浩 摄", "Photo: VCG"))
        #expect(PageAligner.englishCreditName("[Photo by Wang Jiangbo/For China Daily]") == "Wang Jiangbo")
        #expect(PageAligner.chineseCreditName("新华社记者 谢环驰 摄") == "谢环驰")
        #expect(PageAligner.chineseCreditName("(记者李明 通讯员王五摄)") == "王五")  // the last-named
        #expect(PageAligner.chineseCreditName("新華社記者 李嘉明 攝") == "李嘉明")
        #expect(PageAligner.chineseCreditName("新华社记者 A 摄") == nil)
        #expect(PageAligner.chineseCreditName("新华社发") == nil)
    }

    /// The aligner stops re-scoring candidates whose ceiling is under the threshold; the
    /// ceiling must bound every score a candidate can reach, here its score with each
    /// possible margin and completion, and for titles with the leads paired or not.
    @Test func ceilingBoundsEveryReachableScore() throws {
        let aligner = try PageAligner(lexicon: pageLexicon)
        for name in ["bridge.txt", "harbour-english-first.txt", "dragon-boats.txt"] {
            let (zh, _, candidates) = aligner.score(try PageReader.read(path: Fixtures.path("pages/" + name)))
            #expect(!candidates.isEmpty)
            for c in candidates where !PageAligner.special(zh[c.zh.lowerBound].zone) {
                let ceiling = PageCalibration.newsDev.ceiling(c, captions: true)
                for margin in stride(from: -1.0, through: c.similarity, by: 0.05) {
                    for completes in [false, true] where !completes || (c.zh.count == 1 && c.en.count == 1) {
                        for leadsPaired in [false, true] where !leadsPaired || c.titles {
                            var reached = c
                            reached.margin = margin
                            reached.completesCaption = completes
                            reached.titlesOfPairedLeads = leadsPaired
                            #expect(PageCalibration.newsDev.probability(reached) <= ceiling + 1e-12)
                        }
                    }
                }
            }
        }
    }

    /// A run of three Chinese sentences paired with some English sentence is a weaker
    /// rival than its similarity says: it needs two sentences more.
    @Test func largerGroupsAreWeakerRivals() {
        let zh = (0..<3).map { Segment(text: "句\($0)。", language: .zh, paragraph: 0, zone: .body) }
        let en = (0..<2).map { Segment(text: "Sentence \($0).", language: .en, paragraph: 1, zone: .body) }
        func candidate(_ z: Range<Int>, _ e: Range<Int>, share: Double) -> PageAligner.Candidate {
            var c = PageAligner.Candidate(
                zh: z, en: e, zhCoverage: share, enCoverage: share, lengthDeviation: 0, sameZone: true, score: 0)
            (c.zhShare, c.enShare) = (share, share)
            (c.zhTextID, c.enTextID) = (z.lowerBound * 10 + z.count, e.lowerBound * 10 + e.count)  // distinct texts
            return c
        }
        var candidates = [candidate(1..<2, 0..<1, share: 0.6), candidate(0..<3, 1..<2, share: 0.7)]
        let none = [Bool](repeating: false, count: 3)
        let noneEn = [Bool](repeating: false, count: 2)
        PageAligner.computeMargins(
            &candidates, index: PageAligner.RivalIndex(candidates, zh: zh, en: en), zh: zh, en: en, usedZh: none,
            usedEn: noneEn, chosenZh: none, chosenEn: noneEn)
        #expect(abs(candidates[0].margin - (0.6 - (0.7 - 0.4))) < 1e-9)
        #expect(abs(candidates[1].margin - (0.7 - 0.6)) < 1e-9)
    }

    /// A group's gain is what its weakest end sentence adds to the other side's share; the
    /// group without an end that is no candidate is measured.
    @Test func groupGainIsWhatTheWeakestEndAdds() {
        func candidate(_ z: Range<Int>, _ e: Range<Int>, zh: Double, en: Double) -> PageAligner.Candidate {
            var c = PageAligner.Candidate(
                zh: z, en: e, zhCoverage: zh, enCoverage: en, lengthDeviation: 0, sameZone: true, score: 0)
            (c.zhShare, c.enShare) = (zh, en)
            return c
        }
        var candidates = [
            candidate(0..<1, 0..<1, zh: 0.9, en: 0.5), candidate(1..<2, 0..<1, zh: 0.8, en: 0.3),
            candidate(0..<2, 0..<1, zh: 0.85, en: 0.8),  // each sentence gives part of the English
            candidate(0..<1, 0..<2, zh: 0.9, en: 0.45),  // the second English sentence adds nothing
        ]
        var measured: [String] = []
        let known = candidates.map { ($0.zh, $0.en) }
        PageAligner.measureGroupGains(&candidates) { zh, en in
            known.firstIndex { $0 == (zh, en) }
        } measure: { zh, en in
            measured.append("\(zh) \(en)")
            return (0, 0, 0.2, 0.2)
        }
        #expect(abs(candidates[2].groupGain - 0.3) < 1e-9)
        // Without the first English sentence: measured (0.9 - 0.2); without the second: 0.
        #expect(abs(candidates[3].groupGain - 0) < 1e-9)
        #expect(measured == ["0..<1 1..<2"])
        #expect(candidates[0].groupGain == 1 && candidates[1].groupGain == 1)
        let calibration = PageCalibration.newsDev
        var weak = candidates[3]
        weak.groupGain = 0.3
        #expect(calibration.probability(candidates[3]) < calibration.probability(weak))
    }

    @Test func datelinesPairByDate() throws {
        let aligner = try PageAligner(lexicon: pageLexicon)
        #expect(aligner.datelinesMatch("新华社阿斯塔纳7月2日电", "ASTANA, July 2 (Xinhua)"))
        #expect(!aligner.datelinesMatch("新华社北京5月30日电", "BEIJING"))
        #expect(!aligner.datelinesMatch("新华社北京5月30日电", "BEIJING, May 31 (Xinhua)"))
    }
}
