/// An immutable set of strings, each with an index, stored as flat arrays (a byte arena,
/// offsets, open-addressing slots). It loads from the lexicon cache without rehashing a
/// single string, which a Swift `Dictionary` of 200,000 keys would.
struct StringTable: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var offsets: [Int32]  // count + 1
    private(set) var slots: [Int32]  // -1: empty; else a string index
    /// One bit per hash value's top bits, set for every string: most lookups that miss
    /// (Chinese word runs that are no headword) stop at this 128 KiB filter, which stays
    /// in cache, instead of at the multi-megabyte slots.
    private var filter: [UInt64] = []
    private static let filterBits = 20

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
        filter = Self.filter(bytes, offsets)
    }

    static func filter(_ bytes: [UInt8], _ offsets: [Int32]) -> [UInt64] {
        var filter = [UInt64](repeating: 0, count: 1 << (filterBits - 6))
        bytes.withUnsafeBufferPointer { b in
            for k in 0..<(offsets.count - 1) {
                let bit = filterBit(hash(b, Int(offsets[k]), Int(offsets[k + 1])))
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        return filter
    }

    /// The filter bit of a hash: its top bits (the slot takes the low ones).
    @inline(__always) static func filterBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> (64 - UInt64(filterBits))) }

    /// A table from its stored arrays (checked for consistency).
    init?(bytes: [UInt8], offsets: [Int32], slots: [Int32]) {
        guard let last = offsets.last, Int(last) == bytes.count, offsets.first == 0,
            slots.count.nonzeroBitCount == 1, slots.allSatisfy({ $0 < Int32(offsets.count - 1) })
        else { return nil }
        self.bytes = bytes
        self.offsets = offsets
        self.slots = slots
        filter = Self.filter(bytes, offsets)
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
        let h = Self.hash(k, 0, k.count)
        let bit = Self.filterBit(h)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
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
