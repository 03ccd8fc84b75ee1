import AlignCorpus
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a parallel corpus (TMX, TSV, Moses) from bilingual pages and translated documents.",
        discussion: """
            INPUT is any mix of files and folders (searched recursively). NAME.zh.txt + NAME.en.txt \
            (or NAME.zh + NAME.en) are a translated document pair; any other file is a bilingual \
            page. A file that cannot be used (binary, undecodable, one language only, an unpaired \
            NAME.zh.txt) is skipped: its reason goes to stderr and report.json.

            Outputs (in --output): corpus.zh-en.tmx, corpus.zh-en.tsv (doc, zh, en, score, zone), \
            corpus.zh-en.zh and corpus.zh-en.en, corpus.zh-en.jsonl (with --formats jsonl), and \
            report.json. Each is written to a temporary file and renamed into place. Exact \
            duplicate pairs appear once. The same input gives the same bytes whatever --jobs is; \
            SOURCE_DATE_EPOCH sets the TMX creationdate.

            Exit codes: 0 built (skipped documents are reported, not fatal); 1 when no document \
            could be used, with --strict when any was skipped, or when an output cannot be \
            written; 64 bad usage.
            """
    )

    @Argument(help: "Files and folders to build from.")
    var inputs: [String]

    @Option(name: [.short, .long], help: "Output folder.")
    var output = "out"

    @Option(help: "Formats to write, comma-separated: tmx, tsv, moses, jsonl.")
    var formats = "tmx,tsv,moses"

    @Option(help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int = System.coreCount

    @Option(help: "Leave out pairs scoring below this (0-1).")
    var minScore: Double = 0.5

    @Option(help: "Language code of the Chinese side in the TMX (zh-CN; zh-TW or zh-HK for traditional sources).")
    var zhLang = "zh-CN"

    @Option(help: "Language code of the English side in the TMX.")
    var enLang = "en-US"

    @Option(help: "Input encoding for every file; detected per file when omitted.")
    var encoding: String?

    @Flag(help: "Exit with 1 when any document was skipped (for CI).")
    var strict = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        _ = try parsedFormats()
        for code in [zhLang, enLang] where !Self.isLanguageTag(code) {
            throw ValidationError("'\(code)' is not a language tag such as zh-CN or en-US")
        }
    }

    func parsedFormats() throws -> Set<CorpusFormat> {
        var result = Set<CorpusFormat>()
        for name in formats.split(separator: ",") {
            guard let format = CorpusFormat(rawValue: name.filter { $0 != " " }.lowercased()) else {
                throw ValidationError("unknown format '\(name)' (tmx, tsv, moses, jsonl)")
            }
            result.insert(format)
        }
        guard !result.isEmpty else { throw ValidationError("--formats names no format") }
        return result
    }

    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    func run() throws {
        var options = BuildOptions()
        options.outputDirectory = output
        options.formats = try parsedFormats()
        options.jobs = jobs
        options.minimumScore = minScore
        options.encoding = encoding
        var header = TMXHeader(creationDate: CorpusBuilder.tmxDate(Self.creationTime()))
        header.zhLanguage = zhLang
        header.enLanguage = enLang
        options.header = header

        let lexicon = try loadLexicon()
        let documents = CorpusInputs.discover(inputs)
        let interactive = isatty(2) != 0
        let builder = CorpusBuilder(lexicon: lexicon, options: options)
        let summary: BuildSummary
        do {
            summary = try builder.build(documents) { done, total, s in
                if interactive {
                    Terminal.progress("\(done)/\(total) documents, \(s.pairs) pairs")
                }
            }
        } catch let error as AlignCorpusError {
            if interactive { Terminal.progress(nil) }
            Terminal.report(error)
            throw ExitCode.failure
        }
        if interactive { Terminal.progress(nil) }
        for (name, reason) in summary.skipped { Terminal.note("\(name): warning: skipped: \(reason)") }
        let rate = summary.seconds > 0 ? Double(summary.inputBytes) / 1e6 / summary.seconds : 0
        Terminal.note(
            "built \(summary.pairs) pairs from \(summary.built) of \(summary.documents) documents into \(output)/ "
                + "(\(summary.skipped.count) skipped, \(summary.duplicates) duplicates dropped; "
                + "\(String(Int(rate * 10) / 10)).\(Int(rate * 10) % 10) MB/s)")
        if summary.built == 0 {
            Terminal.note("error: no usable document in \(inputs.joined(separator: " "))")
            throw ExitCode.failure
        }
        if strict && !summary.skipped.isEmpty { throw ExitCode.failure }
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    static func creationTime() -> Int {
        if let value = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int(value) { return seconds }
        return Int(time(nil))
    }
}
