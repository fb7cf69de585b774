import Foundation
import Testing
@testable import WeaveKit

/// TeX that used to render wrongly without an error, or crash: each now renders as TeX typesets
/// it, or is an error at the column of the problem.
@Suite struct TeXHostileInputTests {
    /// The MathML between `<math><semantics><mrow>` and `</mrow><annotation…`.
    static func body(_ tex: String, display: Bool = false) throws -> String {
        let mathML = try TeXToMathML.convert(tex, display: display)
        let start = try #require(mathML.range(of: "<semantics><mrow>")).upperBound
        let end = try #require(mathML.range(of: "</mrow><annotation", options: .backwards)).lowerBound
        return String(mathML[start..<end])
    }

    static let rendersAsTeX: [(tex: String, mathML: String)] = [
        // An argument is one token or one group.
        (#"x^12"#, "<msup><mi>x</mi><mn>1</mn></msup><mn>2</mn>"),
        (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (#"\frac1{23}"#, "<mfrac><mn>1</mn><mn>23</mn></mfrac>"),
        (#"\sqrt2x"#, "<msqrt><mn>2</mn></msqrt><mi>x</mi>"),
        (#"x^\alpha"#, "<msup><mi>x</mi><mi>α</mi></msup>"),
        (#"x^ 2"#, "<msup><mi>x</mi><mn>2</mn></msup>"),
        (#"x^2 3^4"#, "<msup><mi>x</mi><mn>2</mn></msup><msup><mn>3</mn><mn>4</mn></msup>"),
        (#"\hat xy"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover><mi>y</mi>"#),
        (#"\mathbf12"#, "<mn>𝟏</mn><mn>2</mn>"),
        (#"\mathbf{Wx}"#, "<mrow><mi>𝐖</mi><mi>𝐱</mi></mrow>"),
        (#"\mathbf{}"#, "<mrow></mrow>"),
        // Numbers: digits written together are one <mn>, digits apart are two.
        (#"3.14"#, "<mn>3.14</mn>"),
        (#"3 4"#, "<mn>3</mn><mn>4</mn>"),
        // Roots and line spacing.
        (#"\sqrt[3]{x}"#, "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        (#"\sqrt [n+1] x"#, "<mroot><mi>x</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></mroot>"),
        (#"\sqrt[{a]}]{x}"#, "<mroot><mi>x</mi><mrow><mi>a</mi><mo stretchy=\"false\">]</mo></mrow></mroot>"),
        (#"\begin{matrix} a \\[4pt] b \end{matrix}"#, "<mtable><mtr><mtd><mrow><mi>a</mi></mrow></mtd></mtr><mtr><mtd><mrow><mi>b</mi></mrow></mtd></mtr></mtable>"),
        (#"\begin{aligned} a &= b \\[-2.5ex] c &= d \\[1em] \end{aligned}"#, 
         #"<mtable class="aligned" displaystyle="true"><mtr><mtd><mrow><mi>a</mi></mrow></mtd><mtd><mrow><mi></mi><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"#
         + "<mtr><mtd><mrow><mi>c</mi></mrow></mtd><mtd><mrow><mi></mi><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable>"),
        // Primes stay on their base (U+2032 is drawn raised already), before any superscript.
        (#"f'"#, "<mrow><mi>f</mi><mo>′</mo></mrow>"),
        (#"f''"#, "<mrow><mi>f</mi><mo>″</mo></mrow>"),
        (#"x'^2"#, "<msup><mrow><mi>x</mi><mo>′</mo></mrow><mn>2</mn></msup>"),
        (#"x_1'"#, "<msub><mrow><mi>x</mi><mo>′</mo></mrow><mn>1</mn></msub>"),
        (#"\tanh'(a)"#, "<mrow><mi>tanh</mi><mo>′</mo></mrow><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>a</mi><mo stretchy=\"false\">)</mo>"),
        // Empty groups and scripts with nothing before them.
        (#"{}"#, "<mrow></mrow>"),
        (#"x^{}"#, "<msup><mi>x</mi><mrow></mrow></msup>"),
        (#"_1 x"#, "<msub><mrow></mrow><mn>1</mn></msub><mi>x</mi>"),
        // Text is TeX's text mode: braces group, escapes are characters, spaces collapse.
        (#"\text{a{b}c}"#, "<mtext>abc</mtext>"),
        (#"\text{\$5 \& 10\% \{x\}}"#, "<mtext>$5 &amp; 10% {x}</mtext>"),
        (#"\text{a   b}"#, "<mtext>a b</mtext>"),
        (#"\text{a<b>c}"#, "<mtext>a&lt;b&gt;c</mtext>"),
        (#"\text{50\%} % a comment"#, "<mtext>50%</mtext>"),
        // Characters that need escaping, comments, braces.
        (#"a < b > c"#, "<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi>"),
        (#"\& \{ \}"#, #"<mo>&amp;</mo><mo stretchy="false">{</mo><mo stretchy="false">}</mo>"#),
        ("a % comment\r\nb", "<mi>a</mi><mi>b</mi>"),
        (#"\alphaé"#, "<mi>α</mi><mi>é</mi>"),
        ("𝐱😀", "<mi>𝐱</mi><mo>😀</mo>"),
        (#"a\,b\ c"#, #"<mi>a</mi><mspace width="0.1667em"></mspace><mi>b</mi><mspace width="0.25em"></mspace><mi>c</mi>"#),
        // Integrals keep their limits beside them; \max puts them under in display math only.
        (#"\int_0^1"#, #"<msubsup><mo largeop="true">∫</mo><mn>0</mn><mn>1</mn></msubsup>"#),
        (#"\max_x"#, "<msub><mi>max</mi><mi>x</mi></msub><mo>\u{2061}</mo>"),
        (#"\operatorname{softmax} x"#, "<mi>softmax</mi><mo>\u{2061}</mo><mi>x</mi>"),
        (#"\dfrac{a}{b}"#, #"<mstyle displaystyle="true" scriptlevel="0"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>"#),
    ]

    @Test(arguments: rendersAsTeX)
    func rendersAsTeXDoes(_ tex: String, _ mathML: String) throws {
        #expect(try Self.body(tex) == mathML)
    }

    @Test func limitsOfMaxGoUnderneathInDisplayMath() throws {
        #expect(try Self.body(#"\max_x"#, display: true) == "<munder><mi>max</mi><mi>x</mi></munder><mo>\u{2061}</mo>")
    }

    static let locatedErrors: [(tex: String, message: String, offset: Int)] = [
        (#"x + \"#, "a lone '\\' ends the formula", 4),
        (#"\frac"#, "\\frac needs an argument", 0),
        (#"\frac{a}"#, "\\frac needs an argument", 0),
        (#"\frac{a}\\"#, "\\frac needs an argument before \\\\", 8),
        (#"x^\frac12"#, "\\frac as the argument of ^ needs braces", 2),
        (#"\sqrt[3"#, "'[' after \\sqrt is never closed", 5),
        (#"\sqrt[a}]{x}"#, "'[' after \\sqrt is never closed", 5),
        (#"\begin{matrix} a \\[4] b \end{matrix}"#, "needs a length", 19),
        (#"\begin{aligned}[t] a \end{aligned}"#, "a vertical position, is not supported", 15),
        (#"\left( a \right"#, "\\right needs a delimiter", 9),
        (#"\left( a \right\alpha"#, "\\right needs a delimiter", 15),
        (#"{\left( a } \right)"#, "\\left needs its \\right before this '}'", 10),
        (#"\begin{pmatrix} a \end{bmatrix}"#, "\\end{bmatrix} closes \\begin{pmatrix}", 18),
        (#"\begin{foo} a \end{foo}"#, "unsupported environment foo", 0),
        (#"\begin{gathered} a & b \end{gathered}"#, "gathered has at most 1 column", 19),
        (#"\begin{cases} a & b & c \end{cases}"#, "cases has at most 2 columns", 20),
        (#"x^2'"#, "double superscript", 3),
        (#"x'^2'"#, "double superscript", 4),
        (#"x_1_2"#, "double subscript", 3),
        (#"\text{a & b}"#, "'&' is an alignment tab", 8),
        (#"\text{a_b}"#, "'_' is math", 7),
        (#"\text{\alpha}"#, "\\alpha inside \\text{…} is not supported", 6),
        (#"\text{a"#, "'{' is never closed", 5),
        (#"\text x"#, "\\text needs its text in braces", 6),
        (#"a # b"#, "'#' is TeX's parameter character", 2),
        ("a \u{1}", "control character U+1", 2),
        ("% \u{FFFF}", "noncharacter", 2),
        ("{\u{301}", "a combining mark on '{'", 0),
        (#"\begin{matrix} a \\ b"#, "\\begin{matrix} has no \\end{matrix}", 0),
        (#"\begin{matrix} a } \end{matrix}"#, "\\begin{matrix} needs its \\end{matrix} before this '}'", 17),
        (#"\begin{matrix} {a & b} \end{matrix}"#, "'&' inside braces", 18),
        (#"\operatorname{a+b}"#, "\\operatorname needs a name of letters", 0),
    ]

    @Test(arguments: locatedErrors)
    func isAnErrorAtTheProblem(_ tex: String, _ message: String, _ offset: Int) {
        #expect {
            try TeXToMathML.convert(tex, display: false)
        } throws: { error in
            guard let error = error as? MathError else { return false }
            return error.message.contains(message) && error.offset == offset
        }
    }

    static let deepNests: [(open: String, close: String)] = [
        ("{", "}"), (#"\hat{"#, "}"), (#"\frac{"#, "}{1}"), (#"\sqrt{"#, "}"), (#"\left("#, #"\right)"#),
        ("x^{", "}"), (#"\mathbf{"#, "}"), (#"\begin{matrix}"#, #"\end{matrix}"#), (#"\sqrt[{"#, "}]{x}"),
    ]

    @Test(arguments: deepNests)
    func tenThousandLevelsOfNestingAreAnError(_ open: String, _ close: String) {
        let balanced = String(repeating: open, count: 10_000) + "x" + String(repeating: close, count: 10_000)
        #expect {
            try TeXToMathML.convert(balanced, display: true)
        } throws: { error in
            guard let error = error as? MathError else { return false }
            return error.message.contains("nesting deeper than 64 levels") && (0..<balanced.count).contains(error.offset)
        }
        // Never closed, it may fail for that first; either way it is an error inside the formula.
        let unclosed = String(repeating: open, count: 10_000)
        #expect {
            try TeXToMathML.convert(unclosed, display: true)
        } throws: { error in
            guard let error = error as? MathError else { return false }
            return (0..<unclosed.count).contains(error.offset)
        }
    }

    @Test func nestingUpToTheLimitStillConverts() throws {
        let depth = TeXToMathML.maximumDepth - 1
        let tex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        #expect(try Self.body(tex) == "<mi>x</mi>")
    }

    /// The limit must leave room on a small stack: 512 KB is a secondary thread's default on macOS.
    @Test(arguments: deepNests)
    func theDeepestAllowedNestingFitsASmallStack(_ open: String, _ close: String) throws {
        func nest(_ count: Int) -> String { String(repeating: open, count: count) + "x" + String(repeating: close, count: count) }
        let deepest = try #require((1..<TeXToMathML.maximumDepth).reversed().first {
            (try? TeXToMathML.convert(nest($0), display: true)) != nil
        })
        let tex = nest(deepest)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.converted = (try? TeXToMathML.convert(tex, display: true)) != nil
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(outcome.converted)
    }

    private final class Outcome: @unchecked Sendable { var converted = false }
}
