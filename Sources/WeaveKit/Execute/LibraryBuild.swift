import Foundation

/// The library modules that snippets import, compiled once, optimised, into the cache.
public struct LibraryBuild: Sendable {
    /// Modules compiled for snippets, from `Sources/<name>`, in dependency order.
    public static let modules = ["ElmanRNN", "Display"]
    static let flags = ["-O", "-whole-module-optimization", "-parse-as-library", "-emit-library", "-static", "-swift-version", "6"]

    /// The folder holding `lib<Module>.a` and `<Module>.swiftmodule` for each module.
    public var directory: URL
    /// Identifies these sources and flags; part of every chapter's cache key.
    public var key: String

    /// Reuses the cached build when sources, compiler and flags are unchanged; builds otherwise.
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
        if useCache, key.matches(directory) { return LibraryBuild(directory: directory, key: key.hash) }
        try createDirectory(directory.deletingLastPathComponent())
        // Concurrent weave runs (parallel tests, say) build the library once: the others wait
        // for the lock and then find the finished entry.
        return try withFileLock(cache.appendingPathComponent("library/.lock").path) { () throws(WeaveError) -> LibraryBuild in
            if useCache, key.matches(directory) { return LibraryBuild(directory: directory, key: key.hash) }
            try build(root: root, into: directory, key: key, toolchain: toolchain, statistics: statistics)
            return LibraryBuild(directory: directory, key: key.hash)
        }
    }

    /// Compiles every module into a staging folder, then moves it into place whole.
    private static func build(
        root: URL, into directory: URL, key: ContentKey, toolchain: Toolchain, statistics: Statistics
    ) throws(WeaveError) {
        let staging = directory.deletingLastPathComponent().appendingPathComponent(".staging-\(UUID().uuidString)")
        try createDirectory(staging)
        defer { try? FileManager.default.removeItem(at: staging) }
        for module in modules {
            let sourceDirectory = root.appendingPathComponent("Sources/\(module)")
            let files = swiftSources(in: sourceDirectory).map { sourceDirectory.appendingPathComponent($0.path).path }
            statistics.countCompilerRun()
            let output = try ProcessRunner.run(toolchain.swiftc, flags + [
                "-module-name", module, "-I", staging.path,
                "-emit-module", "-emit-module-path", staging.appendingPathComponent("\(module).swiftmodule").path,
                "-o", staging.appendingPathComponent("lib\(module).a").path,
            ] + files, directory: staging)
            guard output.status == 0 else {
                throw WeaveError("the library module \(module) does not compile; fix Sources/\(module) (swift build shows the same errors)",
                                 details: output.stderrText.split(separator: "\n").prefix(20).map(String.init))
            }
        }
        try? Data(key.material.utf8).write(to: staging.appendingPathComponent(ContentKey.fileName))
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
