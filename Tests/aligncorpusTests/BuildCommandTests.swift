import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds into fresh folders and reads the outputs back.
private struct Build {
    let folder: URL
    let result: CommandRunner.Result

    init(_ arguments: [String], environment: [String: String] = ["SOURCE_DATE_EPOCH": "1767225600"]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ac-build-\(UUID().uuidString)")
        result = try CommandRunner.run(["build", "--output", folder.path] + arguments, environment: environment)
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func lines(_ name: String) throws -> [Substring] { try file(name).split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }

    /// Number of `<tu>` elements, after checking that the TMX is well-formed XML.
    func tmxUnits() throws -> Int {
        let data = try Data(contentsOf: folder.appendingPathComponent("corpus.zh-en.tmx"))
        let parser = XMLParser(data: data)
        let counter = UnitCounter()
        parser.delegate = counter
        #expect(parser.parse(), "TMX is not well-formed: \(String(describing: parser.parserError))")
        return counter.units
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

private final class UnitCounter: NSObject, XMLParserDelegate {
    var units = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "tu" { units += 1 }
    }
}

@Suite struct BuildCommandTests {
    @Test func buildsTheSampleCorpusIntoEveryFormat() throws {
        let build = try Build(["corpora", "--formats", "tmx,tsv,moses,jsonl"])
        defer { build.remove() }
        #expect(build.result.status == 0)
        let tsv = try build.lines("corpus.zh-en.tsv")
        #expect(!tsv.isEmpty)
        #expect(tsv.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
        #expect(try build.lines("corpus.zh-en.zh").count == tsv.count)
        #expect(try build.lines("corpus.zh-en.en").count == tsv.count)
        #expect(try build.lines("corpus.zh-en.jsonl").count == tsv.count)
        #expect(try build.tmxUnits() == tsv.count)
        let tmx = try build.file("corpus.zh-en.tmx")
        #expect(tmx.contains(#"creationtool="aligncorpus""#) && tmx.contains(#"srclang="zh-CN""#))
        #expect(tmx.contains(#"creationdate="20260101T000000Z""#))  // SOURCE_DATE_EPOCH
        #expect(tmx.contains(#"<prop type="x-document">corpora/documents/tea-house</prop>"#))
        let report = try JSONSerialization.jsonObject(with: Data(try build.file("report.json").utf8)) as? [String: Any]
        let totals = report?["totals"] as? [String: Any]
        #expect(totals?["documents"] as? Int == 4)
        #expect(totals?["pairs"] as? Int == tsv.count)
        #expect(build.result.stderr.contains("built \(tsv.count) pairs from 4 of 4 documents"))
    }

    @Test func outputsAreIdenticalWhateverTheJobs() throws {
        let one = try Build(["corpora", "--jobs", "1", "--formats", "tmx,tsv,moses,jsonl"])
        let two = try Build(["corpora", "--jobs", "2", "--formats", "tmx,tsv,moses,jsonl"])
        defer {
            one.remove()
            two.remove()
        }
        for name in ["corpus.zh-en.tmx", "corpus.zh-en.tsv", "corpus.zh-en.zh", "corpus.zh-en.en", "corpus.zh-en.jsonl"] {
            #expect(try one.file(name) == two.file(name), "\(name) differs")
        }
        // The report differs only in its timings.
        func withoutTimings(_ s: String) -> String { s.split(separator: "\n").filter { !$0.contains("\"timings\"") }.joined(separator: "\n") }
        #expect(withoutTimings(try one.file("report.json")) == withoutTimings(try two.file("report.json")))
    }

    @Test func badInputIsReportedAndSkippedNeverTheEndOfTheBatch() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("ac-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: input) }
        func put(_ name: String, _ data: Data) throws { try data.write(to: input.appendingPathComponent(name)) }
        let page = try String(contentsOfFile: Fixtures.corpus("pages/dairy-agreement.txt"), encoding: .utf8)
        let traditional = try String(contentsOfFile: Fixtures.path("traditional-page.txt"), encoding: .utf8)
        try put("a-good.txt", Data(page.utf8))
        try put("b-binary.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]))
        try put("c-empty.txt", Data())
        // Another page in GB18030 (other photographer and date, so its pairs are not duplicates).
        let other = page.replacingOccurrences(of: "郭景文", with: "李明").replacingOccurrences(of: "Guo Jingwen", with: "Li Ming")
            .replacingOccurrences(of: "3月17日电", with: "3月18日电").replacingOccurrences(of: "March 17 (Xinhua)", with: "March 18 (Xinhua)")
        try put("d-gb18030.txt", try Fixtures.encode(other, as: "GB18030"))
        try put("e-big5.txt", try Fixtures.encode(traditional, as: "BIG5"))
        try put("f-chinese-only.txt", Data("青岛新港开港\n\n9月12日,青岛新集装箱港正式开港。\n".utf8))
        try put("g-lonely.zh.txt", Data("今天早上我去了市场。\n".utf8))
        try put("h-markup.zh.txt", Data("比较 a<b 和 c&d 都很常见。\u{1}\n我买了三个苹果和一条鱼。\u{FFFE}\n".utf8))
        try put("h-markup.en.txt", Data("Signs like a<b and c&d are common ]]> here.\nI bought three apples and a fish.\n".utf8))
        var big = ""
        for k in 0..<4000 { big += "第\(k)天,我买了三个苹果和一条鱼。\n\nOn day \(k) I bought three apples and a fish.\n\n" }
        try put("i-large.txt", Data(big.utf8))

        let build = try Build([input.path, "--formats", "tmx,tsv,moses,jsonl"])
        defer { build.remove() }
        #expect(build.result.status == 0)
        let stderr = build.result.stderr
        for (name, reason) in [
            ("b-binary.png", "not a text file"), ("c-empty.txt", "file is empty"), ("f-chinese-only.txt", "one language only"),
            ("g-lonely.zh.txt", "no English counterpart"),
        ] {
            #expect(stderr.contains("\(input.path)/\(name): warning: skipped: ") && stderr.contains(reason), "\(name)")
        }
        let report = try build.file("report.json")
        for name in ["b-binary.png", "c-empty.txt", "f-chinese-only.txt", "g-lonely.zh.txt"] {
            #expect(report.contains("\"document\": \"\(input.path)/\(name)\""))
        }
        let tsv = try build.file("corpus.zh-en.tsv")
        for doc in ["a-good.txt", "d-gb18030.txt", "e-big5.txt", "h-markup", "i-large.txt"] {
            #expect(tsv.contains("\(input.path)/\(doc)\t"), "\(doc) has no pairs")
        }
        let tmx = try build.file("corpus.zh-en.tmx")
        #expect(tmx.contains("a&lt;b") && tmx.contains("c&amp;d") && tmx.contains("]]&gt;"))
        #expect(!tmx.contains("\u{1}") && !tmx.contains("\u{FFFE}") && !tsv.contains("\u{1}"))
        #expect(try build.tmxUnits() == tsv.split(separator: "\n").count)
        // --strict makes skipped documents fail the build.
        let strict = try Build([input.path, "--strict"])
        defer { strict.remove() }
        #expect(strict.result.status == 1)
        #expect(strict.exists("corpus.zh-en.tmx"))
    }

    @Test func duplicatesAppearOnceAndMinScoreFilters() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("ac-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: input) }
        for name in ["one", "two"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("story.zh"), toPath: input.appendingPathComponent("\(name).zh").path)
            try FileManager.default.copyItem(atPath: Fixtures.path("story.en"), toPath: input.appendingPathComponent("\(name).en").path)
        }
        let all = try Build([input.path, "--min-score", "0"])
        defer { all.remove() }
        let rows = try all.lines("corpus.zh-en.tsv")
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.hasPrefix("\(input.path)/one\t") })
        #expect(try all.file("report.json").contains("\"duplicates\": 6"))
        let strictScore = try Build([input.path, "--min-score", "0.95"])
        defer { strictScore.remove() }
        let kept = try strictScore.lines("corpus.zh-en.tsv")
        #expect(kept.count < rows.count)
        #expect(kept.allSatisfy { Double($0.split(separator: "\t")[3])! >= 0.95 })
    }

    @Test func languagesAndUsage() throws {
        let tw = try Build(["corpora/pages/dairy-agreement.txt", "--zh-lang", "zh-TW", "--formats", "tmx"])
        defer { tw.remove() }
        #expect(try tw.file("corpus.zh-en.tmx").contains(#"<tuv xml:lang="zh-TW">"#))
        #expect(!tw.exists("corpus.zh-en.tsv"))
        #expect(try CommandRunner.run(["build", "corpora", "--formats", "xml"]).status == 64)
        #expect(try CommandRunner.run(["build", "corpora", "--zh-lang", "zh_CN"]).status == 64)
        #expect(try CommandRunner.run(["build", "corpora", "--jobs", "0"]).status == 64)
    }

    @Test func aRebuildReplacesTheCorpusAndClearsLeftovers() throws {
        let first = try Build(["corpora/pages/dairy-agreement.txt"])
        defer { first.remove() }
        // What a killed build leaves: a hidden temporary file; the corpus stays whole.
        let leftover = first.folder.appendingPathComponent(".corpus.zh-en.tmx.tmp-12345")
        try Data("<tmx ver".utf8).write(to: leftover)
        let again = try CommandRunner.run(["build", "--output", first.folder.path, "corpora"])
        #expect(again.status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(try first.file("corpus.zh-en.tsv").contains("corpora/documents/tea-house\t"))
        let names = try FileManager.default.contentsOfDirectory(atPath: first.folder.path)
        #expect(names.allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func nothingUsableIsAFailure() throws {
        let build = try Build(["no/such/folder"])
        defer { build.remove() }
        #expect(build.result.status == 1)
        #expect(build.result.stderr.contains("no/such/folder: warning: skipped: cannot read: No such file or directory"))
        #expect(build.result.stderr.contains("error: no usable document"))
    }

    @Test func anUnwritableOutputFailsCleanly() throws {
        let file = try Fixtures.temporaryFile(Data("not a folder".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CommandRunner.run(["build", "corpora", "--output", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot write file"))
    }
}
