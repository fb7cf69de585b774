// Where a lane group's training step spends its time: each part of `LaneTrainer.step()` timed
// alone, per network and sample, on a group of eight seeds (H = 16, τ = 8, exact gradient).
//
// Compiled by scripts/bench-lane-parts.sh into one module with the library's sources, so that
// it can call the lane kernels, which the library does not export. Each part runs on the same
// buffer many times over; the numbers are the minimum of five timed runs by CPU time.
import Foundation
import Statistics

func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let samples = Int(CommandLine.arguments.dropFirst().first ?? "20000") ?? 20000
let configuration = TrainingConfiguration(epochs: samples)
let layout = LaneLayout(H: configuration.hidden, inputSize: 2, τ: configuration.width)
let networks = LaneVector.scalarCount

// A group after one real step, so that every buffer holds the values training gives it.
var warm = LaneTrainer(configuration, seeds: (0..<UInt64(networks)).map { $0 })
_ = warm.step()
var buffer = warm.lanes

func nanoseconds(_ run: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
        let start = cpuSeconds()
        run()
        best = min(best, cpuSeconds() - start)
    }
    return best / Double(samples * networks) * 1e9
}

func part(_ name: String, _ body: (LaneViews) -> Void) {
    let ns = nanoseconds { buffer.withLanes(layout) { views in for _ in 0..<samples { body(views) } } }
    print(name.padding(toLength: 52, withPad: " ", startingAt: 0), String(format: "%7.1f ns", ns))
}

print("ns per network and sample, \(networks) networks per group, \(samples) samples, minimum of 5 runs")
var sink = LaneVector()
part("forward: a(t), tanh, o(t)") { $0.runForward() }
var slopes = (0..<(layout.τ * layout.H)).map { k in LaneVector((0..<networks).map { Double($0 + k) * 0.0227 - 1.5 }) }
let tanhNs = nanoseconds {
    slopes.withUnsafeMutableBufferPointer { z in
        for _ in 0..<samples { for k in z.indices { z[k] = tanh(z[k]) * 1.5 } }
    }
}
print("  of which: \(layout.τ * layout.H) tanh, alone".padding(toLength: 52, withPad: " ", startingAt: 0), String(format: "%7.1f ns", tanhNs))
part("σ, one lane at a time") { $0.runSigmoid() }
part("recurrence: ∂L/∂a(t)") { $0.runExactRecurrence() }
part("parameter gradients, summed only") { views in
    views.forEachParameterGradient { _, g in sink += g }
}
part("parameter gradients and the SGD step") { views in
    let tiny = LaneVector(repeating: 1e-300)  // keeps the weights as they are
    views.forEachParameterGradient { parameter, g in parameter.pointee -= tiny * g }
}
var trainer = LaneTrainer(configuration, seeds: (0..<UInt64(networks)).map { $0 })
print("whole step (draw, forward, σ, loss, backward, step)".padding(toLength: 52, withPad: " ", startingAt: 0),
      String(format: "%7.1f ns", nanoseconds { for _ in 0..<samples { _ = trainer.step() } }))
// Read the results, so that the optimiser cannot drop the loops that made them.
if sink[0].isNaN && slopes[0][0].isNaN { print("both NaN") }
