// Whoever trains networks reports on them: `import ElmanRNN` brings Statistics (intervals,
// quantiles, histograms, and the library's generator, SplitMix64) with it.
@_exported import Statistics
