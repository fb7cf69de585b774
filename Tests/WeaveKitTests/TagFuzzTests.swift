import Testing
@testable import WeaveKit

/// Random and mutated snippet tags: `Tags(words:at:)` must return, or throw a `WeaveError` at the
/// fence's location; never crash. `scripts/fuzz.sh` runs it at length.
@Suite struct TagFuzzTests {
    static let words = [
        "hidden", "quiet", "norun", "expect", "solution", "solution=1", "include=Sources/ElmanRNN/SGD.swift#sgd", "timeout=30",
        "timeout=", "timeout=-1", "timeout=0", "timeout=1e308", "timeout=1e309", "timeout=nan", "timeout=inf",
        "timeout=0x10", "timeout=5.", "include=", "include=#", "include=a#", "include=#b", "include=a#b#c",
        "include=../../etc/passwd#x", "=", "", "é", "😀", "hidden=1", "HIDDEN", "time out", "\u{0}", "\u{301}",
    ]

    static func words(forCase index: Int, settings: FuzzSettings) -> [Substring] {
        var random = settings.generator(forCase: index)
        let count = Int.random(in: 0...5, using: &random)
        return (0..<count).map { _ in
            let word = words.randomElement(using: &random) ?? ""
            guard Bool.random(using: &random) else { return Substring(word) }
            return Substring(Mutation.mutate(word, using: &random, pieces: words, edits: Int.random(in: 1...3, using: &random)))
        }
    }

    @Test(.timeLimit(.minutes(30)))
    func randomTagsParseOrGiveALocatedError() {
        let settings = FuzzSettings.fromEnvironment(defaultCases: 2_000)
        let location = SourceLocation(file: "chapters/fuzz.md", line: 7, column: 1)
        var failures = 0
        for index in 0..<settings.cases {
            let words = Self.words(forCase: index, settings: settings)
            settings.record(words.debugDescription, case: index, suite: "Tags")
            do {
                let tags = try Tags(words: words, at: location)
                if let timeout = tags.timeout, !(timeout.isFinite && timeout > 0) {
                    failures += 1
                    Issue.record("seed \(settings.seed) case \(index): timeout \(timeout) accepted from \(words)")
                }
            } catch {
                if error.location != location {
                    failures += 1
                    Issue.record("seed \(settings.seed) case \(index): error at \(String(describing: error.location)) for \(words): \(error.message)")
                }
            }
            if failures >= 10 { return }
        }
        print("Tag fuzz: \(settings.cases) cases, seed \(settings.seed), \(failures) failures")
    }
}
