import Dispatch
import Foundation

/// What one network got right on a list of operand pairs.
public struct PairCounts: Sendable, Equatable {
    /// The pairs tried.
    public var pairs: Int
    /// Pairs whose every sum bit was right.
    public var rightSums: Int
    /// `rightAtStep[t − 1]`: pairs whose sum bit t was right.
    public var rightAtStep: [Int]
    /// `firstWrongAtStep[t − 1]`: pairs whose first wrong sum bit was bit t.
    public var firstWrongAtStep: [Int]

    /// rightSums / pairs.
    public var accuracy: Double { Double(rightSums) / Double(max(pairs, 1)) }
    /// rightAtStep[t − 1] / pairs for t = 1…width.
    public var stepAccuracies: [Double] { rightAtStep.map { Double($0) / Double(max(pairs, 1)) } }
}

/// ``Evaluation`` of many networks at once, for the course's conclusions over a whole sweep:
/// the networks run ``LaneVector/scalarCount`` at a time, one per SIMD lane (the forward pass
/// ``LaneTrainer`` trains with), the lane groups spread over all cores.
///
/// The single-network functions are the reference: each lane performs the reference's
/// floating-point operations in its order, and the decision ŷ ≥ ½ is taken exactly (see
/// ``LaneTrainer/exhaustiveAccuracies()``), so the counts are the same.
extension Evaluation {
    /// The pairs ``accuracy(_:width:order:samples:seed:)`` tries at `width`: every pair of
    /// operands below 2^(width−1) when there are at most 2^16, else `samples` random ones.
    public static func pairs(width: Int, samples: Int = 20_000, seed: UInt64 = 1) -> [(a: Int, b: Int)] {
        let range = 1 << (width - 1)
        if range * range <= 1 << 16 {
            return (0..<range).flatMap { a in (0..<range).map { b in (a, b) } }
        }
        var rng = SplitMix64(seed: seed)
        return (0..<samples).map { _ in
            let a = rng.uniform(below: range)
            return (a, rng.uniform(below: range))
        }
    }

    /// What each network gets right on `pairs`, its sums taken modulo 2^width.
    /// - Precondition: every network has the same hidden size and two inputs.
    public static func counts(
        _ networks: [Parameters], pairs: [(a: Int, b: Int)], encoding: BitEncoding
    ) -> [PairCounts] {
        guard let first = networks.first else { return [] }
        precondition(networks.allSatisfy { $0.H == first.H && $0.inputSize == 2 }, "networks of one shape")
        precondition(pairs.allSatisfy { (0..<encoding.count).contains($0.a) && (0..<encoding.count).contains($0.b) },
                     "operands must fit in \(encoding.width) bits")
        let laneCount = LaneVector.scalarCount
        let groups = stride(from: 0, to: networks.count, by: laneCount).map {
            $0..<min($0 + laneCount, networks.count)
        }
        let results = CountSlots(count: networks.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let group = groups[g]
            for (k, counts) in zip(group, laneCounts(Array(networks[group]), pairs: pairs, encoding: encoding)) {
                results.store(counts, at: k)
            }
        }
        return results.values
    }

    /// ``accuracy(_:width:order:samples:seed:)`` of every network, on the same pairs.
    public static func accuracies(
        _ networks: [Parameters], width: Int, order: BitOrder = .little, samples: Int = 20_000, seed: UInt64 = 1
    ) -> [Double] {
        counts(networks, pairs: pairs(width: width, samples: samples, seed: seed),
               encoding: BitEncoding(width: width, order: order)).map(\.accuracy)
    }

    /// For every network, the fraction of pairs below `operandRange` whose sum bit t is right,
    /// for t = 1…width.
    public static func stepAccuracies(
        _ networks: [Parameters], operandRange: Int = 128, encoding: BitEncoding = BitEncoding()
    ) -> [[Double]] {
        let all = (0..<operandRange).flatMap { a in (0..<operandRange).map { b in (a, b) } }
        return counts(networks, pairs: all, encoding: encoding).map(\.stepAccuracies)
    }

    /// One lane group (at most ``LaneVector/scalarCount`` networks): every lane reads the same
    /// pair; lanes past the group's networks run a copy of the last and are not reported.
    ///
    /// h(t) and o(t) depend only on the inputs x(1)…x(t), in either bit order, so the pairs
    /// run in the order of their inputs step by step, and each pair starts at the first step
    /// whose input differs from the previous pair's: the steps before are still in their slots
    /// of h and o. Every step is the same arithmetic on the same inputs as when the pair runs
    /// alone, and the counts are sums over pairs, so they do not depend on the order
    /// (`BatchEvaluationTests` compare them with ``Evaluation`` pair by pair). Every pair
    /// below 128 at 8 bits takes 38,228 steps this way instead of 131,072.
    private static func laneCounts(
        _ networks: [Parameters], pairs: [(a: Int, b: Int)], encoding: BitEncoding
    ) -> [PairCounts] {
        let width = encoding.width, mask = encoding.count - 1, table = encoding.table
        let layout = LaneLayout(H: networks[0].H, inputSize: 2, τ: width)
        var buffer = Array(repeating: LaneVector(), count: layout.count)
        for lane in 0..<LaneVector.scalarCount {
            layout.store(networks[min(lane, networks.count - 1)], into: &buffer, lane: lane)
        }
        // A pair's inputs as one number, two bits per step, x(1) in the highest: sorting by it
        // puts pairs with a common beginning next to each other, and the highest bit in which
        // two of them differ names the first step whose input differs.
        let inputs = pairs.map { a, b in
            (1...width).reduce(0) { key, t in key << 2 | table[a][t - 1] << 1 | table[b][t - 1] }
        }
        let order = pairs.indices.sorted { inputs[$0] < inputs[$1] }
        typealias Count = LaneVector.MaskStorage
        var rightSums = Count(), rightAtStep = Array(repeating: Count(), count: width)
        var firstWrongAtStep = rightAtStep
        buffer.withLanes(layout) { network in
            var previous: Int?
            for index in order {
                let (a, b) = pairs[index], sum = (a + b) & mask
                var first = 1
                if let previous {
                    let differ = previous ^ inputs[index]
                    // Bit 2(width − t) + 1 or 2(width − t) differs when step t's input does.
                    first = differ == 0 ? width + 1 : width - (Int.bitWidth - 1 - differ.leadingZeroBitCount) / 2
                }
                if first <= width {
                    for t in first...width {
                        network.x[2 * t] = LaneVector(repeating: Double(table[a][t - 1]))
                        network.x[2 * t + 1] = LaneVector(repeating: Double(table[b][t - 1]))
                        network.runStep(t)
                    }
                }
                previous = inputs[index]
                var wrong = SIMDMask<Count>()
                for t in 1...width {
                    let wrongHere = LaneTrainer.predictsOne(network.o[t]) .^ SIMDMask(repeating: table[sum][t - 1] == 1)
                    rightAtStep[t - 1] &+= Count(repeating: 1).replacing(with: 0, where: wrongHere)
                    firstWrongAtStep[t - 1] &+= Count(repeating: 0).replacing(with: 1, where: wrongHere .& .!wrong)
                    wrong .|= wrongHere
                }
                rightSums &+= Count(repeating: 1).replacing(with: 0, where: wrong)
            }
        }
        return networks.indices.map { k in
            PairCounts(pairs: pairs.count, rightSums: Int(rightSums[k]), rightAtStep: rightAtStep.map { Int($0[k]) },
                       firstWrongAtStep: firstWrongAtStep.map { Int($0[k]) })
        }
    }
}

/// Results written from concurrent iterations, each into its own slot.
private final class CountSlots: @unchecked Sendable {
    private var slots: [PairCounts?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: PairCounts, at k: Int) { lock.withLock { slots[k] = value } }
    var values: [PairCounts] { lock.withLock { slots.compactMap { $0 } } }
}
