@testable import ElmanRNN
import Testing

/// The forward and backward passes against the same equations written as plain scalar loops.
///
/// The library computes matrix-vector products several entries at a time, but promises the
/// same additions in the same order as these loops, so the results must be equal bit for
/// bit, not merely close: training is chaotic, and the course pins results (epochs to
/// converge, accuracies) that a reordered sum would move. Hidden sizes cover the vector
/// path (multiples of 8), the scalar remainder, and both.
@Suite struct PlainLoopsTests {
    @Test(arguments: [1, 3, 8, 13, 16, 20])
    func passesEqualPlainLoopsBitForBit(H: Int) {
        for (seed, (a, b)) in zip([UInt64(1), 2, 3], [(0, 0), (85, 42), (127, 127)]) {
            for variant in OutputGradient.allCases {
                let θ = Parameters(hidden: H, seed: seed)
                let sample = Sample(a: a, b: b, encoding: BitEncoding())
                var forward = ForwardPass(hidden: H, τ: 8)
                forward.run(θ, x: sample.x)
                var backward = BackwardPass(hidden: H, τ: 8)
                backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: variant)
                let plain = PlainLoops(θ, x: sample.x, y: sample.y, outputGradient: variant)

                #expect(forward.a == plain.a && forward.h == plain.h, "H = \(H), seed \(seed): a(t) or h(t) differ")
                #expect(forward.o == plain.o && forward.yHat == plain.yHat, "H = \(H), seed \(seed): o(t) or ŷ(t) differ")
                #expect(backward.dL_dh == plain.dL_dh && backward.dL_da == plain.dL_da,
                        "H = \(H), seed \(seed), \(variant): ∂L/∂h or ∂L/∂a differ")
                #expect(backward.gradients == plain.gradients, "H = \(H), seed \(seed), \(variant): parameter gradients differ")
            }
        }
    }
}

/// The seed's equations as the most direct loops: one multiply-add at a time, in index order.
private struct PlainLoops {
    var a, h, dL_dh, dL_da: Matrix
    var o, yHat, dL_do: [Double]
    var gradients: Parameters

    init(_ θ: Parameters, x: Matrix, y: [Double], outputGradient: OutputGradient) {
        let H = θ.H, τ = x.rows - 1
        a = Matrix(rows: τ + 1, columns: H)
        h = Matrix(rows: τ + 1, columns: H)
        o = Array(repeating: 0, count: τ + 1)
        yHat = Array(repeating: 0, count: τ + 1)
        for t in 1...τ {
            for i in 0..<H {
                var sum = θ.b[i]
                for j in 0..<H { sum += θ.W[i, j] * h[t - 1, j] }
                for k in 0..<x.columns { sum += θ.U[i, k] * x[t, k] }
                a[t, i] = sum
                h[t, i] = ElmanRNN.tanh(SIMD8(repeating: sum))[0]  // each lane is computed on its own
            }
            var sum = θ.c[0]
            for j in 0..<H { sum += θ.V[0, j] * h[t, j] }
            o[t] = sum
            yHat[t] = σ(sum)
        }

        dL_do = Array(repeating: 0, count: τ + 1)
        dL_dh = Matrix(rows: τ + 1, columns: H)
        dL_da = Matrix(rows: τ + 2, columns: H)
        for t in 1...τ { dL_do[t] = outputGradient.dL_do(yHat: yHat[t], y: y[t]) }
        for t in stride(from: τ, through: 1, by: -1) {
            for j in 0..<H { dL_dh[t, j] = θ.V[0, j] * dL_do[t] }
            for i in 0..<H {
                for j in 0..<H { dL_dh[t, j] += θ.W[i, j] * dL_da[t + 1, i] }
            }
            for i in 0..<H { dL_da[t, i] = (1 - h[t, i] * h[t, i]) * dL_dh[t, i] }
        }
        gradients = Parameters(zerosWithHidden: H, inputSize: θ.inputSize)
        for t in 1...τ {
            for i in 0..<H {
                for k in 0..<x.columns { gradients.U[i, k] += dL_da[t, i] * x[t, k] }
                for j in 0..<H { gradients.W[i, j] += dL_da[t, i] * h[t - 1, j] }
                gradients.b[i] += dL_da[t, i]
                gradients.V[0, i] += dL_do[t] * h[t, i]
            }
            gradients.c[0] += dL_do[t]
        }
    }
}
