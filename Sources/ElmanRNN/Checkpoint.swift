/// A network as it stood after one epoch of a run: its weights, their accuracy on every
/// operand pair, and the loss of that epoch's sample.
///
/// A sweep records one at chosen epochs and one at each run's convergence epoch (see
/// ``SweepRecording``), so that one long sweep answers questions about shorter budgets and
/// about the moment the window first becomes perfect.
public struct Checkpoint: Sendable, Equatable {
    /// Epochs trained when the checkpoint was taken (the checkpoint follows that epoch's update).
    public var epoch: Int
    /// ``Evaluation/exhaustiveAccuracy(_:operandRange:encoding:)`` of ``θ``.
    public var exhaustiveAccuracy: Double
    /// The loss of that epoch's sample, before its update.
    public var loss: Double
    /// The weights after that epoch's update.
    public var θ: Parameters

    public init(epoch: Int, exhaustiveAccuracy: Double, loss: Double, θ: Parameters) {
        self.epoch = epoch
        self.exhaustiveAccuracy = exhaustiveAccuracy
        self.loss = loss
        self.θ = θ
    }
}

/// What a ``Sweep`` keeps of each run besides its end: checkpoints at chosen epochs, and one
/// at the epoch the run first converged. Each checkpoint costs one evaluation on every pair,
/// so nothing is recorded unless asked for.
public struct SweepRecording: Sendable, Equatable {
    /// Epochs after which to take a checkpoint; those beyond the configuration's epochs are
    /// ignored, and each epoch counts once.
    public var checkpoints: [Int]
    /// Whether to take a checkpoint at each run's convergence epoch.
    public var atConvergence: Bool

    public init(checkpoints: [Int] = [], atConvergence: Bool = false) {
        self.checkpoints = checkpoints
        self.atConvergence = atConvergence
    }

    /// Record nothing beyond the run's end.
    public static let nothing = SweepRecording()

    /// The checkpoint epochs that fall within `epochs`, sorted, each once.
    func epochs(within epochs: Int) -> [Int] {
        Array(Set(checkpoints.filter { $0 >= 1 && $0 <= epochs })).sorted()
    }
}

extension RunSummary {
    /// ``init(training:)``, keeping the checkpoints `recording` asks for.
    ///
    /// The reference for ``lanes(training:seeds:recording:)``: both take each checkpoint after
    /// the same epoch's update, so they agree bit for bit (`CheckpointTests`).
    public init(training configuration: TrainingConfiguration, recording: SweepRecording) {
        var trainer = Trainer(configuration)
        var pending = recording.epochs(within: configuration.epochs)[...]
        var converged: Int?, lastLoss = Double.nan
        var atConvergence: Checkpoint?, checkpoints: [Checkpoint] = []
        func checkpoint(_ loss: Double) -> Checkpoint {
            Checkpoint(epoch: trainer.epoch,
                       exhaustiveAccuracy: Evaluation.exhaustiveAccuracy(
                           trainer.θ, operandRange: configuration.operandRange, encoding: trainer.encoding),
                       loss: loss, θ: trainer.θ)
        }
        for _ in 0..<configuration.epochs {
            let (loss, _) = trainer.step()
            lastLoss = loss
            if converged == nil, trainer.window.isPerfect {
                converged = trainer.epoch
                if recording.atConvergence { atConvergence = checkpoint(loss) }
            }
            if pending.first == trainer.epoch {
                pending.removeFirst()
                checkpoints.append(checkpoint(loss))
            }
        }
        // A checkpoint at the last epoch has evaluated the final weights already.
        let final = checkpoints.last.flatMap { $0.epoch == trainer.epoch ? $0.exhaustiveAccuracy : nil }
            ?? Evaluation.exhaustiveAccuracy(trainer.θ, operandRange: configuration.operandRange, encoding: trainer.encoding)
        self.init(
            seed: configuration.seed, epochsToConverge: converged, exhaustiveAccuracy: final,
            finalLoss: lastLoss, θ: trainer.θ, atConvergence: atConvergence, checkpoints: checkpoints)
    }

    /// ``init(training:recording:)`` for each of `seeds` (at most ``LaneTrainer/laneCount``),
    /// trained together by ``LaneTrainer``: the same summaries, bit for bit.
    ///
    /// The weights at convergence are copied out of a lane at its convergence epoch and
    /// evaluated together after training; the checkpoints at fixed epochs are evaluated in
    /// every lane at once when training reaches them.
    /// - Precondition: `LaneTrainer.supports(configuration)`.
    public static func lanes(
        training configuration: TrainingConfiguration, seeds: [UInt64], recording: SweepRecording
    ) -> [RunSummary] {
        var trainer = LaneTrainer(configuration, seeds: seeds)
        let checkpointEpochs = Set(recording.epochs(within: configuration.epochs))
        var atConvergence = [Parameters?](repeating: nil, count: seeds.count)
        var checkpoints = [[Checkpoint]](repeating: [], count: seeds.count)
        let histories = trainer.train { trainer, convergedNow in
            if recording.atConvergence { for k in convergedNow { atConvergence[k] = trainer.θ(k) } }
            if checkpointEpochs.contains(trainer.epoch) {
                for (k, accuracy) in trainer.exhaustiveAccuracies().enumerated() {
                    // The loss is filled in from the history once training is done.
                    checkpoints[k].append(Checkpoint(epoch: trainer.epoch, exhaustiveAccuracy: accuracy,
                                                     loss: .nan, θ: trainer.θ(k)))
                }
            }
        }
        // A checkpoint at the last epoch has evaluated the final weights already.
        let accuracies = checkpointEpochs.contains(trainer.epoch) && trainer.epoch > 0
            ? checkpoints.map { $0.last!.exhaustiveAccuracy } : trainer.exhaustiveAccuracies()
        var runs = seeds.indices.map { k in
            RunSummary(seed: seeds[k], epochsToConverge: histories[k].epochsToConverge,
                       exhaustiveAccuracy: accuracies[k], finalLoss: histories[k].loss.last ?? .nan,
                       θ: trainer.θ(k),
                       checkpoints: checkpoints[k].map { c in
                           var c = c
                           c.loss = histories[k].loss[c.epoch - 1]
                           return c
                       })
        }
        if atConvergence.contains(where: { $0 != nil }) {
            // Lanes that never converged are evaluated on their final weights and not reported.
            trainer.load(seeds.indices.map { atConvergence[$0] ?? runs[$0].θ })
            let accuraciesAtConvergence = trainer.exhaustiveAccuracies()
            for k in seeds.indices {
                guard let θ = atConvergence[k], let epoch = runs[k].epochsToConverge else { continue }
                runs[k].atConvergence = Checkpoint(epoch: epoch, exhaustiveAccuracy: accuraciesAtConvergence[k],
                                                   loss: histories[k].loss[epoch - 1], θ: θ)
            }
        }
        return runs
    }

    /// The run as if it had been trained for `epoch` epochs only, read from its checkpoint at
    /// `epoch`: training goes sample by sample, so this is exactly the shorter run's summary
    /// (`CheckpointTests`). Nil when the run has no checkpoint at `epoch`.
    public func cut(atEpoch epoch: Int) -> RunSummary? {
        guard let checkpoint = checkpoints.first(where: { $0.epoch == epoch }) else { return nil }
        var run = self
        run.epochsToConverge = epochsToConverge.flatMap { $0 <= epoch ? $0 : nil }
        if run.epochsToConverge == nil { run.atConvergence = nil }
        run.exhaustiveAccuracy = checkpoint.exhaustiveAccuracy
        run.finalLoss = checkpoint.loss
        run.θ = checkpoint.θ
        run.checkpoints = checkpoints.filter { $0.epoch <= epoch }
        return run
    }

    /// The run's checkpoint at `epoch`, if it has one.
    public func checkpoint(atEpoch epoch: Int) -> Checkpoint? { checkpoints.first { $0.epoch == epoch } }
}

extension Sweep {
    /// A sweep of runs trained elsewhere, e.g. the parts of a sweep trained to different budgets.
    public init(runs: [RunSummary]) {
        self.runs = runs
    }

    /// The sweep as if every run had been trained for `epoch` epochs (``RunSummary/cut(atEpoch:)``);
    /// nil unless every run has a checkpoint at `epoch`.
    public func cut(atEpoch epoch: Int) -> Sweep? {
        var cut: [RunSummary] = []
        for run in runs {
            guard let short = run.cut(atEpoch: epoch) else { return nil }
            cut.append(short)
        }
        return Sweep(runs: cut)
    }
}
