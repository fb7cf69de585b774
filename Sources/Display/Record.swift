import Foundation

/// How a snippet's structured output travels through its stdout to `weave`.
///
/// Under `weave` (environment variable `WEAVE_RECORDS=1`) a table or plot is printed as one
/// line: the record separator U+001E, a kind, U+001F, then compact JSON. Anywhere else it is
/// printed as plain text, so the same snippet reads well in a terminal.
public enum Record {
    public static let start: Character = "\u{1E}"
    public static let separator: Character = "\u{1F}"
    public static let environmentKey = "WEAVE_RECORDS"

    public enum Kind: String, Codable, Sendable { case table, plot }

    static var enabled: Bool { ProcessInfo.processInfo.environment[environmentKey] == "1" }

    static func emit<T: Encodable>(_ kind: Kind, _ value: T, text: @autoclosure () -> String) {
        guard enabled else { print(text()); return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain structs cannot fail; fall back to text if it somehow does.
        guard let data = try? encoder.encode(value), let json = String(data: data, encoding: .utf8) else {
            print(text()); return
        }
        print("\(start)\(kind.rawValue)\(separator)\(json)")
    }

    /// A parsed record line, or nil when `line` is ordinary output.
    public static func parse(_ line: Substring) -> (kind: Kind, json: Data)? {
        guard line.first == start, let sep = line.firstIndex(of: separator),
              let kind = Kind(rawValue: String(line[line.index(after: line.startIndex)..<sep]))
        else { return nil }
        return (kind, Data(line[line.index(after: sep)...].utf8))
    }
}
