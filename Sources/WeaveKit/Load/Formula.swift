/// A formula of a chapter, converted to MathML when the chapter loads, so that a formula
/// `weave build` could not render fails `weave check` too.
public struct Formula: Sendable, Equatable {
    public var tex: String
    public var display: Bool
    public var mathML: String
    public var location: SourceLocation

    /// The formula as the chapter writes it, dollars included.
    public var source: String { display ? "$$\(tex)$$" : "$\(tex)$" }

    /// Converts one formula found by ``MathExtraction``; an error names its chapter line and column.
    init(_ span: MathSpan, path: String) throws(WeaveError) {
        tex = span.tex
        display = span.display
        location = SourceLocation(file: path, line: span.line, column: span.column)
        do { mathML = try TeXToMathML.convert(span.tex, display: span.display) } catch {
            throw WeaveError(error.message, at: Self.location(of: error.offset, in: span, path: path),
                             details: ["in the formula: \(span.tex.split(separator: "\n").joined(separator: " "))"])
        }
    }

    /// The chapter line and column of a character offset inside a formula.
    static func location(of offset: Int, in span: MathSpan, path: String) -> SourceLocation {
        let before = span.tex.prefix(offset)
        let newlines = before.filter { $0 == "\n" }.count
        guard newlines > 0 else {
            return SourceLocation(file: path, line: span.line, column: span.column + (span.display ? 2 : 1) + offset)
        }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) } ?? 0)
        return SourceLocation(file: path, line: span.line + newlines, column: column)
    }
}
