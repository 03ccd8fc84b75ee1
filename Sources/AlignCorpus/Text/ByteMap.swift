/// Distinct byte strings numbered densely from 0 in the order they were added: an
/// open-addressing table over a byte arena. Probing takes bytes in place (a word inside a
/// sentence's UTF-8), so the hot lookups of feature extraction build no `String` and pay
/// no `Hasher`.
struct ByteMap {
    private var arena: [UInt8] = []
    private var ends: [Int32] = []  // key k is arena[(k == 0 ? 0 : ends[k - 1])..<ends[k]]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 16)

    /// Number of keys.
    var count: Int { ends.count }

    /// The number of `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = ByteKey.wordHash(key)
        return find(key, h).index
    }

    /// The number of `key`, added when new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let h = ByteKey.wordHash(key)
        let found = find(key, h)
        if let k = found.index { return (k, false) }
        let k = ends.count
        arena.append(contentsOf: key)
        ends.append(Int32(arena.count))
        hashes.append(h)
        slots[found.slot] = Int32(k)
        if ends.count * 2 > slots.count { grow() }
        return (k, true)
    }

    /// The same for a `String`'s bytes.
    mutating func insert(_ key: String) -> (index: Int, inserted: Bool) {
        var key = key
        return key.withUTF8 { insert($0) }
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for k in slots.indices { slots[k] = -1 }
    }

    /// The key's slot, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let k = Int(slots[slot])
                if k < 0 { return (nil, slot) }
                if hashes[k] == h {
                    let start = k == 0 ? 0 : Int(ends[k - 1])
                    let end = Int(ends[k])
                    if end - start == key.count
                        && (key.count == 0 || memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0)
                    {
                        return (k, slot)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        for k in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[k]) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
