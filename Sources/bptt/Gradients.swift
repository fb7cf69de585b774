import ArgumentParser
import ElmanRNN
import Foundation

struct Gradients: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the BPTT gradients of one sample as JSON shaped like the parameters.",
        discussion: """
            The output has dU, dW, db, dV, dc under the keys U, W, b, V, c, then "loss" (the loss \
            this gradient is exact for: squared error for --gradient exact, cross-entropy for \
            --gradient seed), "lossFunction" and "yHat" (ŷ(1)...ŷ(τ)).
            """)

    @Option(help: "Parameters JSON, as written by `bptt train --save`.") var params: String
    @Option(name: .customLong("a"), help: "First operand, 0...255.") var operandA: Int
    @Option(name: .customLong("b"), help: "Second operand, 0...255.") var operandB: Int
    @Option(help: "Output gradient: exact or seed.") var gradient = OutputGradient.exact
    @Option(help: "Bit order: little or big.") var order = BitOrder.little

    func validate() throws {
        for (name, value) in [("--a", operandA), ("--b", operandB)] where !(0...255).contains(value) {
            throw ValidationError("\(name) must be an 8-bit operand, 0...255; got \(value)")
        }
    }

    func run() throws {
        let θ: Parameters
        do { θ = try Parameters(contentsOf: URL(fileURLWithPath: params)) } catch { throw CLIError(error.description) }
        let encoding = BitEncoding(width: 8, order: order)
        let sample = Sample(a: operandA, b: operandB, encoding: encoding)
        var forward = ForwardPass(hidden: θ.H, τ: encoding.width)
        forward.run(θ, x: sample.x)
        var backward = BackwardPass(hidden: θ.H, τ: encoding.width)
        backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: gradient)
        let loss = gradient.loss(yHat: forward.yHat, y: sample.y)
        var fields = backward.gradients.jsonFields
        fields.append(("loss", "\(loss)"))
        fields.append(("lossFunction", gradient == .exact ? "\"squared-error\"" : "\"cross-entropy\""))
        fields.append(("yHat", jsonArray(Array(forward.yHat.dropFirst()))))
        print("{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}")
    }
}
