/// A trainer that takes one SGD step per sample and keeps the moving window's accuracy:
/// ``Trainer`` (the reference) and ``FastTrainer`` (the fast path) share ``train(progressInterval:progress:)``.
public protocol TrainingLoop: ~Copyable {
    var configuration: TrainingConfiguration { get }
    /// Samples trained so far.
    var epoch: Int { get }
    /// The window's accuracy after the last step.
    var window: MovingAccuracy { get }
    /// One epoch: returns the sample's loss (before the update) and whether all its bits were right.
    mutating func step() -> (loss: Double, allBitsRight: Bool)
}

extension TrainingLoop where Self: ~Copyable {
    /// Trains for `configuration.epochs` epochs and records each one.
    /// `progress` is called every `progressInterval` epochs with the history so far.
    public mutating func train(
        progressInterval: Int = 0, progress: ((TrainingHistory) -> Void)? = nil
    ) -> TrainingHistory {
        var history = TrainingHistory()
        history.reserve(configuration.epochs)
        for _ in 0..<configuration.epochs {
            let (loss, right) = step()
            history.loss.append(loss)
            history.allBitsRight.append(right)
            history.windowAccuracy.append(window.accuracy)
            if history.epochsToConverge == nil, window.isPerfect { history.epochsToConverge = epoch }
            if let progress, progressInterval > 0, epoch % progressInterval == 0 { progress(history) }
        }
        return history
    }
}
