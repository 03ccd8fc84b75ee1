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
}
