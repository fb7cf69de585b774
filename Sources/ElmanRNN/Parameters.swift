/// The trainable variables of the seed's network, with its names and shapes:
/// `U` (H×2), `W` (H×H), `b` (H), `V` (1×H), `c` (1).
///
/// The same type holds gradients (`dU`, `dW`, ...), which have the same shapes.
public struct Parameters: Equatable, Sendable {
    public var U: Matrix
    public var W: Matrix
    public var b: [Double]
    public var V: Matrix
    public var c: [Double]

    /// Hidden size H.
    public var H: Int { b.count }
    /// Input size: one bit of each operand, so 2 for the adder.
    public var inputSize: Int { U.columns }

    /// All zeros: the starting point of a gradient accumulator.
    public init(zerosWithHidden H: Int, inputSize: Int = 2) {
        U = Matrix(rows: H, columns: inputSize)
        W = Matrix(rows: H, columns: H)
        b = Array(repeating: 0, count: H)
        V = Matrix(rows: 1, columns: H)
        c = [0]
    }

    /// Every entry uniform in (-1, 1), drawn in the order U, W, b, V, c, each row-major,
    /// so a seed fixes the network on every platform.
    public init(hidden H: Int, inputSize: Int = 2, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        self.init(hidden: H, inputSize: inputSize, using: &rng)
    }

    public init(hidden H: Int, inputSize: Int = 2, using rng: inout SplitMix64) {
        self.init(zerosWithHidden: H, inputSize: inputSize)
        for k in U.elements.indices { U.elements[k] = rng.uniformMinusOneToOne() }
        for k in W.elements.indices { W.elements[k] = rng.uniformMinusOneToOne() }
        for k in b.indices { b[k] = rng.uniformMinusOneToOne() }
        for k in V.elements.indices { V.elements[k] = rng.uniformMinusOneToOne() }
        c[0] = rng.uniformMinusOneToOne()
    }

    /// Every entry in the order U, W, b, V, c, each row-major (the order of initialisation).
    public var allEntries: [Double] { U.elements + W.elements + b + V.elements + c }

    /// Sets every entry to zero without reallocating.
    public mutating func zero() {
        U.zero(); W.zero(); V.zero()
        for k in b.indices { b[k] = 0 }
        c[0] = 0
    }
}
