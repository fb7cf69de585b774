import Foundation

/// What `swift package describe` says of a package: enough to scaffold a course for it.
public struct PackageSummary: Sendable, Decodable {
    public var name: String
    public var products: [Product]
    public var targets: [Target]

    public struct Product: Sendable, Decodable {
        public var name: String
        public var targets: [String]
        var type: [String: [String]?]
        public var isLibrary: Bool { type.keys.contains("library") }
    }

    public struct Target: Sendable, Decodable {
        public var name: String
        public var type: String
        /// The target's folder, relative to the package root.
        public var path: String?
    }

    /// The module a first chapter should import: the first library product's first target,
    /// else the first library target.
    public var firstLibrary: String? {
        products.first(where: \.isLibrary)?.targets.first ?? targets.first { $0.type == "library" }?.name
    }

    /// Asks SwiftPM (`swift package describe --type json`) about the package at `root`, in
    /// weave's build folder under `cache`: not the author's `.build`, whose lock a running
    /// `swift build`, `swift test` or plugin host may hold.
    public static func read(root: URL, toolchain: Toolchain, cache: URL) throws(WeaveError) -> PackageSummary {
        let output = try PackageBuild.swiftPM(["package", "describe", "--type", "json"], root: root, cache: cache,
                                              toolchain: toolchain)
        guard output.termination.succeeded, !output.timedOut else {
            throw WeaveError("SwiftPM cannot read the package at \(root.path); run weave in a package's root folder",
                             details: output.stderrText.split(separator: "\n").prefix(10).map(String.init))
        }
        // SwiftPM may print progress before the JSON.
        let text = output.stdoutText
        let json = text.firstIndex(of: "{").map { String(text[$0...]) } ?? text
        do { return try JSONDecoder().decode(PackageSummary.self, from: Data(json.utf8)) } catch {
            throw WeaveError("cannot read SwiftPM's description of the package: \(error)")
        }
    }
}
