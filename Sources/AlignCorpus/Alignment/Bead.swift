/// A group of Chinese sentences aligned with a group of English sentences. One side may be
/// empty (a sentence with no counterpart).
public struct Bead: Equatable, Hashable, Sendable {
    /// Indices of the Chinese sentences (0-based, contiguous).
    public var zh: Range<Int>
    /// Indices of the English sentences.
    public var en: Range<Int>
    /// About the probability that the bead is a correct translation unit, in [0, 1];
    /// 0 for beads with an empty side.
    public var score: Double
    /// The evidence behind the score: lexical similarity in [0, 1] (idf-weighted coverage
    /// of each side by the other, averaged).
    public var similarity: Double
    /// The evidence behind the score: Gale–Church length cost (−log of the tail probability
    /// of the English length given the Chinese one; 0 is a perfect fit).
    public var lengthCost: Double

    /// Creates a bead.
    public init(zh: Range<Int>, en: Range<Int>, score: Double = 0, similarity: Double = 0, lengthCost: Double = 0) {
        self.zh = zh
        self.en = en
        self.score = score
        self.similarity = similarity
        self.lengthCost = lengthCost
    }

    /// The bead in Vecalign's format: `[0, 1]:[0]`, `[]:[3]`.
    public var vecalignText: String {
        "[" + zh.map(String.init).joined(separator: ", ") + "]:[" + en.map(String.init).joined(separator: ", ") + "]"
    }
}

/// 128 bits: which units (or tokens) of one sentence another sentence covers.
struct Bits128: Equatable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    @inline(__always) mutating func set(_ k: Int) {
        if k < 64 { lo |= 1 << UInt64(k) } else if k < 128 { hi |= 1 << UInt64(k - 64) }
    }

    @inline(__always) static func | (a: Bits128, b: Bits128) -> Bits128 { Bits128(lo: a.lo | b.lo, hi: a.hi | b.hi) }

    @inline(__always) func contains(_ k: Int) -> Bool {
        k < 64 ? (lo >> UInt64(k)) & 1 == 1 : k < 128 ? (hi >> UInt64(k - 64)) & 1 == 1 : false
    }

    /// These bits and, for each stand-in set among them, the words it stands for.
    @inline(__always) func withStandIns(_ standIns: [(token: Int, words: Bits128)]) -> Bits128 {
        var result = self
        for s in standIns where contains(s.token) { result = result | s.words }
        return result
    }

    /// Calls `body` with the index of each set bit, lowest first.
    @inline(__always) func forEachIndex(_ body: (Int) -> Void) {
        var x = lo
        while x != 0 {
            body(x.trailingZeroBitCount)
            x &= x - 1
        }
        x = hi
        while x != 0 {
            body(64 + x.trailingZeroBitCount)
            x &= x - 1
        }
    }

    /// Sums of `a[k]` and of `b[k]` over the set bits, in one walk.
    @inline(__always) func weightedSums(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> (Float, Float) {
        var sum = (Float(0), Float(0))
        forEachIndex {
            sum.0 += a[$0]
            sum.1 += b[$0]
        }
        return sum
    }

    /// Sum of `weights[k]` over the set bits.
    @inline(__always) func weightedSum(_ weights: UnsafeBufferPointer<Float>) -> Float {
        var sum: Float = 0
        forEachIndex { sum += weights[$0] }
        return sum
    }
}
