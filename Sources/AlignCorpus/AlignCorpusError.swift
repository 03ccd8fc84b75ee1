/// Every failure the aligncorpus library reports. The CLI prints these as
/// `path: error: message` on stderr.
public enum AlignCorpusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file holds no text at all (zero bytes, or only white space).
    case empty(path: String)
    /// The file looks like binary data, not text.
    case notText(path: String, reason: String)
    /// The bytes are not valid in the detected (or requested) encoding.
    case undecodable(path: String, encoding: String, byteOffset: Int)
    /// The file is not UTF-8 (first bad byte at `utf8ErrorOffset`), and neither UTF-16,
    /// GB18030 nor Big5 fits it.
    case undetectable(path: String, utf8ErrorOffset: Int)
    /// `--encoding` named a charset ICU does not know.
    case unknownEncoding(String)
    /// An output file could not be written.
    case unwritable(path: String, reason: String)
    /// A bead file line that is not `[ids]:[ids]`.
    case badBeads(path: String, line: Int, text: String)
    /// Two inputs that must go together do not (documents of an evaluation, pairs of files).
    case mismatch(path: String, reason: String)
    /// An ICU call failed in a way the input cannot explain.
    case icu(operation: String, status: String)

    /// The file the error is about, when there is one.
    public var path: String? {
        switch self {
        case .unreadable(let path, _), .empty(let path), .notText(let path, _),
            .undecodable(let path, _, _), .undetectable(let path, _), .badBeads(let path, _, _),
            .mismatch(let path, _), .unwritable(let path, _):
            return path
        case .unknownEncoding, .icu:
            return nil
        }
    }

    /// A one-line message without the path.
    public var message: String {
        switch self {
        case .unreadable(_, let reason):
            return "cannot read file: \(reason)"
        case .empty:
            return "file is empty (no text to segment)"
        case .notText(_, let reason):
            return "not a text file: \(reason)"
        case .undecodable(_, let encoding, let offset):
            return "invalid \(encoding) byte sequence at byte offset \(offset)"
        case .undetectable(_, let offset):
            return "invalid UTF-8 byte sequence at byte offset \(offset), and not UTF-16, GB18030 or Big5 "
                + "either (name the encoding with --encoding)"
        case .badBeads(_, let line, let text):
            return "line \(line): not a bead ('[0, 1]:[2]' expected): \(text)"
        case .unwritable(_, let reason):
            return "cannot write file: \(reason)"
        case .mismatch(_, let reason):
            return reason
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)'"
        case .icu(let operation, let status):
            return "ICU \(operation) failed: \(status)"
        }
    }

    /// `path: error: message`, as the command line prints it.
    public var description: String {
        if let path { return "\(path): error: \(message)" }
        return "error: \(message)"
    }
}
