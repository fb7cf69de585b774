import Foundation

/// How the site was made, for each page's footer: the Swift compiler's version and a short
/// hash of the inputs (the chapters and front page, the config, the package's manifests and
/// sources, the files snippets declare they read, the files chapters link to). Nothing about
/// when or from which commit, so that the same inputs give the same bytes.
struct SiteProvenance: Equatable {
    /// From `swiftc --version`, such as `Swift version 6.1 (swift-6.1-RELEASE)`.
    var toolchainVersion: String
    /// 12 hex digits of the inputs' key.
    var inputsHash: String

    init(toolchainVersion: String, inputsHash: String) {
        self.toolchainVersion = toolchainVersion
        self.inputsHash = inputsHash
    }

    /// `chapters` are the loaded chapters and the front page; `linked` the files they link to.
    init(chapters: [Chapter], linked: [LinkedFiles.File], root: URL, swiftc: String?) throws(WeaveError) {
        let toolchain = try Toolchain(explicit: swiftc)
        let version = try Self.version(of: toolchain)
        let config = FileManager.default.contents(atPath: root.appendingPathComponent(CourseConfig.fileName).path)
        // The same parts the caches key on (PackageBuild's package files, RunInputs' reads),
        // without the compiler's path and date, which differ between machines with one version.
        // Package.resolved is left out: it is not committed (SwiftPM writes it on each machine,
        // with an originHash that differs between checkouts), and a committed site must get
        // the same footer from a fresh clone. The course's own modules depend on no package.
        var parts = [version, config.map(Digest.of) ?? "no config"]
            + Self.withoutResolvedVersions(PackageBuild.packageFiles(root))
        // By name, not path: the front page's path may be absolute where the chapters' are
        // relative (a test's run beside the command's), and the hash must not see the difference.
        for chapter in chapters.sorted(by: { $0.name < $1.name }) {
            parts += [chapter.name, chapter.source] + RunInputs.keyParts(chapter, root: root)
        }
        for file in linked.sorted(by: { $0.sitePath < $1.sitePath }) {
            parts += [file.sitePath] + RunInputs.digests(file.source)
        }
        self.init(toolchainVersion: version, inputsHash: String(ContentKey(parts).hash.prefix(12)))
    }

    /// `PackageBuild.packageFiles`'s name-content pairs and digests without Package.resolved's pair.
    static func withoutResolvedVersions(_ parts: [String]) -> [String] {
        guard let name = parts.firstIndex(of: "Package.resolved"), name + 1 < parts.count else { return parts }
        return Array(parts[..<name] + parts[(name + 2)...])
    }

    /// The footer's HTML.
    var html: String {
        "<footer class=\"site-footer\">Made by weave with \(escapeXML(toolchainVersion)) from inputs "
            + "<code title=\"hash of the chapters, config and sources\">\(escapeXML(inputsHash))</code></footer>\n"
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var versions: [String: String] = [:]

    /// `swiftc --version`'s first line, asked once per compiler (by its identity) per process,
    /// so that `weave serve`'s rebuilds do not start it again.
    static func version(of toolchain: Toolchain) throws(WeaveError) -> String {
        if let known = lock.withLock({ versions[toolchain.identity] }) { return known }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("weave-version-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try ToolRun.run(toolchain.swiftc, ["--version"], directory: work, work: work, timeLimit: 60)
        // The driver writes its version to stdout, some older ones to stderr.
        let text = run.stdoutText.isEmpty ? run.stderrText : run.stdoutText
        // Some drivers put their own version first (`swift-driver version: 1.115 Apple Swift version 6.0 …`).
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let named = lines.lazy.compactMap { line in line.range(of: "Swift version").map { String(line[$0.lowerBound...]) } }.first
        let line = (named ?? lines.first ?? "").trimmingCharacters(in: .whitespaces)
        guard run.termination == .exited(0), !line.isEmpty else {
            throw WeaveError("cannot read the version of \(toolchain.swiftc.path) (`swiftc --version` failed)",
                             details: ["check the compiler with `swiftc --version`, or pass --swiftc PATH"])
        }
        lock.withLock { versions[toolchain.identity] = line }
        return line
    }
}
