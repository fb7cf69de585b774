import ArgumentParser
import ElmanRNN
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Training throughput against the numpy implementation in bench/, in the same run.",
        discussion: """
            Both sides train the seed's configuration (H = 16, τ = 8, α = 0.1, exact gradient) for \
            --samples samples per run. Runs alternate, Swift then numpy, --repeats times, so both \
            sides see the same machine; each side times only its training loop with its own \
            monotonic clock (Swift's ContinuousClock, Python's time.perf_counter) after an untimed \
            warm-up. Reported: the median µs per sample of each side and the median of the \
            per-pair ratios. Build with -c release.
            """)

    @Option(help: "Training samples per timed run.") var samples = 10_000
    @Option(help: "Timed runs per side, alternating Swift and numpy; medians are reported.") var repeats = 7
    @Option(help: "The numpy implementation to compare with.") var numpyScript = "bench/numpy_bptt.py"
    @Option(help: "The Python interpreter.") var python = "python3"

    func validate() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1, got \(samples)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
    }

    func run() throws {
        noteIfDebugBuild("bench")
        var configuration = TrainingConfiguration()
        configuration.epochs = samples
        let clock = ContinuousClock()
        func swiftRun() -> Double {
            var trainer = Trainer(configuration)
            let start = clock.now
            for _ in 0..<samples { trainer.step() }
            return (clock.now - start).seconds / Double(samples) * 1e6
        }
        _ = swiftRun()  // warm-up, untimed
        // Alternate the two sides so that both see the same machine (this VM's speed drifts).
        var swift: [Double] = [], numpy: [Double] = [], ratios: [Double] = []
        for _ in 0..<repeats {
            swift.append(swiftRun())
            numpy.append(try runNumpy())
            ratios.append(numpy.last! / swift.last!)
        }
        print("training throughput, H = 16, τ = 8, \(samples) samples per run, \(repeats) alternating runs per side")
        print(String(format: "  Swift (ElmanRNN):  median %8.3f µs/sample  (runs: %@)", median(swift)!, list(swift)))
        print(String(format: "  numpy (%@):  median %8.3f µs/sample  (runs: %@)", numpyScript, median(numpy)!, list(numpy)))
        print(String(format: "  ratio numpy / Swift: median %.1f× over the pairs (min %.1f×, max %.1f×)",
                     median(ratios)!, ratios.min()!, ratios.max()!))
    }

    private func list(_ values: [Double]) -> String { values.map { String(format: "%.2f", $0) }.joined(separator: ", ") }

    private func runNumpy() throws -> Double {
        guard FileManager.default.fileExists(atPath: numpyScript) else {
            throw CLIError("\(numpyScript) not found; run from the package root or pass --numpy-script")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, numpyScript, "--samples", "\(samples)", "--repeats", "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { throw CLIError("cannot start \(python): \(error.localizedDescription)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              let value = Double(text.split(separator: "\n").last ?? "")
        else { throw CLIError("the numpy benchmark failed (is numpy installed? `pip install numpy`)") }
        return value
    }
}
