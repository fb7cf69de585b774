/// The form in which an `expect` snippet's output is compared and stored in its ```output block.
///
/// A Markdown code block cannot hold every character a program prints: a carriage return
/// ends a line there, and other control characters do not survive editors. So output is
/// compared and written with each control character except tab and newline shown as its
/// Unicode picture (`\r` as ␍, ESC as ␛, DEL as ␡); an expected block may hold the pictures or
/// the raw characters. The two noncharacters weave reserves, U+FDD0 and U+FDD1, become U+FFFD.
enum OutputText {
    /// The program's output as the comparison sees it and `weave accept` writes it.
    static func comparable(_ output: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(output.unicodeScalars.count)
        for scalar in output.unicodeScalars { out.unicodeScalars.append(picture(of: scalar)) }
        return out
    }

    /// An ```output block's text as the comparison sees it: the chapter's own line endings
    /// (CRLF or CR) read as newlines, other control characters as their pictures.
    static func expected(_ blockText: String) -> String {
        var out = ""
        var scalars = blockText.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" {
                out.unicodeScalars.append("\n")
                if pending == "\n" { pending = scalars.next() }
            } else {
                out.unicodeScalars.append(picture(of: scalar))
            }
        }
        return out
    }

    /// Whether an output block's text stands for the program's output: the same Unicode
    /// scalars, not merely canonically equivalent text (é precomposed is not e + ´).
    static func matches(expected blockText: String, actual output: String) -> Bool {
        identical(expected(blockText), comparable(output))
    }

    /// Whether an include block's copy holds exactly the region's code.
    static func copyMatches(_ copy: String, code: String) -> Bool {
        identical(unifyingLineEndings(copy), code)
    }

    static func identical(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    /// `text` with CRLF and CR line endings read as newlines.
    static func unifyingLineEndings(_ text: String) -> String {
        text.unicodeScalars.contains("\r") ? SourceLines.split(text).joined(separator: "\n") : text
    }

    static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09, 0x0A: scalar
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? scalar
        case 0x7F: "\u{2421}"
        // weave reserves U+FDD0 and U+FDD1 in chapters (they delimit formulas while Load
        // runs), so a block cannot hold them; they are stored as the replacement character.
        case 0xFDD0, 0xFDD1: "\u{FFFD}"
        default: scalar
        }
    }
}
