/// A dictionary key that hashes and compares a string's UTF-8 bytes. `String`'s own
/// hashing normalises non-ASCII text on every lookup; the pipeline's texts are NFC
/// already, so byte equality is the same equality, and much cheaper for Chinese.
struct ByteKey: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var x = a.string
        var y = b.string
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    /// The bytes hashed eight at a time, handed to the hasher as one word (SipHash over
    /// every byte of a Chinese paragraph costs more than the lookup it serves).
    func hash(into hasher: inout Hasher) {
        var s = string
        hasher.combine(s.withUTF8 { Self.wordHash($0) })
    }

    /// A multiply–xorshift hash over 64-bit words (the tail zero-padded, the length mixed
    /// in); the hasher's seeded SipHash still scrambles the result.
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
