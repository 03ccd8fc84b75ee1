#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files whole or not at all: to a temporary file in the same folder, then renamed
/// over the target, so an interrupted run never leaves a truncated output.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, creating the folder if needed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        var writer = try Writer(path: path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// A file being written; visible under its name only after `commit()`.
    public struct Writer {
        /// The final path.
        public let path: String
        let temporary: String
        var fd: Int32

        /// Opens a temporary file next to `path`.
        public init(path: String) throws {
            self.path = path
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? "."
            try Self.makeFolder(folder)
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            temporary = folder + "/." + name + ".tmp-\(getpid())"
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 { throw AlignCorpusError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        }

        /// Appends bytes.
        public mutating func write(_ bytes: [UInt8]) throws {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    abandon()
                    throw AlignCorpusError.unwritable(path: path, reason: reason)
                }
                offset += n
            }
        }

        /// Flushes the data to disk and renames the file into place.
        public mutating func commit() throws {
            if fsync(fd) != 0 || close(fd) != 0 || rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw AlignCorpusError.unwritable(path: path, reason: reason)
            }
            fd = -1
        }

        /// Removes the temporary file.
        public mutating func abandon() {
            if fd >= 0 { close(fd) }
            fd = -1
            unlink(temporary)
        }

        static func makeFolder(_ folder: String) throws {
            var info = stat()
            if stat(folder, &info) == 0 { return }
            if let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
                try makeFolder(String(folder[..<slash]))
            }
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw AlignCorpusError.unwritable(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }
}
