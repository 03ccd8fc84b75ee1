import Foundation
import Testing
import TestSupport

@testable import AlignCorpus

/// All segments of a file, as `language|zone|text` lines.
private func segmentLines(_ path: String, encoding: String? = nil) throws -> [String] {
    let reader = try ParagraphReader(path: path, encoding: encoding)
    let segmenter = try SentenceSegmenter()
    var lines: [String] = []
    while let paragraph = try reader.next() {
        for s in segmenter.segments(of: paragraph) {
            lines.append("\(s.language)|\(s.paragraph)|\(s.zone?.rawValue ?? "-")|\(s.text)")
        }
    }
    return lines
}

private func expectError(_ expected: AlignCorpusError, _ body: () throws -> Void) {
    #expect(throws: expected) { try body() }
}

@Suite struct EncodingTests {
    static let simplifiedPage = Fixtures.corpus("pages/dairy-agreement.txt")
    static let traditionalPage = Fixtures.path("traditional-page.txt")

    @Test(arguments: ["UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "UTF-16LE", "GB18030", "GBK", "CRLF"])
    func simplifiedPageSegmentsIdentically(variant: String) throws {
        let text = try String(contentsOfFile: Self.simplifiedPage, encoding: .utf8)
        let data: Data
        switch variant {
        case "UTF-8 BOM": data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case "UTF-16LE BOM": data = Data([0xFF, 0xFE]) + (try Fixtures.encode(text, as: "UTF-16LE"))
        case "UTF-16BE BOM": data = Data([0xFE, 0xFF]) + (try Fixtures.encode(text, as: "UTF-16BE"))
        case "CRLF": data = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        default: data = try Fixtures.encode(text, as: variant)
        }
        let path = try Fixtures.temporaryFile(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try segmentLines(path) == segmentLines(Self.simplifiedPage))
    }

    @Test func big5PageSegmentsIdentically() throws {
        let text = try String(contentsOfFile: Self.traditionalPage, encoding: .utf8)
        let path = try Fixtures.temporaryFile(try Fixtures.encode(text, as: "BIG5"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ParagraphReader(path: path)
        #expect(reader.encoding == "Big5")
        #expect(try segmentLines(path) == segmentLines(Self.traditionalPage))
    }

    @Test func detectedEncodingIsReported() throws {
        let text = try String(contentsOfFile: Self.simplifiedPage, encoding: .utf8)
        let path = try Fixtures.temporaryFile(try Fixtures.encode(text, as: "GB18030"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ParagraphReader(path: path).encoding == "GB18030")
        #expect(try ParagraphReader(path: Self.simplifiedPage).encoding == "UTF-8")
    }

    @Test func encodingCanBeNamed() throws {
        let text = "中文句子。English sentence."
        let path = try Fixtures.temporaryFile(try Fixtures.encode(text, as: "UTF-16LE"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ParagraphReader(path: path, encoding: "utf-16le").readAll().map(\.text) == [text])
    }

    @Test func largeFileStreamsAcrossChunkBoundaries() throws {
        // Multi-byte characters straddle the 1 MiB chunk boundaries at odd offsets.
        let line = "这是第一句话。This is English text, too.\n"
        let text = String(repeating: "a" + line, count: 60_000)
        let path = try Fixtures.temporaryFile(Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let paragraphs = try ParagraphReader(path: path).readAll()
        #expect(paragraphs.count == 60_000)
        #expect(paragraphs.allSatisfy { $0.text == "a" + line.dropLast() })
    }
}

@Suite struct BadInputTests {
    @Test func binaryFileIsNotText() throws {
        let path = try Fixtures.temporaryFile(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3E, 0x00]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(.notText(path: path, reason: "contains NUL bytes (binary data?)")) {
            _ = try ParagraphReader(path: path)
        }
    }

    @Test func emptyAndBlankFilesAreEmpty() throws {
        for data in [Data(), Data(" \n\n\t\n".utf8), Data([0xEF, 0xBB, 0xBF])] {
            let path = try Fixtures.temporaryFile(data)
            defer { try? FileManager.default.removeItem(atPath: path) }
            expectError(.empty(path: path)) { _ = try ParagraphReader(path: path).readAll() }
        }
    }

    @Test func invalidUTF8GivesTheByteOffset() throws {
        let path = try Fixtures.temporaryFile(Data("Good text here.\n".utf8) + Data([0xFF, 0xFE, 0x41]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(.undecodable(path: path, encoding: "UTF-8", byteOffset: 16)) {
            _ = try ParagraphReader(path: path, encoding: "UTF-8").readAll()
        }
        expectError(.undetectable(path: path, utf8ErrorOffset: 16)) { _ = try ParagraphReader(path: path).readAll() }
    }

    @Test func truncatedUTF8AtTheEndIsAnError() throws {
        let path = try Fixtures.temporaryFile(Data("完整的句子。".utf8) + Data([0xE4, 0xB8]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(.undecodable(path: path, encoding: "UTF-8", byteOffset: 18)) {
            _ = try ParagraphReader(path: path).readAll()
        }
    }

    @Test func badBytesDeepInAGB18030FileGiveTheirOffset() throws {
        let good = try Fixtures.encode(String(repeating: "中文句子。\n", count: 20_000), as: "GB18030")
        let path = try Fixtures.temporaryFile(good + Data([0x81, 0x20]) + good.prefix(12))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(.undecodable(path: path, encoding: "GB18030", byteOffset: good.count)) {
            _ = try ParagraphReader(path: path).readAll()
        }
    }

    @Test func missingFileAndDirectory() throws {
        expectError(.unreadable(path: "/nonexistent/x.txt", reason: "No such file or directory")) {
            _ = try ParagraphReader(path: "/nonexistent/x.txt")
        }
        expectError(.unreadable(path: Fixtures.directory.path, reason: "is a directory")) {
            _ = try ParagraphReader(path: Fixtures.directory.path)
        }
    }

    @Test func unknownEncodingName() throws {
        expectError(.unknownEncoding("no-such-charset")) {
            _ = try ParagraphReader(path: Fixtures.path("traditional-page.txt"), encoding: "no-such-charset")
        }
    }

    @Test func errorsPrintAsPathErrorMessage() {
        let error = AlignCorpusError.undecodable(path: "a.txt", encoding: "GB18030", byteOffset: 7)
        #expect(error.description == "a.txt: error: invalid GB18030 byte sequence at byte offset 7")
    }
}

@Suite struct ParagraphTests {
    @Test func languageGoesByDominantScript() {
        #expect(LanguageClassifier.classify("习近平会见美国国务卿Rex Tillerson。") == .zh)
        #expect(LanguageClassifier.classify("2024年GDP增长5.0%") == .zh)
        #expect(LanguageClassifier.classify("Chinese President Xi Jinping (习近平) spoke.") == .en)
        #expect(LanguageClassifier.classify("2024-07-03 ■") == nil)
    }

    @Test func neutralParagraphsTakeANeighboursLanguage() throws {
        let path = try Fixtures.temporaryFile(Data("2025-03-18\n\n中文标题\n\n■\n\nEnglish title\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let paragraphs = try ParagraphReader(path: path).readAll()
        #expect(paragraphs.map(\.language) == [.zh, .zh, .zh, .en])
        #expect(paragraphs.map(\.index) == [0, 1, 2, 3])
    }

    @Test func hardWrappedEnglishLinesJoin() throws {
        let path = try Fixtures.temporaryFile(Data("The talks covered trade\nand investment.\nA new line starts here.\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ParagraphReader(path: path).readAll().map(\.text) == [
            "The talks covered trade and investment.", "A new line starts here.",
        ])
    }
}
