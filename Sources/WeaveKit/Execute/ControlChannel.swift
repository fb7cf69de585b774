import Foundation

/// The channel on which a chapter program tells weave where each snippet's output begins and
/// which tables and plots it showed, out of band of everything the snippets print.
///
/// The program gets a regular file as descriptor 3 and a per-run random token on stdin; its
/// runtime glue (`ChapterProgram.runtime`) reads the token, makes stdin empty, and from then on
/// writes lines (each after a newline of its own) `TOKEN begin K OUT ERR`, `TOKEN record OUT KIND JSON TEXT`,
/// `TOKEN value TEXT` (an inline value's description) and `TOKEN end OUT ERR`
/// (offsets into the stdout and stderr files; JSON and TEXT in base64). A snippet cannot learn
/// the token from its environment or its stdin, so it cannot forge a line, and weave checks
/// every line it reads: a line without the token is ignored, and a line with it must fit
/// the run (snippets in order, offsets rising and within the files).
enum ControlChannel {
    /// The version of the line format; part of the token line so old programs never match.
    static let version = "weave-control-1"

    /// A fresh token for one run: 128 random bits in hex.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return version + "-" + (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }

    /// A snippet's boundary: where its stdout and stderr begin.
    struct Offsets: Equatable {
        var stdout: Int
        var stderr: Int
    }

    /// A table or plot, at the stdout offset where it was shown.
    struct Record: Equatable {
        var stdoutOffset: Int
        var kind: String
        var json: Data
        var text: String
    }

    /// One run's control lines, checked.
    struct Log: Equatable {
        var begins: [(index: Int, at: Offsets)] = []
        var records: [[Record]] = []
        /// The value each begun snippet sent, if it is an inline value that finished.
        var values: [String?] = []
        /// The snippets (by position) whose value was an optional.
        var optionals: Set<Int> = []
        var end: Offsets?
        /// How many lines did not carry the token (a snippet wrote to descriptor 3).
        var foreignLines = 0

        static func == (a: Log, b: Log) -> Bool {
            a.begins.map(\.index) == b.begins.map(\.index) && a.begins.map(\.at) == b.begins.map(\.at)
                && a.records == b.records && a.values == b.values && a.optionals == b.optionals && a.end == b.end && a.foreignLines == b.foreignLines
        }

        var currentIndex: Int? { begins.last?.index }
    }

    /// A line carrying the token that does not fit the run: only a broken or hostile program
    /// writes one, so the run's results cannot be trusted.
    struct Inconsistency: Error, Equatable {
        var reason: String
    }

    /// Reads the complete lines of `data`. `order` is the snippets the program runs;
    /// `sizes` the final stdout and stderr sizes, or nil while the program still runs.
    static func parse(_ data: Data, token: String, order: [Int], sizes: Offsets?) throws(Inconsistency) -> Log {
        var log = Log()
        var last = Offsets(stdout: 0, stderr: 0)
        let prefix = Array((token + " ").utf8)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Only complete lines count: the last piece has no newline after it (or is empty).
        lines.removeLast()
        for line in lines where !line.isEmpty {
            guard line.starts(with: prefix) else { log.foreignLines += 1; continue }
            guard log.end == nil else { throw Inconsistency(reason: "a line after the end") }
            let fields = line.dropFirst(prefix.count).split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            func offsets(_ out: String, _ err: String) throws(Inconsistency) -> Offsets {
                guard let o = Int(out), let e = Int(err), o >= last.stdout, e >= last.stderr,
                      sizes.map({ o <= $0.stdout && e <= $0.stderr }) ?? true
                else { throw Inconsistency(reason: "offsets \(out) \(err) out of order or past the end of the output") }
                return Offsets(stdout: o, stderr: e)
            }
            switch fields.first {
            case "begin" where fields.count == 4:
                guard let index = Int(fields[1]), log.begins.count < order.count, order[log.begins.count] == index else {
                    throw Inconsistency(reason: "snippet \(fields[1]) began out of order")
                }
                last = try offsets(fields[2], fields[3])
                log.begins.append((index, last))
                log.records.append([])
                log.values.append(nil)
            case "record" where fields.count == 5:
                guard !log.begins.isEmpty else { throw Inconsistency(reason: "a record before the first snippet") }
                let at = try offsets(fields[1], String(last.stderr))
                guard let json = Data(base64Encoded: fields[3]), let textData = Data(base64Encoded: fields[4]) else {
                    throw Inconsistency(reason: "a record that is not base64")
                }
                last.stdout = at.stdout
                log.records[log.records.count - 1].append(
                    Record(stdoutOffset: at.stdout, kind: fields[2], json: json, text: String(decoding: textData, as: UTF8.self)))
            case "value" where fields.count == 2:
                guard let last = log.values.indices.last, log.values[last] == nil else {
                    throw Inconsistency(reason: "a value before the first snippet, or twice for one")
                }
                guard let text = Data(base64Encoded: fields[1]) else { throw Inconsistency(reason: "a value that is not base64") }
                log.values[last] = String(decoding: text, as: UTF8.self)
            case "optional" where fields.count == 1:
                guard let last = log.values.indices.last, log.values[last] == nil else {
                    throw Inconsistency(reason: "a value before the first snippet, or twice for one")
                }
                log.values[last] = ""
                log.optionals.insert(last)
            case "end" where fields.count == 3:
                guard log.begins.count == order.count else { throw Inconsistency(reason: "the end before every snippet began") }
                log.end = try offsets(fields[1], fields[2])
            default:
                throw Inconsistency(reason: "an unknown line")
            }
        }
        return log
    }
}
