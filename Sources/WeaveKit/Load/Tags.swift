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
public struct Tags: Equatable, Sendable, Codable {
    public var hidden = false
    public var quiet = false
    public var norun = false
    public var expect = false
    public var include: Include?
    public var timeout: Double?

    public struct Include: Equatable, Sendable, Codable {
        public var path: String
        public var anchor: String
    }

    public static let defaultTimeout = 10.0
    public static let vocabulary = "hidden, quiet, norun, expect, include=PATH#ANCHOR, timeout=SECONDS"

    /// Whether the snippet is compiled and run.
    public var runs: Bool { !norun && include == nil }

    public init() {}

    /// Parses the words after `swift`; `location` is the fence's, for errors.
    public init(words: [Substring], at location: SourceLocation) throws(WeaveError) {
        for word in words {
            switch word {
            case "hidden": hidden = true
            case "quiet": quiet = true
            case "norun": norun = true
            case "expect": expect = true
            case _ where word.hasPrefix("include="):
                let target = word.dropFirst("include=".count).split(separator: "#", omittingEmptySubsequences: false)
                guard target.count == 2, !target[0].isEmpty, !target[1].isEmpty else {
                    throw WeaveError("include needs a file and an anchor, like include=Sources/ElmanRNN/SGD.swift#sgd",
                                     at: location)
                }
                include = Include(path: String(target[0]), anchor: String(target[1]))
            case _ where word.hasPrefix("timeout="):
                guard let seconds = Double(word.dropFirst("timeout=".count)), seconds > 0, seconds.isFinite else {
                    throw WeaveError("timeout needs a positive number of seconds, like timeout=30", at: location)
                }
                timeout = seconds
            default:
                throw WeaveError("unknown tag '\(word)' on a swift snippet; valid tags: \(Self.vocabulary)",
                                 at: location)
            }
        }
        if include != nil, expect || hidden {
            throw WeaveError("an include snippet is shown, not run: it cannot be hidden or expect output",
                             at: location)
        }
        if norun, expect || quiet || timeout != nil {
            throw WeaveError("a norun snippet does not run: drop expect, quiet and timeout", at: location)
        }
    }
}
