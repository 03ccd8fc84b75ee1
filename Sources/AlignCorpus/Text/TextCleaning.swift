/// Text clean-up shared by the segmenter and the writers.
public enum TextCleaning {
    /// Collapses every run of white space and control characters to one space and trims
    /// both ends. Other characters are kept as they are.
    public static func collapseWhitespace(_ text: String) -> String {
        if TextScan.paragraph(text).needs_whitespace_work == 0 { return text }
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

    /// A TSV field: tabs, line breaks (CR, LF, U+0085, U+2028, U+2029) and other control
    /// characters become a space, so a field never breaks a row or a column.
    public static func tsvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isFieldBreaking($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isFieldBreaking(s.value) ? " " : s) }
        return String(out)
    }

    @inline(__always)
    static func isFieldBreaking(_ v: UInt32) -> Bool {
        v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || v == 0x2028 || v == 0x2029
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
        let bytes = Array(text.utf8)
        var end = bytes.count
        while true {
            while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x96 && (bytes[end - 1] == 0xA0 || bytes[end - 1] == 0xA1) {
                end -= 3  // ■ □
            } else if bytes[..<end].ends(with: Self.halfWidthEnd) {
                end -= halfWidthEnd.count
            } else if bytes[..<end].ends(with: Self.fullWidthEnd) {
                end -= fullWidthEnd.count
            } else {
                break
            }
        }
        return end == bytes.count ? text : String(decoding: bytes[..<end], as: UTF8.self)
    }

    static let halfWidthEnd = Array("(完)".utf8)
    static let fullWidthEnd = Array("（完）".utf8)
}

extension ArraySlice where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
