import ArgumentParser
import Display
import ElmanRNN
import Foundation

@main
struct BPTT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bptt",
        abstract: "Train and inspect the seed's Elman RNN that adds binary numbers, by BPTT.",
        subcommands: [Train.self, Gradients.self, Sweep.self, Bench.self]
    )
}

/// A user-facing failure: printed as one line `Error: ...`, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension OutputGradient: ExpressibleByArgument {}
extension BitOrder: ExpressibleByArgument {}

/// Training in a debug build is about a hundred times slower (the vector code runs lane by lane
/// through unoptimised generics), so a debug `train`, `sweep` or `bench` says so on stderr.
func noteIfDebugBuild(_ subcommand: String) {
    #if DEBUG
    FileHandle.standardError.write(Data(
        "note: this is a debug build, about 100× slower; `swift run -c release bptt \(subcommand)` is the fast one\n".utf8))
    #endif
}
