import Foundation

/// weave's results as JSON Lines (`--format json`): one object per line, keys sorted so the
/// output is stable, each with a `type` saying what it is.
public enum JSONLines {
    /// A diagnostic: `{"column":3,"details":[…],"file":"chapters/x.md","line":12,"message":…,"severity":"error","type":"diagnostic"}`.
    /// A diagnostic without a place has no `file`, `line` or `column`.
    public struct Diagnostic: Encodable, Equatable {
        public var type = "diagnostic"
        public var severity: Severity
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
        public var details: [String]

        public init(_ error: WeaveError) {
            severity = error.severity
            file = error.location?.file
            line = error.location?.line
            column = error.location?.column
            message = error.message
            details = error.details
        }
    }

    /// A chapter's result: whether it passed, its snippets, how long it took, whether it came from the cache.
    public struct Chapter: Encodable, Equatable {
        public var type = "chapter"
        public var path: String
        public var status: String
        public var snippets: Int
        public var passed: Int
        public var failed: Int
        public var warnings: Int
        public var seconds: Double
        public var cached: Bool

        public init(_ report: ChapterReport) {
            path = report.path
            status = report.succeeded ? "ok" : "failed"
            snippets = report.snippetsRun
            passed = report.snippetsPassed
            failed = report.snippetsFailed
            warnings = report.warnings.count
            seconds = JSONLines.milliseconds(report.seconds)
            cached = report.cached
        }
    }

    /// The last object of a run: the totals.
    public struct Summary: Encodable, Equatable {
        public var type = "summary"
        public var status: String
        public var chapters: Int
        public var passed: Int
        public var failed: Int
        public var warnings: Int
        public var errors: Int
        public var compilerRuns: Int
        public var seconds: Double

        public init(_ reports: [ChapterReport], errors: Int, compilerRuns: Int, seconds: Double) {
            let failed = reports.filter { !$0.succeeded }.count
            status = failed == 0 && errors == 0 ? "ok" : "failed"
            chapters = reports.count
            passed = reports.count - failed
            self.failed = failed
            warnings = reports.map(\.warnings.count).reduce(0, +)
            self.errors = errors
            self.compilerRuns = compilerRuns
            self.seconds = JSONLines.milliseconds(seconds)
        }
    }

    /// A file a command wrote: a chapter `weave accept` updated, or the site `weave build` wrote.
    public struct Written: Encodable, Equatable {
        public var type: String
        public var path: String
        public var pages: Int?

        public init(type: String, path: String, pages: Int? = nil) {
            self.type = type
            self.path = path
            self.pages = pages
        }
    }

    /// One line of JSON, without its newline.
    public static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number, boolean or array of strings, which always encode.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Seconds to the millisecond, so a line does not carry a double's every digit.
    static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// Diagnostics as GitHub Actions workflow commands (`--format github`), which GitHub shows as
/// annotations on the lines they name.
public enum GitHubAnnotation {
    /// `::error file=F,line=L,col=C::message`, the details on the following lines of the message.
    public static func command(_ error: WeaveError) -> String {
        var properties: [String] = []
        if let location = error.location {
            properties.append("file=" + escapeProperty(location.file))
            if let line = location.line { properties.append("line=\(line)") }
            if let column = location.column { properties.append("col=\(column)") }
        }
        let head = "::" + error.severity.rawValue + (properties.isEmpty ? "" : " " + properties.joined(separator: ","))
        return head + "::" + escapeData(([error.message] + error.details).joined(separator: "\n"))
    }

    /// A message: `%`, carriage return and newline escaped, as GitHub's toolkit does.
    public static func escapeData(_ text: String) -> String { escape(text, ["%", "\r", "\n"]) }

    /// A property's value: also `:` and `,`, which would end it.
    public static func escapeProperty(_ text: String) -> String { escape(text, ["%", "\r", "\n", ":", ","]) }

    /// By scalar, since `\r\n` is one Character and a search by Character would not see its `\r`.
    private static func escape(_ text: String, _ special: Set<Unicode.Scalar>) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if special.contains(scalar) {
                escaped += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(width - count, 0)) + self }
}
