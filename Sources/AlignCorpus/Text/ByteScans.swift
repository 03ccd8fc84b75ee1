/// Small scans shared by the byte- and scalar-level recognisers (page furniture, credits,
/// datelines, tokens), which run on every paragraph or sentence and so avoid `Character`.
extension RandomAccessCollection where Element: Equatable {
    /// True when `needle` occurs as a contiguous run (an empty needle always does).
    func containsRun(_ needle: [Element]) -> Bool {
        guard let head = needle.first else { return true }
        guard needle.count <= count else { return false }
        var i = startIndex
        let last = index(endIndex, offsetBy: -needle.count)
        while i <= last {
            if self[i] == head {
                var j = index(after: i)
                var k = 1
                while k < needle.count && self[j] == needle[k] {
                    j = index(after: j)
                    k += 1
                }
                if k == needle.count { return true }
            }
            i = index(after: i)
        }
        return false
    }

    /// True when the collection ends with `suffix`.
    func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && self[index(endIndex, offsetBy: -suffix.count)...].elementsEqual(suffix)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Calls `body` with each scalar value of the buffer, which must be valid UTF-8.
    @inline(__always)
    func forEachScalarValue(_ body: (UInt32) -> Void) {
        var i = 0
        while i < count {
            let c = self[i]
            let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            var v = length == 1 ? UInt32(c) : UInt32(c) & (0xFF >> UInt32(length + 1))
            var k = 1
            while k < length && i + k < count {
                v = v << 6 | UInt32(self[i + k] & 0x3F)
                k += 1
            }
            body(v)
            i += length
        }
    }
}
