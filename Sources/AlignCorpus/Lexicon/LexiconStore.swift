#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds, loads and caches the CC-CEDICT lexicon.
///
/// The dictionary file is `$ALIGNCORPUS_LEXICON` when set, else
/// `$XDG_CACHE_HOME/aligncorpus/cedict_ts.u8` (`~/.cache/aligncorpus/…`), where
/// `tools/fetch-lexicon` installs it. Parsing the 10 MB text takes a few hundred
/// milliseconds, so the parsed lexicon is kept next to the cache as a compact binary file,
/// keyed by the source's size and modification time, and loaded from there afterwards.
public enum LexiconStore {
    /// Where the lexicon was looked for and what was found.
    public enum Outcome: Sendable {
        case loaded(Lexicon, path: String)
        /// No dictionary file: alignment goes on without one, at reduced quality.
        case missing(searched: String)
    }

    /// The folder `tools/fetch-lexicon` installs into.
    public static var cacheDirectory: String {
        let env = environment()
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/aligncorpus" }
        return (env["HOME"] ?? "/tmp") + "/.cache/aligncorpus"
    }

    /// The dictionary file to use.
    public static var dictionaryPath: String {
        if let path = environment()["ALIGNCORPUS_LEXICON"], !path.isEmpty { return path }
        return cacheDirectory + "/cedict_ts.u8"
    }

    /// The message printed once when no dictionary is found.
    public static func missingMessage(_ searched: String) -> String {
        "warning: no CC-CEDICT lexicon at \(searched): alignment quality is reduced. "
            + "Install it with tools/fetch-lexicon, or set ALIGNCORPUS_LEXICON=PATH to a cedict_ts.u8 file."
    }

    /// Loads the lexicon (from the binary cache when it is current).
    public static func load() throws -> Outcome {
        let path = dictionaryPath
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing(searched: path) }
        let key = "\(info.st_size)-\(info.st_mtim.tv_sec)"
        let cachePath = cacheDirectory + "/cedict-\(key).v\(LexiconCacheFormat.version).bin"
        if let bytes = readFile(cachePath), let flat = LexiconCacheFormat.decode(bytes) {
            return .loaded(Lexicon(flat: flat), path: path)
        }
        guard let source = readFile(path) else {
            throw AlignCorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let lexicon = CEDICTReader.lexicon(from: source)
        writeFileAtomically(cachePath, LexiconCacheFormat.encode(lexicon.flat))
        return .loaded(lexicon, path: path)
    }

    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { result[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return result
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
            if n <= 0 { return nil }
            done += n
        }
        return bytes
    }

    /// Best effort: a cache that cannot be written is simply not used.
    static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) {
        let dir = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        mkdir(dir, 0o755)
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) == $0.count }
        close(fd)
        if ok { rename(temporary, path) } else { unlink(temporary) }
    }
}

/// The binary cache: magic, version, then counted sections of little-endian integers and
/// UTF-8 strings.
enum LexiconCacheFormat {
    static let version: UInt32 = 1
    static let magic: [UInt8] = Array("ACLX".utf8)

    static func encode(_ flat: Lexicon.Flat) -> [UInt8] {
        var out = magic
        put(version, &out)
        putStrings(flat.stems, &out)
        putStrings(flat.headwords, &out)
        put(UInt32(flat.ranges.count), &out)
        for r in flat.ranges {
            put(UInt32(r.lowerBound), &out)
            put(UInt32(r.upperBound), &out)
        }
        put(UInt32(flat.translationIDs.count), &out)
        for id in flat.translationIDs { put(UInt32(id), &out) }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> Lexicon.Flat? {
        guard bytes.count > 8, Array(bytes[0..<4]) == magic else { return nil }
        var p = 4
        return bytes.withUnsafeBufferPointer { b -> Lexicon.Flat? in
            func u32() -> UInt32? {
                guard p + 4 <= b.count else { return nil }
                let v = UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
                p += 4
                return v
            }
            func strings() -> [String]? {
                guard let n = u32() else { return nil }
                var result: [String] = []
                result.reserveCapacity(Int(n))
                for _ in 0..<n {
                    guard let len = u32(), p + Int(len) <= b.count else { return nil }
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: b[p..<(p + Int(len))]), as: UTF8.self))
                    p += Int(len)
                }
                return result
            }
            guard u32() == version, let stems = strings(), let headwords = strings(), let nRanges = u32(),
                Int(nRanges) == headwords.count
            else { return nil }
            var ranges: [Range<Int32>] = []
            ranges.reserveCapacity(Int(nRanges))
            for _ in 0..<nRanges {
                guard let lo = u32(), let hi = u32(), lo <= hi else { return nil }
                ranges.append(Int32(lo)..<Int32(hi))
            }
            guard let nIDs = u32(), p + Int(nIDs) * 4 <= b.count else { return nil }
            var ids: [Int32] = []
            ids.reserveCapacity(Int(nIDs))
            for _ in 0..<nIDs { ids.append(Int32(bitPattern: u32()!)) }
            guard ranges.allSatisfy({ Int($0.upperBound) <= ids.count }) else { return nil }
            return Lexicon.Flat(stems: stems, headwords: headwords, ranges: ranges, translationIDs: ids)
        }
    }

    private static func put(_ v: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8((v >> 8) & 0xFF))
        out.append(UInt8((v >> 16) & 0xFF))
        out.append(UInt8(v >> 24))
    }

    private static func putStrings(_ strings: [String], _ out: inout [UInt8]) {
        put(UInt32(strings.count), &out)
        for s in strings {
            put(UInt32(s.utf8.count), &out)
            out.append(contentsOf: s.utf8)
        }
    }
}
