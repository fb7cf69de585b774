import Statistics
import Testing

@Suite struct QuantileTests {
    @Test func medianOfOddEvenAndEmpty() {
        #expect(median([3, 1, 2]) == 2)
        #expect(median([4, 1, 3, 2]) == 2.5)
        #expect(median([]) == nil)
    }

    /// numpy.quantile (type 7): [1, 2, 3, 4] → 1.75, 2.5, 3.25; [7, 1, 3, 9, 5, 2] at 0.1 → 1.5, at 0.9 → 8.
    @Test(arguments: [
        ([1.0, 2, 3, 4], 0.25, 1.75), ([1.0, 2, 3, 4], 0.5, 2.5), ([1.0, 2, 3, 4], 0.75, 3.25),
        ([7.0, 1, 3, 9, 5, 2], 0.1, 1.5), ([7.0, 1, 3, 9, 5, 2], 0.9, 8), ([5.0], 0.3, 5),
        ([1.0, 2, 3], 0, 1), ([1.0, 2, 3], 1, 3),
    ])
    func typeSevenQuantiles(values: [Double], p: Double, expected: Double) {
        #expect(quantile(values, p) == expected)
    }

    @Test func quartilesAndTheirRange() throws {
        let q = try #require(Quartiles([1, 2, 3, 4]))
        #expect(q.lower == 1.75 && q.median == 2.5 && q.upper == 3.25)
        #expect(q.interquartileRange == 1.5)
        #expect(Quartiles([]) == nil)
        #expect(try #require(Quartiles([2013, 2013, 3540, 3540])).description == "IQR 2013–3540")
    }
}
