/// A place in a chapter: the path as the author wrote it on the command line, 1-based line and column.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, as compilers print it so editors can jump there.
    public var description: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }
}

/// How serious a diagnostic is: an error fails its chapter, a warning is only shown.
public enum Severity: String, Codable, Sendable {
    case error, warning
}

/// Everything that can go wrong in weave, each with where it happened and what to do; with
/// severity `.warning`, something worth fixing that did not stop anything (a compiler warning).
public struct WeaveError: Error, Equatable, Codable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    /// Lines shown under the message: a compiler's excerpt, a diff, a backtrace, advice.
    public var details: [String]
    public var severity: Severity

    public init(_ message: String, at location: SourceLocation? = nil, details: [String] = [],
                severity: Severity = .error) {
        self.location = location
        self.message = message
        self.details = details
        self.severity = severity
    }

    /// `chapters/x.md:12:3: error: message` (or `warning:`), then the details, one per line.
    public var description: String {
        let head = (location.map { "\($0): " } ?? "weave: ") + "\(severity.rawValue): " + message
        return ([head] + details).joined(separator: "\n")
    }
}
