/// One training example: the operands, their sum, and the sequences the network sees.
///
/// Sequences are indexed by time step t = 1...τ as in the seed; row 0 is unused for
/// `x` and `y` so that code reads `x[t, k]` and `y[t]` exactly like the equations.
public struct Sample: Sendable {
    public var a: Int
    public var b: Int
    /// a + b modulo 2^width: the bit that overflows out of the last column is lost.
    public var sum: Int
    /// x(t) = (bit t of a, bit t of b): (τ+1)×2.
    public var x: Matrix
    /// y(t) = bit t of the sum: τ+1 entries.
    public var y: [Double]

    public var τ: Int { y.count - 1 }

    /// An empty sample for `encoding`, to be filled again and again without allocating.
    public init(encoding: BitEncoding) {
        a = 0; b = 0; sum = 0
        x = Matrix(rows: encoding.width + 1, columns: 2)
        y = Array(repeating: 0, count: encoding.width + 1)
    }

    public init(a: Int, b: Int, encoding: BitEncoding) {
        self.init(encoding: encoding)
        set(a: a, b: b, encoding: encoding)
    }

    /// Overwrites this sample with the pair (a, b), reading bits from the encoding's table.
    public mutating func set(a: Int, b: Int, encoding: BitEncoding) {
        self.a = a
        self.b = b
        sum = (a + b) & (encoding.count - 1)
        let bitsA = encoding.table[a], bitsB = encoding.table[b], bitsSum = encoding.table[sum]
        for t in 1...encoding.width {
            x[t, 0] = Double(bitsA[t - 1])
            x[t, 1] = Double(bitsB[t - 1])
            y[t] = Double(bitsSum[t - 1])
        }
    }
}
