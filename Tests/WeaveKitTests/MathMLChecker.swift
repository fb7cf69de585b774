import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks that converted math is well-formed XML made of the MathML elements the converter
/// emits, each with the number of children MathML requires (`<mfrac>` two, `<msubsup>` three):
/// an XML parser finds unbalanced tags and unescaped text, and the counts find a script or
/// fraction that lost an argument.
enum MathMLChecker {
    /// Elements and how many children each must have (nil: any number).
    static let arity: [String: Int?] = [
        "math": 1, "semantics": 2, "annotation": 0, "mrow": nil, "mstyle": nil, "mtable": nil, "mtr": nil, "mtd": nil,
        "mi": 0, "mn": 0, "mo": 0, "mtext": 0, "mspace": 0,
        "msub": 2, "msup": 2, "munder": 2, "mover": 2, "mfrac": 2, "mroot": 2, "msqrt": nil,
        "msubsup": 3, "munderover": 3,
    ]

    /// Tables hold rows, rows hold cells.
    static let requiredParent: [String: String] = ["mtr": "mtable", "mtd": "mtr"]

    /// A description of the first problem, or nil when `mathML` is fine.
    static func problem(in mathML: String) -> String? {
        let parser = XMLParser(data: Data(mathML.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        let parsed = parser.parse()
        if let problem = delegate.problem { return problem }
        guard parsed else { return "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")" }
        return delegate.root == "math" ? nil : "the root is <\(delegate.root ?? "")>, not <math>"
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var problem: String?
        var root: String?
        private var stack: [(name: String, children: Int, hasText: Bool)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            guard Self.known(name) else { return fail("unknown element <\(name)>", parser) }
            if let parent = requiredParent[name], stack.last?.name != parent {
                return fail("<\(name)> outside <\(parent)>", parser)
            }
            if let top = stack.last, top.name != "annotation", arity[top.name] == .some(0) {
                return fail("<\(name)> inside the token element <\(top.name)>", parser)
            }
            if !stack.isEmpty { stack[stack.count - 1].children += 1 }
            stack.append((name, 0, false))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let top = stack.popLast() else { return fail("</\(name)> closes nothing", parser) }
            if case let required?? = arity[top.name], top.children != required {
                fail("<\(top.name)> has \(top.children) children, not \(required)", parser)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let top = stack.last else { return }
            if arity[top.name] != .some(0), !string.allSatisfy(\.isWhitespace) {
                fail("text '\(string)' directly inside <\(top.name)>", parser)
            }
        }

        private static func known(_ name: String) -> Bool { arity[name] != nil }

        private func fail(_ message: String, _ parser: XMLParser) {
            if problem == nil { problem = message }
            parser.abortParsing()
        }
    }
}
