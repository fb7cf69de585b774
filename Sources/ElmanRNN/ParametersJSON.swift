import Foundation

/// Why a parameters file could not be read.
public struct ParametersError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Parameters as JSON of exactly the shape `{"U": [[...]], "W": [[...]], "b": [...],
/// "V": [[...]], "c": [...]}`, matrices as arrays of rows, so `np.array(d["W"])` works.
extension Parameters {
    private struct Wire: Codable {
        var U: [[Double]]
        var W: [[Double]]
        var b: [Double]
        var V: [[Double]]
        var c: [Double]
    }

    /// Reads and checks the shapes against each other; H is taken from `b`.
    public init(json data: Data) throws(ParametersError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ParametersError("missing key \"\(key.stringValue)\"; expected U, W, b, V and c")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined()
            throw ParametersError("\(path) has the wrong type: \(shapeHint(path))")
        } catch {
            throw ParametersError("not valid JSON")
        }
        let H = wire.b.count
        guard H > 0 else { throw ParametersError("b is empty; it must hold H ≥ 1 numbers") }
        func matrix(_ name: String, _ rows: [[Double]], _ r: Int, _ c: Int) throws(ParametersError) -> Matrix {
            guard rows.count == r, rows.allSatisfy({ $0.count == c }), let m = Matrix(arrayOfRows: rows) else {
                let got = rows.count == 0 ? "0 rows" : "\(rows.count) rows of \(rows.map(\.count).sorted().first!)–\(rows.map(\.count).max()!) entries"
                throw ParametersError("\(name) must be \(r)×\(c) (H = \(H), from the length of b) but has \(got)")
            }
            return m
        }
        U = try matrix("U", wire.U, H, 2)
        W = try matrix("W", wire.W, H, H)
        V = try matrix("V", wire.V, 1, H)
        b = wire.b
        guard wire.c.count == 1 else { throw ParametersError("c must hold 1 number but has \(wire.c.count)") }
        c = wire.c
    }

    public init(contentsOf url: URL) throws(ParametersError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ParametersError("cannot read \(url.path): no such file or not readable")
        }
        do { try self.init(json: data) } catch { throw ParametersError("\(url.path): \(error.description)") }
    }

    /// JSON with the keys in the seed's order and every number in the shortest form that
    /// reads back to the same Double.
    public var json: String {
        "{" + jsonFields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
    }

    /// The five fields as JSON values, for documents that add more fields.
    public var jsonFields: [(key: String, value: String)] {
        [("U", jsonRows(U)), ("W", jsonRows(W)), ("b", jsonArray(b)), ("V", jsonRows(V)), ("c", jsonArray(c))]
    }
}

private func shapeHint(_ path: String) -> String {
    switch path.first {
    case "U", "W", "V": "\(path.prefix(1)) is an array of rows of numbers"
    default: "b and c are arrays of numbers"
    }
}

/// A JSON array of numbers; Swift's `description` of a Double is the shortest round-trip form.
public func jsonArray(_ values: [Double]) -> String {
    "[" + values.map { $0.isFinite ? "\($0)" : "null" }.joined(separator: ", ") + "]"
}

func jsonRows(_ m: Matrix) -> String {
    "[" + m.arrayOfRows.map(jsonArray).joined(separator: ", ") + "]"
}
