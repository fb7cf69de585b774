import ElmanRNN
import Foundation
import Testing

@Suite struct ParametersJSONTests {
    @Test func roundTripIsExact() throws {
        let θ = Parameters(hidden: 16, seed: 9)
        #expect(try Parameters(json: Data(θ.json.utf8)) == θ)
    }

    @Test func keysComeInTheSeedsOrderAsArraysOfRows() throws {
        let text = Parameters(hidden: 2, seed: 1).json
        let keys = ["\"U\"", "\"W\"", "\"b\"", "\"V\"", "\"c\""].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["U"] as? [[Double]])?.count == 2)
        #expect((object["V"] as? [[Double]])?.first?.count == 2)
    }

    static let bad: [(json: String, message: String)] = [
        ("{not json", "not valid JSON"),
        (#"{"U": [[1, 2]], "W": [[1]], "b": [1], "V": [[1]]}"#, "missing key \"c\""),
        (#"{"U": [[1, 2]], "W": [[1, 2]], "b": [1], "V": [[1]], "c": [0]}"#, "W must be 1×1"),
        (#"{"U": [[1]], "W": [[1]], "b": [1], "V": [[1]], "c": [0]}"#, "U must be 1×2"),
        (#"{"U": [[1, 2]], "W": [[1]], "b": [1], "V": [[1]], "c": [0, 1]}"#, "c must hold 1 number"),
        (#"{"U": [1, 2], "W": [[1]], "b": [1], "V": [[1]], "c": [0]}"#, "wrong type"),
        (#"{"U": [], "W": [], "b": [], "V": [[]], "c": [0]}"#, "b is empty"),
    ]

    @Test(arguments: bad)
    func malformedOrMisshapenJSONIsRejectedClearly(json: String, message: String) {
        #expect {
            try Parameters(json: Data(json.utf8))
        } throws: { error in
            (error as? ParametersError)?.description.contains(message) == true
        }
    }
}
