import ArgumentParser
import ElmanRNN
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Training throughput against the numpy implementation in bench/, in the same run.",
        discussion: """
            Both sides train the seed's configuration (H = 16, τ = 8, α = 0.1, exact gradient) for \
            --samples samples, --repeats times, and report the median time per sample. Each side \
            times only its training loop, with its own monotonic clock (Swift's ContinuousClock, \
            Python's time.perf_counter), after one untimed warm-up run. Build with -c release.
            """)

    @Option(help: "Training samples per timed run.") var samples = 20_000
    @Option(help: "Timed runs per side; the median is reported.") var repeats = 5
    @Option(help: "The numpy implementation to compare with.") var numpyScript = "bench/numpy_bptt.py"
    @Option(help: "The Python interpreter.") var python = "python3"

    func run() throws {
        #if DEBUG
        print("warning: this is a debug build; run `swift run -c release bptt bench` for real numbers")
        #endif
        var configuration = TrainingConfiguration()
        configuration.epochs = samples
        let clock = ContinuousClock()
        var times: [Double] = []
        for run in 0...repeats {
            var trainer = Trainer(configuration)
            let start = clock.now
            for _ in 0..<samples { trainer.step() }
            if run > 0 { times.append((clock.now - start).seconds / Double(samples) * 1e6) }
        }
        let swift = median(times)
        let numpy = try runNumpy()
        print("training throughput, H = 16, τ = 8, \(samples) samples × \(repeats) runs, median µs per sample")
        print(String(format: "  Swift (ElmanRNN): %10.3f µs/sample", swift))
        print(String(format: "  numpy (%@):       %10.3f µs/sample", numpyScript, numpy))
        print(String(format: "  ratio numpy / Swift: %.1f×", numpy / swift))
    }

    private func runNumpy() throws -> Double {
        guard FileManager.default.fileExists(atPath: numpyScript) else {
            throw CLIError("\(numpyScript) not found; run from the package root or pass --numpy-script")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, numpyScript, "--samples", "\(samples)", "--repeats", "\(repeats)"]
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

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count.isMultiple(of: 2) ? (s[s.count / 2 - 1] + s[s.count / 2]) / 2 : s[s.count / 2]
}
