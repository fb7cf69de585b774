import Testing
@testable import WeaveKit

@Suite struct MathTests {
    static let conversions: [(tex: String, contains: String)] = [
        (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\mathbf{W}^T"#, "<msup><mi>𝐖</mi><mi>T</mi></msup>"),
        (#"\mathcal{L}"#, "<mi>ℒ</mi>"),
        (#"\hat{y}"#, #"<mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover>"#),
        (#"\sum_{t=1}^{\tau} x"#, "<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo><mrow><mi>t</mi><mo>=</mo><mn>1</mn></mrow><mi>τ</mi></munderover>"),
        (#"h_1^{(t)}"#, "<msubsup><mi>h</mi><mn>1</mn><mrow><mo stretchy=\"false\">(</mo><mi>t</mi><mo stretchy=\"false\">)</mo></mrow></msubsup>"),
        (#"\tanh(a)"#, "<mi>tanh</mi><mo>\u{2061}</mo>"),
        (#"\sigma \partial \odot \leftarrow \in \{ \}"#, "<mi>σ</mi><mi>∂</mi><mo>⊙</mo><mo>←</mo><mo>∈</mo><mo stretchy=\"false\">{</mo><mo stretchy=\"false\">}</mo>"),
        (#"\left( x \right)"#, #"<mo fence="true" form="prefix" stretchy="true">(</mo><mi>x</mi><mo fence="true" form="postfix" stretchy="true">)</mo>"#),
        (#"\begin{pmatrix} a & b \\ \vdots & \ddots \end{pmatrix}"#, "<mtr><mtd><mrow><mo>⋮</mo></mrow></mtd>"),
        (#"\begin{aligned} a &= b \\ c &= d \end{aligned}"#, "<mtable class=\"aligned\" displaystyle=\"true\"><mtr>"),
        (#"x < y"#, "<mo>&lt;</mo>"),
        (#"3.14"#, "<mn>3.14</mn>"),
        (#"a - b"#, "<mo>−</mo>"),
        (#"\text{if } x"#, "<mtext>if </mtext>"),
        (#"\Delta"#, "<mi mathvariant=\"normal\">Δ</mi>"),
    ]

    @Test(arguments: conversions)
    func texBecomesMathML(_ tex: String, _ expected: String) throws {
        let mathML = try TeXToMathML.convert(tex, display: false)
        #expect(mathML.contains(expected), "\(mathML)")
        #expect(mathML.hasPrefix("<math><semantics>"))
    }

    @Test func displayMathIsABlock() throws {
        #expect(try TeXToMathML.convert("x", display: true).hasPrefix("<math display=\"block\">"))
    }

    static let errors: [(tex: String, message: String, offset: Int)] = [
        (#"a + \foo{b}"#, #"unsupported TeX command \foo"#, 4),
        (#"\frac{a}{b"#, "'{' is never closed", 8),
        (#"a}"#, "unbalanced '}'", 1),
        (#"\begin{array} a \end{array}"#, "unsupported environment array", 0),
        (#"a \\ b"#, "outside \\begin{aligned}", 2),
        (#"\left( a"#, "\\left without a matching \\right", 0),
        (#"x^"#, "needs an argument", 1),
    ]

    @Test(arguments: errors)
    func malformedMathIsAnErrorWithItsPosition(_ tex: String, _ message: String, _ offset: Int) {
        #expect {
            try TeXToMathML.convert(tex, display: false)
        } throws: { error in
            let e = error as! MathError
            return e.message.contains(message) && e.offset == offset
        }
    }

    @Test func mathIsTakenOutBeforeMarkdownCanEatIt() throws {
        let extraction = try MathExtraction(
            "Text $a_1 * b_2$ and `$code$` and \\$5, $$x$$ and $5 or $6.\n```\n$in code$\n```\n",
            verbatimLines: [2, 3, 4], path: "x.md")
        #expect(extraction.spans.map(\.tex) == ["a_1 * b_2", "x"])
        #expect(extraction.spans.map(\.display) == [false, true])
        #expect(extraction.markdown == "Text \(MathExtraction.placeholder(0)) and `$code$` and \\$5, \(MathExtraction.placeholder(1)) and $5 or $6.\n```\n$in code$\n```\n")
    }

    @Test func multiLineDisplayMathKeepsItsLine() throws {
        let extraction = try MathExtraction("a\n\n$$\\begin{aligned}\nx &= 1\n\\end{aligned}$$\n\nb", verbatimLines: [], path: "x.md")
        #expect(extraction.spans.count == 1)
        #expect(extraction.spans[0].line == 3)
        #expect(extraction.markdown == "a\n\n\(MathExtraction.placeholder(0))\n\nb")
        #expect(extraction.sourceLines == [1, 2, 3, 6, 7])
    }

    @Test func unclosedDisplayMathIsAnError() {
        #expect { try MathExtraction("a\n$$ x\n", verbatimLines: [], path: "x.md") } throws: {
            ($0 as? WeaveError)?.location == SourceLocation(file: "x.md", line: 2, column: 1)
        }
    }

    @Test func aBadFormulaNamesTheChapterLineAndColumn() {
        #expect {
            try PageRenderer.render(source: "# T\n\nSee $a + \\oops$ here.\n\n$$\\begin{aligned}\nx &= \\nope\n\\end{aligned}$$\n", path: "c.md")
        } throws: { error in
            (error as? WeaveError)?.location == SourceLocation(file: "c.md", line: 3, column: 10)
        }
        #expect {
            try PageRenderer.render(source: "# T\n\n$$\\begin{aligned}\nx &= \\nope\n\\end{aligned}$$\n", path: "c.md")
        } throws: { error in
            (error as? WeaveError)?.location == SourceLocation(file: "c.md", line: 4, column: 6)
        }
    }
}
