import Dispatch
import Foundation

extension CarryProbe {
    /// The probe of every network, spread over all cores, in the order given.
    public static func probes(_ networks: [Parameters], operandRange: Int = 128) -> [CarryProbe] {
        let slots = ProbeSlots(count: networks.count)
        DispatchQueue.concurrentPerform(iterations: networks.count) { k in
            slots.store(CarryProbe(networks[k], operandRange: operandRange), at: k)
        }
        return slots.values
    }
}

/// Results written from concurrent iterations, each into its own slot.
private final class ProbeSlots: @unchecked Sendable {
    private var slots: [CarryProbe?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: CarryProbe, at k: Int) { lock.withLock { slots[k] = value } }
    var values: [CarryProbe] { lock.withLock { slots.compactMap { $0 } } }
}
