import ArgumentParser
import Foundation
import Testing
@testable import bptt

/// Bad input to `bptt` is a one-line error with a non-zero exit code, never a crash.
@Suite struct CommandLineTests {
    static let invalid: [(arguments: [String], message: String)] = [
        (["train", "--bogus"], "Unknown option '--bogus'"),
        (["train", "--range", "100"], "--range must be 128 or 256"),
        (["train", "--epochs", "0"], "--epochs must be at least 1"),
        (["train", "--gradient", "fancy"], "fancy"),
        (["train", "--lr", "0"], "--lr must be a positive number"),
        (["gradients", "--params", "p.json", "--a", "300", "--b", "1"], "--a must be an 8-bit operand"),
        (["gradients", "--params", "p.json", "--a", "1"], "Missing expected argument '--b <b>'"),
        (["sweep", "--seeds", "3-1"], "--seeds: cannot read '3-1'"),
        (["bench", "--repeats", "0"], "--repeats must be at least 1"),
        (["bench", "--samples", "0"], "--samples must be at least 1"),
    ]

    @Test(arguments: invalid)
    func invalidArgumentsAreRejectedWithAClearMessage(_ arguments: [String], _ message: String) throws {
        var thrown: Error?
        do {
            var command = try BPTT.parseAsRoot(arguments)
            try command.run()
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(BPTT.message(for: error).contains(message), "\(BPTT.message(for: error))")
        #expect(BPTT.exitCode(for: error) != .success)
    }

    @Test(arguments: [
        ("missing.json", "cannot read"),
        ("not-json", "not valid JSON"),
        ("wrong-shape", "W must be 1×1"),
    ])
    func badParameterFilesGiveOneLineErrors(_ name: String, _ message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bptt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{oops".utf8).write(to: directory.appendingPathComponent("not-json"))
        try Data(#"{"U": [[1, 2]], "W": [[1, 2]], "b": [1], "V": [[1]], "c": [0]}"#.utf8)
            .write(to: directory.appendingPathComponent("wrong-shape"))
        let path = directory.appendingPathComponent(name).path
        var command = try BPTT.parseAsRoot(["gradients", "--params", path, "--a", "1", "--b", "2"])
        #expect {
            try command.run()
        } throws: { error in
            let text = BPTT.message(for: error)
            return text.contains(message) && !text.contains("\n") && BPTT.exitCode(for: error) != .success
        }
    }

    @Test func seedListsReadRangesAndLists() throws {
        #expect(try SeedList.parse("0-3,7") == [0, 1, 2, 3, 7])
        #expect(try SeedList.parse("5") == [5])
        #expect(throws: (any Error).self) { try SeedList.parse("x") }
    }
}
