import Display
import Foundation

/// One piece of a snippet's output: plain text, or a record that `Display` printed.
public enum OutputItem: Codable, Equatable, Sendable {
    case text(String)
    case table(Table)
    case plot(Plot)

    /// The text a terminal shows, which expected-output blocks compare against.
    public var text: String {
        switch self {
        case .text(let s): s
        case .table(let t): t.text
        case .plot(let p): p.text
        }
    }
}

/// Everything one snippet printed, in order.
public struct SnippetOutput: Codable, Equatable, Sendable {
    public var index: Int
    public var items: [OutputItem] = []

    public var text: String { items.map(\.text).joined(separator: "\n") }

    mutating func appendLine(_ line: Substring) {
        if case .text(let previous)? = items.last {
            items[items.count - 1] = .text(previous + "\n" + line)
        } else {
            items.append(.text(String(line)))
        }
    }
}

/// Splits a chapter program's stdout at its snippet markers and decodes Display records.
struct OutputParser {
    var outputs: [SnippetOutput] = []
    var finished = false

    init(stdout: String) {
        let decoder = JSONDecoder()
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (kind, payload) = Self.marker(line) {
                if kind == ChapterProgram.endKind { finished = true }
                if kind == ChapterProgram.markerKind, let index = Int(payload) { outputs.append(SnippetOutput(index: index)) }
                continue
            }
            guard !outputs.isEmpty else { continue }
            if let record = Record.parse(line) {
                switch record.kind {
                case .table: if let t = try? decoder.decode(Table.self, from: record.json) { outputs[outputs.count - 1].items.append(.table(t)); continue }
                case .plot: if let p = try? decoder.decode(Plot.self, from: record.json) { outputs[outputs.count - 1].items.append(.plot(p)); continue }
                }
            }
            outputs[outputs.count - 1].appendLine(line)
        }
        // print adds a final newline; the split leaves an empty last line for it.
        for k in outputs.indices {
            if case .text(let t)? = outputs[k].items.last {
                let trimmed = String(t.reversed().drop(while: { $0 == "\n" }).reversed())
                if trimmed.isEmpty { outputs[k].items.removeLast() } else { outputs[k].items[outputs[k].items.count - 1] = .text(trimmed) }
            }
        }
    }

    /// The snippet that was running last, from the markers seen so far.
    static func currentSnippet(in stdout: Data) -> Int? {
        let text = String(decoding: stdout, as: UTF8.self)
        return text.split(separator: "\n").reversed().lazy.compactMap { line -> Int? in
            guard let (kind, payload) = marker(line), kind == ChapterProgram.markerKind else { return nil }
            return Int(payload)
        }.first
    }

    static func marker(_ line: Substring) -> (kind: String, payload: Substring)? {
        guard line.first == "\u{1E}", let sep = line.firstIndex(of: "\u{1F}") else { return nil }
        let kind = String(line[line.index(after: line.startIndex)..<sep])
        guard kind == ChapterProgram.markerKind || kind == ChapterProgram.endKind else { return nil }
        return (kind, line[line.index(after: sep)...])
    }
}
