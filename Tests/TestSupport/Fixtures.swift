import Foundation

/// Test fixtures live in `Tests/Fixtures`, found from this file's path so the tests need
/// nothing outside the repository.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository's top folder.
    public static let repository = directory.deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A sample page shipped in `corpora/`.
    public static func corpus(_ relative: String) -> String {
        repository.appendingPathComponent("corpora").appendingPathComponent(relative).path
    }

    /// Writes `data` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ data: Data, suffix: String = ".txt") throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aligncorpus-test-\(UUID().uuidString)\(suffix)")
        try data.write(to: url)
        return url.path
    }

    /// Re-encodes UTF-8 text with glibc's iconv, so encoding tests make their own inputs.
    public static func encode(_ text: String, as charset: String) throws -> Data {
        let cd = iconv_open(charset, "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { throw CocoaError(.featureUnsupported) }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let written = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 ? -1 : outBuf.count - outLeft
            }
        }
        guard written >= 0 else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
        return Data(output[0..<written].map { UInt8(bitPattern: $0) })
    }
}
