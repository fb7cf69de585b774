import Foundation
import Testing
@testable import WeaveKit

/// Random and mutated TeX: the converter must give well-formed MathML or an error whose offset
/// lies in the input; never crash or hang. The suite runs a short deterministic batch;
/// `scripts/fuzz.sh` runs 10⁵ or more (`WEAVE_FUZZ_CASES`, `WEAVE_FUZZ_SEED`).
@Suite struct TeXFuzzTests {
    /// The course's formulas, as the site renders them.
    static let courseFormulas: [String] = {
        let chapters = packageRoot.appendingPathComponent("chapters")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: chapters.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().flatMap { name -> [String] in
            guard let source = try? String(contentsOf: chapters.appendingPathComponent(name), encoding: .utf8) else { return [] }
            let verbatim = MarkdownDocument(source).verbatimLines()
            return ((try? MathExtraction(source, verbatimLines: verbatim, path: name))?.spans ?? []).map(\.tex)
        }
    }()

    /// The README's list of supported TeX: its code spans in the Math paragraph.
    static let readmeExamples: [String] = {
        guard let readme = try? String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8),
              let start = readme.range(of: "**Math**"), let end = readme.range(of: "**Snippets**", range: start.upperBound..<readme.endIndex)
        else { return [] }
        return readme[start.upperBound..<end.lowerBound].split(separator: "`", omittingEmptySubsequences: false)
            .enumerated().filter { !$0.offset.isMultiple(of: 2) }.map { String($0.element) }
    }()

    /// The alphabet of token soups: every command the converter knows, TeX syntax, and trouble.
    static let pieces: [String] = {
        let names = Array(MathSymbols.greek.keys) + Array(MathSymbols.identifiers.keys) + Array(MathSymbols.operators.keys)
            + Array(MathSymbols.largeOperators.keys) + Array(MathSymbols.integrals.keys) + Array(MathSymbols.functions)
            + Array(MathSymbols.spaces.keys) + Array(MathSymbols.accents.keys)
            + ["mathbf", "boldsymbol", "mathcal", "mathbb", "mathrm", "frac", "dfrac", "tfrac", "sqrt", "text", "mbox",
               "operatorname", "left", "right", "middle", "begin", "end", "foo", "\\"]
        let environments = Array(MathSymbols.matrices.keys) + ["aligned", "gathered", "cases", "split", "array", ""]
        return names.sorted().map { "\\" + $0 }
            + environments.sorted().flatMap { ["\\begin{\($0)}", "\\end{\($0)}"] }
            + ["{", "}", "{", "}", "^", "_", "&", "\\\\", "\\\\[4pt]", "\\\\[x]", "[", "]", "'", "(", ")", "|", ".", "\\left(",
               "\\right)", "\\left.", "\\right|", "\\sqrt[3]", "\\text{a b}", "\\text{", "%", "\n", " ", "  ", "#", "$", "~",
               "<", ">", "&amp;", "\"", "x", "y", "1", "2", "12", "3.14", "-", "+", "=", ",", "é", "𝐱", "😀", "\u{301}",
               "\u{0}", "\r\n", "\\", "\\{", "\\}", "\\,", "\\ ", "\\$", "\\%"]
    }()

    /// Case `index` of a run: a token soup, a mutated course or README formula, or a deep nest.
    static func input(forCase index: Int, settings: FuzzSettings) -> String {
        var random = settings.generator(forCase: index)
        let seeds = courseFormulas + readmeExamples
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4:
            let count = Int.random(in: 1...40, using: &random)
            let separator = Bool.random(using: &random) ? "" : " "
            return (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined(separator: separator)
        case 4..<9:
            let formula = seeds.randomElement(using: &random) ?? "x"
            return Mutation.mutate(formula, using: &random, pieces: pieces, edits: Int.random(in: 1...4, using: &random))
        default:
            let nests = [("{", "}"), ("\\hat{", "}"), ("\\frac{", "}{2}"), ("\\sqrt{", "}"), ("\\left(", "\\right)"),
                         ("x^{", "}"), ("\\begin{matrix}", "\\end{matrix}"), ("\\sqrt[{", "}]{x}"), ("\\mathbf{", "}")]
            let (open, close) = nests.randomElement(using: &random) ?? ("{", "}")
            let depth = Bool.random(using: &random) ? Int.random(in: 1...150, using: &random) : Int.random(in: 1...5_000, using: &random)
            let closes = Bool.random(using: &random) ? depth : Int.random(in: 0...depth, using: &random)
            return String(repeating: open, count: depth) + "x" + String(repeating: close, count: closes)
        }
    }

    /// Whether `tex` converted, or what is wrong with the converter's answer.
    static func check(converting tex: String, display: Bool) -> Result<Bool, FuzzFailure> {
        do {
            let mathML = try TeXToMathML.convert(tex, display: display)
            if let problem = MathMLChecker.problem(in: mathML) { return .failure(FuzzFailure("bad MathML (\(problem)): \(mathML)")) }
            return .success(true)
        } catch {
            guard (0...tex.count).contains(error.offset) else {
                return .failure(FuzzFailure("error offset \(error.offset) outside the input: \(error.message)"))
            }
            return .success(false)
        }
    }

    @Test func courseFormulasAndREADMEExamplesAreFound() {
        #expect(Self.courseFormulas.count > 100)
        #expect(Self.readmeExamples.contains(#"\frac"#))
    }

    @Test func theCheckerRejectsBrokenMathML() {
        let broken = ["<math><semantics><mrow><mfrac><mi>a</mi></mfrac></mrow><annotation></annotation></semantics></math>",
                      "<math><semantics><mrow><mo><</mo></mrow><annotation></annotation></semantics></math>",
                      "<math><semantics><mrow><mi>a</mrow><annotation></annotation></semantics></math>",
                      "<math><semantics><mrow><blink>a</blink></mrow><annotation></annotation></semantics></math>",
                      "<math><semantics><mrow>a</mrow><annotation></annotation></semantics></math>",
                      "<math><semantics><mrow><mtd><mi>a</mi></mtd></mrow><annotation></annotation></semantics></math>"]
        for mathML in broken { #expect(MathMLChecker.problem(in: mathML) != nil, "\(mathML)") }
        #expect(MathMLChecker.problem(in: "<math><semantics><mrow><mi>a</mi></mrow><annotation>x &lt; 1</annotation></semantics></math>") == nil)
    }

    @Test func everyCourseFormulaConvertsToWellFormedMathML() throws {
        for tex in Self.courseFormulas {
            let mathML = try TeXToMathML.convert(tex, display: true)
            #expect(MathMLChecker.problem(in: mathML) == nil, "\(tex)")
        }
    }

    @Test(.timeLimit(.minutes(30)))
    func randomAndMutatedTeXGivesMathMLOrALocatedError() {
        let settings = FuzzSettings.fromEnvironment(defaultCases: 2_000)
        var failures = 0, converted = 0
        for index in 0..<settings.cases {
            let tex = Self.input(forCase: index, settings: settings)
            settings.record(tex, case: index, suite: "TeX")
            switch Self.check(converting: tex, display: index.isMultiple(of: 2)) {
            case .success(let didConvert): converted += didConvert ? 1 : 0
            case .failure(let failure):
                failures += 1
                Issue.record("seed \(settings.seed) case \(index): \(failure.description)\ninput: \(tex.debugDescription)")
                if failures >= 10 { return }
            }
        }
        print("TeX fuzz: \(settings.cases) cases (\(converted) converted, the rest located errors), seed \(settings.seed), \(failures) failures")
    }
}
