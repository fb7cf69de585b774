@testable import ElmanRNN
import Statistics
import Testing

/// Checkpoints of a sweep: the lane path against ``Trainer``, bit for bit, and a long sweep
/// cut at a checkpoint against the shorter sweep.
@Suite struct CheckpointTests {
    /// Small enough for a debug build; most of these seeds converge within the budget.
    static func configuration(epochs: Int) -> TrainingConfiguration {
        var c = TrainingConfiguration(hidden: 6, learningRate: 0.3, epochs: epochs, operandRange: 8)
        c.width = 4
        c.window = 10
        return c
    }

    static let seeds = Array(UInt64(0)..<10)

    static func perSeed(_ configuration: TrainingConfiguration, _ recording: SweepRecording) -> [RunSummary] {
        seeds.map { seed in
            var one = configuration
            one.seed = seed
            return RunSummary(training: one, recording: recording)
        }
    }

    @Test func lanesRecordWhatTrainerRecords() throws {
        let configuration = Self.configuration(epochs: 1_200)
        // 5000 lies beyond the budget and is ignored; 400 is asked for twice and kept once.
        let recording = SweepRecording(checkpoints: [800, 400, 1_200, 5_000, 400], atConvergence: true)
        let sweep = Sweep(configuration, seeds: Self.seeds, recording: recording)
        let reference = Self.perSeed(configuration, recording)
        #expect(sweep.runs.count == reference.count)
        for (run, alone) in zip(sweep.runs, reference) {
            #expect(run == alone, "seed \(alone.seed): the lanes' checkpoints differ from Trainer's")
            #expect(run.checkpoints.map(\.epoch) == [400, 800, 1_200])
            #expect((run.atConvergence == nil) == (run.epochsToConverge == nil))
        }
        try #require(sweep.runs.contains { $0.atConvergence != nil }, "no run converged: the test proves nothing")
    }

    @Test func aCheckpointHoldsTheWeightsAfterItsEpoch() throws {
        let recording = SweepRecording(checkpoints: [300], atConvergence: true)
        let runs = Sweep(Self.configuration(epochs: 1_200), seeds: Self.seeds, recording: recording).runs
        let converged = try #require(runs.first { $0.atConvergence != nil })
        let atConvergence = try #require(converged.atConvergence)
        for checkpoint in [atConvergence, try #require(converged.checkpoint(atEpoch: 300))] {
            var short = Self.configuration(epochs: checkpoint.epoch)
            short.seed = converged.seed
            var trainer = Trainer(short)
            let history = trainer.train()
            #expect(checkpoint.θ == trainer.θ)
            #expect(checkpoint.loss == history.loss.last)
            #expect(checkpoint.exhaustiveAccuracy == Evaluation.exhaustiveAccuracy(
                trainer.θ, operandRange: short.operandRange, encoding: trainer.encoding))
        }
        #expect(atConvergence.epoch == converged.epochsToConverge)
    }

    /// Training is sample by sample, so the first N epochs of a longer run are the N-epoch run.
    @Test func aLongSweepCutAtACheckpointIsTheShortSweep() throws {
        let recording = SweepRecording(checkpoints: [600, 1_200], atConvergence: true)
        let long = Sweep(Self.configuration(epochs: 1_200), seeds: Self.seeds, recording: recording)
        let short = Sweep(Self.configuration(epochs: 600), seeds: Self.seeds, recording: recording)
        let cut = try #require(long.cut(atEpoch: 600))
        for (c, s) in zip(cut.runs, short.runs) { #expect(c == s, "seed \(s.seed)") }
        #expect(cut.runs.count == short.runs.count)
        #expect(long.cut(atEpoch: 601) == nil)
        // The cut changes something: otherwise the two budgets would not have been told apart.
        #expect(cut.runs.map(\.exhaustiveAccuracy) != long.runs.map(\.exhaustiveAccuracy))
    }

    @Test func aSweepRecordsNothingUnlessAsked() {
        let runs = Sweep(Self.configuration(epochs: 300), seeds: [1, 2]).runs
        #expect(runs.allSatisfy { $0.checkpoints.isEmpty && $0.atConvergence == nil })
    }
}
