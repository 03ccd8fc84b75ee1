#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import AlignCorpus

/// Buffered writes to standard output, and diagnostics on standard error.
enum Terminal {
    /// Writes `bytes` to standard output.
    static func write(_ bytes: [UInt8]) { write(bytes, to: 1) }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    // Reader went away (EPIPE): nothing more to do.
                    exit(errno == EPIPE ? 0 : 1)
                }
                offset += n
            }
        }
    }

    /// Prints `path: error: message` (or `error: message`) on standard error.
    static func report(_ error: Error) {
        let line: String
        if let error = error as? AlignCorpusError {
            line = error.description
        } else {
            line = "error: \(error)"
        }
        write(Array((line + "\n").utf8), to: 2)
    }

    /// Rewrites the progress line on standard error (a terminal); nil clears it.
    static func progress(_ text: String?) {
        write(Array(("\r\u{1B}[K" + (text ?? "")).utf8), to: 2)
    }

    /// Prints a `warning:` or `note:` line on standard error.
    static func note(_ text: String) {
        write(Array((text + "\n").utf8), to: 2)
    }
}
