/// What a training run records per epoch (one sample per epoch, as in the seed).
public struct TrainingHistory: Sendable {
    /// The loss of each epoch's sample, before its update.
    public var loss: [Double] = []
    /// Whether every bit of that sample was predicted right.
    public var allBitsRight: [Bool] = []
    /// The fraction of the last `window` samples (fewer at the start) that were all right.
    public var windowAccuracy: [Double] = []
    /// The first epoch (1-based) at which the last `window` samples were all right; nil if never.
    public var epochsToConverge: Int?

    public init() {}

    public mutating func reserve(_ epochs: Int) {
        loss.reserveCapacity(epochs)
        allBitsRight.reserveCapacity(epochs)
        windowAccuracy.reserveCapacity(epochs)
    }
}

/// The accuracy over a sliding window of the most recent samples, in a fixed ring buffer.
public struct MovingAccuracy: Sendable {
    private var ring: [Bool]
    private var next = 0
    public private(set) var count = 0
    private var rightInRing = 0

    public init(window: Int) {
        precondition(window > 0)
        ring = Array(repeating: false, count: window)
    }

    public var window: Int { ring.count }
    public var accuracy: Double { count == 0 ? 0 : Double(rightInRing) / Double(count) }
    /// True once the window is full and every sample in it was right.
    public var isPerfect: Bool { count == window && rightInRing == window }

    public mutating func record(_ right: Bool) {
        if count == window, ring[next] { rightInRing -= 1 }
        ring[next] = right
        if right { rightInRing += 1 }
        next = (next + 1) % window
        count = min(count + 1, window)
    }
}
