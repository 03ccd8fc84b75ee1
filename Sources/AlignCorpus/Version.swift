/// The aligncorpus release.
public enum AlignCorpusVersion {
    /// The version string written into `--version`, TMX headers and reports.
    public static let current = "0.1.0"
}
