extension Matrix {
    /// The transpose, as a new matrix.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        transpose(into: &result)
        return result
    }

    /// The product self · other.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "shapes do not match")
        var result = Matrix(rows: rows, columns: other.columns)
        for i in 0..<rows {
            for k in 0..<columns {
                let a = self[i, k]
                for j in 0..<other.columns { result[i, j] += a * other[k, j] }
            }
        }
        return result
    }

    /// The identity of size n.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }
}
