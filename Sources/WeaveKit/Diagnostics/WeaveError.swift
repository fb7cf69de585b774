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

/// Everything that can go wrong in weave, each with where it happened and what to do.
public struct WeaveError: Error, Equatable, Codable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    /// Lines shown under the message: a compiler's excerpt, a diff, a backtrace, advice.
    public var details: [String]

    public init(_ message: String, at location: SourceLocation? = nil, details: [String] = []) {
        self.location = location
        self.message = message
        self.details = details
    }

    /// `chapters/x.md:12:3: error: message`, then the details, one per line.
    public var description: String {
        let head = (location.map { "\($0): " } ?? "weave: ") + "error: " + message
        return ([head] + details).joined(separator: "\n")
    }
}
