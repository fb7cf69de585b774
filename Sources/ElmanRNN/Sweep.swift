import Dispatch
import Foundation
import Statistics

/// The outcome of one training run, as `bptt sweep` and the course report it.
public struct RunSummary: Sendable, Equatable {
    public var seed: UInt64
    public var epochsToConverge: Int?
    public var exhaustiveAccuracy: Double
    public var finalLoss: Double
    /// The trained weights.
    public var θ: Parameters
    /// The network at the epoch the run first converged; nil when it never did, or when the
    /// sweep did not record it (``SweepRecording/atConvergence``).
    public var atConvergence: Checkpoint? = nil
    /// The network at each of the sweep's ``SweepRecording/checkpoints`` within its epochs, in order.
    public var checkpoints: [Checkpoint] = []
}

extension RunSummary {
    /// Trains one network and evaluates it on every operand pair.
    public init(training configuration: TrainingConfiguration) {
        self.init(training: configuration, recording: .nothing)
    }
}

/// Many seeds of one configuration, trained in parallel on all cores.
public struct Sweep: Sendable {
    public var runs: [RunSummary]

    /// Seeds are trained ``LaneTrainer/laneCount`` at a time, one per SIMD lane, when
    /// ``LaneTrainer/supports(_:)`` the configuration (the same results as ``Trainer``, bit
    /// for bit, several times faster), else one at a time by ``Trainer``; either way spread
    /// over all cores. `recording` says which checkpoints to keep of each run (none by default).
    public init(_ configuration: TrainingConfiguration, seeds: [UInt64], recording: SweepRecording = .nothing) {
        let results = ResultSlots(count: seeds.count)
        if LaneTrainer.supports(configuration) {
            let groups = stride(from: 0, to: seeds.count, by: LaneTrainer.laneCount).map {
                $0..<min($0 + LaneTrainer.laneCount, seeds.count)
            }
            DispatchQueue.concurrentPerform(iterations: groups.count) { g in
                let group = groups[g]
                for (k, run) in zip(group, RunSummary.lanes(training: configuration, seeds: Array(seeds[group]), recording: recording)) {
                    results.store(run, at: k)
                }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: seeds.count) { k in
                var one = configuration
                one.seed = seeds[k]
                results.store(RunSummary(training: one, recording: recording), at: k)
            }
        }
        runs = results.values
    }

    public var converged: [Int] { runs.compactMap(\.epochsToConverge).sorted() }

    /// The median of the epochs to converge over the runs that converged.
    public var medianEpochs: Double? { median(converged.map(Double.init)) }

    public var meanExhaustiveAccuracy: Double {
        runs.map(\.exhaustiveAccuracy).reduce(0, +) / Double(max(runs.count, 1))
    }
}

/// Results written from concurrent iterations, each into its own slot.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [RunSummary?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: RunSummary, at k: Int) { lock.withLock { slots[k] = value } }
    var values: [RunSummary] { lock.withLock { slots.map { $0! } } }
}
