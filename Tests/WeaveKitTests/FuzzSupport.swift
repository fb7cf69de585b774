import Foundation
import Statistics

/// The library's SplitMix64: a seeded generator, so a failing fuzz case reproduces from its seed.
typealias SeededGenerator = SplitMix64

/// How much to fuzz, from the environment: `WEAVE_FUZZ_CASES` (default: a short batch for the
/// test suite), `WEAVE_FUZZ_SEED` (default: fixed, so the suite is deterministic) and
/// `WEAVE_FUZZ_LAST_INPUT`, a path prefix for files (one per suite) that hold the input being
/// tried, so that if a case crashes the process, `scripts/fuzz.sh` can show which one.
struct FuzzSettings {
    var cases: Int
    var seed: UInt64
    var lastInputFile: String?

    static func fromEnvironment(defaultCases: Int) -> FuzzSettings {
        let environment = ProcessInfo.processInfo.environment
        return FuzzSettings(
            cases: environment["WEAVE_FUZZ_CASES"].flatMap { Int($0) }.map { max($0, 1) } ?? defaultCases,
            seed: environment["WEAVE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_201,
            lastInputFile: environment["WEAVE_FUZZ_LAST_INPUT"])
    }

    /// The generator for case `index`: each case has its own, so one reproduces alone.
    func generator(forCase index: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        return SeededGenerator(seed: mixer.next())
    }

    func record(_ input: String, case index: Int, suite: String) {
        guard let lastInputFile else { return }
        try? Data("\(suite) seed \(seed) case \(index):\n\(input)".utf8).write(to: URL(fileURLWithPath: "\(lastInputFile)-\(suite)"))
    }
}

/// Random edits of a string, by Character: the mutations of a fuzzer.
enum Mutation {
    static func mutate(_ text: String, using random: inout SeededGenerator, pieces: [String], edits: Int) -> String {
        var characters = Array(text)
        for _ in 0..<edits {
            let at = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0:  // insert a piece of the alphabet
                characters.insert(contentsOf: pieces.randomElement(using: &random) ?? "", at: at)
            case 1:  // delete a range
                guard !characters.isEmpty else { continue }
                let start = min(at, characters.count - 1)
                let end = min(characters.count, start + Int.random(in: 1...4, using: &random))
                characters.removeSubrange(start..<end)
            case 2:  // swap two characters
                guard characters.count > 1 else { continue }
                let other = Int.random(in: 0..<characters.count, using: &random)
                characters.swapAt(min(at, characters.count - 1), other)
            case 3:  // duplicate a range
                guard !characters.isEmpty else { continue }
                let start = min(at, characters.count - 1)
                let end = min(characters.count, start + Int.random(in: 1...12, using: &random))
                characters.insert(contentsOf: characters[start..<end], at: end)
            case 4:  // truncate
                characters.removeSubrange(min(at, characters.count)...)
            default:  // replace one character with a random one
                guard !characters.isEmpty else { continue }
                characters[min(at, characters.count - 1)] = randomCharacter(using: &random)
            }
        }
        return String(characters)
    }

    /// Mostly ASCII, sometimes a character from further out (combining, astral, control).
    static func randomCharacter(using random: inout SeededGenerator) -> Character {
        let unusual: [Character] = ["\u{0}", "\u{1B}", "\u{301}", "\u{FEFF}", "\u{FFFF}", "\u{2028}", "𝐱", "😀", "é", "\r\n", "\u{7F}", "\u{85}"]
        if Int.random(in: 0..<8, using: &random) == 0 { return unusual.randomElement(using: &random) ?? "x" }
        return Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random)))
    }
}

/// A fuzz case that broke a promise, described for the report.
struct FuzzFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
