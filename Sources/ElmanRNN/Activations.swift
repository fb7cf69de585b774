import Foundation

/// The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).
@inlinable
public func σ(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
