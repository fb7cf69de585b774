/// BPTT's gradients of one sample against central finite differences, parameter by
/// parameter: the worst absolute and relative error over each one's entries.
///
/// Works for any network, untrained or trained (``RunSummary/θ``, ``Trainer/θ``), and for
/// both output gradients, each checked against the loss it is exact for.
///
/// ```swift
/// for row in GradientComparison(trained, sample: sample, outputGradient: .seed).rows {
///     print(row.name, row.worstAbsoluteError, row.worstRelativeError)
/// }
/// ```
public struct GradientComparison: Sendable {
    /// One parameter's worst errors.
    public struct Row: Sendable, Equatable {
        /// "U", "W", "b", "V" or "c".
        public let name: String
        public let entries: Int
        /// max |numeric − BPTT| over the entries.
        public let worstAbsoluteError: Double
        /// max of ``GradientCheck/relativeError(_:_:)`` over the entries.
        public let worstRelativeError: Double
    }

    /// U, W, b, V, c in that order.
    public let rows: [Row]
    /// BPTT's gradients and the finite differences' (step ε).
    public let analytic: Parameters
    public let numeric: Parameters

    public init(_ θ: Parameters, sample: Sample, outputGradient: OutputGradient, ε: Double = 1e-5) {
        let analytic = GradientCheck.bptt(θ, sample: sample, outputGradient: outputGradient).gradients
        let numeric = GradientCheck.parameterGradients(θ, sample: sample, outputGradient: outputGradient, ε: ε)
        (self.analytic, self.numeric) = (analytic, numeric)
        let fields: [(String, KeyPath<Parameters, [Double]>)] = [
            ("U", \.U.elements), ("W", \.W.elements), ("b", \.b), ("V", \.V.elements), ("c", \.c),
        ]
        rows = fields.map { name, field in
            let pairs = zip(numeric[keyPath: field], analytic[keyPath: field])
            return Row(
                name: name, entries: analytic[keyPath: field].count,
                worstAbsoluteError: pairs.map { abs($0 - $1) }.max() ?? 0,
                worstRelativeError: pairs.map(GradientCheck.relativeError).max() ?? 0)
        }
    }

    /// The worst absolute error over all entries.
    public var worstAbsoluteError: Double { rows.map(\.worstAbsoluteError).max() ?? 0 }
    /// The worst relative error over all entries.
    public var worstRelativeError: Double { rows.map(\.worstRelativeError).max() ?? 0 }
}
