/// What BPTT must keep from the forward pass, and the work of each pass, for one sample.
///
/// The backward pass reads h(t−1) for ∂L/∂W, 1 − h(t)² for ∂L/∂a(t) and ŷ(t) for ∂L/∂o(t),
/// so every h(0), ..., h(τ) and every ŷ(t) must be stored until it runs: memory grows
/// linearly with τ, H·(τ + 1) + τ numbers. The work of both passes grows linearly with τ
/// too, H² per step each way dominating; truncation to k steps keeps the memory of a stream
/// at the last k + 1 states but, done per output as ``BackwardPass/truncation`` does, costs
/// up to k times the recurrence's work.
///
/// ```swift
/// let cost = BPTTCost(hidden: 16, τ: 8)
/// print(cost.storedNumbers, cost.storedBytes)   // 152 1216
/// ```
public struct BPTTCost: Sendable, Equatable {
    public let hidden: Int
    public let τ: Int
    public let inputSize: Int

    public init(hidden: Int, τ: Int, inputSize: Int = 2) {
        precondition(hidden >= 1 && τ >= 1 && inputSize >= 1, "sizes are positive")
        (self.hidden, self.τ, self.inputSize) = (hidden, τ, inputSize)
    }

    /// h(0)...h(τ) and ŷ(1)...ŷ(τ): what the backward pass needs from the forward pass.
    public var storedNumbers: Int { hidden * (τ + 1) + τ }

    /// `storedNumbers` as `Double`s, 8 bytes each.
    public var storedBytes: Int { storedNumbers * MemoryLayout<Double>.size }

    /// A stream truncated to k steps keeps only h(t−k)...h(t) and the last k outputs.
    public func storedNumbers(truncation k: Int) -> Int {
        let kept = min(max(k, 1), τ)
        return hidden * (kept + 1) + kept
    }

    /// Multiply-adds of the forward pass: per step W h (H²), U x (H·inputSize), V h (H).
    public var forwardMultiplyAdds: Int { τ * (hidden * hidden + hidden * inputSize + hidden) }

    /// Multiply-adds of exact BPTT: per step Wᵀ ∂L/∂a (H²) and Vᵀ ∂L/∂o (H) for the
    /// recurrence, then ∂L/∂W (H²), ∂L/∂U (H·inputSize) and ∂L/∂V (H).
    public var backwardMultiplyAdds: Int { τ * (2 * hidden * hidden + hidden * inputSize + 2 * hidden) }

    /// As `backwardMultiplyAdds` for ``BackwardPass/truncation`` k < τ: output t's error is
    /// carried through min(k, t) − 1 products by Wᵀ on its own.
    public func backwardMultiplyAdds(truncation k: Int) -> Int {
        guard k < τ else { return backwardMultiplyAdds }
        let carries = (1...τ).reduce(0) { $0 + min(max(k, 1), $1) - 1 }
        return carries * hidden * hidden + τ * (hidden * hidden + hidden * inputSize + 2 * hidden)
    }
}

extension ForwardPass {
    /// The bytes this forward pass holds for BPTT: a(t) and h(t) (each (τ+1)×H), o(t) and
    /// ŷ(t) (each τ+1), as `Double`s. More than ``BPTTCost/storedBytes``, because the library
    /// also keeps a(t) and o(t) for the course to inspect.
    public var storedBytes: Int {
        (a.elements.count + h.elements.count + o.count + yHat.count) * MemoryLayout<Double>.size
    }
}
