/// The commands of the supported TeX subset, by what MathML element they become.
enum MathSymbols {
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Identifiers that are symbols rather than letters.
    static let identifiers: [String: String] = [
        "partial": "∂", "nabla": "∇", "infty": "∞", "ell": "ℓ", "emptyset": "∅", "top": "⊤", "hbar": "ℏ",
    ]

    static let operators: [String: String] = [
        "leftarrow": "←", "gets": "←", "rightarrow": "→", "to": "→", "Leftarrow": "⇐", "Rightarrow": "⇒",
        "leftrightarrow": "↔", "mapsto": "↦", "in": "∈", "notin": "∉", "odot": "⊙", "otimes": "⊗", "oplus": "⊕",
        "times": "×", "cdot": "⋅", "cdots": "⋯", "ldots": "…", "dots": "…", "vdots": "⋮", "ddots": "⋱",
        "approx": "≈", "neq": "≠", "ne": "≠", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "pm": "±", "mp": "∓",
        "equiv": "≡", "sim": "∼", "propto": "∝", "circ": "∘", "mid": "∣", "{": "{", "}": "}", "|": "‖",
        "lvert": "|", "rvert": "|", "langle": "⟨", "rangle": "⟩", "colon": ":", "forall": "∀", "exists": "∃",
        "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "ast": "∗", "star": "⋆", "prime": "′",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "ll": "≪", "gg": "≫", "setminus": "∖",
        "bmod": "mod", "wedge": "∧", "vee": "∨", "neg": "¬", "%": "%", "$": "$", "#": "#", "_": "_", "&": "&",
        "backslash": "\\", "lt": "<", "gt": ">",
    ]

    /// Large operators, whose limits go under and over in display math.
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏", "bigcup": "⋃", "bigcap": "⋂"]

    /// Integrals: large, but their limits stay beside them, as in TeX.
    static let integrals: [String: String] = ["int": "∫", "iint": "∬", "oint": "∮"]

    /// Function names, set upright and followed by an invisible function application.
    static let functions: Set<String> = [
        "tanh", "sinh", "cosh", "exp", "log", "ln", "sin", "cos", "tan", "max", "min", "arg", "argmax", "argmin",
        "det", "dim", "sup", "inf", "lim", "sgn", "diag",
    ]

    /// Function names whose subscript goes underneath in display math (`\max_x`), as in TeX.
    static let functionsWithLimits: Set<String> = ["max", "min", "argmax", "argmin", "det", "sup", "inf", "lim"]

    /// Commands that read arguments, which therefore cannot be the one-token argument of another:
    /// `x^\frac12` needs braces.
    static func takesArguments(_ name: String) -> Bool {
        accents[name] != nil || MathAlphabet.command(name) != nil
            || ["frac", "dfrac", "tfrac", "sqrt", "text", "textrm", "mbox", "operatorname", "left", "begin"].contains(name)
    }

    /// Spacing commands, as widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", "!": "-0.1667em", " ": "0.25em",
        "quad": "1em", "qquad": "2em",
    ]

    /// Accents: the mark placed over the base.
    static let accents: [String: String] = [
        "hat": "^", "widehat": "^", "bar": "¯", "overline": "‾", "tilde": "~", "widetilde": "~", "vec": "→",
        "dot": "˙", "ddot": "¨",
    ]

    /// Matrix-like environments and their delimiters.
    static let matrices: [String: (String, String)] = [
        "matrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
        "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
    ]

    /// Delimiters that may follow \left and \right.
    static func delimiter(_ token: TeXToken) -> String? {
        switch token {
        case .character(let c) where "()[]|./".contains(c): return c == "." ? "" : String(c)
        case .command(let name): return ["{": "{", "}": "}", "|": "‖", "langle": "⟨", "rangle": "⟩", "lvert": "|",
                                         "rvert": "|", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉"][name]
        default: return nil
        }
    }
}
