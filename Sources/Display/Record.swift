import Foundation

/// How a snippet's tables and plots reach `weave`.
///
/// A chapter program that `weave` builds exports the C function `weave_record_v1` (its
/// runtime glue); a table or plot goes to weave through it, over a channel of its own, as
/// JSON with the text this library drew, never through stdout where a snippet's own printing
/// could hide or imitate it. In any other program there is no such function and it is
/// printed as plain text, so the same snippet reads well in a terminal.
public enum Record {
    public static let start: Character = "\u{1E}"
    public static let separator: Character = "\u{1F}"

    public enum Kind: String, Codable, Sendable { case table, plot }

    /// `weave_record_v1(kind, json, jsonCount, text, textCount)`.
    typealias Sink = @convention(c) (UnsafePointer<CChar>, UnsafePointer<UInt8>?, Int, UnsafePointer<UInt8>?, Int) -> Void

    /// The running program's `weave_record_v1`, if it exports one.
    static let sink: Sink? = {
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "weave_record_v1") else { return nil }
        return unsafeBitCast(symbol, to: Sink.self)
    }()

    static func emit<T: Encodable>(_ kind: Kind, _ value: T, text: @autoclosure () -> String) {
        guard let sink else { print(text()); return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain structs cannot fail; if it somehow does, weave shows the text.
        let json = [UInt8]((try? encoder.encode(value)) ?? Data()), drawn = Array(text().utf8)
        json.withUnsafeBufferPointer { json in
            drawn.withUnsafeBufferPointer { drawn in
                sink(kind.rawValue, json.baseAddress, json.count, drawn.baseAddress, drawn.count)
            }
        }
    }

    /// A record line of the older in-band format, or nil when `line` is ordinary output.
    public static func parse(_ line: Substring) -> (kind: Kind, json: Data)? {
        guard line.first == start, let sep = line.firstIndex(of: separator),
              let kind = Kind(rawValue: String(line[line.index(after: line.startIndex)..<sep]))
        else { return nil }
        return (kind, Data(line[line.index(after: sep)...].utf8))
    }
}
