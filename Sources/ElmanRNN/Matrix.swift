/// A dense matrix of `Double`, stored row-major in one contiguous buffer.
///
/// The network is small (H = 16), so plain loops over a contiguous buffer beat any
/// clever abstraction; what matters for speed is that nothing is allocated while training.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major: entry (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix has non-negative dimensions")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its rows; every row must have the same length.
    public init?(arrayOfRows: [[Double]]) {
        let columns = arrayOfRows.first?.count ?? 0
        guard arrayOfRows.allSatisfy({ $0.count == columns }) else { return nil }
        self.rows = arrayOfRows.count
        self.columns = columns
        self.elements = arrayOfRows.flatMap { $0 }
    }

    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// Row `i` as a new array (for display; the hot loops index entries directly).
    public func row(_ i: Int) -> [Double] {
        Array(elements[i * columns ..< (i + 1) * columns])
    }

    public var arrayOfRows: [[Double]] { (0..<rows).map(row) }

    /// Writes the transpose into `result`, which must be columns×rows; allocates nothing.
    public func transpose(into result: inout Matrix) {
        precondition(result.rows == columns && result.columns == rows, "shapes do not match")
        let (rows, columns) = (self.rows, self.columns)
        elements.withUnsafeBufferPointer { m in result.elements.withUnsafeMutableBufferPointer { mᵀ in
            for i in 0..<rows {
                for j in 0..<columns { mᵀ[j &* rows &+ i] = m[i &* columns &+ j] }
            }
        } }
    }

    /// Sets every entry to zero without reallocating.
    @inlinable
    public mutating func zero() {
        elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
