import Foundation

/// The package's libraries, built by SwiftPM in release, ready for chapter programs to import
/// and link: any library target of the package, with its dependencies (other targets, other
/// packages, C targets, resources).
///
/// Two cache levels keep a rerun cheap. The *source key* (the package manifest, the resolved
/// versions, every file under `Sources/`, the toolchain, the imported modules) is checked
/// without starting a process; when it matches, nothing runs. When it changes, weave asks
/// SwiftPM to build (incrementally) and fingerprints what SwiftPM built: the module files and
/// the objects without their debug sections. Chapters key on that fingerprint, so an edit that
/// leaves the built code the same, such as a comment, reruns no chapter.
public struct PackageBuild: Sendable {
    /// Modules every chapter program imports.
    public var modules: [String]
    /// swiftc arguments that let a program import the modules.
    public var importArguments: [String]
    /// swiftc arguments that link the modules' code; they follow the program's sources, since
    /// a linker takes from an archive only what the inputs before it need.
    public var linkArguments: [String]
    /// A fingerprint of what SwiftPM built; part of every chapter's cache key.
    public var key: String
    /// The config's build flags as swiftc takes them (`-Xswiftc X` is `X`), so a chapter is
    /// compiled as its modules were.
    public var chapterFlags: [String] = []

    static let configuration = "release"
    static let linkFile = "link.json"
    static let archiveName = "libweave-package.a"

    /// What is stored in a cache entry, to rebuild the value without SwiftPM.
    private struct Stored: Codable {
        var modules: [String]
        var importArguments: [String]
        var linkArguments: [String]
        var fingerprint: String
        /// The archive's digest, so a damaged entry is found and rebuilt.
        var archiveDigest: String
        /// Dependencies given by path, and the key of their sources when this was built.
        var localPackages: [String]
        var localKey: String
        var chapterFlags: [String]
        var build: PackageBuild {
            PackageBuild(modules: modules, importArguments: importArguments, linkArguments: linkArguments, key: fingerprint,
                         chapterFlags: chapterFlags)
        }
    }

    /// swiftc arguments that compile `sources` into a program using the modules.
    public func compilerArguments(compiling sources: [String]) -> [String] {
        chapterFlags + importArguments + sources + linkArguments
    }

    /// SwiftPM's `-Xswiftc X` is swiftc's `X`; swiftc passes `-Xcc` and `-Xlinker` on itself.
    /// (`-Xcxx` is for C++ targets, which chapter programs are not.)
    static func chapterFlags(_ buildFlags: [String]) -> [String] {
        stride(from: 0, to: buildFlags.count - 1, by: 2).flatMap { pair -> [String] in
            switch buildFlags[pair] {
            case "-Xswiftc": [buildFlags[pair + 1]]
            case "-Xcc", "-Xlinker": [buildFlags[pair], buildFlags[pair + 1]]
            default: []
            }
        }
    }

    /// Reuses the cached build when the package's sources are unchanged; asks SwiftPM otherwise.
    /// `modules` nil means every library product of the package (found once per manifest).
    public static func prepare(
        root: URL, cache: URL, toolchain: Toolchain, modules: [String]?, buildFlags: [String] = [], useCache: Bool,
        statistics: Statistics
    ) throws(WeaveError) -> PackageBuild {
        let requested = modules
        let key = sourceKey(root: root, toolchain: toolchain, modules: requested, buildFlags: buildFlags)
        WorkFolder.removeLeftovers(inCache: cache)
        let entry = cache.appendingPathComponent("package/\(key.hash)")
        if useCache, let stored = load(entry, key, cache: cache) {
            return stored.build
        }
        try createDirectory(entry.deletingLastPathComponent())
        // Concurrent weave runs build once: the others wait, then find the finished entry.
        return try withFileLock(cache.appendingPathComponent("package/.lock").path) { () throws(WeaveError) -> PackageBuild in
            if useCache, let stored = load(entry, key, cache: cache) {
                return stored.build
            }
            let summary = try PackageSummary.read(root: root, toolchain: toolchain, cache: cache)
            statistics.countCompilerRun()
            let modules: [String]
            if let requested { modules = requested } else { modules = try libraryModules(of: summary) }
            // Build until the sources hold still: the first build may write Package.resolved,
            // and a file saved during a build must not be recorded as built.
            var built = key
            for attempt in 1...3 {
                try build(root: root, cache: cache, toolchain: toolchain, modules: modules, buildFlags: buildFlags,
                          statistics: statistics)
                let after = sourceKey(root: root, toolchain: toolchain, modules: requested, buildFlags: buildFlags)
                if after == built { break }
                guard attempt < 3 else {
                    throw WeaveError("the package's sources kept changing while SwiftPM built them; run weave again")
                }
                built = after
            }
            let stored = try gather(root: root, cache: cache, key: built, toolchain: toolchain, modules: modules,
                                    targetFolders: summary.targets.compactMap(\.path), chapterFlags: chapterFlags(buildFlags))
            return stored.build
        }
    }

    /// The file in weave's build folder that names the entry whose build it holds: chapters
    /// import modules and read resources from that folder, so an entry is usable only while
    /// the folder holds its build (an older entry gets its build again from SwiftPM).
    static func holdsFile(_ cache: URL) -> URL { scratch(cache).appendingPathComponent(".weave-holds") }

    private static func load(_ entry: URL, _ key: ContentKey, cache: URL) -> Stored? {
        guard key.matches(entry), (try? String(contentsOf: holdsFile(cache), encoding: .utf8)) == key.hash,
              let data = try? Data(contentsOf: entry.appendingPathComponent(linkFile)),
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              let archive = try? Data(contentsOf: entry.appendingPathComponent(archiveName)),
              Digest.of(archive) == stored.archiveDigest, localKey(stored.localPackages) == stored.localKey
        else { return nil }
        return stored
    }

    /// A SwiftPM build of the dependencies can take long on a cold machine; a hung one is stopped.
    static let toolTimeLimit = 1800.0

    /// Runs `swift ARGUMENTS` on the package at `root`, in weave's own build folder, stopped
    /// (with every process it started) after ``toolTimeLimit``.
    static func swiftPM(_ arguments: [String], root: URL, cache: URL, toolchain: Toolchain) throws(WeaveError) -> ToolRun {
        let swift = toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("swift")
        let scratch = scratch(cache)
        let work = try WorkFolder.make(in: cache.appendingPathComponent("work"))
        defer { LiveProcesses.shared.remove(work) }
        let global = ["--package-path", root.path, "--scratch-path", scratch.path]
        // `swift build ARGS` and `swift package ARGS` take the global options after the verb.
        let verb = arguments.first == "package" ? ["package"] + global + arguments.dropFirst() : [arguments[0]] + global + arguments.dropFirst()
        return try ToolRun.run(swift, verb, directory: root, work: work, timeLimit: toolTimeLimit)
    }

    /// A build folder of weave's own: the author's `swift build`, `swift test` or the plugin's
    /// host process may hold the lock on .build while weave runs.
    static func scratch(_ cache: URL) -> URL { cache.appendingPathComponent("package/swiftpm") }

    /// Builds every module with SwiftPM, optimised.
    private static func build(
        root: URL, cache: URL, toolchain: Toolchain, modules: [String], buildFlags: [String], statistics: Statistics
    ) throws(WeaveError) {
        for module in modules {
            statistics.countCompilerRun()
            let output = try swiftPM(["build", "-c", configuration, "--target", module] + buildFlags, root: root, cache: cache,
                                     toolchain: toolchain)
            guard output.termination.succeeded, !output.timedOut else {
                let lines = (output.timedOut ? ["stopped after \(Plain.number(toolTimeLimit)) s"] : [])
                    + (output.stdoutText + output.stderrText).split(separator: "\n").map(String.init)
                let errors = lines.filter { $0.contains("error:") }
                throw WeaveError("SwiftPM could not build the module \(module) that chapters import",
                                 details: Array((errors.isEmpty ? lines : errors).prefix(20))
                                     + ["fix the package (`swift build --target \(module)` shows the same), or the module list in the course's config"])
            }
        }
    }

    /// Fingerprints what SwiftPM built and stores, under `key`, what a chapter program needs.
    private static func gather(
        root: URL, cache: URL, key: ContentKey, toolchain: Toolchain, modules: [String], targetFolders: [String],
        chapterFlags: [String]
    ) throws(WeaveError) -> Stored {
        let entry = cache.appendingPathComponent("package/\(key.hash)")
        let scratch = scratch(cache)
        let products = scratch.appendingPathComponent(configuration).resolvingSymlinksInPath()
        let targets = closure(of: modules, in: products)
        let objects = objectFiles(of: targets, in: products)
        let moduleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: products.appendingPathComponent("Modules").path)) ?? [])
            .filter { $0.hasSuffix(".swiftmodule") }.sorted()

        // The fingerprint: the module interfaces and the objects' code and data, by name.
        var material: [String] = []
        for name in moduleFiles {
            let data = (try? Data(contentsOf: products.appendingPathComponent("Modules/\(name)"))) ?? Data()
            material += [name, Digest.of(data)]
        }
        for object in objects {
            let data = (try? Data(contentsOf: object)) ?? Data()
            material += [object.path.replacingOccurrences(of: products.path, with: ""),
                         Digest.of(ObjectFingerprint.significantBytes(of: data))]
        }
        // Resource bundles are read at run time from where SwiftPM put them.
        for bundle in ((try? FileManager.default.contentsOfDirectory(atPath: products.path)) ?? []).sorted()
        where bundle.hasSuffix(".resources") {
            let folder = products.appendingPathComponent(bundle)
            for name in ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
                material += ["\(bundle)/\(name)", Digest.of(data)]
            }
        }
        let fingerprint = ContentKey(material).hash

        let staging = try WorkFolder.make(in: entry.deletingLastPathComponent(), prefix: ".staging-")
        defer { LiveProcesses.shared.remove(staging) }
        let logs = try WorkFolder.make(in: cache.appendingPathComponent("work"))
        defer { LiveProcesses.shared.remove(logs) }
        // An archive, so the linker takes only the objects a chapter uses, as with any library.
        let archiver = toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("llvm-ar")
        let archive = staging.appendingPathComponent(archiveName)
        let archived = try ToolRun.run(archiver, ["rcs", archive.path] + objects.map(\.path), directory: staging,
                                       work: logs, timeLimit: toolTimeLimit)
        guard archived.termination.succeeded, !archived.timedOut else {
            throw WeaveError("cannot archive the package's objects", details: archived.stderrText.split(separator: "\n").prefix(10).map(String.init))
        }
        let imports = ["-I", products.appendingPathComponent("Modules").path]
            + moduleMaps(root: root, scratch: scratch, products: products, targets: targets).flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
        let archiveDigest = (try? Data(contentsOf: archive)).map(Digest.of) ?? ""
        // Folders the source key does not cover: packages given by path, and targets of the
        // package whose sources live outside Sources/ (`path:` in the manifest).
        let outside = targetFolders.filter { !$0.hasPrefix("Sources/") && $0 != "Sources" }
            .map { root.appendingPathComponent($0).path }
        let locals = localPackages(scratch: scratch) + outside.sorted()
        let stored = Stored(modules: modules, importArguments: imports,
                            linkArguments: [entry.appendingPathComponent(archiveName).path, "-lm"], fingerprint: fingerprint,
                            archiveDigest: archiveDigest, localPackages: locals, localKey: localKey(locals),
                            chapterFlags: chapterFlags)
        do {
            try JSONEncoder().encode(stored).write(to: staging.appendingPathComponent(linkFile))
            try Data(key.material.utf8).write(to: staging.appendingPathComponent(ContentKey.fileName))
        } catch { throw WeaveError("cannot write the cache at \(staging.path): \(error.localizedDescription)") }
        try? FileManager.default.removeItem(at: entry)
        do {
            try FileManager.default.moveItem(at: staging, to: entry)
            try Data(key.hash.utf8).write(to: holdsFile(cache), options: .atomic)
        } catch {
            throw WeaveError("cannot write the cache at \(entry.path): \(error.localizedDescription)")
        }
        return stored
    }

    /// The targets of the package's library products, in the manifest's order, each once.
    static func libraryModules(of summary: PackageSummary) throws(WeaveError) -> [String] {
        var modules: [String] = []
        for product in summary.products where product.isLibrary {
            for target in product.targets where !modules.contains(target) { modules.append(target) }
        }
        guard !modules.isEmpty else {
            throw WeaveError("the package has no library product for chapters to import",
                             at: SourceLocation(file: CourseConfig.fileName),
                             details: ["name the modules in \(CourseConfig.fileName), such as `imports: [MyLibrary]`"])
        }
        return modules
    }
}
