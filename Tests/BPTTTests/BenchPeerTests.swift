import ElmanRNN
import Foundation
import Testing
@testable import bptt

/// The C peer that `bptt bench` times the library against must train the same network on the
/// same samples: its reference loop (the library's operations in the library's order) gives
/// the library's losses bit for bit, and its tuned loop stays within rounding of them early on.
@Suite struct BenchPeerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var source: String { packageRoot.appendingPathComponent("bench/elman_bptt.c").path }
    static let hasGCC = (try? runTool("/usr/bin/env", ["gcc", "--version"])) != nil

    /// Compiles the peer into a fresh folder, so the test never sees a stale binary.
    private func compiledPeer() throws -> (CPeer, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let executable = directory.appendingPathComponent("elman_bptt").path
        _ = try runTool("/usr/bin/env", ["gcc", "-O3", "-march=native", "-o", executable, Self.source, "-lm"])
        return (CPeer(executable: executable), directory)
    }

    @Test(.enabled(if: hasGCC, "needs gcc"), arguments: [1, 2, 37, 500])
    func referenceLoopGivesTheLibrarysLossesBitForBit(samples: Int) throws {
        let (peer, directory) = try compiledPeer()
        defer { try? FileManager.default.removeItem(at: directory) }
        var trainer = Trainer(TrainingConfiguration())
        var loss = Double.nan
        for _ in 0..<samples { loss = trainer.step().loss }
        let (reference, tuned) = try peer.losses(afterSamples: samples)
        #expect(reference == loss, "sample \(samples): C reference \(reference), Swift \(loss)")
        // FMA and four accumulators round differently; over a few samples that stays tiny.
        if samples <= 37 { #expect(abs(tuned - loss) <= 1e-12 * abs(loss), "tuned \(tuned), Swift \(loss)") }
    }

    @Test func aMissingCompilerIsAClearError() throws {
        var command = try BPTT.parseAsRoot(["bench", "--no-numpy", "--c-source", Self.source, "--cc", "no-such-cc-here"])
        #expect {
            try command.run()
        } throws: { error in
            BPTT.message(for: error).contains("no-such-cc-here not found")
        }
    }
}
