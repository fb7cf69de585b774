import Foundation

/// Numbers as a plot prints them: the labels of one axis (or the values of one bar chart) share
/// one notation and one number of decimals, the fewest that show every value.
///
/// - Below 100,000: fixed notation, `0.00 0.25 0.50` or `0 2500 5000 7500 10000`.
/// - From 100,000 to 10¹⁵: a suffix k, M, G or T, `0 250k 500k`, `2.5M 5.0M`.
/// - When these need more decimals (4, or 2 with a suffix) to tell the values apart, as the
///   ticks of a narrow range far from 0 do: fixed notation with up to 9 decimals, if that
///   takes at most 12 characters, `1000000000 1000000001`, `0.50000000 0.50000002`.
/// - Otherwise: a mantissa and an exponent, `1e-7 2e-7`, `1.5e308`, with up to 15 digits.
/// Zero is `0` (without a sign) in the suffix and exponent notations.
enum NumberLabels {
    /// Labels for `values`. A value is shown exactly when it is within `relativeTolerance`
    /// times the largest magnitude of its rounded label; ticks ask 1e-9 (exact), data 1e-4.
    static func labels(_ values: [Double], relativeTolerance: Double = 1e-9) -> [String] {
        let finite = values.filter(\.isFinite)
        let largest = finite.map(abs).max() ?? 0
        let tolerance = largest * relativeTolerance
        if largest < 1e5, let digits = decimals(finite, unit: 1, tolerance: tolerance, maximum: 4) {
            return values.map { $0.isFinite ? fixed($0, digits) : special($0) }
        }
        if largest >= 1e5, largest < 1e15 {
            let power = min(max(Int(log10(largest)) / 3, 1), 4)
            let unit = pow(1000, Double(power)), suffix = ["k", "M", "G", "T"][power - 1]
            if let digits = decimals(finite, unit: unit, tolerance: tolerance, maximum: 2) {
                return values.map { $0.isFinite ? ($0 == 0 ? "0" : fixed($0 / unit, digits) + suffix) : special($0) }
            }
        }
        if largest >= 1e-3, largest < 1e15, let digits = decimals(finite, unit: 1, tolerance: tolerance, maximum: 9) {
            let labels = values.map { $0.isFinite ? fixed($0, digits) : special($0) }
            if labels.allSatisfy({ $0.count <= 12 }) { return labels }
        }
        let digits = (1...15).first { p in finite.allSatisfy { abs((Double(scientific($0, p)) ?? .nan) - $0) <= tolerance } } ?? 15
        return values.map { $0.isFinite ? ($0 == 0 ? "0" : compact(scientific($0, digits))) : special($0) }
    }

    /// The fewest decimals, up to `maximum`, that show every `value / unit` within `tolerance / unit`.
    static func decimals(_ values: [Double], unit: Double, tolerance: Double, maximum: Int) -> Int? {
        (0...maximum).first { digits in
            let scale = pow(10, Double(digits))
            return values.allSatisfy { value in
                let scaled = value / unit
                return abs((scaled * scale).rounded() / scale - scaled) * unit <= tolerance
            }
        }
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        // -0.001 rounded to two decimals is "-0.00": a sign on zero says nothing.
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    static func scientific(_ value: Double, _ significantDigits: Int) -> String {
        String(format: "%.\(significantDigits - 1)e", value)
    }

    /// `1.5e+08` as `1.5e8`, `2.0e-07` as `2.0e-7`.
    static func compact(_ scientific: String) -> String {
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
            return scientific
        }
        return scientific[..<e] + "e\(exponent)"
    }

    static func special(_ value: Double) -> String { value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
}
