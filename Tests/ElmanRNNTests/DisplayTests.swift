import Display
import Testing

@Suite struct DisplayTests {
    @Test func tableAlignsNumbersRight() {
        let table = Table(columns: ["name", "value"], rows: [["a", "1.5"], ["long name", "10.25"]])
        #expect(table.text == """
            name       value
            ---------  -----
            a            1.5
            long name  10.25
            """)
    }

    @Test func plotDrawsARisingLineFromBottomLeftToTopRight() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0, 0.5, 1])],
                        yRange: 0...1, canvas: .ascii, width: 20, height: 5)
        let rows = plot.text.split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix("1.0 ┤") && rows[2].hasSuffix("*") && rows[2].count == 20)
        #expect(rows[6].hasPrefix("0.0 ┤*"))
        #expect(rows.contains { $0.contains("└┬──") })
    }

    @Test func recordLinesParseBackAndPlainLinesDoNot() {
        #expect(Record.parse("\u{1E}table\u{1F}{}")?.kind == .table)
        #expect(Record.parse("plain output") == nil)
    }
}
