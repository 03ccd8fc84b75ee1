import Foundation
import Testing

/// The reference page from `../shared/samples` (real news text, not shipped with the
/// project). Runs only where that folder sits beside the repository, as on the developers'
/// machines and in CI; the same cases are covered on the project's own page elsewhere.
private let referencePage = CommandRunner.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/samples/000_2358b5057833490c.txt").path

@Suite(.enabled(if: FileManager.default.fileExists(atPath: referencePage)))
struct ReferencePageTests {
    static let page = referencePage

    struct Line: Decodable {
        var language: String
        var paragraph: Int
        var zone: String?
        var text: String
    }

    func segments() throws -> [Line] {
        let result = try CommandRunner.run(["segment", "--format", "jsonl", Self.page])
        #expect(result.status == 0)
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func captionsAndLeadsSplitAsTheConventionsSay() throws {
        let lines = try segments()
        let paragraphs = Dictionary(grouping: lines, by: \.paragraph)
        // Chinese caption: two sentences and the credit.
        let zhCaption = try #require(paragraphs.values.first { $0.contains { $0.text == "新华社记者 谢环驰 摄" } })
        #expect(zhCaption.map(\.text) == [
            "当地时间7月2日晚,国家主席习近平应邀同哈萨克斯坦总统托卡耶夫共进晚餐,在愉快温馨的环境中就中哈关系和共同关心的问题进行了亲切友好的交流。",
            "这是习近平同托卡耶夫握手。", "新华社记者 谢环驰 摄",
        ])
        #expect(zhCaption.last?.zone == "credit")
        // Chinese lead: the dateline and one sentence.
        let zhLead = try #require(paragraphs.values.first { $0.first?.text == "新华社阿斯塔纳7月2日电" })
        #expect(zhLead.count == 2)
        #expect(zhLead.first?.zone == "dateline")
        // English caption: two sentences and the credit.
        let enCaption = try #require(paragraphs.values.first { $0.last?.text == "(Xinhua/Xie Huanchi)" })
        #expect(enCaption.count == 3)
        #expect(enCaption.last?.zone == "credit")
        // English lead: the dateline without ` --` and one sentence.
        let enLead = try #require(paragraphs.values.first { $0.first?.text == "ASTANA, July 2 (Xinhua)" })
        #expect(enLead.count == 2)
        #expect(enLead.first?.zone == "dateline")
        // The end mark belongs to no segment.
        #expect(!lines.contains { $0.text.contains("■") })
    }

    /// With the real lexicon (the tests otherwise use a tiny fixture one); reported as
    /// skipped where `tools/fetch-lexicon` has not run.
    @Test(.enabled(if: LexiconStoreCheck.installedLexicon != nil))
    func alignGivesExactlyTheExpectedPairs() throws {
        let lexicon = try #require(LexiconStoreCheck.installedLexicon)
        let result = try CommandRunner.run(["align", Self.page], environment: ["ALIGNCORPUS_LEXICON": lexicon])
        #expect(result.status == 0)
        let caption1 = "当地时间7月2日晚,国家主席习近平应邀同哈萨克斯坦总统托卡耶夫共进晚餐,在愉快温馨的环境中就中哈关系和共同关心的问题进行了亲切友好的交流。"
        let english1 = "On Tuesday evening, Xi and Tokayev had a cordial and friendly exchange over dinner in a pleasant and warm atmosphere, discussing issues related to China-Kazakhstan relations and issues of common concerns."
        let pairs = result.stdout.split(separator: "\n").map { line -> String in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            return "\(f[0])|\(f[1])|\(f[3])"
        }
        #expect(pairs.sorted() == [
            "\(caption1)|\(english1)|caption", "\(caption1)|\(english1)|lead>body",
            "这是习近平同托卡耶夫握手。|Chinese President Xi Jinping shakes hands with Kazakh President Kassym-Jomart Tokayev on July 2, 2024.|caption",
            "新华社记者 谢环驰 摄|(Xinhua/Xie Huanchi)|credit", "新华社阿斯塔纳7月2日电|ASTANA, July 2 (Xinhua)|dateline",
        ].sorted())
        // The caption pair repeats as lead and last paragraph: the same texts, the same score.
        let repeatScores = result.stdout.split(separator: "\n").filter { $0.hasPrefix(caption1 + "\t") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)[2]
        }
        #expect(repeatScores.count == 2 && repeatScores[0] == repeatScores[1])
    }
}

/// The CC-CEDICT file `tools/fetch-lexicon` installs, when it is there.
enum LexiconStoreCheck {
    static var installedLexicon: String? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["ALIGNCORPUS_LEXICON"], FileManager.default.fileExists(atPath: path) { return path }
        let cache = env["XDG_CACHE_HOME"].map { $0 + "/aligncorpus" } ?? (NSHomeDirectory() + "/.cache/aligncorpus")
        let path = cache + "/cedict_ts.u8"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
