/// The order in which a number's bits are fed to the network, one per time step.
public enum BitOrder: String, CaseIterable, Sendable {
    /// Least significant bit first: the seed's order. The carry of column t is known
    /// when column t + 1 arrives, so it can flow forward in time through h.
    case little
    /// Most significant bit first: the carry would have to flow backward in time.
    case big
}

/// Converts numbers to bit sequences and back through a table computed once, as the seed
/// does with `np.unpackbits` and `np.flip`.
public struct BitEncoding: Sendable {
    public let width: Int
    public let order: BitOrder
    /// `table[n]` holds the `width` bits of n in `order`.
    public let table: [[Int]]

    /// The table has 2^width rows, so widths stay small (a 16-bit table has 65,536 rows).
    public init(width: Int = 8, order: BitOrder = .little) {
        precondition((1...16).contains(width), "width must be 1...16 bits")
        self.width = width
        self.order = order
        // weave:begin table
        self.table = (0..<(1 << width)).map { n in
            let littleEndian = (0..<width).map { k in (n >> k) & 1 }  // bit k of n, k = 0 first
            return order == .little ? littleEndian : littleEndian.reversed()
        }
        // weave:end table
    }

    /// The number of representable values, 2^width.
    public var count: Int { 1 << width }

    /// The bits of `n`, one per time step.
    public func bits(_ n: Int) -> [Int] {
        precondition(n >= 0 && n < count, "\(n) does not fit in \(width) bits")
        return table[n]
    }

    /// The number whose bits are `bits` (inverse of `bits(_:)`).
    public func number(_ bits: [Int]) -> Int {
        precondition(bits.count == width)
        let littleEndian = order == .little ? bits : bits.reversed()
        return littleEndian.enumerated().reduce(0) { $0 | ($1.element << $1.offset) }
    }
}
