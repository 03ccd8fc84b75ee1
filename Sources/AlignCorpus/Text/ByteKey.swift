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

    /// FNV-1a over the bytes, handed to the hasher as one word (SipHash over every byte
    /// of a Chinese sentence costs more than the lookup it serves).
    func hash(into hasher: inout Hasher) {
        var s = string
        hasher.combine(s.withUTF8 { StringTable.hash($0, 0, $0.count) })
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
