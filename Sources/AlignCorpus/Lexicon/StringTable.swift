/// An immutable set of strings, each with an index, stored as flat arrays (a byte arena,
/// offsets, open-addressing slots). It loads from the lexicon cache without rehashing a
/// single string, which a Swift `Dictionary` of 200,000 keys would.
struct StringTable: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var offsets: [Int32]  // count + 1
    private(set) var slots: [Int32]  // -1: empty; else a string index

    /// Number of strings.
    var count: Int { offsets.count - 1 }

    /// A table of `strings`; string k gets index k. Strings must be distinct.
    init(_ strings: [String]) {
        bytes = []
        offsets = [0]
        for s in strings {
            bytes.append(contentsOf: s.utf8)
            offsets.append(Int32(bytes.count))
        }
        var size = 16
        while size < strings.count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        for k in 0..<strings.count {
            var slot = Int(truncatingIfNeeded: Self.hash(bytes, Int(offsets[k]), Int(offsets[k + 1]))) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k)
        }
    }

    /// A table from its stored arrays (checked for consistency).
    init?(bytes: [UInt8], offsets: [Int32], slots: [Int32]) {
        guard let last = offsets.last, Int(last) == bytes.count, offsets.first == 0,
            slots.count.nonzeroBitCount == 1, slots.allSatisfy({ $0 < Int32(offsets.count - 1) })
        else { return nil }
        self.bytes = bytes
        self.offsets = offsets
        self.slots = slots
    }

    /// FNV-1a over a byte range.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end {
            h ^= UInt64(b[i])
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    static func hash(_ b: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        b.withUnsafeBufferPointer { hash($0, start, end) }
    }

    /// The index of `key`, or nil.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in index(ofUTF8: k) }
    }

    func index(ofUTF8 k: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(k, 0, k.count)) & mask
        return bytes.withUnsafeBufferPointer { arena in
            slots.withUnsafeBufferPointer { slots in
                offsets.withUnsafeBufferPointer { offsets in
                    while true {
                        let candidate = Int(slots[slot])
                        if candidate < 0 { return nil }
                        let start = Int(offsets[candidate])
                        let end = Int(offsets[candidate + 1])
                        if end - start == k.count && (k.count == 0 || memcmp(arena.baseAddress! + start, k.baseAddress!, k.count) == 0) {
                            return candidate
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The string with index `k`.
    func string(at k: Int) -> String {
        String(decoding: bytes[Int(offsets[k])..<Int(offsets[k + 1])], as: UTF8.self)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
