/// Escapes text for HTML and XML content and attribute values. Control characters, which HTML
/// forbids (a snippet may print ANSI colours, say), become their visible Unicode pictures (␛).
public func escapeXML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
        case "\u{7F}": out += "\u{2421}"
        // C1 controls and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), which HTML forbids too.
        case _ where (0x80...0x9F).contains(scalar.value) || (0xFDD0...0xFDEF).contains(scalar.value)
            || scalar.value & 0xFFFE == 0xFFFE:
            out += "\u{FFFD}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
