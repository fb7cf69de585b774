import ArgumentParser
import ElmanRNN
import Testing
@testable import bptt

/// `--truncation` and `--clip` reach the training configuration, default to the seed's
/// exact, unclipped BPTT, and reject values that mean nothing.
@Suite struct TruncationAndClippingOptionsTests {
    @Test func defaultsAreExactAndUnclipped() throws {
        let options = try TrainingOptions.parse([])
        #expect(options.configuration == TrainingConfiguration())
        #expect(options.configuration.truncation == nil && options.configuration.gradientClipping == nil)
    }

    @Test func valuesReachTheConfiguration() throws {
        let options = try TrainingOptions.parse(["--truncation", "2", "--clip", "1.5"])
        #expect(options.configuration.truncation == 2)
        #expect(options.configuration.gradientClipping == 1.5)
    }

    @Test(arguments: [
        (["--truncation", "0"], "--truncation must be at least 1"),
        (["--clip", "0"], "--clip must be a positive number"),
        (["--clip", "inf"], "--clip must be a positive number"),
    ])
    func meaninglessValuesAreRejected(_ arguments: [String], _ message: String) {
        #expect(throws: (any Error).self) { try TrainingOptions.parse(arguments) }
        do {
            _ = try TrainingOptions.parse(arguments)
        } catch {
            #expect(TrainingOptions.message(for: error).contains(message), "\(TrainingOptions.message(for: error))")
        }
    }
}
