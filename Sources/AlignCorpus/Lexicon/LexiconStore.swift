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
        if let bytes = FileSystem.readFile(cachePath), let lexicon = LexiconCacheFormat.decode(bytes) {
            return .loaded(lexicon, path: path)
        }
        guard let source = FileSystem.readFile(path) else {
            throw AlignCorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let lexicon = CEDICTReader.lexicon(from: source)
        writeFileAtomically(cachePath, LexiconCacheFormat.encode(lexicon))
        removeStaleCaches(in: cacheDirectory, key: key)
        return .loaded(lexicon, path: path)
    }

    /// Deletes the caches of the same dictionary file in other formats: each release that
    /// changes how glosses become stems writes a new one (about 9 MB), and the old ones would
    /// pile up. Caches of other dictionary files are left alone.
    static func removeStaleCaches(in directory: String, key: String) {
        let prefix = "cedict-\(key).v"
        let current = "\(prefix)\(LexiconCacheFormat.version).bin"
        for name in FileSystem.entries(of: directory) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".bin") && name != current
            && name.dropFirst(prefix.count).dropLast(4).allSatisfy(\.isNumber)
        {
            unlink(directory + "/" + name)
        }
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

/// The binary cache: magic, version, then the lexicon's arrays as counted little-endian
/// sections, loaded with one copy each.
enum LexiconCacheFormat {
    /// Raised whenever the cached content would differ: the layout, or how glosses become
    /// stems (EnglishStemmer, CEDICTReader).
    static let version: UInt32 = 12
    static let magic: [UInt8] = Array("ACLX".utf8)

    static func encode(_ lexicon: Lexicon) -> [UInt8] {
        var out = magic
        put(version, &out)
        for table in [lexicon.stems, lexicon.headwords] {
            putBytes(table.bytes, &out)
            putInts(table.offsets, &out)
            putInts(table.slots, &out)
        }
        putInts(lexicon.translationStart, &out)
        putInts(lexicon.translationIDs, &out)
        let readings = lexicon.readings.sorted { $0.key < $1.key }
        putInts(readings.map { Int32(bitPattern: $0.key) }, &out)
        putBytes(Array(readings.map(\.value).joined(separator: " ").utf8), &out)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> Lexicon? {
        guard bytes.count > 8, Array(bytes[0..<4]) == magic else { return nil }
        var reader = Reader(data: bytes, position: 4)
        guard reader.u32() == version else { return nil }
        var tables: [StringTable] = []
        for _ in 0..<2 {
            guard let arena = reader.bytes(), let offsets = reader.ints(), let slots = reader.ints(),
                let table = StringTable(bytes: arena, offsets: offsets, slots: slots)
            else { return nil }
            tables.append(table)
        }
        guard let start = reader.ints(), let ids = reader.ints(), let characters = reader.ints(),
            let syllableBytes = reader.bytes()
        else { return nil }
        let syllables = syllableBytes.isEmpty ? [] : syllableBytes.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard syllables.count == characters.count else { return nil }
        var readings: [UInt32: String] = [:]
        readings.reserveCapacity(characters.count)
        for (k, c) in characters.enumerated() { readings[UInt32(bitPattern: c)] = syllables[k] }
        return Lexicon(
            stems: tables[0], headwords: tables[1], translationStart: start, translationIDs: ids, readings: readings)
    }

    struct Reader {
        let data: [UInt8]
        var position: Int

        mutating func u32() -> UInt32? {
            guard position + 4 <= data.count else { return nil }
            let b = data
            let p = position
            position += 4
            return UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
        }

        mutating func bytes() -> [UInt8]? {
            guard let n = u32(), position + Int(n) <= data.count else { return nil }
            defer { position += Int(n) }
            return Array(data[position..<(position + Int(n))])
        }

        mutating func ints() -> [Int32]? {
            guard let n = u32(), position + Int(n) * 4 <= data.count else { return nil }
            let count = Int(n)
            let start = position
            position += count * 4
            return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                data.withUnsafeBytes { raw in
                    for k in 0..<count {
                        buffer[k] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * k, as: Int32.self))
                    }
                }
                initialized = count
            }
        }
    }

    private static func put(_ v: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8((v >> 8) & 0xFF))
        out.append(UInt8((v >> 16) & 0xFF))
        out.append(UInt8(v >> 24))
    }

    private static func putBytes(_ bytes: [UInt8], _ out: inout [UInt8]) {
        put(UInt32(bytes.count), &out)
        out.append(contentsOf: bytes)
    }

    private static func putInts(_ values: [Int32], _ out: inout [UInt8]) {
        put(UInt32(values.count), &out)
        for v in values { put(UInt32(bitPattern: v), &out) }
    }
}
