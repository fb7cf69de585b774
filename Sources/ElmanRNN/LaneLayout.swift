/// One scalar of several networks at once, the unit of the lane-parallel sweep path
/// (``LaneTrainer``): lane l holds network l's value. Every operation on it is elementwise, so
/// lane l computes exactly what the single-network code computes for network l.
typealias LaneVector = SIMD8<Double>

/// Where each quantity of a lane group sits in the one buffer of ``LaneVector`` that holds it,
/// with the single-network code's shapes (rows are time steps t = 0...τ, row-major).
struct LaneLayout: Sendable {
    let H: Int
    let inputSize: Int
    let τ: Int

    // Parameters: U (H×inputSize), W (H×H), b (H), V (H), c (1), then the work buffers.
    var U: Int { 0 }
    var W: Int { U + H * inputSize }
    var b: Int { W + H * H }
    var V: Int { b + H }
    var c: Int { V + H }
    var parameterCount: Int { c + 1 }
    /// x(t), (τ+1)×inputSize; y(t), τ+1.
    var x: Int { parameterCount }
    var y: Int { x + (τ + 1) * inputSize }
    /// h(t), (τ+1)×H with h(0) = 0; o(t) and ŷ(t), τ+1 each.
    var h: Int { y + τ + 1 }
    var o: Int { h + (τ + 1) * H }
    var yHat: Int { o + τ + 1 }
    /// ∂L/∂o(t), τ+1; ∂L/∂a(t), (τ+2)×H with row τ+1 zero.
    var dL_do: Int { yHat + τ + 1 }
    var dL_da: Int { dL_do + τ + 1 }
    /// The two H-vectors that carry one output's error back in truncated BPTT
    /// (``LaneViews/runTruncatedRecurrence(window:)``): at h(s), and through tanh at a(s).
    var carried: Int { dL_da + (τ + 2) * H }
    var carriedThroughTanh: Int { carried + H }
    /// ∂L/∂θ in the parameters' layout, kept only when the gradient is clipped, which needs its
    /// norm before any step (``LaneViews/descendAlongClippedGradients(threshold:learningRate:)``).
    /// Last, so that a run without clipping never touches it and it costs no cache.
    var gradients: Int { carriedThroughTanh + H }
    var count: Int { gradients + parameterCount }

    /// Lane `lane`'s parameters, read out of `buffer` (U, W, b, V, c, each row-major, are laid
    /// out in the order of ``Parameters/allEntries``).
    func parameters(from buffer: [LaneVector], lane: Int) -> Parameters {
        var θ = Parameters(zerosWithHidden: H, inputSize: inputSize)
        for k in θ.U.elements.indices { θ.U.elements[k] = buffer[U + k][lane] }
        for k in θ.W.elements.indices { θ.W.elements[k] = buffer[W + k][lane] }
        for k in θ.b.indices { θ.b[k] = buffer[b + k][lane] }
        for k in θ.V.elements.indices { θ.V.elements[k] = buffer[V + k][lane] }
        θ.c[0] = buffer[c][lane]
        return θ
    }

    /// Writes `θ` into lane `lane` of `buffer`.
    func store(_ θ: Parameters, into buffer: inout [LaneVector], lane: Int) {
        precondition(θ.H == H && θ.inputSize == inputSize, "shapes do not match")
        for k in θ.U.elements.indices { buffer[U + k][lane] = θ.U.elements[k] }
        for k in θ.W.elements.indices { buffer[W + k][lane] = θ.W.elements[k] }
        for k in θ.b.indices { buffer[b + k][lane] = θ.b[k] }
        for k in θ.V.elements.indices { buffer[V + k][lane] = θ.V.elements[k] }
        buffer[c][lane] = θ.c[0]
    }
}

/// Pointers to each quantity of a ``LaneLayout`` in one buffer, named as in the equations.
/// Valid only inside ``withLanes(_:_:)``.
struct LaneViews {
    let layout: LaneLayout
    let U, W, b, V, c, x, y, h, o, yHat, dL_do, dL_da: UnsafeMutablePointer<LaneVector>
    let carried, carriedThroughTanh: UnsafeMutablePointer<LaneVector>
    /// The first parameter (U's first entry), and ∂L/∂θ laid out as the parameters: the
    /// gradient of the parameter at `p` is at `gradients[p - θ]`.
    let θ, gradients: UnsafeMutablePointer<LaneVector>

    init(_ base: UnsafeMutablePointer<LaneVector>, _ layout: LaneLayout) {
        self.layout = layout
        θ = base + layout.U; gradients = base + layout.gradients
        carried = base + layout.carried; carriedThroughTanh = base + layout.carriedThroughTanh
        U = base + layout.U; W = base + layout.W; b = base + layout.b; V = base + layout.V
        c = base + layout.c; x = base + layout.x; y = base + layout.y; h = base + layout.h
        o = base + layout.o; yHat = base + layout.yHat; dL_do = base + layout.dL_do
        dL_da = base + layout.dL_da
    }
}

extension Array where Element == LaneVector {
    /// The buffer as ``LaneViews``; the layout must be the one the buffer was made for.
    mutating func withLanes<R>(_ layout: LaneLayout, _ body: (LaneViews) -> R) -> R {
        precondition(count == layout.count, "the buffer does not have this layout")
        return withUnsafeMutableBufferPointer { body(LaneViews($0.baseAddress!, layout)) }
    }
}
