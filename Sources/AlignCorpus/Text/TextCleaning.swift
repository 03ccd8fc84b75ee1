/// Text clean-up shared by the segmenter and the writers.
public enum TextCleaning {
    /// Collapses every run of white space and control characters to one space and trims
    /// both ends. Other characters are kept as they are.
    public static func collapseWhitespace(_ text: String) -> String {
        var needsWork = false
        var previousSpace = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousSpace { needsWork = true; break }
                previousSpace = true
            } else if v < 0x20 || (v >= 0x7F && v < 0xA0) || (v > 0x20 && CharClass.isSpace(v)) {
                needsWork = true
                break
            } else {
                previousSpace = false
            }
        }
        if !needsWork && !previousSpace { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if CharClass.isSpace(v) || v < 0x20 || (v >= 0x7F && v < 0xA0) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            appendUTF8(v, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Removes end marks (`■`, `□`, `(完)`, `（完）`) and the white space around them from the
    /// end of a paragraph.
    public static func strippingEndMarks(_ text: String) -> String {
        var s = Substring(text)
        while true {
            let before = s.count
            while let last = s.unicodeScalars.last, CharClass.isSpace(last.value) { s = s.dropLast() }
            if s.hasSuffix("■") || s.hasSuffix("□") {
                s = s.dropLast()
            } else if s.hasSuffix("(完)") || s.hasSuffix("（完）") {
                s = s.dropLast(3)
            }
            if s.count == before { break }
        }
        return s.count == text.count ? text : String(s)
    }
}
