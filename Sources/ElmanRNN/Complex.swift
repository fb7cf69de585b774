import Foundation

/// A complex number, as eigenvalues of a real nonsymmetric matrix come.
public struct Complex: Sendable, Equatable, CustomStringConvertible {
    public var re: Double
    public var im: Double

    public init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }

    /// |z|, without overflow for large parts.
    public var magnitude: Double { hypot(re, im) }
    public var conjugate: Complex { Complex(re, -im) }

    public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    public static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    public static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    public static func / (a: Complex, r: Double) -> Complex { Complex(a.re / r, a.im / r) }

    /// The principal square root.
    public var squareRoot: Complex {
        let m = magnitude
        guard m > 0 else { return Complex(0) }
        let re = ((m + abs(self.re)) / 2).squareRoot()
        let other = abs(im) / (2 * re)
        return self.re >= 0 ? Complex(re, im < 0 ? -other : other) : Complex(other, im < 0 ? -re : re)
    }

    public var description: String {
        im == 0 ? "\(re)" : "\(re) \(im < 0 ? "−" : "+") \(abs(im))i"
    }
}
