import Foundation

/// The library modules that snippets import, compiled once, optimised, into the cache.
public struct LibraryBuild: Sendable {
    /// Modules compiled for snippets, from `Sources/<name>`, in dependency order.
    public static let modules = ["ElmanRNN", "Display"]
    /// `-g` so that a crash inside the library names its source line, where the failed check is.
    static let flags = ["-O", "-g", "-whole-module-optimization", "-parse-as-library", "-emit-library", "-static", "-swift-version", "6"]
    /// Lists each built file with its digest, so a damaged entry is found and rebuilt.
    static let manifestFile = "manifest"
    /// A library module that takes longer than this to compile is stopped.
    static let compileTimeLimit = 600.0

    /// The folder holding `lib<Module>.a` and `<Module>.swiftmodule` for each module.
    public var directory: URL
    /// Identifies these sources and flags; part of every chapter's cache key.
    public var key: String

    /// Reuses the cached build when sources, compiler and flags are unchanged and its files
    /// are intact; builds otherwise. Removes what killed runs left in the cache first.
    public static func prepare(
        root: URL, cache: URL, toolchain: Toolchain, useCache: Bool, statistics: Statistics
    ) throws(WeaveError) -> LibraryBuild {
        var parts = [toolchain.identity, flags.joined(separator: " ")]
        for module in modules {
            let sources = swiftSources(in: root.appendingPathComponent("Sources/\(module)"))
            guard !sources.isEmpty else {
                throw WeaveError("no Swift sources in Sources/\(module) under \(root.path); run weave from the package root or pass --root")
            }
            for source in sources { parts += ["\(module)/\(source.path)", source.text] }
        }
        let key = ContentKey(parts)
        let directory = cache.appendingPathComponent("library/\(key.hash)")
        let found = LibraryBuild(directory: directory, key: key.hash)
        WorkFolder.removeLeftovers(inCache: cache)
        if useCache, isIntact(directory, key: key) { return found }
        try createDirectory(directory.deletingLastPathComponent())
        // Concurrent weave runs (parallel tests, say) build the library once: the others wait
        // for the lock and then find the finished entry.
        return try withFileLock(cache.appendingPathComponent("library/.lock").path) { () throws(WeaveError) -> LibraryBuild in
            if useCache, isIntact(directory, key: key) { return found }
            try build(root: root, into: directory, key: key, toolchain: toolchain, statistics: statistics)
            return found
        }
    }

    /// Whether `directory` is a complete entry for `key` whose files are as they were built.
    static func isIntact(_ directory: URL, key: ContentKey) -> Bool {
        guard key.matches(directory),
              let manifest = try? String(contentsOf: directory.appendingPathComponent(manifestFile), encoding: .utf8)
        else { return false }
        let expected = modules.flatMap { ["lib\($0).a", "\($0).swiftmodule"] }
        let entries = manifest.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
        guard entries.map({ $0.first ?? "" }) == expected else { return false }
        return entries.allSatisfy { entry in
            entry.count == 2 && (try? Data(contentsOf: directory.appendingPathComponent(entry[0]))).map(Digest.of) == entry[1]
        }
    }

    /// Compiles every module into a staging folder, then moves it into place whole.
    private static func build(
        root: URL, into directory: URL, key: ContentKey, toolchain: Toolchain, statistics: Statistics
    ) throws(WeaveError) {
        let parent = directory.deletingLastPathComponent()
        let staging = try WorkFolder.make(in: parent, prefix: ".staging-")
        defer { LiveProcesses.shared.remove(staging) }
        let logs = try WorkFolder.make(in: parent, prefix: ".staging-")
        defer { LiveProcesses.shared.remove(logs) }
        var manifest: [String] = []
        for module in modules {
            let sourceDirectory = root.appendingPathComponent("Sources/\(module)")
            let files = swiftSources(in: sourceDirectory).map { sourceDirectory.appendingPathComponent($0.path).path }
            statistics.countCompilerRun()
            let output = try ToolRun.run(toolchain.swiftc, flags + [
                "-module-name", module, "-I", staging.path,
                "-emit-module", "-emit-module-path", staging.appendingPathComponent("\(module).swiftmodule").path,
                "-o", staging.appendingPathComponent("lib\(module).a").path,
            ] + files, directory: staging, work: logs, timeLimit: compileTimeLimit)
            guard output.termination.succeeded, !output.timedOut else {
                let why = output.timedOut ? "took longer than \(Plain.number(compileTimeLimit)) s to compile"
                    : "does not compile (\(output.termination.description))"
                throw WeaveError("the library module \(module) \(why); fix Sources/\(module) (swift build shows the same errors)",
                                 details: output.stderrText.split(separator: "\n").prefix(20).map(String.init))
            }
            for file in ["lib\(module).a", "\(module).swiftmodule"] {
                guard let data = try? Data(contentsOf: staging.appendingPathComponent(file)) else {
                    throw WeaveError("the compiler wrote no \(file) for \(module)")
                }
                manifest.append("\(file) \(Digest.of(data))")
            }
        }
        do {
            try Data((manifest.joined(separator: "\n") + "\n").utf8).write(to: staging.appendingPathComponent(manifestFile))
            try Data(key.material.utf8).write(to: staging.appendingPathComponent(ContentKey.fileName))
        } catch {
            throw WeaveError("cannot write the cache at \(staging.path): \(error.localizedDescription)")
        }
        try? FileManager.default.removeItem(at: directory)
        do { try FileManager.default.moveItem(at: staging, to: directory) } catch {
            throw WeaveError("cannot write the cache at \(directory.path): \(error.localizedDescription)")
        }
    }
}

func createDirectory(_ url: URL) throws(WeaveError) {
    do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
        throw WeaveError("cannot create \(url.path): \(error.localizedDescription)")
    }
}
