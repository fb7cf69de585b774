import Foundation

/// One axis of a plot: the range it spans and its labelled ticks, in axis coordinates (the
/// value itself on a linear axis, its base-10 logarithm on a log axis).
struct Axis: Equatable {
    var low: Double
    var high: Double
    var ticks: [Double]
    var labels: [String]

    /// Where `value` lies between `low` (0) and `high` (1), clamped; 0 for an empty range.
    func fraction(_ value: Double) -> Double {
        Self.ratio(value - low, high - low, value / 2 - low / 2, high / 2 - low / 2)
    }

    /// The cell, of `cells` along the axis, that `value` falls in.
    func cell(_ value: Double, cells: Int) -> Int { min(Int(fraction(value) * Double(cells)), cells - 1) }

    /// `numerator / denominator` clamped to 0...1; when either difference overflows, the same
    /// ratio from the halved operands, which cannot; 0 when it is undefined (an empty range).
    static func ratio(_ numerator: Double, _ denominator: Double, _ halfNumerator: Double, _ halfDenominator: Double) -> Double {
        // A finite numerator over an infinite denominator is 0, not the share it stands for.
        var t = numerator / denominator
        if !numerator.isFinite || !denominator.isFinite { t = halfNumerator / halfDenominator }
        return t.isFinite ? min(max(t, 0), 1) : 0
    }
}

/// Tick choice. A linear axis steps by 1, 2, 2.5 or 5 × 10ⁿ; a log axis puts its ticks at powers
/// of ten (with 2 and 5, or 3, between them when the range spans only one or two decades).
/// An axis fitted to the data is widened to the ticks around it, so both ends are labelled; a
/// range the caller gave is kept, and the ticks fall inside it.
enum AxisTicks {
    /// Candidate tick sets, densest first; each widens (when `loose`) the range to its ticks.
    static func linear(low: Double, high: Double, loose: Bool, maximumCount: Int) -> [Axis] {
        guard low < high, low.isFinite, high.isFinite else { return [fallback(low: low, high: high)] }
        let span = high - low
        let magnitude = span.isFinite ? log10(span) : log10(high / 2 - low / 2) + log10(2)
        let top = Int(magnitude.rounded(.down))
        var candidates: [Axis] = []
        for exponent in (top - 2)...(top + 1) {
            for mantissa in [1, 2, 2.5, 5] {
                let step = mantissa * pow(10, Double(exponent))
                guard step > 0, step.isFinite else { continue }
                // Tolerance, so that 0.3 / 0.1 = 2.9999999999999996 counts as the tick at 3.
                let first = loose ? (low / step + 1e-9).rounded(.down) : (low / step - 1e-9).rounded(.up)
                let last = loose ? (high / step - 1e-9).rounded(.up) : (high / step + 1e-9).rounded(.down)
                // Beyond 2⁵² the multiples of the step are no longer distinct doubles.
                guard abs(first) < 0x1p52, abs(last) < 0x1p52, last >= first, last - first < Double(maximumCount) else { continue }
                let lowEdge = loose && (first * step).isFinite ? min(first * step, low) : low
                let highEdge = loose && (last * step).isFinite ? max(last * step, high) : high
                let ticks = stride(from: first, through: last, by: 1).map { $0 * step }.filter { $0.isFinite && $0 >= lowEdge && $0 <= highEdge }
                candidates.append(Axis(low: lowEdge, high: highEdge, ticks: ticks, labels: NumberLabels.labels(ticks)))
            }
        }
        return candidates + [fallback(low: low, high: high)]
    }

    /// Candidates for a log axis from `low` to `high`, given as base-10 logarithms.
    static func logarithmic(low: Double, high: Double, loose: Bool, maximumCount: Int) -> [Axis] {
        guard low < high, low.isFinite, high.isFinite else { return [fallback(low: low, high: high, log: true)] }
        let lowEdge = loose ? (low + 1e-9).rounded(.down) : low, highEdge = loose ? (high - 1e-9).rounded(.up) : high
        let decades = Int(lowEdge.rounded(.down))...Int(highEdge.rounded(.up))
        func ticks(_ mantissas: [Int], every stride: Int) -> [(mantissa: Int, exponent: Int)] {
            decades.filter { $0 % stride == 0 }.flatMap { n in mantissas.map { (mantissa: $0, exponent: n) } }
                .filter { let at = log10(Double($0.mantissa)) + Double($0.exponent); return at >= lowEdge - 1e-9 && at <= highEdge + 1e-9 }
        }
        let sets = [ticks([1, 2, 5], every: 1), ticks([1, 3], every: 1)]
            + [1, 2, 3, 5, 10, 20, 50, 100].map { ticks([1], every: $0) }
        let candidates = sets.filter { !$0.isEmpty && $0.count <= maximumCount }.map { set in
            Axis(low: lowEdge, high: highEdge, ticks: set.map { log10(Double($0.mantissa)) + Double($0.exponent) },
                 labels: powerLabels(set))
        }
        return candidates + [fallback(low: low, high: high, log: true)]
    }

    /// `0.001 0.01 0.1 1 10` when every tick lies in 10⁻⁴...10⁴, else `1e-6 1e-3 1e0 1e3`.
    static func powerLabels(_ ticks: [(mantissa: Int, exponent: Int)]) -> [String] {
        let plain = ticks.allSatisfy { $0.exponent >= -4 && $0.exponent <= 4 }
        return ticks.map { tick in
            guard plain else { return "\(tick.mantissa)e\(tick.exponent)" }
            if tick.exponent >= 0 { return "\(tick.mantissa)" + String(repeating: "0", count: tick.exponent) }
            return "0." + String(repeating: "0", count: -tick.exponent - 1) + "\(tick.mantissa)"
        }
    }

    /// The two ends as the only ticks, for ranges no nice step can label.
    static func fallback(low: Double, high: Double, log: Bool = false) -> Axis {
        let ends = low < high ? [low, high] : [low]
        let values = log ? ends.map { pow(10, $0) } : ends
        return Axis(low: low, high: high, ticks: ends, labels: NumberLabels.labels(values, relativeTolerance: 1e-4))
    }

    /// The candidate to draw: among those whose labels fit, one with at least four ticks, evenly
    /// spaced over `cells` if any is, nearest five ticks, a step of 1, 2 or 5 rather than 2.5,
    /// densest; else the densest that fits; else the first end alone.
    static func choose(_ candidates: [Axis], cells: Int, evenSpacing: Bool = true, fits: (Axis) -> Bool) -> Axis {
        let fitting = candidates.filter(fits)
        func even(_ axis: Axis) -> Bool {
            let at = axis.ticks.map { axis.cell($0, cells: cells) }
            return Set(zip(at.dropFirst(), at).map { $0 - $1 }).count <= 1
        }
        func quarter(_ axis: Axis) -> Bool {
            guard axis.ticks.count >= 2 else { return false }
            let step = axis.ticks[1] - axis.ticks[0]
            return abs(step / pow(10, log10(step).rounded(.down)) - 2.5) < 1e-6
        }
        func key(_ candidate: (offset: Int, element: Axis)) -> (Int, Int, Int, Int) {
            (evenSpacing && even(candidate.element) ? 0 : 1, abs(candidate.element.ticks.count - 5),
             quarter(candidate.element) ? 1 : 0, candidate.offset)
        }
        let ample = fitting.enumerated().filter { $0.element.ticks.count >= 4 }
        if let best = ample.min(by: { key($0) < key($1) }) {
            return best.element
        }
        if let first = fitting.first { return first }
        let only = candidates.last ?? fallback(low: 0, high: 1)
        return Axis(low: only.low, high: only.high, ticks: Array(only.ticks.prefix(1)), labels: Array(only.labels.prefix(1)))
    }
}
