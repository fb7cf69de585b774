/// What the words after `swift` in a snippet's info string ask for.
///
/// ```swift                 run; show source and output (the default)
/// ```swift hidden          run; hide the source (setup code); output still shows
/// ```swift quiet           run; show the source, hide the output
/// ```swift norun           show the source; do not compile or run it
/// ```swift expect          run, and compare the output with the ```output block that follows
/// ```swift include=Sources/ElmanRNN/BackwardPass.swift#recurrence
///                          show the region between `// weave:begin recurrence` and
///                          `// weave:end recurrence` of that file; not run
/// ```swift timeout=30      stop the chapter if this snippet runs longer than 30 s (default 10)
/// ```swift reads=data/a.json,data/b.json
///                          the snippet reads these files (under the package root): a change
///                          to them runs the chapter again instead of using the cache
/// ```swift env=SEED,MODE   the snippet reads these environment variables: likewise
/// ```swift output-limit=64 the chapter may print up to 64 MiB (default 16)
/// ```swift solution        run like any snippet, shown folded: source, output and check
///                          inside `<details>` under "Solution" (open on the print page)
///
/// Each tag may appear once; tags that contradict each other are an error.
public struct Tags: Equatable, Sendable, Codable {
    public var hidden = false
    public var quiet = false
    public var norun = false
    public var expect = false
    /// Folded on the page under "Solution", for an exercise's answer; run and checked as usual.
    public var solution = false
    public var include: Include?
    public var timeout: Double?
    /// Files the snippet reads at run time, relative to the package root.
    public var reads: [String] = []
    /// Environment variables the snippet reads at run time.
    public var environment: [String] = []
    /// MiB the chapter may print, raising the default limit.
    public var outputLimit: Int?

    public struct Include: Equatable, Sendable, Codable {
        public var path: String
        public var anchor: String
    }

    public static let defaultTimeout = 10.0
    public static let vocabulary =
        "hidden, quiet, norun, expect, solution, include=PATH#ANCHOR, timeout=SECONDS, reads=PATH[,PATH…], env=NAME[,NAME…], output-limit=MIB"

    /// Whether the snippet is compiled and run.
    public var runs: Bool { !norun && include == nil }

    public init() {}

    /// Parses the words after `swift`; `location` is the fence's, for errors.
    public init(words: [Substring], at location: SourceLocation) throws(WeaveError) {
        var seen: Set<Substring> = []
        for word in words {
            let name = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard seen.insert(name).inserted else {
                throw WeaveError("the tag '\(name)' appears twice on this snippet; keep one", at: location)
            }
            let value = word.contains("=") ? String(word.drop { $0 != "=" }.dropFirst()) : nil
            switch (name, value) {
            case ("hidden", nil): hidden = true
            case ("quiet", nil): quiet = true
            case ("norun", nil): norun = true
            case ("expect", nil): expect = true
            case ("solution", nil): solution = true
            case ("include", let value?):
                let target = value.split(separator: "#", omittingEmptySubsequences: false)
                guard target.count == 2, !target[0].isEmpty, !target[1].isEmpty else {
                    throw WeaveError("include needs a file and an anchor, like include=Sources/ElmanRNN/SGD.swift#sgd",
                                     at: location)
                }
                include = Include(path: String(target[0]), anchor: String(target[1]))
            case ("timeout", let value?):
                guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                    throw WeaveError("timeout needs a positive number of seconds, like timeout=30", at: location)
                }
                timeout = seconds
            case ("reads", let value?):
                reads = try Self.list(value, at: location, example: "reads=data/weights.json") { path in
                    !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
                }
            case ("env", let value?):
                environment = try Self.list(value, at: location, example: "env=SEED") { name in
                    name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) } && !(name.first?.isNumber ?? true)
                }
            case ("output-limit", let value?):
                guard let mebibytes = Int(value), mebibytes > 0, mebibytes <= 1 << 20 else {
                    throw WeaveError("output-limit needs a whole number of MiB, like output-limit=64", at: location)
                }
                outputLimit = mebibytes
            default:
                throw WeaveError("unknown tag '\(word)' on a swift snippet; valid tags: \(Self.vocabulary)",
                                 at: location)
            }
        }
        try checkConsistency(at: location)
    }

    /// A comma-separated list whose every item satisfies `valid`.
    private static func list(_ value: String, at location: SourceLocation, example: String,
                             valid: (Substring) -> Bool) throws(WeaveError) -> [String] {
        let items = value.split(separator: ",", omittingEmptySubsequences: false)
        guard !items.isEmpty, items.allSatisfy({ !$0.isEmpty && valid($0) }) else {
            throw WeaveError("'\(value)' is not a valid list for this tag; write it like \(example) (paths under the package root, without ..)",
                             at: location)
        }
        return items.map(String.init)
    }

    private func checkConsistency(at location: SourceLocation) throws(WeaveError) {
        let runtimeTags = timeout != nil || !reads.isEmpty || !environment.isEmpty || outputLimit != nil
        if include != nil, expect || hidden || quiet || norun || runtimeTags {
            throw WeaveError("an include snippet is shown, not run: drop hidden, quiet, norun, expect, timeout, reads, env and output-limit",
                             at: location)
        }
        if norun, expect || quiet || hidden || runtimeTags {
            throw WeaveError("a norun snippet is shown but not run: drop expect, quiet, hidden, timeout, reads, env and output-limit",
                             at: location, details: hidden ? ["hidden norun would neither show nor run it: delete the snippet instead"] : [])
        }
    }
}
