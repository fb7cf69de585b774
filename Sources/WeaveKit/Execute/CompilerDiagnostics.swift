/// Turns swiftc's diagnostics into weave errors that point at, and quote, Markdown lines.
enum CompilerDiagnostics {
    /// Errors (with their notes as details) from swiftc's `-diagnostic-style=llvm` output.
    /// swiftc's own excerpt quotes the generated file, so it is replaced by the chapter's line.
    static func errors(in stderr: String, chapter: Chapter) -> [WeaveError] {
        let lines = SourceLines.split(chapter.source)
        var errors: [WeaveError] = []
        for line in stderr.split(separator: "\n") {
            guard let d = Diagnostic(line) else { continue }
            let excerpt = d.file == chapter.path ? Self.excerpt(lines, line: d.line, column: d.column) : []
            switch d.severity {
            case "error":
                errors.append(WeaveError(d.message, at: SourceLocation(file: d.file, line: d.line, column: d.column),
                                         details: excerpt))
            case "note" where !errors.isEmpty:
                errors[errors.count - 1].details += ["\(d.file):\(d.line):\(d.column): note: \(d.message)"] + excerpt
            default:
                continue
            }
        }
        if errors.isEmpty {
            errors.append(WeaveError("the chapter's program does not compile", at: chapter.location(line: 1),
                                     details: stderr.split(separator: "\n").prefix(20).map(String.init)))
        }
        return errors
    }

    /// Warnings (with their notes as details) located in the chapter, from a compile that
    /// succeeded. Warnings in the generated glue, or anywhere outside the chapter, are the
    /// tool's business, not the author's, so they are dropped along with their notes.
    static func warnings(in stderr: String, chapter: Chapter) -> [WeaveError] {
        let lines = SourceLines.split(chapter.source)
        var warnings: [WeaveError] = []
        var lastWasKept = false
        for line in stderr.split(separator: "\n") {
            guard let d = Diagnostic(line) else { continue }
            let excerpt = d.file == chapter.path ? Self.excerpt(lines, line: d.line, column: d.column) : []
            switch d.severity {
            case "warning":
                let warning = WeaveError(d.message, at: SourceLocation(file: d.file, line: d.line, column: d.column),
                                         details: excerpt, severity: .warning)
                // swiftc may report one warning more than once (once per frontend job that sees it).
                lastWasKept = d.file == chapter.path && !warnings.contains { $0.location == warning.location && $0.message == warning.message }
                if lastWasKept { warnings.append(warning) }
            case "note" where lastWasKept:
                warnings[warnings.count - 1].details += ["\(d.file):\(d.line):\(d.column): note: \(d.message)"] + excerpt
            default:
                lastWasKept = false
            }
        }
        return warnings
    }

    /// The Markdown line and a caret under the column, in swiftc's excerpt style.
    static func excerpt(_ lines: [Substring], line: Int, column: Int) -> [String] {
        guard line >= 1, line <= lines.count else { return [] }
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        return ["\(number) | \(lines[line - 1])", "\(gutter) | " + String(repeating: " ", count: max(column - 1, 0)) + "^"]
    }

    /// One `file:line:col: severity: message` line.
    struct Diagnostic {
        var file: String, line: Int, column: Int, severity: String, message: String

        init?(_ text: Substring) {
            for severity in ["error", "warning", "note"] {
                guard let range = text.range(of: ": \(severity): ") else { continue }
                let place = text[..<range.lowerBound].split(separator: ":")
                guard place.count >= 3, let line = Int(place[place.count - 2]), let column = Int(place[place.count - 1])
                else { return nil }
                file = place.dropLast(2).joined(separator: ":")
                self.line = line
                self.column = column
                self.severity = severity
                message = String(text[range.upperBound...])
                return
            }
            return nil
        }
    }
}
