import ArgumentParser
import Display
import ElmanRNN
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train one network, plot its accuracy curve and evaluate it on every operand pair.")

    @OptionGroup var options: TrainingOptions
    @Option(help: "Write the trained parameters to this JSON file.") var save: String?
    @Flag(help: "Print one JSON object (epochsToConverge, exhaustiveAccuracy, finalLoss, seconds) instead.")
    var json = false
    @Flag(help: "Train with the reference code the course shows (Trainer) instead of the fast path (FastTrainer, H = 16 only).")
    var reference = false

    func run() throws {
        noteIfDebugBuild("train")
        let configuration = options.configuration
        let progress = ProgressLine(total: configuration.epochs, enabled: !json)
        let clock = ContinuousClock()
        let start = clock.now
        let interval = max(configuration.epochs / 200, 1)
        let report = { (history: TrainingHistory) in
            progress.update(epoch: history.loss.count, accuracy: history.windowAccuracy.last ?? 0)
        }
        let history: TrainingHistory, θ: Parameters
        if !reference, var fast = FastTrainer(configuration) {
            history = fast.train(progressInterval: interval, progress: report)
            θ = fast.θ
        } else {
            var trainer = Trainer(configuration)
            history = trainer.train(progressInterval: interval, progress: report)
            θ = trainer.θ
        }
        let accuracy = Evaluation.exhaustiveAccuracy(
            θ, operandRange: configuration.operandRange,
            encoding: BitEncoding(width: configuration.width, order: configuration.order))
        let seconds = (clock.now - start).seconds
        progress.finish()
        if let save {
            do { try θ.json.write(toFile: save, atomically: true, encoding: .utf8) } catch {
                throw CLIError("cannot write \(save): \(error.localizedDescription)")
            }
        }
        if json {
            let converge = history.epochsToConverge.map(String.init) ?? "null"
            print("{\"epochsToConverge\": \(converge), \"exhaustiveAccuracy\": \(accuracy), "
                + "\"finalLoss\": \(history.loss.last ?? .nan), \"seconds\": \(seconds)}")
            return
        }
        Plot(
            title: "Training accuracy (last \(configuration.window) samples)", xLabel: "epoch",
            yLabel: "accuracy", series: [.init(name: "accuracy", y: history.windowAccuracy)],
            yRange: 0...1
        ).show()
        print("")
        print("converged (last \(configuration.window) all right) at epoch: "
            + (history.epochsToConverge.map(String.init) ?? "never"))
        print("exhaustive accuracy over all \(configuration.operandRange)×\(configuration.operandRange) pairs: "
            + String(format: "%.2f%%", accuracy * 100))
        print("final loss: \(history.loss.last ?? .nan)   time: \(String(format: "%.2f", seconds)) s")
        if let save { print("saved parameters to \(save)") }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// One line on stderr rewritten in place, only when stderr is a terminal, so logs stay clean.
final class ProgressLine {
    private let total: Int
    private let enabled: Bool

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func update(epoch: Int, accuracy: Double) {
        guard enabled else { return }
        let filled = epoch * 30 / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data(String(
            format: "\r[%@] epoch %d/%d  accuracy %5.1f%%", bar, epoch, total, accuracy * 100).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
