import Statistics
import Testing

@Suite struct HistogramTests {
    @Test func binsAreHalfOpenExceptTheLast() {
        let bins = Histogram([0, 0.5, 1, 1.99, 2, 3, -1, 3.5, .nan], edges: [0, 1, 2, 3])
        #expect(bins.counts == [2, 2, 2])
        #expect(bins.below == 1 && bins.above == 1 && bins.unordered == 1)
        #expect(bins.total == 9)
    }

    @Test func binWidthReachesTheLargestValue() {
        let bins = Histogram([100, 499, 500, 1000], binWidth: 500, from: 0)
        #expect(bins.edges == [0, 500, 1000])
        #expect(bins.counts == [2, 2])
        let more = Histogram([100, 1001], binWidth: 500, from: 0)
        #expect(more.edges == [0, 500, 1000, 1500])
        #expect(more.counts == [1, 0, 1])
    }

    @Test func binCountSpansMinimumToMaximum() {
        let bins = Histogram([1, 2, 3, 4, 5], binCount: 2)
        #expect(bins.edges == [1, 3, 5])
        #expect(bins.counts == [2, 3])
        let single = Histogram([4, 4], binCount: 1)
        #expect(single.counts == [2] && single.above == 0 && single.below == 0)
    }
}
