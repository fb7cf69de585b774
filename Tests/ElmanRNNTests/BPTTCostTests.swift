import ElmanRNN
import Testing

@Suite struct BPTTCostTests {
    /// H = 16, τ = 8: 16 · 9 hidden values and 8 outputs; per step 16² + 16 · 2 + 16 multiply-adds
    /// forward, 2 · 16² + 16 · 2 + 2 · 16 backward.
    @Test func theCoursesNetwork() {
        let cost = BPTTCost(hidden: 16, τ: 8)
        #expect(cost.storedNumbers == 152)
        #expect(cost.storedBytes == 1216)
        #expect(cost.forwardMultiplyAdds == 8 * 304)
        #expect(cost.backwardMultiplyAdds == 8 * 576)
        #expect(cost.storedNumbers(truncation: 2) == 16 * 3 + 2)
        #expect(cost.storedNumbers(truncation: 8) == cost.storedNumbers)
    }

    /// Output t carries its error back min(k, t) − 1 times through Wᵀ: for k = 1 never, for
    /// k = 2 seven times (t = 2...8), for k ≥ τ it is exact BPTT's cost.
    @Test func truncationsWork() {
        let cost = BPTTCost(hidden: 16, τ: 8)
        let perStep = 16 * 16 + 16 * 2 + 2 * 16
        #expect(cost.backwardMultiplyAdds(truncation: 1) == 8 * perStep)
        #expect(cost.backwardMultiplyAdds(truncation: 2) == 7 * 256 + 8 * perStep)
        #expect(cost.backwardMultiplyAdds(truncation: 8) == cost.backwardMultiplyAdds)
    }

    @Test func growsLinearlyWithTau() {
        let short = BPTTCost(hidden: 16, τ: 8), long = BPTTCost(hidden: 16, τ: 16)
        #expect(long.storedNumbers - short.storedNumbers == 8 * 17)
        #expect(long.backwardMultiplyAdds == 2 * short.backwardMultiplyAdds)
    }

    @Test func theForwardPassStoresAAndHToo() {
        #expect(ForwardPass(hidden: 16, τ: 8).storedBytes == (2 * 9 * 16 + 2 * 9) * 8)
    }
}
