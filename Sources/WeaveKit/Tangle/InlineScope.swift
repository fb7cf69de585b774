import SwiftParser
import SwiftSyntax

/// An inline value sees the snippets above it, like a snippet placed there. Swift's top-level
/// code does not enforce that: main.swift's variables are globals, so an expression may name
/// one declared further down, compile, and read it before it is set (zero, or a crash). This
/// check refuses that before anything compiles, at the name's own line and column.
enum InlineScope {
    static func errors(in chapter: Chapter) -> [WeaveError] {
        let runnable = chapter.runnableSnippets
        var errors: [WeaveError] = []
        var declaredBelow: [String: Int] = [:]
        // Walk backwards, so `declaredBelow` holds exactly the variables of snippets below.
        for snippet in runnable.reversed() {
            if let column = snippet.inlineColumn {
                for name in referencedNames(snippet.code) {
                    guard let line = declaredBelow[name.text] else { continue }
                    errors.append(WeaveError(
                        "cannot find '\(name.text)' in scope: it is declared at line \(line), below this inline value",
                        at: chapter.location(line: snippet.fenceLine, column: column + name.offset),
                        details: ["an inline value sees only the snippets above it; move it below line \(line), or the declaration above it"]))
                }
            } else {
                for (name, offset) in declaredVariables(snippet.code) {
                    declaredBelow[name] = snippet.firstCodeLine + line(ofUTF8Offset: offset, in: snippet.code)
                }
            }
        }
        return errors.reversed()
    }

    /// The names top-level statements of `code` declare as variables (`let`, `var`, `guard let`), with their UTF-8 offsets.
    static func declaredVariables(_ code: String) -> [(String, Int)] {
        let file = Parser.parse(source: code)
        var names: [(String, Int)] = []
        for item in file.statements {
            if let variable = item.item.as(VariableDeclSyntax.self) {
                for binding in variable.bindings { names += identifiers(in: Syntax(binding.pattern)) }
            } else if let guardStatement = item.item.as(GuardStmtSyntax.self) {
                for condition in guardStatement.conditions {
                    if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                        names += identifiers(in: Syntax(binding.pattern))
                    } else if let match = condition.condition.as(MatchingPatternConditionSyntax.self) {
                        names += identifiers(in: Syntax(match.pattern))
                    }
                }
            }
        }
        return names
    }

    private static func identifiers(in pattern: Syntax) -> [(String, Int)] {
        final class Collector: SyntaxVisitor {
            var names: [(String, Int)] = []
            override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
                names.append((node.identifier.text, node.identifier.positionAfterSkippingLeadingTrivia.utf8Offset))
                return .skipChildren
            }
        }
        let collector = Collector(viewMode: .sourceAccurate)
        collector.walk(pattern)
        return collector.names
    }

    /// The free names an expression refers to: not members (`a.b`'s `b`), not key-path
    /// components, not names its own closures bind.
    static func referencedNames(_ expression: String) -> [(text: String, offset: Int)] {
        final class Collector: SyntaxVisitor {
            var references: [(text: String, offset: Int)] = []
            var bound: Set<String> = []
            override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
                let parent = node.parent
                let isMember = parent?.as(MemberAccessExprSyntax.self)?.declName.id == node.id
                if !isMember, parent?.is(KeyPathPropertyComponentSyntax.self) != true {
                    references.append((node.baseName.text, node.baseName.positionAfterSkippingLeadingTrivia.utf8Offset))
                }
                return .visitChildren
            }
            override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
                bound.insert(node.identifier.text)
                return .visitChildren
            }
            override func visit(_ node: ClosureShorthandParameterSyntax) -> SyntaxVisitorContinueKind {
                bound.insert(node.name.text)
                return .visitChildren
            }
            override func visit(_ node: ClosureParameterSyntax) -> SyntaxVisitorContinueKind {
                bound.insert((node.secondName ?? node.firstName).text)
                return .visitChildren
            }
        }
        let collector = Collector(viewMode: .sourceAccurate)
        collector.walk(Parser.parse(source: expression))
        return collector.references.filter { !collector.bound.contains($0.text) }
    }

    private static func line(ofUTF8Offset offset: Int, in code: String) -> Int {
        code.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count
    }
}
