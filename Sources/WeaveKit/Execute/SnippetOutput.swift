import Display
import Foundation

/// One piece of a snippet's output: plain text, a record that `Display` showed, or what the
/// snippet wrote to stderr.
public enum OutputItem: Codable, Equatable, Sendable {
    case text(String)
    case table(Table)
    case plot(Plot)
    /// Everything the snippet wrote to stderr; shown, never compared with expected output.
    case stderr(String)

    /// The text a terminal shows.
    public var text: String {
        switch self {
        case .text(let s), .stderr(let s): s
        case .table(let t): t.text
        case .plot(let p): p.text
        }
    }

    var isStderr: Bool { if case .stderr = self { true } else { false } }
}

/// Everything one snippet printed, in order, then what it wrote to stderr.
public struct SnippetOutput: Codable, Equatable, Sendable {
    public var index: Int
    public var items: [OutputItem] = []
    /// For an inline value that ran to its end, its description, sent on the control channel.
    public var value: String?
    /// The inline value was an optional, which the page refuses to show (`InlineValueCheck`).
    public var valueIsOptional = false

    public init(index: Int, items: [OutputItem] = [], value: String? = nil, valueIsOptional: Bool = false) {
        self.index = index
        self.items = items
        self.value = value
        self.valueIsOptional = valueIsOptional
    }

    /// What the snippet printed to stdout, which expected-output blocks compare against.
    public var text: String { items.filter { !$0.isStderr }.map(\.text).joined(separator: "\n") }

    /// What the snippet wrote to stderr, or nil when nothing.
    public var stderr: String? {
        let parts = items.filter(\.isStderr).map(\.text)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}

/// Cuts a finished run's stdout and stderr into each snippet's share, at the offsets the
/// control channel gave, and puts its tables and plots where they were shown. Linear in the
/// size of the output.
enum OutputCapture {
    static func outputs(stdout: Data, stderr: Data, log: ControlChannel.Log) -> [SnippetOutput] {
        // Offsets count from the file's first byte: index from zero whatever the Data's indices are.
        let stdout = [UInt8](stdout), stderr = [UInt8](stderr)
        let decoder = JSONDecoder()
        return log.begins.indices.map { k in
            let begin = log.begins[k].at
            let next = k + 1 < log.begins.count ? log.begins[k + 1].at : log.end
            let outEnd = min(next?.stdout ?? stdout.count, stdout.count), errEnd = min(next?.stderr ?? stderr.count, stderr.count)
            // Text pieces as byte ranges, so trimming never walks a huge string by characters.
            enum Piece { case text(Range<Int>), record(ControlChannel.Record) }
            var pieces: [Piece] = []
            var cursor = min(begin.stdout, stdout.count)
            func text(upTo offset: Int) {
                let end = min(max(offset, cursor), outEnd)
                if cursor < end { pieces.append(.text(cursor..<end)) }
                cursor = end
            }
            for record in log.records[k] {
                text(upTo: record.stdoutOffset)
                pieces.append(.record(record))
            }
            text(upTo: outEnd)
            var items: [OutputItem] = []
            for (n, piece) in pieces.enumerated() {
                switch piece {
                case .record(let record):
                    items.append(item(record, decoder: decoder))
                case .text(let range):
                    // The newline that ends a text's last line separates it from what follows; after
                    // the snippet's last text every trailing newline goes (print ends with one, and
                    // a blank last line is not worth a block).
                    var end = range.upperBound
                    if n == pieces.count - 1 {
                        while end > range.lowerBound, stdout[end - 1] == 0x0A { end -= 1 }
                        if end == range.lowerBound { continue }
                    } else if stdout[end - 1] == 0x0A {
                        end -= 1
                    }
                    items.append(.text(String(decoding: stdout[range.lowerBound..<end], as: UTF8.self)))
                }
            }
            var errStop = max(errEnd, 0)
            let errStart = min(begin.stderr, errStop)
            while errStop > errStart, stderr[errStop - 1] == 0x0A { errStop -= 1 }
            if errStart < errStop { items.append(.stderr(String(decoding: stderr[errStart..<errStop], as: UTF8.self))) }
            return SnippetOutput(index: log.begins[k].index, items: items, value: k < log.values.count ? log.values[k] : nil,
                                 valueIsOptional: log.optionals.contains(k))
        }
    }

    /// The table or plot, when it decodes and draws the same text the chapter's own Display
    /// drew; otherwise that text, so the page shows exactly what the program showed.
    static func item(_ record: ControlChannel.Record, decoder: JSONDecoder) -> OutputItem {
        switch record.kind {
        case Record.Kind.table.rawValue:
            if let table = try? decoder.decode(Table.self, from: record.json), table.text == record.text { return .table(table) }
        case Record.Kind.plot.rawValue:
            if let plot = try? decoder.decode(Plot.self, from: record.json), plot.text == record.text { return .plot(plot) }
        default:
            break
        }
        return .text(record.text)
    }
}
