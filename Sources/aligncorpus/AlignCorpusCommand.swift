import AlignCorpus
import ArgumentParser

@main
struct AlignCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aligncorpus",
        abstract: "Build Chinese–English parallel corpora from bilingual news pages and translated documents.",
        discussion: """
            Exit codes: 0 success; 1 some input could not be used (each reported on stderr as \
            'path: error: message'); 64 bad command-line usage.
            """,
        version: AlignCorpusVersion.current,
        subcommands: [BuildCommand.self, SegmentCommand.self, AlignCommand.self, EvalCommand.self]
    )
}
