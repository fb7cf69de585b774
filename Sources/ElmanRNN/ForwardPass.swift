import Foundation

/// The forward pass of the seed's section 2.2, keeping every intermediate for inspection
/// and for BPTT. Rows are time steps t = 0...τ; row 0 holds h(0) = 0 and is unused elsewhere.
public struct ForwardPass: Sendable {
    /// a(t) = b + W h(t−1) + U x(t), the pre-activation: (τ+1)×H.
    public var a: Matrix
    /// h(t) = tanh(a(t)): (τ+1)×H, with h(0) = 0.
    public var h: Matrix
    /// o(t) = c + V h(t): τ+1 entries.
    public var o: [Double]
    /// ŷ(t) = σ(o(t)): τ+1 entries.
    public var yHat: [Double]

    public var τ: Int { o.count - 1 }

    public init(hidden H: Int, τ: Int) {
        a = Matrix(rows: τ + 1, columns: H)
        h = Matrix(rows: τ + 1, columns: H)
        o = Array(repeating: 0, count: τ + 1)
        yHat = Array(repeating: 0, count: τ + 1)
    }

    /// Runs the network over x(1)...x(τ), overwriting the stored values.
    public mutating func run(_ θ: Parameters, x: Matrix) {
        let H = θ.H, τ = self.τ
        precondition(a.columns == H && x.rows == τ + 1 && x.columns == θ.inputSize, "shapes do not match")
        θ.withViews { θ in x.withReadGrid { x in withViews { a, h, o, yHat in
            // weave:begin forward
            for t in 1...τ {
                // a(t) = b + W h(t−1) + U x(t)
                for i in 0..<H {
                    var sum = θ.b[i]
                    for j in 0..<H { sum += θ.W[i, j] * h[t - 1, j] }
                    for k in 0..<x.columns { sum += θ.U[i, k] * x[t, k] }
                    a[t, i] = sum
                }
                // h(t) = tanh(a(t))
                for i in 0..<H { h[t, i] = tanh(a[t, i]) }
                // o(t) = c + V h(t)
                var sum = θ.c[0]
                for j in 0..<H { sum += θ.V[0, j] * h[t, j] }
                o[t] = sum
                // ŷ(t) = σ(o(t))
                yHat[t] = σ(o[t])
            }
            // weave:end forward
        } } }
    }

    private mutating func withViews(_ body: (Grid, Grid, Vec, Vec) -> Void) {
        a.withGrid { a in h.withGrid { h in o.withVec { o in yHat.withVec { yHat in body(a, h, o, yHat) } } } }
    }

    /// The predicted bits: ŷ(t) rounded at ½.
    public var predictedBits: [Int] { (1...τ).map { yHat[$0] >= 0.5 ? 1 : 0 } }

    /// Whether every predicted bit equals the target's.
    public func allBitsRight(_ y: [Double]) -> Bool {
        for t in 1...τ where (yHat[t] >= 0.5) != (y[t] >= 0.5) { return false }
        return true
    }
}
