/// Weave: holds each `expect` snippet's output against its ```output block.
enum Expectations {
    /// An include block that holds a copy of its region must hold exactly the region.
    static func checkIncludes(_ chapter: Chapter) -> [WeaveError] {
        chapter.snippets.compactMap { snippet in
            guard let include = snippet.tags.include, let copy = snippet.includedCopy,
                  !OutputText.copyMatches(copy, code: snippet.code) else { return nil }
            return WeaveError(
                "this block's copy of \(include.path)#\(include.anchor) is stale", at: chapter.location(line: snippet.fenceLine, column: 1),
                details: ["--- in the chapter", "+++ in the source"] + LineDiff.lines(from: copy, to: snippet.code)
                    + ["run `swift run weave accept` to copy the current code, or empty the block"])
        }
    }

    /// Each `expect` snippet's output against its block, compared as `OutputText` says.
    static func check(_ chapter: Chapter, _ execution: ChapterExecution) -> [WeaveError] {
        chapter.snippets.filter(\.tags.expect).compactMap { snippet in
            let location = chapter.location(line: snippet.fenceLine, column: 1)
            guard let actual = execution.output(of: snippet)?.text else { return nil }
            guard let expected = snippet.expected else {
                return WeaveError("this snippet expects output but has no ```output block after it",
                                  at: location, details: ["run `swift run weave accept` to write one"])
            }
            guard !OutputText.matches(expected: expected.text, actual: actual) else { return nil }
            return WeaveError(
                "the output differs from the expected block at line \(expected.fenceLine)",
                at: location,
                details: ["--- expected", "+++ actual"]
                    + LineDiff.lines(from: OutputText.expected(expected.text), to: OutputText.comparable(actual))
                    + ["if the new output is right, run `swift run weave accept`"])
        }
    }
}

/// A line diff in unified style (`-` expected, `+` actual, two lines of context), from the
/// standard library's `CollectionDifference`.
enum LineDiff {
    static func lines(from old: String, to new: String, context: Int = 2) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides together, emitting removals, insertions and the kept lines between.
        var out: [(String, Bool)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { out.append(("-" + a[i], true)); i += 1 }
            else if j < b.count, inserted.contains(j) { out.append(("+" + b[j], true)); j += 1 }
            else { if i < a.count { out.append((" " + a[i], false)) }; i += 1; j += 1 }
        }
        let changed = out.indices.filter { out[$0].1 }
        return out.indices.filter { k in changed.contains { abs($0 - k) <= context } }.map { out[$0].0 }
    }
}
