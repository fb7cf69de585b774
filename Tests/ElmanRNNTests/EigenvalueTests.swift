import ElmanRNN
import Foundation
import Testing

@Suite struct EigenvalueTests {
    /// Pairs each expected eigenvalue with the nearest computed one not yet taken; the
    /// largest distance.
    private func distance(_ computed: [Complex], _ expected: [Complex]) -> Double {
        var left = computed
        var worst = 0.0
        for e in expected {
            let (k, d) = left.enumerated().map { ($0.offset, ($0.element - e).magnitude) }.min { $0.1 < $1.1 }!
            worst = max(worst, d)
            left.remove(at: k)
        }
        return left.isEmpty ? worst : .infinity
    }

    @Test(arguments: [0.3, 1.0, 2.5, Double.pi / 2])
    func aRotationHasEigenvaluesOnTheUnitCircle(angle: Double) {
        let rotation = Matrix(arrayOfRows: [[cos(angle), -sin(angle)], [sin(angle), cos(angle)]])!
        let expected = [Complex(cos(angle), sin(angle)), Complex(cos(angle), -sin(angle))]
        #expect(distance(rotation.eigenvalues, expected) < 1e-14)
        #expect(abs(rotation.spectralRadius - 1) < 1e-14)
        #expect(abs(rotation.spectralNorm - 1) < 1e-14)
    }

    /// An orthogonal Q from Gram–Schmidt on a fixed random matrix.
    private func orthogonal(_ n: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        var columns: [[Double]] = []
        while columns.count < n {
            var v = (0..<n).map { _ in rng.uniformMinusOneToOne() }
            for _ in 0..<2 {
                for q in columns {
                    let dot = zip(v, q).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in 0..<n { v[i] -= dot * q[i] }
                }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            columns.append(v.map { $0 / norm })
        }
        var q = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { q[i, j] = columns[j][i] } }
        return q
    }

    /// Q D Qᵀ with D block diagonal: 2×2 blocks [[a, −b], [b, a]] (eigenvalues a ± ib) and real
    /// entries, so a dense nonsymmetric 16×16 matrix with known eigenvalues, rotations among them.
    @Test func aDenseSixteenBySixteenWithComplexPairs() {
        let pairs: [(Double, Double)] = [(0.9, 1.3), (-0.2, 2.0), (0, 1), (1.5, 0.1), (-1.1, -0.7), (0.3, 0.4)]
        let reals: [Double] = [2.2, -0.5, 0.05, -3.0]
        var d = Matrix(rows: 16, columns: 16)
        var expected: [Complex] = []
        for (k, (a, b)) in pairs.enumerated() {
            let i = 2 * k
            d[i, i] = a; d[i, i + 1] = -b; d[i + 1, i] = b; d[i + 1, i + 1] = a
            expected += [Complex(a, b), Complex(a, -b)]
        }
        for (k, r) in reals.enumerated() {
            d[12 + k, 12 + k] = r
            expected.append(Complex(r))
        }
        let q = orthogonal(16, seed: 7)
        let a = q.multiplied(by: d).multiplied(by: q.transposed)
        #expect(distance(a.eigenvalues, expected) < 1e-12)
        let radius = expected.map(\.magnitude).max()!
        #expect(abs(a.spectralRadius - radius) < 1e-12)
        // Q orthogonal: ‖Q D Qᵀ‖₂ = ‖D‖₂, the largest |eigenvalue| of a normal D (here 3).
        #expect(abs(a.spectralNorm - 3.0) < 1e-12)
    }

    /// The companion matrix of (x − 1)(x − 2)(x − 3) = x³ − 6x² + 11x − 6.
    @Test func aCompanionMatrixHasItsPolynomialsRoots() {
        let companion = Matrix(arrayOfRows: [[6, -11, 6], [1, 0, 0], [0, 1, 0]])!
        #expect(distance(companion.eigenvalues, [Complex(1), Complex(2), Complex(3)]) < 1e-12)
        #expect(abs(companion.spectralRadius - 3) < 1e-12)
    }

    /// [[1, 1], [0, 1]]: one eigenvalue twice, and ‖·‖₂ the golden ratio, far from ρ = 1.
    @Test func aShearSeparatesTheNormFromTheRadius() {
        let shear = Matrix(arrayOfRows: [[1, 1], [0, 1]])!
        #expect(abs(shear.spectralRadius - 1) < 1e-12)
        #expect(abs(shear.spectralNorm - (1 + 5.0.squareRoot()) / 2) < 1e-14)
        let diagonal = Matrix(arrayOfRows: [[3, 0, 0], [0, -5, 0], [0, 0, 1]])!
        #expect(diagonal.spectralNorm == 5)
    }

    /// For the course's own W (seed 0): ρ(W) ≤ ‖W‖₂, and Gelfand's formula ‖Wᵏ‖^(1/k) → ρ(W).
    @Test func theCoursesWAgreesWithGelfandsFormula() {
        let w = Parameters(hidden: 16, seed: 0).W
        let ρ = w.spectralRadius
        #expect(ρ <= w.spectralNorm)
        var power = Matrix.identity(16)
        for _ in 0..<128 { power = power.multiplied(by: w) }
        let gelfand = pow(power.spectralNorm, 1.0 / 128)
        #expect(abs(gelfand - ρ) / ρ < 0.05)
        // The eigenvalues of a real matrix come in conjugate pairs: their sum is the trace.
        let trace = (0..<16).reduce(0) { $0 + w[$1, $1] }
        let sum = w.eigenvalues.reduce(Complex(0), +)
        #expect(abs(sum.re - trace) < 1e-12 && abs(sum.im) < 1e-12)
    }
}
