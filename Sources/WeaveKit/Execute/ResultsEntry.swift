import Foundation

/// A chapter's cached outputs: `results/<hash>/` holding the key, `outputs.json` and
/// `warnings.json` (the compiler's warnings, so a cached run shows them as a fresh one does).
enum ResultsEntry {
    static let outputsFile = "outputs.json"
    static let warningsFile = "warnings.json"

    /// The outputs stored for exactly this key, when the entry is complete and well-formed:
    /// one output per snippet the program runs, in order. A damaged entry is removed, so the
    /// chapter runs again and stores a good one.
    static func read(_ entry: URL, key: ContentKey, order: [Int]) -> (outputs: [SnippetOutput], warnings: [WeaveError])? {
        guard FileManager.default.fileExists(atPath: entry.path) else { return nil }
        guard key.matches(entry),
              let data = try? Data(contentsOf: entry.appendingPathComponent(outputsFile)),
              let outputs = try? JSONDecoder().decode([SnippetOutput].self, from: data),
              outputs.map(\.index) == order,
              let warningsData = try? Data(contentsOf: entry.appendingPathComponent(warningsFile)),
              let warnings = try? JSONDecoder().decode([WeaveError].self, from: warningsData)
        else {
            // A different key under the same hash is a collision, not damage: leave it to be replaced.
            if !key.matches(entry) { return nil }
            try? FileManager.default.removeItem(at: entry)
            return nil
        }
        return (outputs, warnings)
    }

    /// Stores the outputs through a staging folder, so a reader never sees half an entry.
    static func write(_ outputs: [SnippetOutput], warnings: [WeaveError], key: ContentKey, at entry: URL) {
        guard let data = try? JSONEncoder().encode(outputs), let warningsData = try? JSONEncoder().encode(warnings),
              let staging = try? WorkFolder.make(in: entry.deletingLastPathComponent(), prefix: ".staging-")
        else { return }
        defer { LiveProcesses.shared.remove(staging) }
        guard (try? data.write(to: staging.appendingPathComponent(outputsFile))) != nil,
              (try? warningsData.write(to: staging.appendingPathComponent(warningsFile))) != nil,
              (try? Data(key.material.utf8).write(to: staging.appendingPathComponent(ContentKey.fileName))) != nil
        else { return }
        try? FileManager.default.removeItem(at: entry)
        try? FileManager.default.moveItem(at: staging, to: entry)
    }
}
