// Order statistics of a sample: quantiles, the median and the interquartile range.
//
// Quantiles use Hyndman and Fan's type 7, the default of R, NumPy and Julia: for n sorted
// values x₁ ≤ … ≤ xₙ and a probability p, take h = (n − 1)p + 1 and interpolate linearly
// between x⌊h⌋ and x⌊h⌋₊₁. So quantile(0) is the minimum, quantile(1) the maximum and
// quantile(½) the median; the quartiles of [1, 2, 3, 4] are 1.75 and 3.25.

/// The type-7 quantile of `values` at probability `p` in [0, 1]: with the values sorted,
/// h = (n − 1)p, interpolated linearly between the values at positions ⌊h⌋ and ⌊h⌋ + 1
/// (counting from 0). NumPy's and R's default. Nil when `values` is empty.
public func quantile(_ values: [Double], _ p: Double) -> Double? {
    quantile(sorted: values.sorted(), p)
}

/// As ``quantile(_:_:)`` for values already sorted in ascending order (no copy, no sort).
public func quantile(sorted s: [Double], _ p: Double) -> Double? {
    precondition((0...1).contains(p), "a quantile's probability is within [0, 1]")
    guard !s.isEmpty else { return nil }
    let h = Double(s.count - 1) * p
    let below = Int(h.rounded(.down))
    guard below + 1 < s.count else { return s[s.count - 1] }
    let fraction = h - Double(below)
    return s[below] + fraction * (s[below + 1] - s[below])
}

/// The middle value (the mean of the two middle values for an even count); nil when empty.
/// The same as the type-7 quantile at ½.
public func median(_ values: [Double]) -> Double? {
    let s = values.sorted()
    guard !s.isEmpty else { return nil }
    return s.count.isMultiple(of: 2) ? (s[s.count / 2 - 1] + s[s.count / 2]) / 2 : s[s.count / 2]
}

/// The first and third quartiles (type 7) and their difference, the interquartile range.
public struct Quartiles: Sendable, Equatable, CustomStringConvertible {
    /// The 25% quantile.
    public let lower: Double
    /// The 50% quantile.
    public let median: Double
    /// The 75% quantile.
    public let upper: Double

    /// The quartiles of `values`; nil when `values` is empty.
    public init?(_ values: [Double]) {
        let s = values.sorted()
        guard let lower = quantile(sorted: s, 0.25), let median = quantile(sorted: s, 0.5),
              let upper = quantile(sorted: s, 0.75) else { return nil }
        (self.lower, self.median, self.upper) = (lower, median, upper)
    }

    /// Q3 − Q1.
    public var interquartileRange: Double { upper - lower }

    /// "IQR 2013–3540", the quartiles rounded to whole numbers.
    public var description: String { "IQR \(Int(lower.rounded()))–\(Int(upper.rounded()))" }
}
