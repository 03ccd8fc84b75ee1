import CTextScan

/// Swift face of the C byte scans in CTextScan.
enum TextScan {
    /// Han and Latin letter counts and the white-space and NFC flags of `text`.
    static func paragraph(_ bytes: [UInt8]) -> tscan_paragraph_info {
        var info = tscan_paragraph_info()
        bytes.withUnsafeBufferPointer { tscan_paragraph($0.baseAddress, Int32($0.count), &info) }
        return info
    }

    static func paragraph(_ text: String) -> tscan_paragraph_info {
        var text = text
        var info = tscan_paragraph_info()
        text.withUTF8 { tscan_paragraph($0.baseAddress, Int32($0.count), &info) }
        return info
    }

    /// The result of a UTF-8 check.
    struct UTF8Check {
        /// Offset of the first invalid byte, or nil.
        var firstInvalid: Int?
        /// Length of an unfinished sequence at the very end.
        var incompleteTail: Int
        var nulCount: Int
        var controlCount: Int
    }

    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Check {
        var tail: Int32 = 0
        var nuls: Int32 = 0
        var controls: Int32 = 0
        let invalid = tscan_utf8_check(bytes.baseAddress, Int32(bytes.count), &tail, &nuls, &controls)
        return UTF8Check(
            firstInvalid: invalid < 0 ? nil : Int(invalid), incompleteTail: Int(tail), nulCount: Int(nuls),
            controlCount: Int(controls))
    }
}
