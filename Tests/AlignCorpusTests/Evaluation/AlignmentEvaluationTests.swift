import Testing

@testable import AlignCorpus

@Suite struct AlignmentEvaluationTests {
    typealias Pair = AlignmentEvaluation.Pair

    @Test func perfectAlignmentScoresOne() throws {
        let gold = try AlignmentEvaluation.parseBeads("[0, 1]:[0]\n[2]:[1, 2]\n[]:[3]\n", source: "g")
        let s = AlignmentEvaluation.scores(AlignmentEvaluation.counts(gold: gold, hypothesis: gold))
        #expect(s.strictF1 == 1 && s.laxF1 == 1)
    }

    @Test func strictAndLaxOnAKnownCase() throws {
        // Gold: [0]:[0] [1]:[1,2] [2]:[3]. Hypothesis: [0]:[0] (strict hit), [1]:[1] (lax
        // hit: shares zh 1 and en 1 with a gold bead), [2]:[2,3] (lax hit), []:[4] (miss).
        let gold = [Pair(zh: [0], en: [0]), Pair(zh: [1], en: [1, 2]), Pair(zh: [2], en: [3])]
        let hyp = [Pair(zh: [0], en: [0]), Pair(zh: [1], en: [1]), Pair(zh: [2], en: [2, 3]), Pair(zh: [], en: [4])]
        let c = AlignmentEvaluation.counts(gold: gold, hypothesis: hyp)
        #expect(c.precisionBeads == 4 && c.precisionStrict == 1 && c.precisionLax == 3)
        #expect(c.recallBeads == 3 && c.recallStrict == 1 && c.recallLax == 3)
        let s = AlignmentEvaluation.scores(c)
        #expect(abs(s.strictPrecision - 0.25) < 1e-9)
        #expect(abs(s.strictRecall - 1.0 / 3) < 1e-9)
        #expect(abs(s.laxF1 - 2 * 0.75 * 1 / 1.75) < 1e-9)
        #expect(s.keyValues == "strict_p=0.2500 strict_r=0.3333 strict_f1=0.2857 lax_p=0.7500 lax_r=1.0000 lax_f1=0.8571")
    }

    @Test func sidesAreSetsAndDuplicatesCountOnce() throws {
        let gold = [Pair(zh: [1, 0], en: [0])]
        let hyp = try AlignmentEvaluation.parseBeads("[0,1]:[0]\n[0, 1]:[0]:0.37\n# comment\n\n", source: "h")
        let c = AlignmentEvaluation.counts(gold: gold, hypothesis: hyp)
        #expect(c.precisionBeads == 1 && c.precisionStrict == 1)
    }

    @Test func badBeadLinesAreErrors() {
        #expect(throws: AlignCorpusError.badBeads(path: "x.beads", line: 2, text: "0-1")) {
            _ = try AlignmentEvaluation.parseBeads("[0]:[0]\n0-1\n", source: "x.beads")
        }
    }

    @Test func beadsPrintInVecalignFormat() {
        #expect(Bead(zh: 0..<2, en: 0..<1).vecalignText == "[0, 1]:[0]")
        #expect(Bead(zh: 3..<3, en: 3..<4).vecalignText == "[]:[3]")
        #expect(Bead(zh: 2..<3, en: 4..<4).vecalignText == "[2]:[]")
    }
}
