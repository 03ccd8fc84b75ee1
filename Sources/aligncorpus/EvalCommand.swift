import AlignCorpus
import ArgumentParser

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score sentence alignments against gold beads (strict and lax precision, recall, F1).",
        discussion: """
            GOLD and HYP are two bead files or two folders; in folders, each *.gold (else *.align) \
            file is scored against the hypothesis file with the same document id (the name up to \
            its first dot). Strict: the bead equals a gold bead; lax: it shares a Chinese and an \
            English sentence with one (Vecalign/Bertalign definitions). The last line is \
            machine-readable key=value pairs.
            """
    )

    @Option(help: "Gold beads: a file or a folder.")
    var gold: String

    @Option(help: "Hypothesis beads: a file or a folder.")
    var hyp: String

    @Flag(help: "Also print one line per document.")
    var perDoc = false

    func run() throws {
        do {
            let documents = try EvaluationFiles.evaluate(gold: gold, hypothesis: hyp)
            Terminal.write(Array(EvaluationFiles.report(documents, perDocument: perDoc).utf8))
        } catch let error as AlignCorpusError {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
