/// The network unrolled over three steps t−1, t, t+1, drawn as text: each step's
/// x → h → o → ŷ → L column, and h feeding the next step through W.
///
/// The two roads from h(t) to the loss are drawn double (═, ║) and numbered: (1) up through
/// V to this step's output, (2) right through W into h(t+1) and every later step. The
/// backward pass comes back along exactly these two, which is why ∂L/∂h(t) has two terms,
/// Vᵀ ∂L/∂o(t) and Wᵀ ∂L/∂a(t+1). Every line fits in 64 columns.
///
/// ```swift
/// print(UnrolledGraph.text)
/// ```
public enum UnrolledGraph {
    /// The width every line fits in.
    public static let width = 64

    /// The figure with its legend, lines joined by newlines.
    public static var text: String { lines.joined(separator: "\n") }

    /// The figure's lines, trailing spaces removed.
    public static var lines: [String] {
        var canvas = Canvas(width: width, height: 10)
        let centres = [12, 30, 48]
        let steps = ["t−1", "t", "t+1"]
        for (k, (x, step)) in zip(centres, steps).enumerated() {
            let marked = k == 1
            canvas.centre("L(\(step))", row: 0, at: x)
            canvas.put("▲", row: 1, at: x)
            canvas.centre("ŷ(\(step))", row: 2, at: x)
            canvas.put("▲ σ", row: 3, at: x)
            canvas.centre("o(\(step))", row: 4, at: x)
            canvas.put(marked ? "▲ V  (1)" : "▲ V", row: 5, at: x)
            canvas.put(marked ? "║" : "│", row: 6, at: x)
            canvas.centre("h(\(step))", row: 7, at: x)
            canvas.put("▲ U", row: 8, at: x)
            canvas.centre("x(\(step))", row: 9, at: x)
        }
        // h(t−1) → h(t) → h(t+1), with the edge out of h(t) doubled; h(t−2) and h(t+2) beyond.
        canvas.put("⋯ ──W──►", row: 7, at: 1)
        canvas.arrow(row: 7, from: 17, to: 27, line: "─")
        canvas.arrow(row: 7, from: 34, to: 44, line: "═")
        canvas.centre("(2)", row: 6, at: 39)
        canvas.put("──W──► ⋯", row: 7, at: 53)
        let legend = [
            "(1), (2): the two roads from h(t) to L; BPTT returns along them:",
            "  (1) from o(t), through V:     Vᵀ ∂L/∂o(t)",
            "  (2) from a(t+1), through W:   Wᵀ ∂L/∂a(t+1)",
            "  ∂L/∂h(t) = (1) + (2)",
        ]
        return canvas.rows.map { String($0).trimmingTrailingSpaces } + [""] + legend
    }
}

/// A grid of characters to draw on; what falls outside is clipped.
private struct Canvas {
    var rows: [[Character]]

    init(width: Int, height: Int) {
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    mutating func put(_ text: String, row: Int, at column: Int) {
        for (offset, character) in text.enumerated() {
            let x = column + offset
            if rows.indices.contains(row) && rows[row].indices.contains(x) { rows[row][x] = character }
        }
    }

    /// A horizontal arrow labelled W from `start` to `end` (inclusive), the head at `end`.
    mutating func arrow(row: Int, from start: Int, to end: Int, line: Character) {
        let length = end - start
        var text = Array(repeating: line, count: length)
        text[length / 2] = "W"
        put(String(text) + "►", row: row, at: start)
    }

    /// Writes `text` so that its middle character lands on `column`.
    mutating func centre(_ text: String, row: Int, at column: Int) {
        put(text, row: row, at: column - (text.count - 1) / 2)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
