import Foundation

/// Escapes a link target for an `href` or `src` attribute as libcmark does: URL-safe bytes as
/// they are, `&` and `'` as entities, every other byte percent-encoded; unlike libcmark, a `%`
/// that starts no `%XX` escape is encoded too, since HTML forbids it.
func escapeHref(_ url: String) -> String {
    var out = ""
    out.reserveCapacity(url.utf8.count)
    let bytes = Array(url.utf8)
    for (k, byte) in bytes.enumerated() {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;"
        case UInt8(ascii: "'"): out += "&#x27;"
        case UInt8(ascii: "%") where !(k + 2 < bytes.count && isHexDigit(bytes[k + 1]) && isHexDigit(bytes[k + 2])):
            out += "%25"
        case _ where isHrefSafe(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF")
            out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
        }
    }
    return out
}

private func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
}

/// Letters, digits and `-_.+!*(),%#@?=;:/$~`, which stand in a URL as they are.
private func isHrefSafe(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        true
    default:
        "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
}

/// A site file name as an `href`: percent-encoded, so a name with `#`, `?`, `"` or spaces
/// still points at its file.
func fileHref(_ name: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return escapeXML(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)
}
