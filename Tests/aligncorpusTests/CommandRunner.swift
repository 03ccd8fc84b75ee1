import Foundation
import Testing
import TestSupport

/// Runs the built `aligncorpus` binary and compares long outputs with golden files.
enum CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = Fixtures.repository
    static let cacheDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("aligncorpus-test-cache-\(ProcessInfo.processInfo.processIdentifier)").path

    /// The binary built next to the test bundle (or `ALIGNCORPUS_BIN`).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ALIGNCORPUS_BIN"] { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        if !dir.hasDirectoryPath { dir.deleteLastPathComponent() }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("aligncorpus")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("aligncorpus")
    }

    /// Runs the binary with the project's test lexicon (`Tests/Fixtures/mini-cedict.u8`) and
    /// a private cache folder, so results do not depend on what the machine has installed.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["ALIGNCORPUS_LEXICON"] = Fixtures.path("mini-cedict.u8")
        env["XDG_CACHE_HOME"] = cacheDirectory
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = repository
        // Output goes to files, so a large output can never block the child.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("aligncorpus-out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("aligncorpus-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Compares `actual` with `Golden/NAME`; with `RECORD_GOLDEN=1` rewrites the file instead.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = testsDirectory.appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from Golden/\(name); re-record with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
    }

}
