/// Stable anchor ids from heading text, unique on their page: `∂L/∂W, at last` → `l-w-at-last`.
///
/// A repeated heading gets `-2`, `-3`, …; when such a suffix is already some heading's own id
/// (`Results`, `Results`, `Results 2`), the next free suffix is taken, so no id repeats.
struct HeadingIDs {
    private var used: Set<String>
    private var repeats: [String: Int] = [:]

    /// `reserved` holds ids the page uses for its own elements.
    init(reserved: Set<String> = []) { used = reserved }

    mutating func make(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        if used.contains(base) {
            var n = max(repeats[base, default: 1], 1)
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while used.contains(candidate)
            repeats[base] = n
        }
        used.insert(candidate)
        return candidate
    }

    /// Letters and digits of any script, lowercased, other runs as one `-` (`φ and ψ` →
    /// `φ-and-ψ`); never empty, never starting with a digit.
    static func slug(_ text: String) -> String {
        var slug = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { slug.append(c) }
            else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        guard let first = slug.first else { return "section" }
        return first.isNumber ? "s-" + slug : slug
    }
}
