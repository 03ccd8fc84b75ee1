import Foundation
import TestSupport
import Testing

@Suite struct AlignCommandTests {
    static let zh = "Tests/Fixtures/story.zh"
    static let en = "Tests/Fixtures/story.en"

    @Test func alignsLinesIntoBeadsTSVAndJSONL() throws {
        let beads = try CommandRunner.run(["align", "--input", "lines", "--output", "beads", Self.zh, Self.en])
        #expect(beads.status == 0)
        #expect(beads.stderr == "")
        try CommandRunner.expectGolden(beads.stdout, "align-story.beads")
        let tsv = try CommandRunner.run(["align", "--input", "lines", Self.zh, Self.en])
        #expect(tsv.status == 0)
        try CommandRunner.expectGolden(tsv.stdout, "align-story.tsv")
        for line in tsv.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 3)
            let score = try #require(Double(fields[2]))
            #expect(score >= 0 && score <= 1)
        }
        let jsonl = try CommandRunner.run(["align", "--input", "lines", "--output", "jsonl", Self.zh, Self.en])
        let first = try JSONSerialization.jsonObject(with: Data(jsonl.stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
        #expect(first?["zh"] as? [Int] == [0])
        #expect(first?["en_text"] as? String == "This morning I went to the market.")
    }

    @Test func segmentsRawTextWhenAskedTo() throws {
        let zhText = try Fixtures.temporaryFile(Data("今天早上我去了市场。我买了三个苹果和一条鱼。\n".utf8))
        let enText = try Fixtures.temporaryFile(Data("This morning I went to the market. I bought three apples and a fish.\n".utf8))
        defer {
            try? FileManager.default.removeItem(atPath: zhText)
            try? FileManager.default.removeItem(atPath: enText)
        }
        let result = try CommandRunner.run(["align", "--output", "beads", zhText, enText])
        #expect(result.status == 0)
        #expect(result.stdout == "[0]:[0]\n[1]:[1]\n")
    }

    @Test func manyPairsGoToAnOutputFolderIdenticallyWhateverTheJobs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ac-align-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent(jobs).path
            let result = try CommandRunner.run([
                "align", "--input", "lines", "--output", "beads", "--out-dir", out, "--jobs", jobs, Self.zh, Self.en,
                "Tests/Fixtures/tired.zh", "Tests/Fixtures/tired.en",
            ])
            #expect(result.status == 0)
        }
        for name in ["story.beads", "tired.beads"] {
            let one = try String(contentsOf: dir.appendingPathComponent("1/\(name)"), encoding: .utf8)
            let two = try String(contentsOf: dir.appendingPathComponent("2/\(name)"), encoding: .utf8)
            #expect(one == two)
            #expect(!one.isEmpty)
        }
    }

    @Test func noLexiconStillAlignsAndSaysSoOnce() throws {
        let result = try CommandRunner.run(
            ["align", "--input", "lines", "--output", "beads", Self.zh, Self.en],
            environment: ["ALIGNCORPUS_LEXICON": "/nonexistent/cedict_ts.u8"])
        #expect(result.status == 0)
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("warning:") }.count == 1)
        #expect(result.stderr.contains("tools/fetch-lexicon"))
        #expect(result.stdout.split(separator: "\n").count >= 5)
    }

    @Test func badInputAndUsage() throws {
        let onePage = try CommandRunner.run(["align", Self.zh])  // one file is a page: Chinese only
        #expect(onePage.status == 0)
        #expect(onePage.stdout == "")
        #expect(onePage.stderr == "\(Self.zh): note: the page has no English text; no pairs\n")
        #expect(try CommandRunner.run(["align", Self.zh, Self.en, Self.zh]).status == 64)
        #expect(try CommandRunner.run(["align", Self.zh, Self.en, Self.zh, Self.en]).status == 64)  // needs --out-dir
        #expect(try CommandRunner.run(["align", "--param", "nonsense=1", Self.zh, Self.en]).status == 64)
        let missing = try CommandRunner.run(["align", "no/such.zh", Self.en])
        #expect(missing.status == 1)
        #expect(missing.stderr == "no/such.zh: error: cannot read file: No such file or directory\n")
        let empty = try Fixtures.temporaryFile(Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let oneSided = try CommandRunner.run(["align", "--input", "lines", empty, Self.en])
        #expect(oneSided.status == 1)
        #expect(oneSided.stderr.contains("file is empty"))
    }
}

@Suite struct PageCommandTests {
    @Test func alignsAPageIntoZonedPairs() throws {
        let result = try CommandRunner.run(["align", "corpora/pages/dairy-agreement.txt"])
        #expect(result.status == 0)
        try CommandRunner.expectGolden(result.stdout, "align-page-dairy-agreement.tsv")
        for line in result.stdout.split(separator: "\n") {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 4)
        }
        let jsonl = try CommandRunner.run(["align", "--output", "jsonl", "corpora/pages/dairy-agreement.txt"])
        let first = try JSONSerialization.jsonObject(with: Data(jsonl.stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
        #expect(first?["zh_zone"] as? String != nil && first?["en_zone"] as? String != nil)
    }

    @Test func minScoreMustBeAProbability() throws {
        #expect(try CommandRunner.run(["align", "--min-score", "1.5", "corpora/pages/dairy-agreement.txt"]).status == 64)
    }

    /// The hidden option tools/fit-page-calibration aligns held-out pages with.
    @Test func pageCoefficientsReplaceTheFittedOnes() throws {
        let page = "corpora/pages/dairy-agreement.txt"
        // Everything lexical scores near 0 under a very low intercept and near 1 under a very
        // high one; datelines and credits pair by rule either way.
        let low = try CommandRunner.run(["align", "--page-coefficients=-50,0,0,0,0,0,0,0", page])
        #expect(low.status == 0)
        let lowLines = low.stdout.split(separator: "\n")
        #expect(lowLines.count == 2 && lowLines.allSatisfy { $0.hasSuffix("\tcredit") || $0.hasSuffix("\tdateline") })
        let high = try CommandRunner.run(["align", "--page-coefficients=50,0,0,0,0,0,0,0", page])
        let fitted = try CommandRunner.run(["align", page])
        #expect(high.stdout.split(separator: "\n").count > fitted.stdout.split(separator: "\n").count)
        for bad in ["1,2", "1,2,3,4,5,6,7,x", "1,2,3,4,5,6,7,8,9", "1,2,3,,5,6,7,8", "1,2,3,4,5,6,7,nan"] {
            let result = try CommandRunner.run(["align", "--page-coefficients=\(bad)", page])
            #expect(result.status == 64, "\(bad)")
            #expect(result.stderr.contains("--page-coefficients expects 8 numbers"), "\(bad)")
        }
    }
}

@Suite struct EvalCommandTests {
    @Test func scoresFilesAndFolders() throws {
        let gold = try Fixtures.temporaryFile(Data("[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n".utf8), suffix: ".gold")
        let hyp = try Fixtures.temporaryFile(Data("[0]:[0]\n[1]:[1]\n[2]:[2, 3]\n[]:[4]\n".utf8), suffix: ".beads")
        defer {
            try? FileManager.default.removeItem(atPath: gold)
            try? FileManager.default.removeItem(atPath: hyp)
        }
        let result = try CommandRunner.run(["eval", "--gold", gold, "--hyp", hyp])
        #expect(result.status == 0)
        #expect(result.stdout == """
                             strict    lax
              precision      0.250    0.750
              recall         0.333    1.000
              F1             0.286    0.857
            strict_p=0.2500 strict_r=0.3333 strict_f1=0.2857 lax_p=0.7500 lax_r=1.0000 lax_f1=0.8571 docs=1 gold_beads=3 hyp_beads=4 p_beads=4 r_beads=3

            """)
    }

    @Test func mismatchedArgumentsAreErrors() throws {
        let result = try CommandRunner.run(["eval", "--gold", "Tests/Fixtures", "--hyp", "Tests/Fixtures/story.zh"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: gold and hypothesis must both be files or both folders"))
    }
}
