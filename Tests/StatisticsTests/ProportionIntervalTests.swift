import Foundation
import Statistics
import Testing

@Suite struct ProportionIntervalTests {
    /// Reference bounds from Wilson's formula evaluated independently in Python, with
    /// z = statistics.NormalDist().inv_cdf(0.975) = 1.9599639845400536:
    ///     p = k/n; c = p + z²/2n; s = z·sqrt(p(1−p)/n + z²/4n²); (c ∓ s)/(1 + z²/n)
    /// 0/20 → (0, 0.16113) is the value Brown, Cai and DasGupta (2001) tabulate.
    @Test(arguments: [
        (0, 20, 0.0, 0.1611251580528193),
        (20, 20, 0.8388748419471806, 1.0),
        (963, 1000, 0.9494176025179307, 0.9730388191244452),
        (10, 20, 0.2992980081982124, 0.7007019918017877),
        (1, 3, 0.06149194472039629, 0.7923403991979523),
    ])
    func wilsonBoundsMatchTheFormula(k: Int, n: Int, lower: Double, upper: Double) {
        let interval = ProportionInterval(successes: k, trials: n)
        #expect(abs(interval.lower - lower) < 1e-12)
        #expect(abs(interval.upper - upper) < 1e-12)
        #expect(interval.estimate == Double(k) / Double(n))
    }

    /// At 99%, z = inv_cdf(0.995) = 2.5758293035489; 963/1000 → (0.94432258, 0.97557400).
    @Test func levelWidensTheInterval() {
        let interval = ProportionInterval(successes: 963, trials: 1000, level: 0.99)
        #expect(abs(interval.lower - 0.9443225834135089) < 1e-12)
        #expect(abs(interval.upper - 0.9755739978859362) < 1e-12)
    }

    @Test func boundsStayWithinZeroAndOneAndNoTrialsMeansAnything() {
        #expect(ProportionInterval(successes: 0, trials: 20).lower == 0)
        #expect(ProportionInterval(successes: 20, trials: 20).upper == 1)
        let none = ProportionInterval(successes: 0, trials: 0)
        #expect(none.lower == 0 && none.upper == 1 && none.estimate.isNaN)
    }

    @Test func describesItselfAsAPageWould() {
        #expect(ProportionInterval(successes: 963, trials: 1000).description == "96.3% (95% CI 94.9–97.3%)")
        #expect(ProportionInterval(successes: 20, trials: 20).formatted(decimals: 0) == "100% (95% CI 84–100%)")
    }

    /// Values of statistics.NormalDist().inv_cdf.
    @Test(arguments: [
        (0.5, 0.0), (0.975, 1.9599639845400536), (0.995, 2.5758293035489), (0.9, 1.2815515655446008),
        (0.01, -2.3263478740408408), (1e-10, -6.361340902404056),
    ])
    func normalQuantileMatchesPython(p: Double, z: Double) {
        #expect(abs(normalQuantile(p) - z) < 1e-13 * max(1, abs(z)))
    }

    /// Coverage sanity: over many simulated binomial samples with p = 0.9 and n = 50, the 95%
    /// interval contains p about 95% of the time (Wilson's coverage here is 0.94–0.96).
    @Test func coversTheTrueProbabilityAtAboutTheNominalRate() {
        var rng = SplitMix64(seed: 12345)
        func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        let trials = 4000
        var covered = 0
        for _ in 0..<trials {
            let k = (0..<50).filter { _ in uniform() < 0.9 }.count
            let interval = ProportionInterval(successes: k, trials: 50)
            if interval.lower <= 0.9 && 0.9 <= interval.upper { covered += 1 }
        }
        let rate = Double(covered) / Double(trials)
        #expect(rate > 0.92 && rate < 0.98)
    }
}
