import Foundation

extension Matrix {
    /// Every eigenvalue of this square matrix, real or complex, with multiplicity, in no
    /// particular order.
    ///
    /// The matrix is reduced to upper Hessenberg form by Householder reflections, then the
    /// complex QR algorithm with Wilkinson shifts runs on it, deflating one eigenvalue each
    /// time a subdiagonal entry falls below machine precision relative to its neighbours
    /// (Golub and Van Loan, *Matrix Computations*, §7.4–7.5). Working in complex arithmetic
    /// lets a single shift converge to a complex pair, which a real single-shift QR cannot: a
    /// rotation's e^{±iθ} are found like any other eigenvalue. Backward stable: each
    /// eigenvalue is exact for a matrix within a few ulps·‖A‖ of this one.
    public var eigenvalues: [Complex] {
        precondition(rows == columns, "eigenvalues need a square matrix")
        let n = rows
        guard n > 0 else { return [] }
        var h = hessenberg().elements.map { Complex($0) }
        func at(_ i: Int, _ j: Int) -> Complex { h[i * n + j] }
        var values: [Complex] = []
        var high = n - 1
        var iterations = 0
        while high >= 0 {
            if high == 0 { values.append(at(0, 0)); break }
            // The active block is low...high: find where the subdiagonal is negligible.
            var low = high
            while low > 0 {
                let scale = at(low, low).magnitude + at(low - 1, low - 1).magnitude
                if at(low, low - 1).magnitude <= Double.ulpOfOne * (scale == 0 ? 1 : scale) {
                    h[low * n + low - 1] = Complex(0)
                    break
                }
                low -= 1
            }
            if low == high {
                values.append(at(high, high))
                high -= 1
                iterations = 0
                continue
            }
            iterations += 1
            let shift: Complex
            if iterations % 11 == 0 {
                // An exceptional shift breaks the rare cycle a Wilkinson shift can fall into.
                shift = at(high, high) + Complex(at(high, high - 1).magnitude * 0.75)
            } else {
                shift = wilkinsonShift(at(high - 1, high - 1), at(high - 1, high), at(high, high - 1), at(high, high))
            }
            qrStep(&h, n: n, low: low, high: high, shift: shift)
            if iterations > 100 * n {
                // No convergence (never seen for finite input): report what the diagonal holds.
                for i in stride(from: high, through: 0, by: -1) { values.append(at(i, i)) }
                break
            }
        }
        return values
    }

    /// The largest |λ| over the eigenvalues: ρ(A). The norms of Aᵏ grow or shrink like ρ(A)ᵏ.
    public var spectralRadius: Double { eigenvalues.map(\.magnitude).max() ?? 0 }

    /// ‖A‖₂, the largest singular value: the most A can stretch a vector. The square root of
    /// the largest eigenvalue of AᵀA (symmetric, so its eigenvalues are real and accurate).
    public var spectralNorm: Double {
        guard rows > 0 && columns > 0 else { return 0 }
        let gram = transposed.multiplied(by: self)
        return (gram.eigenvalues.map(\.re).max() ?? 0).squareRoot()
    }

    /// Q A Qᵀ in upper Hessenberg form (zero below the first subdiagonal), Q orthogonal, so
    /// with the same eigenvalues.
    func hessenberg() -> Matrix {
        var a = self
        let n = rows
        guard n > 2 else { return a }
        for k in 0..<(n - 2) {
            // A Householder reflection P = I − 2vvᵀ/vᵀv maps column k below the diagonal onto
            // a multiple of e₁; PAP keeps the eigenvalues.
            var v = (k + 1..<n).map { a[$0, k] }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            v[0] += v[0] >= 0 ? norm : -norm
            let vv = v.reduce(0) { $0 + $1 * $1 }
            for j in 0..<n {
                var dot = 0.0
                for i in 0..<v.count { dot += v[i] * a[k + 1 + i, j] }
                let f = 2 * dot / vv
                for i in 0..<v.count { a[k + 1 + i, j] -= f * v[i] }
            }
            for i in 0..<n {
                var dot = 0.0
                for j in 0..<v.count { dot += a[i, k + 1 + j] * v[j] }
                let f = 2 * dot / vv
                for j in 0..<v.count { a[i, k + 1 + j] -= f * v[j] }
            }
            for i in (k + 2)..<n { a[i, k] = 0 }
        }
        return a
    }
}

/// The eigenvalue of [[a, b], [c, d]] closer to d.
private func wilkinsonShift(_ a: Complex, _ b: Complex, _ c: Complex, _ d: Complex) -> Complex {
    let half = (a - d) / 2
    let root = (half * half + b * c).squareRoot
    let plus = half + root, minus = half - root
    // d − bc/(half ± root) is the eigenvalue nearer d; dividing by the larger denominator is
    // the stable choice.
    let denominator = plus.magnitude >= minus.magnitude ? plus : minus
    guard denominator.magnitude > 0 else { return d }
    return d - divide(b * c, by: denominator)
}

private func divide(_ a: Complex, by b: Complex) -> Complex {
    let m = b.re * b.re + b.im * b.im
    return Complex((a.re * b.re + a.im * b.im) / m, (a.im * b.re - a.re * b.im) / m)
}

/// One shifted QR step on the Hessenberg block low...high of h (n×n, row-major):
/// H − μI = QR by Givens rotations, then H ← RQ + μI. The eigenvalues of the block are kept;
/// its last subdiagonal entry shrinks quadratically once μ is near an eigenvalue.
private func qrStep(_ h: inout [Complex], n: Int, low: Int, high: Int, shift μ: Complex) {
    for i in low...high { h[i * n + i] = h[i * n + i] - μ }
    var rotations: [(c: Complex, s: Complex)] = []
    for k in low..<high {
        let x = h[k * n + k], y = h[(k + 1) * n + k]
        let r = hypot(x.magnitude, y.magnitude)
        let (c, s) = r == 0 ? (Complex(1), Complex(0)) : (x / r, y / r)
        rotations.append((c, s))
        // G = [[c̄, s̄], [−s, c]] maps (x, y) to (r, 0); applied to rows k and k+1.
        for j in k...high {
            let a = h[k * n + j], b = h[(k + 1) * n + j]
            h[k * n + j] = c.conjugate * a + s.conjugate * b
            h[(k + 1) * n + j] = Complex(0) - s * a + c * b
        }
    }
    for (offset, (c, s)) in rotations.enumerated() {
        let k = low + offset
        // Gᴴ = [[c, −s̄], [s, c̄]] on columns k and k+1: R Gᴴ stays Hessenberg.
        for i in low...min(k + 2, high) {
            let p = h[i * n + k], q = h[i * n + k + 1]
            h[i * n + k] = p * c + q * s
            h[i * n + k + 1] = q * c.conjugate - p * s.conjugate
        }
    }
    for i in low...high { h[i * n + i] = h[i * n + i] + μ }
}
