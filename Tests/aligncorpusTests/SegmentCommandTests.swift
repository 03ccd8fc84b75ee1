import Foundation
import Testing
import TestSupport

@Suite struct SegmentCommandTests {
    static let page = "corpora/pages/dairy-agreement.txt"

    @Test func segmentsThePageInDocumentOrder() throws {
        let result = try CommandRunner.run(["segment", Self.page])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        try CommandRunner.expectGolden(result.stdout, "segment-dairy-agreement.txt")
    }

    @Test func printsWords() throws {
        let result = try CommandRunner.run(["segment", "--words", Self.page])
        #expect(result.status == 0)
        try CommandRunner.expectGolden(result.stdout, "segment-words-dairy-agreement.txt")
    }

    @Test func printsJSONLinesWithZones() throws {
        let result = try CommandRunner.run(["segment", "--format", "jsonl", Self.page])
        #expect(result.status == 0)
        try CommandRunner.expectGolden(result.stdout, "segment-dairy-agreement.jsonl")
        let first = try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
        #expect(first?["language"] as? String == "zh")
        #expect(first?["paragraph"] as? Int == 0)
    }

    @Test func readsStandardInput() throws {
        let data = try Data(contentsOf: CommandRunner.repository.appendingPathComponent(Self.page))
        let fromStdin = try CommandRunner.run(["segment", "-"], stdin: data)
        let fromFile = try CommandRunner.run(["segment", Self.page])
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test func gb18030AndUTF16GiveTheSameBytes() throws {
        let utf8 = try CommandRunner.run(["segment", "--format", "jsonl", Self.page]).stdout
        let text = try String(contentsOf: CommandRunner.repository.appendingPathComponent(Self.page), encoding: .utf8)
        for encoding in [String.Encoding.utf16, .utf16BigEndian] {
            let path = try Fixtures.temporaryFile(text.data(using: encoding)!)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let other = try CommandRunner.run(["segment", "--format", "jsonl", path])
            #expect(other.status == 0)
            #expect(other.stdout == utf8.replacingOccurrences(of: Self.page, with: path))
        }
        let gbPath = try Fixtures.temporaryFile(try Fixtures.encode(text, as: "GB18030"))
        defer { try? FileManager.default.removeItem(atPath: gbPath) }
        let gb = try CommandRunner.run(["segment", gbPath])
        #expect(gb.status == 0)
        #expect(gb.stdout == (try CommandRunner.run(["segment", Self.page]).stdout))
    }

    @Test func binaryFileIsReportedAndTheRestStillSegmented() throws {
        let binary = try Fixtures.temporaryFile(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), suffix: ".png")
        defer { try? FileManager.default.removeItem(atPath: binary) }
        let result = try CommandRunner.run(["segment", binary, Self.page])
        #expect(result.status == 1)
        #expect(result.stderr == "\(binary): error: not a text file: contains NUL bytes (binary data?)\n")
        #expect(result.stdout == (try CommandRunner.run(["segment", Self.page]).stdout))
    }

    @Test func emptyAndMissingFiles() throws {
        let empty = try Fixtures.temporaryFile(Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let result = try CommandRunner.run(["segment", empty, "no/such/file.txt"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(empty): error: file is empty (no text to segment)
            no/such/file.txt: error: cannot read file: No such file or directory

            """)
    }

    @Test func undecodableFileNamesTheOffset() throws {
        let path = try Fixtures.temporaryFile(Data("Fine so far.\n".utf8) + Data([0xC3, 0x28]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["segment", "--encoding", "UTF-8", path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(path): error: invalid UTF-8 byte sequence at byte offset 13\n")
    }

    @Test func badFlagsExit64() throws {
        #expect(try CommandRunner.run(["segment", "--no-such-flag", Self.page]).status == 64)
        #expect(try CommandRunner.run(["segment"]).status == 64)
        #expect(try CommandRunner.run(["segment", "--format", "xml", Self.page]).status == 64)
        let unknown = try CommandRunner.run(["segment", "--encoding", "klingon", Self.page])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "error: unknown encoding 'klingon'\n")
    }
}
