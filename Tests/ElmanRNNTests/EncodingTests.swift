import ElmanRNN
import Testing

@Suite struct EncodingTests {
    @Test(arguments: [1, 2, 5, 8, 12], BitOrder.allCases)
    func roundTripsEveryNumber(width: Int, order: BitOrder) {
        let encoding = BitEncoding(width: width, order: order)
        for n in 0..<encoding.count {
            #expect(encoding.number(encoding.bits(n)) == n)
            #expect(encoding.bits(n).allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func littleEndianPutsTheLeastSignificantBitFirst() {
        #expect(BitEncoding(width: 8, order: .little).bits(6) == [0, 1, 1, 0, 0, 0, 0, 0])
        #expect(BitEncoding(width: 8, order: .big).bits(6) == [0, 0, 0, 0, 0, 1, 1, 0])
    }

    @Test func sampleHoldsOperandBitsAndTheSumModuloTwoToTheWidth() {
        let encoding = BitEncoding()
        let sample = Sample(a: 200, b: 100, encoding: encoding)
        #expect(sample.sum == 44)
        for t in 1...8 {
            #expect(sample.x[t, 0] == Double((200 >> (t - 1)) & 1))
            #expect(sample.x[t, 1] == Double((100 >> (t - 1)) & 1))
            #expect(sample.y[t] == Double((44 >> (t - 1)) & 1))
        }
    }
}

@Suite struct RandomTests {
    /// The published first outputs of SplitMix64 from seed 0, so weights match on every platform.
    @Test func splitMixMatchesTheReferenceSequence() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func uniformStaysInsideTheOpenInterval() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let u = rng.uniformMinusOneToOne()
            #expect(u > -1 && u < 1)
        }
    }

    @Test func sameSeedSameParameters() {
        #expect(Parameters(hidden: 16, seed: 3) == Parameters(hidden: 16, seed: 3))
        #expect(Parameters(hidden: 16, seed: 3) != Parameters(hidden: 16, seed: 4))
    }
}
