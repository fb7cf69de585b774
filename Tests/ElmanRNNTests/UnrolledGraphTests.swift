import ElmanRNN
import Testing

@Suite struct UnrolledGraphTests {
    let lines = UnrolledGraph.lines

    @Test func everyLineFitsSixtyFourColumns() {
        for line in lines { #expect(line.count <= 64, "\(line.count) columns: \(line)") }
        #expect(UnrolledGraph.text == lines.joined(separator: "\n"))
    }

    @Test func showsThreeStepsWithTheirVariables() {
        let text = UnrolledGraph.text
        for step in ["t−1", "t", "t+1"] {
            for variable in ["x", "h", "o", "ŷ", "L"] { #expect(text.contains("\(variable)(\(step))")) }
        }
    }

    /// Road (2) is the doubled arrow from h(t) into h(t+1); road (1) rises from h(t) through V.
    @Test func marksTheTwoRoadsOutOfHt() throws {
        let hRow = try #require(lines.first { $0.contains("h(t)") })
        let from = try #require(hRow.range(of: "h(t)")), to = try #require(hRow.range(of: "h(t+1)"))
        let between = hRow[from.upperBound..<to.lowerBound]
        #expect(between.contains("═════W════►"))
        #expect(!hRow[..<from.lowerBound].contains("═"))
        let column = hRow.distance(from: hRow.startIndex, to: from.lowerBound) + 1
        let above = try #require(lines.firstIndex(of: hRow)).advanced(by: -1)
        let doubled = Array(lines[above])
        #expect(doubled.count > column && doubled[column] == "║")
        #expect(lines.contains { $0.contains("▲ V  (1)") })
        #expect(lines[above].contains("(2)"))
        #expect(UnrolledGraph.text.contains("∂L/∂h(t) = (1) + (2)"))
    }
}
