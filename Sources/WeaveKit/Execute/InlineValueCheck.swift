/// What makes an inline value's result untrustworthy once its chapter has run: an inline
/// value shows only its value, so one that printed has output the page would hide, one that
/// began but sent no value has nothing true to show, and an optional's description is Swift's
/// debugging text, not a value for a sentence.
enum InlineValueCheck {
    /// `ranToEnd`: the program finished with no other error, so a begun inline value without
    /// a value is this check's to report (otherwise the failure that stopped it is reported).
    static func errors(_ outputs: [SnippetOutput], chapter: Chapter, ranToEnd: Bool) -> [WeaveError] {
        outputs.compactMap { output -> WeaveError? in
            guard let snippet = chapter.snippets.first(where: { $0.index == output.index }) else { return nil }
            guard snippet.isInline else {
                return output.value == nil ? nil : WeaveError(
                    "the chapter program's control channel is inconsistent (a value from a fenced snippet), so its output cannot be trusted",
                    at: snippet.location(in: chapter))
            }
            // One that crashed printed the runtime's message; its crash is reported already.
            if !output.items.isEmpty, output.value != nil || ranToEnd {
                return WeaveError("this inline value printed output, which a page cannot show in a sentence", at: snippet.location(in: chapter),
                                  details: ["an inline value shows only its value: print from a snippet above it instead"]
                                      + output.items.prefix(3).map { "printed: " + String($0.text.prefix(200)) })
            }
            if output.valueIsOptional {
                return WeaveError("this inline value is an Optional, which would read Optional(…) or nil in the sentence",
                                  at: snippet.location(in: chapter),
                                  details: ["unwrap it: `x!`, `x ?? fallback`, or `x.map(String.init) ?? \"none\"`"])
            }
            if output.value == nil, ranToEnd {
                return WeaveError("this inline value was evaluated but sent no value", at: snippet.location(in: chapter),
                                  details: ["a snippet may have called weave's runtime; leave __WeaveRuntime and __weave alone"])
            }
            return nil
        }
    }
}
