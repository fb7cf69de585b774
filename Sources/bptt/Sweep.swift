import ArgumentParser
import Display
import ElmanRNN
import Foundation
import Statistics

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train many seeds on all cores and tabulate how often and how fast they converge.")

    @OptionGroup var options: TrainingOptions
    @Option(help: "Seeds: a range like 0-19 or a list like 1,5,9.") var seeds = "0-19"

    func run() throws {
        let list = try SeedList.parse(seeds)
        noteIfDebugBuild("sweep")
        let sweep = ElmanRNN.Sweep(options.configuration, seeds: list)
        var table = Table(columns: ["seed", "epochs to converge", "exhaustive accuracy", "final loss"])
        for run in sweep.runs {
            table.append([
                "\(run.seed)", run.epochsToConverge.map(String.init) ?? "never",
                String(format: "%.2f%%", run.exhaustiveAccuracy * 100), String(format: "%.4f", run.finalLoss),
            ])
        }
        table.show()
        print("")
        let e = sweep.converged
        var summary = Table(columns: ["converged", "median epochs", "min", "max", "mean exhaustive accuracy"])
        summary.append([
            "\(e.count)/\(sweep.runs.count)", sweep.medianEpochs.map { String(format: "%.0f", $0) } ?? "-",
            e.first.map(String.init) ?? "-", e.last.map(String.init) ?? "-",
            String(format: "%.2f%%", sweep.meanExhaustiveAccuracy * 100),
        ])
        summary.show()
        print("")
        print("converged: \(sweep.convergenceRate)   median epochs: "
            + (sweep.medianEpochsInterval.map(\.description) ?? "-") + "   " + (sweep.epochQuartiles.map(\.description) ?? ""))
    }
}

/// Parses `0-19` or `1,5,9` (or a mix, `0-3,7`).
enum SeedList {
    static func parse(_ text: String) throws -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            if ends.count == 1, let one = UInt64(ends[0]) {
                seeds.append(one)
            } else if ends.count == 2, let low = UInt64(ends[0]), let high = UInt64(ends[1]), low <= high,
                      high - low < 100_000 {
                seeds += Array(low...high)
            } else {
                throw ValidationError("--seeds: cannot read '\(part)'; write a range like 0-19 or a list like 1,5,9")
            }
        }
        guard !seeds.isEmpty else { throw ValidationError("--seeds is empty; write a range like 0-19") }
        return seeds
    }
}
