/// Row-major views into the network's buffers for the hot loops of the forward and backward
/// passes, so `W[i, j]` costs one load: no copy-on-write check, no bounds check in release.
///
/// Views live only inside the `with…` closures below, which check every shape once before
/// the loops start; debug builds (and so `swift test`) still check every index.
struct Grid {
    let base: UnsafeMutablePointer<Double>
    let rows: Int
    let columns: Int

    subscript(i: Int, j: Int) -> Double {
        get { assert(i >= 0 && i < rows && j >= 0 && j < columns); return base[i &* columns &+ j] }
        nonmutating set { assert(i >= 0 && i < rows && j >= 0 && j < columns); base[i &* columns &+ j] = newValue }
    }
}

extension Grid {
    /// Row `i` as a vector view.
    subscript(row i: Int) -> Vec {
        assert(i >= 0 && i < rows)
        return Vec(base: base + i &* columns, count: columns)
    }

    /// The rows in `range`, as a grid.
    subscript(rows range: ClosedRange<Int>) -> Grid {
        assert(range.lowerBound >= 0 && range.upperBound < rows)
        return Grid(base: base + range.lowerBound &* columns, rows: range.count, columns: columns)
    }

    /// Entries (i, j) for i in `range`: part of column j, as a strided vector view.
    subscript(column j: Int, rows range: ClosedRange<Int>) -> Column {
        assert(j >= 0 && j < columns && range.lowerBound >= 0 && range.upperBound < rows)
        return Column(base: base + (range.lowerBound &* columns &+ j), count: range.count, stride: columns)
    }
}

/// A vector view, as ``Grid`` for matrices.
struct Vec {
    let base: UnsafeMutablePointer<Double>
    let count: Int

    subscript(i: Int) -> Double {
        get { assert(i >= 0 && i < count); return base[i] }
        nonmutating set { assert(i >= 0 && i < count); base[i] = newValue }
    }
}

extension Vec {
    /// The entries in `range`.
    subscript(range: ClosedRange<Int>) -> Vec {
        assert(range.lowerBound >= 0 && range.upperBound < count)
        return Vec(base: base + range.lowerBound, count: range.count)
    }
}

/// Entries `stride` apart: a column of a row-major ``Grid``.
struct Column {
    let base: UnsafeMutablePointer<Double>
    let count: Int
    let stride: Int

    subscript(i: Int) -> Double {
        assert(i >= 0 && i < count)
        return base[i &* stride]
    }
}

extension Matrix {
    mutating func withGrid<R>(_ body: (Grid) -> R) -> R {
        let (rows, columns) = (self.rows, self.columns)
        return elements.withUnsafeMutableBufferPointer { body(Grid(base: $0.baseAddress!, rows: rows, columns: columns)) }
    }

    /// A read-only use of ``withGrid(_:)``: the body must not write through the view.
    func withReadGrid<R>(_ body: (Grid) -> R) -> R {
        elements.withUnsafeBufferPointer {
            body(Grid(base: UnsafeMutablePointer(mutating: $0.baseAddress!), rows: rows, columns: columns))
        }
    }
}

extension Array where Element == Double {
    mutating func withVec<R>(_ body: (Vec) -> R) -> R {
        withUnsafeMutableBufferPointer { body(Vec(base: $0.baseAddress!, count: $0.count)) }
    }

    /// A read-only use of ``withVec(_:)``: the body must not write through the view.
    func withReadVec<R>(_ body: (Vec) -> R) -> R {
        withUnsafeBufferPointer { body(Vec(base: UnsafeMutablePointer(mutating: $0.baseAddress!), count: $0.count)) }
    }
}

/// U, W, b, V, c as views, under the same names.
struct ParameterViews {
    let U: Grid, W: Grid, b: Vec, V: Grid, c: Vec
}

extension Parameters {
    func withViews<R>(_ body: (ParameterViews) -> R) -> R {
        U.withReadGrid { U in W.withReadGrid { W in b.withReadVec { b in V.withReadGrid { V in c.withReadVec { c in
            body(ParameterViews(U: U, W: W, b: b, V: V, c: c))
        } } } } }
    }

    mutating func withMutableViews<R>(_ body: (ParameterViews) -> R) -> R {
        U.withGrid { U in W.withGrid { W in b.withVec { b in V.withGrid { V in c.withVec { c in
            body(ParameterViews(U: U, W: W, b: b, V: V, c: c))
        } } } } }
    }
}
