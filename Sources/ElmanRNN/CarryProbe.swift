/// Where a trained network keeps the carry: how well the hidden state h(t) tells the carry out
/// of column t, first unit by unit, then through the best linear readout of all units.
///
/// Over every pair (a, b) below `operandRange` and every step t, in the seed's little-endian
/// order (step t adds bit t − 1 of each operand, so the carry out of column t is known there).
public struct CarryProbe: Sendable {
    /// The correlation of each unit's h_i(t) with the carry (Pearson's r).
    public var correlations: [Double]
    /// The unit with the largest |r|, counted from 0.
    public var bestUnit: Int
    /// How often the sign of the best unit (flipped when its r is negative) is the carry.
    public var bestUnitAccuracy: Double
    /// How often the least-squares readout w · (h(t), 1), compared with ½, is the carry.
    public var readoutAccuracy: Double
    /// The states probed: one per pair and step.
    public var stateCount: Int
    /// The states whose carry the readout misreads.
    public var readoutErrors: Int

    public init(_ θ: Parameters, operandRange: Int = 128) {
        let encoding = BitEncoding()
        precondition((1...encoding.count).contains(operandRange), "operands must be below \(encoding.count)")
        var sample = Sample(encoding: encoding)
        var forward = ForwardPass(hidden: θ.H, τ: encoding.width)
        var states = Matrix(rows: operandRange * operandRange * encoding.width, columns: θ.H)
        var carries: [Double] = []
        carries.reserveCapacity(states.rows)
        for a in 0..<operandRange {
            for b in 0..<operandRange {
                sample.set(a: a, b: b, encoding: encoding)
                forward.run(θ, x: sample.x)
                var carry = 0.0
                for t in 1...encoding.width {
                    carry = (sample.x[t, 0] + sample.x[t, 1] + carry >= 2) ? 1 : 0
                    for i in 0..<θ.H { states[carries.count, i] = forward.h[t, i] }
                    carries.append(carry)
                }
            }
        }

        let r = columnCorrelations(states, with: carries)
        let best = r.indices.max { abs(r[$0]) < abs(r[$1]) } ?? 0
        correlations = r
        bestUnit = best
        let sign = r[best] < 0 ? -1.0 : 1.0
        let w = leastSquaresReadout(states, carries)
        var unitRight = 0, readoutRight = 0
        // Over raw buffers: a probe reads 131,072 states of 16 units, and the course probes 200
        // networks (the same operations in the same order as with subscripts, so the same bits).
        states.elements.withUnsafeBufferPointer { states in
            for k in carries.indices {
                let state = states.baseAddress! + k * θ.H
                if (sign * state[best] > 0) == (carries[k] == 1) { unitRight += 1 }
                var value = w[θ.H]
                for i in 0..<θ.H { value += w[i] * state[i] }
                if (value > 0.5) == (carries[k] == 1) { readoutRight += 1 }
            }
        }
        bestUnitAccuracy = Double(unitRight) / Double(carries.count)
        stateCount = carries.count
        readoutErrors = carries.count - readoutRight
        readoutAccuracy = Double(readoutRight) / Double(carries.count)
    }
}

/// Pearson's correlation of two equally long sequences; 0 when either is constant.
func correlation(_ x: [Double], _ y: [Double]) -> Double {
    var column = Matrix(rows: x.count, columns: 1)
    column.elements = x
    return columnCorrelations(column, with: y)[0]
}

/// ``correlation(_:_:)`` of each column of X with y. The rows are read in order, each once
/// per pass, instead of column by column: a probe's X is 131,072 × 16 entries (16 MB), and
/// reading a column of it is a cache miss per entry. Each column's sums still add their terms
/// for k = 0, 1, … in turn.
func columnCorrelations(_ X: Matrix, with y: [Double]) -> [Double] {
    precondition(X.rows == y.count && !y.isEmpty, "sequences of equal, non-zero length")
    let rows = X.rows, columns = X.columns, n = Double(rows), my = y.reduce(0, +) / n
    var mx = Array(repeating: 0.0, count: columns)
    var sxy = mx, sxx = mx, syy = 0.0
    X.elements.withUnsafeBufferPointer { X in
        for k in 0..<rows {
            for i in 0..<columns { mx[i] += X[k * columns + i] }
        }
        for i in 0..<columns { mx[i] /= n }
        for k in 0..<rows {
            let dy = y[k] - my
            for i in 0..<columns {
                let dx = X[k * columns + i] - mx[i]
                sxy[i] += dx * dy
                sxx[i] += dx * dx
            }
            syy += dy * dy
        }
    }
    return (0..<columns).map { i in sxx[i] > 0 && syy > 0 ? sxy[i] / (sxx[i] * syy).squareRoot() : 0 }
}

/// The weights w (one per column of X, then a bias) that minimise Σ_k (w · (X_k, 1) − y_k)²,
/// from the normal equations, solved by Gaussian elimination with partial pivoting. Saturated
/// units can make two columns nearly equal; a ridge of 10⁻⁹ per row on the diagonal keeps the
/// system solvable without changing a well-posed answer noticeably.
func leastSquaresReadout(_ X: Matrix, _ y: [Double]) -> [Double] {
    let n = X.columns + 1
    var A = Matrix(rows: n, columns: n + 1)  // [XᵀX | Xᵀy], X with a column of ones appended
    var z = Array(repeating: 1.0, count: n)
    // The sums over rows, over raw buffers (each entry gets the same additions in the same
    // order as with subscripts): 131,072 rows of 153 products each for one probe.
    let rows = X.rows, columns = X.columns
    A.elements.withUnsafeMutableBufferPointer { A in
        z.withUnsafeMutableBufferPointer { z in
            X.elements.withUnsafeBufferPointer { X in
                for k in 0..<rows {
                    for i in 0..<columns { z[i] = X[k * columns + i] }
                    for i in 0..<n {
                        let row = A.baseAddress! + i * (n + 1)
                        for j in i..<n { row[j] += z[i] * z[j] }
                        row[n] += z[i] * y[k]
                    }
                }
            }
        }
    }
    for i in 0..<n {
        for j in 0..<i { A[i, j] = A[j, i] }
        A[i, i] += 1e-9 * Double(X.rows)
    }
    for column in 0..<n {
        let pivot = (column..<n).max { abs(A[$0, column]) < abs(A[$1, column]) }!
        for j in 0...n { (A[column, j], A[pivot, j]) = (A[pivot, j], A[column, j]) }
        for row in 0..<n where row != column && A[row, column] != 0 {
            let factor = A[row, column] / A[column, column]
            for j in column...n { A[row, j] -= factor * A[column, j] }
        }
    }
    return (0..<n).map { A[$0, n] / A[$0, $0] }
}
