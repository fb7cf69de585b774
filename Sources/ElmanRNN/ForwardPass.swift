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

    /// Copies of Wᵀ and Uᵀ made at the start of each pass (see `run`).
    private var Wᵀ: Matrix
    private var Uᵀ: Matrix

    public var τ: Int { o.count - 1 }

    public init(hidden H: Int, τ: Int, inputSize: Int = 2) {
        a = Matrix(rows: τ + 1, columns: H)
        h = Matrix(rows: τ + 1, columns: H)
        o = Array(repeating: 0, count: τ + 1)
        yHat = Array(repeating: 0, count: τ + 1)
        Wᵀ = Matrix(rows: H, columns: H)
        Uᵀ = Matrix(rows: inputSize, columns: H)
    }

    /// Runs the network over x(1)...x(τ), overwriting the stored values.
    public mutating func run(_ θ: Parameters, x: Matrix) {
        let H = θ.H, τ = self.τ
        precondition(a.columns == H && x.rows == τ + 1 && x.columns == θ.inputSize && Uᵀ.rows == θ.inputSize,
                     "shapes do not match")
        // W h(t−1) is W's columns weighted by h(t−1): each a_i(t) gets the additions of the dot
        // product of W's row i with h(t−1), in the same order, but all i move at once. W's
        // columns are Wᵀ's rows, contiguous in a copy made once per pass (U's likewise).
        θ.W.transpose(into: &Wᵀ)
        θ.U.transpose(into: &Uᵀ)
        θ.withViews { θ in x.withReadGrid { x in withViews { a, h, o, yHat, Wᵀ, Uᵀ in
            // weave:begin forward
            for t in 1...τ {
                // a(t) = b + W h(t−1) + U x(t), with W h(t−1) as W's columns weighted by h(t−1)
                a[row: t].set(θ.b)
                a[row: t].add(rowsOf: Wᵀ, weightedBy: h[row: t - 1])
                a[row: t].add(rowsOf: Uᵀ, weightedBy: x[row: t])
                // h(t) = tanh(a(t))
                h[row: t].set(tanhOf: a[row: t])
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

    private mutating func withViews(_ body: (Grid, Grid, Vec, Vec, Grid, Grid) -> Void) {
        a.withGrid { a in h.withGrid { h in o.withVec { o in yHat.withVec { yHat in
            Wᵀ.withGrid { Wᵀ in Uᵀ.withGrid { Uᵀ in body(a, h, o, yHat, Wᵀ, Uᵀ) } }
        } } } }
    }

    /// The predicted bits: ŷ(t) rounded at ½.
    public var predictedBits: [Int] { (1...τ).map { yHat[$0] >= 0.5 ? 1 : 0 } }

    /// Whether every predicted bit equals the target's.
    public func allBitsRight(_ y: [Double]) -> Bool {
        for t in 1...τ where (yHat[t] >= 0.5) != (y[t] >= 0.5) { return false }
        return true
    }
}
