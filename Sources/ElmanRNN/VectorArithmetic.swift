/// The vector operations the hot loops are made of, on views, several entries at a time.
///
/// Each entry is computed with exactly the scalar operations of the plain loop it replaces
/// (`y[j] = y[j] + v[j] · s` in the same order, no fused multiply-add), so results are
/// bit-for-bit those of the plain loops; only the number of instructions changes. Explicit
/// SIMD loads matter because LLVM cannot prove that two views do not overlap, and so leaves
/// the plain loops scalar.
extension Vec {
    /// y ← v.
    @inline(__always)
    func set(_ v: Vec) {
        assert(v.count == count)
        base.update(from: v.base, count: count)
    }

    /// y ← v · s, entry by entry.
    @inline(__always)
    func set(_ v: Vec, times s: Double) {
        assert(v.count == count)
        var j = 0
        while j &+ 4 <= count {
            store(load(v.base + j) * SIMD4(repeating: s), base + j)
            j &+= 4
        }
        while j < count {
            base[j] = v.base[j] * s
            j &+= 1
        }
    }

    /// y ← y + s₀ M[0, :] + s₁ M[1, :] + …: M's rows weighted by s, added in order, which is
    /// y + Mᵀ s. Sixteen (then eight) entries of y stay in registers while all rows are added,
    /// so each weight is loaded and broadcast once per sixteen entries.
    @inline(__always)
    func add(rowsOf M: Grid, weightedBy s: Column) {
        assert(M.columns == count && M.rows == s.count)
        var j = 0
        while j &+ 16 <= count {
            var low = load(base + j) as SIMD8<Double>, high = load(base + (j &+ 8)) as SIMD8<Double>
            for r in 0..<M.rows {
                let weight = SIMD8(repeating: s[r]), row = M.base + (r &* M.columns &+ j)
                low += load(row) * weight
                high += load(row + 8) * weight
            }
            store(low, base + j)
            store(high, base + (j &+ 8))
            j &+= 16
        }
        while j &+ 8 <= count {
            var y = load(base + j) as SIMD8<Double>
            for r in 0..<M.rows { y += load(M.base + (r &* M.columns &+ j)) * SIMD8(repeating: s[r]) }
            store(y, base + j)
            j &+= 8
        }
        while j < count {
            var y = base[j]
            for r in 0..<M.rows { y += M.base[r &* M.columns &+ j] * s[r] }
            base[j] = y
            j &+= 1
        }
    }

    /// y ← y + Mᵀ s for a contiguous s.
    @inline(__always)
    func add(rowsOf M: Grid, weightedBy s: Vec) {
        add(rowsOf: M, weightedBy: Column(base: s.base, count: s.count, stride: 1))
    }
}

/// Loads a SIMD vector from any address (views carry no alignment guarantee).
@inline(__always)
func load<V: SIMD<Double>>(_ p: UnsafeMutablePointer<Double>) -> V {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
}

@inline(__always)
func store<V: SIMD<Double>>(_ v: V, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
}
