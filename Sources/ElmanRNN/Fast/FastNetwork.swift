import CPUFeatures

/// One hidden-size vector: the seed's H = 16, all sixteen units in one value, which the
/// compiler keeps in four 256-bit registers (AVX2) or eight 128-bit ones (baseline x86-64).
typealias Hidden = SIMD16<Double>

/// The FAST single-network path: the seed's network with H = 16 in a layout for the vector unit,
/// trained by ``FastTrainer``. It computes what ``ForwardPass``, ``BackwardPass`` and
/// `Parameters.descend` compute — those are the REFERENCE, the code the course shows, and tests
/// hold this one to them (gradients within 1e-13 relative) — but in the order a tuned C
/// program would (the peer in `bench/elman_bptt.c`):
///
/// - W is kept twice, by rows for the backward pass and by columns for the forward pass, and
///   the SGD step updates both with the same products summed in the same order, so the copy
///   stays exactly W's transpose and is never re-transposed;
/// - every sum over the sixteen units runs in two interleaved accumulators (shorter
///   dependency chains than the reference's one), so its rounding differs from the reference's;
/// - σ, ∂L/∂o and the loss for eight steps at once, with the library's vector `exp`;
/// - gradients go straight into the SGD step, never zeroed or stored;
/// - fused multiply-add where the build's target CPU has it (`-Xcc -march=native`).
struct FastNetwork: ~Copyable {
    let τ: Int
    var U0: Hidden, U1: Hidden, b: Hidden, V: Hidden, c: Double
    /// `rowsOfW[i]` is row i of W: the backward pass sums Wᵀ ∂L/∂a(t+1) as these rows weighted.
    let rowsOfW: UnsafeMutablePointer<Hidden>
    /// `columnsOfW[j]` is column j of W: the forward pass sums W h(t−1) as these columns weighted.
    let columnsOfW: UnsafeMutablePointer<Hidden>
    /// h(0) … h(τ); h(0) = 0.
    let h: UnsafeMutablePointer<Hidden>
    /// ∂L/∂a(1) … ∂L/∂a(τ) at indices 1…τ.
    let δa: UnsafeMutablePointer<Hidden>
    /// o(t), y(t) and ∂L/∂o(t) at index t − 1, padded to a multiple of eight steps.
    let o: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>, dL_do: UnsafeMutablePointer<Double>
    /// x(t) = (x₁(t), x₂(t)) at index t.
    let x0: UnsafeMutablePointer<Double>, x1: UnsafeMutablePointer<Double>
    private let padded: Int

    init(_ θ: Parameters, τ: Int) {
        precondition(θ.H == Hidden.scalarCount && θ.inputSize == 2, "the fast path is the seed's H = 16, two inputs")
        self.τ = τ
        padded = (τ + 7) / 8 * 8
        rowsOfW = .allocate(capacity: Hidden.scalarCount)
        columnsOfW = .allocate(capacity: Hidden.scalarCount)
        h = .allocate(capacity: τ + 1)
        δa = .allocate(capacity: τ + 1)
        o = .allocate(capacity: padded)
        y = .allocate(capacity: padded); dL_do = .allocate(capacity: padded)
        x0 = .allocate(capacity: τ + 1); x1 = .allocate(capacity: τ + 1)
        for p in [o, y, dL_do] { p.initialize(repeating: 0, count: padded) }
        x0.initialize(repeating: 0, count: τ + 1); x1.initialize(repeating: 0, count: τ + 1)
        h.initialize(repeating: .zero, count: τ + 1)
        δa.initialize(repeating: .zero, count: τ + 1)
        U0 = .zero; U1 = .zero; b = .zero; V = .zero; c = θ.c[0]
        for i in 0..<16 {
            U0[i] = θ.U[i, 0]; U1[i] = θ.U[i, 1]; b[i] = θ.b[i]; V[i] = θ.V[0, i]
        }
        for i in 0..<16 {
            var row = Hidden.zero, column = Hidden.zero
            for j in 0..<16 { row[j] = θ.W[i, j]; column[j] = θ.W[j, i] }
            rowsOfW[i] = row
            columnsOfW[i] = column
        }
    }

    deinit {
        for p in [rowsOfW, columnsOfW, h, δa] { p.deallocate() }
        for p in [o, y, dL_do, x0, x1] { p.deallocate() }
    }

    /// The parameters in the library's own layout.
    var θ: Parameters {
        var θ = Parameters(zerosWithHidden: 16)
        for i in 0..<16 {
            θ.U[i, 0] = U0[i]; θ.U[i, 1] = U1[i]; θ.b[i] = b[i]; θ.V[0, i] = V[i]
            for j in 0..<16 { θ.W[i, j] = rowsOfW[i][j] }
        }
        θ.c[0] = c
        return θ
    }

    /// Copies the sample's x(t) and y(t) into the layout.
    mutating func load(_ sample: Sample) {
        precondition(sample.τ == τ)
        for t in 1...τ {
            x0[t] = sample.x[t, 0]; x1[t] = sample.x[t, 1]; y[t - 1] = sample.y[t]
        }
    }

    /// h(t) = tanh(b + W h(t−1) + U x(t)) and o(t) = c + V h(t) for t = 1…τ.
    func forward() {
        for t in 1...τ {
            var a = fused(fused(b, U0, x0[t]), U1, x1[t])
            if t > 1 { a = addWeighted(a, columnsOfW, scalars(h + t - 1)) }
            let ht = Hidden(lowHalf: tanh(a.lowHalf), highHalf: tanh(a.highHalf))
            h[t] = ht
            o[t - 1] = c + (V * ht).sum()
        }
    }

    /// ŷ = σ(o), ∂L/∂o and the squared-error loss for eight steps at a time.
    /// Returns the loss Σ ½(y − ŷ)² and whether every bit was right.
    func output(_ gradient: OutputGradient) -> (loss: Double, allBitsRight: Bool) {
        typealias Steps = SIMD8<Double>
        var loss = 0.0
        var allRight = true
        var start = 0
        while start < τ {
            let o = UnsafeRawPointer(self.o + start).loadUnaligned(as: Steps.self)
            let y = UnsafeRawPointer(self.y + start).loadUnaligned(as: Steps.self)
            // −o within the range of the vector exp; σ is 0 or 1 to the last bit beyond it.
            // (`replacing` rather than `clamped`, which is not inlined into vector code.)
            let minusO = (-o).replacing(with: -700, where: o .> 700).replacing(with: 700, where: o .< -700)
            let ŷ = 1 / (1 + exponential(minusO))
            let error = ŷ - y
            let dL_do = switch gradient {
            case .exact: error * ŷ * (1 - ŷ)
            case .seed: error
            }
            let steps = min(8, τ - start)
            for l in 0..<steps {
                self.dL_do[start + l] = dL_do[l]
                loss += 0.5 * error[l] * error[l]
                if (ŷ[l] >= 0.5) != (y[l] >= 0.5) { allRight = false }
            }
            start += 8
        }
        return (loss, allRight)
    }

    /// ∂L/∂h(t) = Vᵀ ∂L/∂o(t) + Wᵀ ∂L/∂a(t+1), ∂L/∂a(t) = (1 − h(t)²) ⊙ ∂L/∂h(t), t = τ…1.
    func backward() {
        for t in stride(from: τ, through: 1, by: -1) {
            var dh = V * dL_do[t - 1]
            if t < τ { dh = addWeighted(dh, rowsOfW, scalars(δa + t + 1)) }
            δa[t] = (1 - h[t] * h[t]) * dh
        }
    }

    /// Row i of ∂L/∂W and column i of ∂L/∂W, each Σₜ over t = 2…τ (h(0) = 0 adds nothing),
    /// with the same products in the same order, so both copies of W get the same update.
    @inline(__always)
    func gradientOfW(_ i: Int) -> (row: Hidden, column: Hidden) {
        var row = Hidden.zero, column = Hidden.zero
        var t = 2
        while t <= τ {
            row = fused(row, h[t - 1], scalars(δa + t)[i])
            column = fused(column, δa[t], scalars(h + t - 1)[i])
            t += 1
        }
        return (row, column)
    }

    /// ∂L/∂U (by columns), ∂L/∂b, ∂L/∂V and ∂L/∂c: sums over t = 1…τ.
    @inline(__always)
    func otherGradients() -> (U0: Hidden, U1: Hidden, b: Hidden, V: Hidden, c: Double) {
        var gU0 = Hidden.zero, gU1 = Hidden.zero, gb = Hidden.zero, gV = Hidden.zero, gc = 0.0
        for t in 1...τ {
            gU0 = fused(gU0, δa[t], x0[t])
            gU1 = fused(gU1, δa[t], x1[t])
            gb += δa[t]
            gV = fused(gV, h[t], dL_do[t - 1])
            gc += dL_do[t - 1]
        }
        return (gU0, gU1, gb, gV, gc)
    }

    /// θ ← θ − α ∂L/∂θ, each gradient applied as it is summed.
    mutating func descend(learningRate α: Double) {
        for i in 0..<16 {
            let g = gradientOfW(i)
            rowsOfW[i] = fused(rowsOfW[i], g.row, -α)
            columnsOfW[i] = fused(columnsOfW[i], g.column, -α)
        }
        let g = otherGradients()
        U0 = fused(U0, g.U0, -α); U1 = fused(U1, g.U1, -α)
        b = fused(b, g.b, -α); V = fused(V, g.V, -α)
        c = fused(c, g.c, -α)
    }

    /// The gradients of the last `forward`/`output`/`backward`, in the library's layout (for tests).
    func gradients() -> Parameters {
        var g = Parameters(zerosWithHidden: 16)
        for i in 0..<16 {
            let row = gradientOfW(i).row
            for j in 0..<16 { g.W[i, j] = row[j] }
        }
        let other = otherGradients()
        for i in 0..<16 {
            g.U[i, 0] = other.U0[i]; g.U[i, 1] = other.U1[i]; g.b[i] = other.b[i]; g.V[0, i] = other.V[i]
        }
        g.c[0] = other.c
        return g
    }
}

/// Whether the build's target CPU fuses multiply-add; a constant the optimiser folds, so each
/// `fused` below compiles to one of its two forms.
private let targetFusesMultiplyAdd = CPU_HAS_FUSED_MULTIPLY_ADD != 0

/// acc + a · b, fused into one rounding where the target CPU has the instruction (elsewhere
/// `addingProduct` would call libm's software fma for every lane).
@inline(__always)
private func fused(_ acc: Hidden, _ a: Hidden, _ b: Double) -> Hidden {
    targetFusesMultiplyAdd ? acc.addingProduct(a, b) : acc + a * b
}

@inline(__always)
private func fused(_ acc: Double, _ a: Double, _ b: Double) -> Double {
    targetFusesMultiplyAdd ? acc.addingProduct(a, b) : acc + a * b
}

/// acc + Σᵣ vectors[r] · weights[r] over the sixteen r, in two accumulators (even and odd r)
/// added at the end. Each accumulator is itself four independent 256-bit chains (AVX2), so two
/// give eight chains of eight multiply-adds: enough to hide the latency, few enough (eight
/// registers) not to spill. Written out, so the compiler has no loop to keep.
@inline(__always)
private func addWeighted(_ acc: Hidden, _ vectors: UnsafeMutablePointer<Hidden>, _ weights: UnsafePointer<Double>) -> Hidden {
    var even = vectors[0] * weights[0], odd = vectors[1] * weights[1]
    even = fused(even, vectors[2], weights[2]); odd = fused(odd, vectors[3], weights[3])
    even = fused(even, vectors[4], weights[4]); odd = fused(odd, vectors[5], weights[5])
    even = fused(even, vectors[6], weights[6]); odd = fused(odd, vectors[7], weights[7])
    even = fused(even, vectors[8], weights[8]); odd = fused(odd, vectors[9], weights[9])
    even = fused(even, vectors[10], weights[10]); odd = fused(odd, vectors[11], weights[11])
    even = fused(even, vectors[12], weights[12]); odd = fused(odd, vectors[13], weights[13])
    even = fused(even, vectors[14], weights[14]); odd = fused(odd, vectors[15], weights[15])
    return acc + (even + odd)
}

/// The sixteen entries of a stored hidden vector, read one by one from memory: reading an
/// entry of a vector held in registers at a run-time index would first spill it to the stack.
@inline(__always)
private func scalars(_ vector: UnsafeMutablePointer<Hidden>) -> UnsafePointer<Double> {
    UnsafeRawPointer(vector).assumingMemoryBound(to: Double.self)
}
