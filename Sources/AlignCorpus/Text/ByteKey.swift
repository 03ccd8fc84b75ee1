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

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
