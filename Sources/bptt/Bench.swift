import ArgumentParser
import ElmanRNN
import Foundation
import Statistics

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Training throughput against tuned C and numpy implementations in bench/, in the same run.",
        discussion: """
            All sides train the seed's configuration (H = 16, τ = 8, α = 0.1, exact gradient) for \
            --samples samples per run. Runs alternate, Swift, C, numpy, --repeats times, so all \
            sides see the same machine; each side times only its training loop after an untimed \
            warm-up, by the process's CPU time (--clock cpu, the default: on a shared machine the \
            wall clock also counts time spent waiting for a core) or the monotonic wall clock. \
            Reported: each side's median µs per sample and the median of the per-pair ratios \
            Swift / C and numpy / Swift. Sweep throughput: the lane trainer that `bptt sweep` \
            uses (LaneTrainer, several seeds per SIMD lane group) trains one group for --samples \
            samples per run, on one core, alternating with the others; reported as networks × \
            samples per second of CPU time, against the C's single-network samples per second, \
            as the median of the per-pair ratios. The C (bench/elman_bptt.c) is compiled with \
            `gcc -O3 -march=native` into .build/bench/ when it is missing or older than its source. \
            Before timing, the C's reference loop (the library's arithmetic in the library's \
            order) and its tuned loop are checked against the Swift library's losses. \
            Build with -c release.
            """)

    @Option(help: "Training samples per timed run.") var samples = 10_000
    @Option(help: "Timed runs per side, alternating; medians are reported.") var repeats = 7
    @Option(help: "What the runs are timed by: cpu (process CPU time) or wall (monotonic clock).")
    var clock = BenchClock.cpu
    @Option(help: "The tuned C implementation to compare with.") var cSource = "bench/elman_bptt.c"
    @Option(help: "The C compiler (called as <cc> -O3 -march=native).") var cc = "gcc"
    @Flag(inversion: .prefixedNo, help: "Also run the numpy implementation (slow: about 2 s a run).")
    var numpy = true
    @Option(help: "The numpy implementation to compare with.") var numpyScript = "bench/numpy_bptt.py"
    @Option(help: "The Python interpreter.") var python = "python3"

    func validate() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1, got \(samples)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
    }

    func run() throws {
        noteIfDebugBuild("bench")
        let peer = try CPeer.compiled(source: cSource, compiler: cc)
        if numpy, !FileManager.default.fileExists(atPath: numpyScript) {
            throw CLIError("\(numpyScript) not found; run from the package root, pass --numpy-script, or --no-numpy")
        }
        try reportAgreement(with: peer)

        var configuration = TrainingConfiguration()
        configuration.epochs = samples
        func referenceRun() -> Double {
            var trainer = Trainer(configuration)
            let start = clock.now()
            for _ in 0..<samples { trainer.step() }
            return (clock.now() - start) / Double(samples) * 1e6
        }
        func fastRun() -> Double {
            guard var trainer = FastTrainer(configuration) else { return .nan }
            let start = clock.now()
            for _ in 0..<samples { trainer.step() }
            return (clock.now() - start) / Double(samples) * 1e6
        }
        /// µs per network and sample, for one lane group of different seeds on this core.
        func laneRun() -> Double {
            var lanes = LaneTrainer(configuration, seeds: (0..<UInt64(LaneTrainer.laneCount)).map { $0 })
            let start = clock.now()
            _ = lanes.train()
            return (clock.now() - start) / Double(samples * LaneTrainer.laneCount) * 1e6
        }
        _ = (referenceRun(), fastRun(), laneRun())  // warm-up, untimed
        // Interleave the sides so that all see the same machine (this VM's speed drifts).
        var reference: [Double] = [], swift: [Double] = [], c: [Double] = [], numpyTimes: [Double] = [], lanes: [Double] = []
        for _ in 0..<repeats {
            swift.append(fastRun())
            reference.append(referenceRun())
            c.append(try peer.microsecondsPerSample(samples: samples, clock: clock))
            lanes.append(laneRun())
            if numpy { numpyTimes.append(try runNumpy()) }
        }
        print("training throughput, H = 16, τ = 8, \(samples) samples per run, \(repeats) alternating runs per side, "
            + "\(clock.rawValue) time")
        printSide("Swift (FastTrainer, what bptt train runs)", swift)
        printSide("Swift (Trainer, the reference the course shows)", reference)
        printSide("C (\(cSource), \(cc) -O3 -march=native)", c)
        printRatio("Swift / C", zip(swift, c).map { $0 / $1 })
        printRatio("Swift reference / C", zip(reference, c).map { $0 / $1 })
        print("sweep throughput per core, \(LaneTrainer.laneCount) seeds per lane group (LaneTrainer, as `bptt sweep`):")
        printSide("Swift lane sweep, per network", lanes)
        print(String(format: "  lane sweep: median %.3g networks × samples per %@-second per core; C single network: %.3g samples per %@-second",
                     1e6 / median(lanes)!, clock.rawValue, 1e6 / median(c)!, clock.rawValue))
        printRatio("lane sweep throughput / C single-network throughput", zip(c, lanes).map { $0 / $1 })
        printRatio("lane sweep throughput / Swift reference single-network throughput", zip(reference, lanes).map { $0 / $1 })
        if numpy {
            printSide("numpy (\(numpyScript))", numpyTimes)
            printRatio("numpy / Swift", zip(numpyTimes, swift).map { $0 / $1 })
        }
    }

    /// The same network on the same samples: the C's reference loop must give the Swift
    /// library's losses bit for bit (it does the same operations in the same order); the tuned
    /// loop fuses and reorders, so its losses drift apart as training goes on (training is
    /// chaotic), and the difference is reported, not required to vanish.
    private func reportAgreement(with peer: CPeer) throws {
        print("same network, same samples (loss of sample n, before its update):")
        for n in Set([1, 100, samples]).sorted() {
            var configuration = TrainingConfiguration()
            configuration.epochs = n
            var trainer = Trainer(configuration)
            var loss = Double.nan
            for _ in 0..<n { loss = trainer.step().loss }
            let (reference, tuned) = try peer.losses(afterSamples: n)
            let verdict = reference == loss
                ? "bit-identical"
                : String(format: "DIFFERS by %.2e relative", abs(reference - loss) / abs(loss))
            print(String(format: "  n = %d: Swift %.17g, C reference %@, C tuned %.2e relative from Swift",
                         n, loss, verdict, abs(tuned - loss) / abs(loss)))
        }
    }

    private func printSide(_ name: String, _ values: [Double]) {
        print(String(format: "  %@: median %8.3f µs/sample  (runs: %@)", name, median(values)!,
                     values.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
    }

    private func printRatio(_ name: String, _ ratios: [Double]) {
        print(String(format: "  ratio %@: median %.2f× over the pairs (min %.2f×, max %.2f×)",
                     name, median(ratios)!, ratios.min()!, ratios.max()!))
    }

    private func runNumpy() throws -> Double {
        let output: String
        do {
            // One BLAS thread: matrices of 16 need no more, and idle threads would blur CPU time.
            output = try runTool("/usr/bin/env", ["OPENBLAS_NUM_THREADS=1", python, numpyScript, "--samples", "\(samples)", "--repeats", "1",
                                                  "--clock", clock.rawValue])
        } catch {
            throw CLIError("the numpy benchmark failed (is numpy installed? `pip install numpy`; or pass --no-numpy): \(error)")
        }
        guard let value = Double(output.split(separator: "\n").last ?? "") else {
            throw CLIError("the numpy benchmark printed no time: \(output)")
        }
        return value
    }
}
