import Foundation

/// The seed's loss, L = Σₜ ½ (y(t) − ŷ(t))², summed over t = 1...τ.
public func squaredErrorLoss(yHat: [Double], y: [Double]) -> Double {
    var L = 0.0
    for t in 1..<y.count { L += 0.5 * (y[t] - yHat[t]) * (y[t] - yHat[t]) }
    return L
}

/// Binary cross-entropy, L = −Σₜ [y log ŷ + (1 − y) log(1 − ŷ)]: the loss whose gradient
/// with respect to o(t) is the seed's `ŷ − y` (see ``OutputGradient/seed``).
public func crossEntropyLoss(yHat: [Double], y: [Double]) -> Double {
    var L = 0.0
    for t in 1..<y.count { L -= y[t] * log(yHat[t]) + (1 - y[t]) * log(1 - yHat[t]) }
    return L
}
