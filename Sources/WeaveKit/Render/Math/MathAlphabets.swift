/// Styled letters as Unicode's mathematical alphanumeric symbols: MathML Core renders
/// `\mathbf{h}` as 𝐡 and `\mathcal{L}` as ℒ from the characters themselves, since browsers
/// dropped the `mathvariant` attribute (except `normal`).
enum MathAlphabet: String {
    case bold, boldItalic, script, doubleStruck, upright

    func apply(_ c: Character) -> Character {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        let v = scalar.value
        let upper = (0x41...0x5A).contains(v), lower = (0x61...0x7A).contains(v), digit = (0x30...0x39).contains(v)
        func at(_ base: UInt32, _ index: UInt32) -> Character { Character(Unicode.Scalar(base + index)!) }
        switch self {
        case .upright: return c
        case .bold:
            if upper { return at(0x1D400, v - 0x41) }
            if lower { return at(0x1D41A, v - 0x61) }
            if digit { return at(0x1D7CE, v - 0x30) }
            return Self.boldGreek(v) ?? c
        case .boldItalic:
            if upper { return at(0x1D468, v - 0x41) }
            if lower { return at(0x1D482, v - 0x61) }
            return Self.boldGreek(v, italic: true) ?? c
        case .script:
            let exceptions: [Character: Character] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ",
                                                      "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"]
            if let special = exceptions[c] { return special }
            if upper { return at(0x1D49C, v - 0x41) }
            if lower { return at(0x1D4B6, v - 0x61) }
            return c
        case .doubleStruck:
            let exceptions: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let special = exceptions[c] { return special }
            if upper { return at(0x1D538, v - 0x41) }
            if lower { return at(0x1D552, v - 0x61) }
            if digit { return at(0x1D7D8, v - 0x30) }
            return c
        }
    }

    /// Bold (or bold italic) Greek: α…ω from U+1D6C2 (U+1D736), Α…Ω from U+1D6A8 (U+1D71C).
    private static func boldGreek(_ v: UInt32, italic: Bool = false) -> Character? {
        let lowerBase: UInt32 = italic ? 0x1D736 : 0x1D6C2, upperBase: UInt32 = italic ? 0x1D71C : 0x1D6A8
        if (0x3B1...0x3C9).contains(v) { return Unicode.Scalar(lowerBase + v - 0x3B1).map(Character.init) }
        if (0x391...0x3A9).contains(v) { return Unicode.Scalar(upperBase + v - 0x391).map(Character.init) }
        return nil
    }

    static func command(_ name: String) -> MathAlphabet? {
        ["mathbf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathcal": .script, "mathscr": .script,
         "mathbb": .doubleStruck, "mathrm": .upright][name]
    }
}
