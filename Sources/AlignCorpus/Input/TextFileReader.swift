#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a text file (or standard input, path `-`) in any encoding aligncorpus supports and
/// hands it out as chunks of valid UTF-8, a megabyte at a time, so memory stays flat however
/// big the file is.
///
/// The encoding comes from a byte-order mark, else from a strict UTF-8 check, else from
/// ICU's charset detector on the first 64 KiB; `encoding` overrides all of that.
public final class TextFileReader {
    /// The path as given (`-` for standard input).
    public let path: String
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    /// The encoding in use, as ICU names it (`UTF-8`, `UTF-16LE`, `GB18030`, `Big5`, …).
    @exclusivity(unchecked) public private(set) var encoding: String = "UTF-8"

    static let chunkSize = 1 << 20
    static let sampleSize = 64 << 10
    static let readSize = 64 << 10

    private let fd: Int32
    @exclusivity(unchecked) private var pending: [UInt8] = []  // read but not yet decoded
    @exclusivity(unchecked) private var offset = 0  // file offset of pending[0]
    @exclusivity(unchecked) private var atEOF = false
    @exclusivity(unchecked) private var finished = false
    @exclusivity(unchecked) private var decoder: StreamDecoder?  // nil for UTF-8
    @exclusivity(unchecked) private var utf8Carry: [UInt8] = []  // unfinished UTF-8 sequence between chunks
    @exclusivity(unchecked) private var sawAnyByte = false
    @exclusivity(unchecked) private var readBuffer: UnsafeMutableRawBufferPointer?

    /// Opens `path` and works out its encoding. Throws for unreadable, empty, binary or
    /// undecodable input and for an unknown `encoding` name.
    public init(path: String, encoding requested: String? = nil) throws {
        self.path = path
        if path == "-" {
            fd = 0
        } else {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw AlignCorpusError.unreadable(path: path, reason: "is a directory")
            }
            let opened = open(path, O_RDONLY)
            if opened < 0 {
                throw AlignCorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            fd = opened
        }
        // No close on failure here: self is fully initialised, so deinit runs and closes
        // the descriptor (closing it twice could close another thread's file).
        try fill(atLeast: Self.sampleSize)
        if pending.isEmpty { throw AlignCorpusError.empty(path: path) }
        try chooseEncoding(requested)
    }

    deinit {
        if fd != 0 { close(fd) }
        readBuffer?.deallocate()
    }

    /// The next chunk of decoded UTF-8 (always whole characters), or nil at the end.
    public func nextChunk() throws -> [UInt8]? {
        while !finished {
            if pending.isEmpty && !atEOF { try fill(atLeast: Self.chunkSize) }
            let flush = atEOF
            let chunk = pending
            let base = offset
            offset += pending.count
            pending.removeAll(keepingCapacity: true)
            if flush { finished = true }
            let decoded = try decode(chunk, base: base, flush: flush)
            if !decoded.isEmpty { return decoded }
        }
        return nil
    }

    // MARK: Reading

    private func fill(atLeast wanted: Int) throws {
        // One uninitialised read buffer per reader: most inputs are pages of a few
        // kilobytes, for which zeroing a megabyte per file cost more than reading it.
        if readBuffer == nil { readBuffer = .allocate(byteCount: Self.readSize, alignment: 16) }
        let buffer = readBuffer!
        while pending.count < wanted && !atEOF {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw AlignCorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 {
                atEOF = true
            } else {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                sawAnyByte = true
            }
        }
    }

    // MARK: Encoding

    private func chooseEncoding(_ requested: String?) throws {
        if let requested {
            try use(canonical(requested))
            skipBOM()
            return
        }
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
            dropPrefix(3)
            return
        }
        if pending.starts(with: [0xFF, 0xFE]) {
            dropPrefix(2)
            return try use("UTF-16LE")
        }
        if pending.starts(with: [0xFE, 0xFF]) {
            dropPrefix(2)
            return try use("UTF-16BE")
        }
        let sample = Array(pending.prefix(Self.sampleSize))
        if sample.contains(0) {
            if let utf16 = Self.utf16WithoutBOM(sample) { return try use(utf16) }
            throw AlignCorpusError.notText(path: path, reason: "contains NUL bytes (binary data?)")
        }
        let check = sample.withUnsafeBufferPointer(TextScan.utf8)
        let invalid = check.firstInvalid
        let tail = check.incompleteTail
        if invalid == nil { return }
        // Not UTF-8: take ICU's guess when it is a Chinese charset that decodes the whole
        // sample; failing that, a Chinese charset that decodes it into mostly Han text.
        let truncated = pending.count > sample.count || !atEOF  // more bytes follow the sample
        let guess = sample.withUnsafeBufferPointer(CharsetDetector.detect)?.name
        if let guess, Self.autoDetected.contains(guess), Self.decodedSample(sample, as: guess, truncated: truncated) != nil {
            return try use(guess)
        }
        for name in ["GB18030", "Big5"] {
            if let text = Self.decodedSample(sample, as: name, truncated: truncated), Self.hanShare(text) >= 0.3 {
                return try use(name)
            }
        }
        throw AlignCorpusError.undetectable(path: path, utf8ErrorOffset: invalid ?? (sample.count - tail))
    }

    /// Charsets taken from ICU's guess (UTF-16 without a byte-order mark is recognised by
    /// its NUL bytes instead); any other ICU charset can be named with `--encoding`.
    static let autoDetected: Set<String> = ["GB18030", "Big5"]

    private func canonical(_ name: String) -> String {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf8", "utf-8": return "UTF-8"
        case "gbk", "gb2312", "gb18030", "cp936": return "GB18030"
        case "big5", "big-5", "cp950": return "Big5"
        default: return name
        }
    }

    private func use(_ name: String) throws {
        encoding = name
        decoder = name == "UTF-8" ? nil : try StreamDecoder(charset: name)
    }

    private func skipBOM() {
        switch encoding {
        case "UTF-8" where pending.starts(with: [0xEF, 0xBB, 0xBF]): dropPrefix(3)
        case "UTF-16LE" where pending.starts(with: [0xFF, 0xFE]): dropPrefix(2)
        case "UTF-16BE" where pending.starts(with: [0xFE, 0xFF]): dropPrefix(2)
        default: break
        }
    }

    private func dropPrefix(_ n: Int) {
        pending.removeFirst(n)
        offset += n
    }

    /// UTF-16 text of mostly Latin characters has NUL in every other byte.
    static func utf16WithoutBOM(_ sample: [UInt8]) -> String? {
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for i in 0..<pairs {
            if sample[2 * i] == 0 { evenZeros += 1 }
            if sample[2 * i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 4 >= pairs && evenZeros * 50 <= pairs { return "UTF-16LE" }
        if evenZeros * 4 >= pairs && oddZeros * 50 <= pairs { return "UTF-16BE" }
        return nil
    }

    /// The sample decoded as `charset`, or nil if it does not decode cleanly.
    static func decodedSample(_ sample: [UInt8], as charset: String, truncated: Bool) -> String? {
        guard let decoder = try? StreamDecoder(charset: charset) else { return nil }
        let outcome = sample.withUnsafeBufferPointer { decoder.decode($0, flush: !truncated) }
        guard case .decoded(let text) = outcome, controlShare(text) < 0.01 else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Share of Han characters among the non-ASCII characters of `text`.
    static func hanShare(_ text: String) -> Double {
        var han = 0
        var other = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if CharClass.isHan(scalar.value) { han += 1 } else { other += 1 }
        }
        return han + other == 0 ? 0 : Double(han) / Double(han + other)
    }

    /// Share of C0 control characters other than tab, line feed, form feed and carriage return.
    static func controlShare(_ utf8: [UInt8]) -> Double {
        guard !utf8.isEmpty else { return 0 }
        var controls = 0
        for b in utf8 where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D { controls += 1 }
        return Double(controls) / Double(utf8.count)
    }

    // MARK: Decoding

    private func decode(_ chunk: [UInt8], base: Int, flush: Bool) throws -> [UInt8] {
        if let decoder {
            let outcome = chunk.withUnsafeBufferPointer { decoder.decode($0, flush: flush) }
            switch outcome {
            case .decoded(let text):
                if decoder.charset.hasPrefix("UTF-16") || !text.contains(0) { return try checked(text) }
                throw AlignCorpusError.notText(path: path, reason: "contains NUL bytes (binary data?)")
            case .invalid(_, let at):
                throw AlignCorpusError.undecodable(path: path, encoding: encoding, byteOffset: base + at)
            }
        }
        var bytes = utf8Carry
        let carryCount = utf8Carry.count
        bytes.append(contentsOf: chunk)
        utf8Carry.removeAll()
        let check = bytes.withUnsafeBufferPointer(TextScan.utf8)
        if let invalid = check.firstInvalid {
            throw AlignCorpusError.undecodable(path: path, encoding: "UTF-8", byteOffset: base - carryCount + invalid)
        }
        if check.nulCount > 0 {
            throw AlignCorpusError.notText(path: path, reason: "contains NUL bytes (binary data?)")
        }
        if bytes.count >= 64 && check.controlCount * 20 > bytes.count {
            throw AlignCorpusError.notText(path: path, reason: "mostly control characters (binary data?)")
        }
        let tail = check.incompleteTail
        if tail > 0 {
            if flush {
                throw AlignCorpusError.undecodable(
                    path: path, encoding: "UTF-8", byteOffset: base - carryCount + bytes.count - tail)
            }
            utf8Carry = Array(bytes.suffix(tail))
            bytes.removeLast(tail)
        }
        return bytes
    }

    /// Rejects decoded text that is mostly control characters (binary data that happens to
    /// decode).
    private func checked(_ text: [UInt8]) throws -> [UInt8] {
        if text.contains(0) {
            throw AlignCorpusError.notText(path: path, reason: "contains NUL characters (binary data?)")
        }
        if text.count >= 64 && Self.controlShare(text) > 0.05 {
            throw AlignCorpusError.notText(path: path, reason: "mostly control characters (binary data?)")
        }
        return text
    }
}
