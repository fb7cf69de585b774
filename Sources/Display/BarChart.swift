import Foundation

/// One bar of a bar chart: a category and its value.
public struct Bar: Equatable, Sendable {
    public var label: String
    public var value: Double

    public init(_ label: String, _ value: Double) {
        self.label = label
        self.value = value
    }
}

/// Lays out horizontal bars: the label, the axis, a bar as long as the value's share of the
/// largest magnitude (in eighths of a cell, ▏ to █), then the value.
///
/// A value that is not 0 always gets at least an eighth, so a small count stays visible; a
/// negative value draws its magnitude in ░; a NaN or infinite value draws no bar and is noted.
/// Labels wider than half the plot are cut, ending in `…`.
struct BarChart {
    let title: String
    let labelHeader: String
    let valueHeader: String
    let bars: [Bar]
    let notes: [String]
    let width: Int

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    var lines: [String] {
        var lines = Plot.wrap(title, width: width)
        guard !bars.isEmpty else { return lines + ["(no data)"] + notes }
        let labelWidth = min((bars.map(\.label) + [labelHeader]).map(Table.displayWidth).max() ?? 0, width / 2)
        let values = NumberLabels.labels(bars.map(\.value), relativeTolerance: 1e-4)
        let valueWidth = values.map(Table.displayWidth).max() ?? 0
        let room = max(width - labelWidth - 3 - valueWidth, 4)
        let largest = bars.map(\.value).filter(\.isFinite).map(abs).max() ?? 0
        if !labelHeader.isEmpty || !valueHeader.isEmpty {
            lines.append(Self.leftAligned(labelHeader, labelWidth) + "  " + valueHeader)
        }
        for (bar, value) in zip(bars, values) {
            lines.append(Self.leftAligned(bar.label, labelWidth) + " ┤" + Self.bar(bar.value, largest: largest, room: room) + " " + value)
        }
        let undrawn = bars.filter { !$0.value.isFinite }.count
        if undrawn > 0 { lines.append("note: \(undrawn) bar\(undrawn == 1 ? "" : "s") with a NaN or infinite value not drawn") }
        return lines + notes
    }

    static func bar(_ value: Double, largest: Double, room: Int) -> String {
        guard value.isFinite, value != 0, largest > 0 else { return "" }
        let share = min(abs(value) / largest, 1)
        let length = max(Int((share * Double(room * 8)).rounded()), 1)
        if value < 0 { return String(repeating: "░", count: (length + 7) / 8) }
        return String(repeating: "█", count: length / 8) + eighths[length % 8]
    }

    /// `text` in exactly `width` columns: cut, or padded with spaces on the right.
    static func leftAligned(_ text: String, _ width: Int) -> String {
        let kept = cut(text, width)
        return kept + String(repeating: " ", count: max(width - Table.displayWidth(kept), 0))
    }

    /// `text` cut to `width` columns, its last one `…`, when it is wider.
    static func cut(_ text: String, _ width: Int) -> String {
        guard Table.displayWidth(text) > width else { return text }
        var kept = ""
        for character in text {
            if Table.displayWidth(kept + String(character)) > width - 1 { break }
            kept.append(character)
        }
        return kept + "…"
    }
}
