import Foundation

/// What the package's build depends on that weave can read without starting SwiftPM: the
/// manifests, the resolved versions, the sources, and the packages it depends on by path.
/// When these are unchanged, the cached build is reused and nothing runs.
extension PackageBuild {
    /// Everything the built libraries can depend on that weave can read without SwiftPM.
    static func sourceKey(root: URL, toolchain: Toolchain, modules: [String]?, buildFlags: [String] = []) -> ContentKey {
        ContentKey([toolchain.identity, configuration, modules?.joined(separator: ",") ?? "(every library product)",
                    "flags: " + buildFlags.joined(separator: " ")]
                   + packageFiles(root))
    }

    /// A package's manifests, resolved versions and every file under `Sources/`, as key parts.
    static func packageFiles(_ root: URL) -> [String] {
        var parts: [String] = []
        let manager = FileManager.default
        let manifests = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { ($0.hasPrefix("Package") && $0.hasSuffix(".swift")) || $0 == "Package.resolved" }.sorted()
        for name in manifests {
            parts += [name, (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""]
        }
        let sources = root.appendingPathComponent("Sources")
        for name in ((try? manager.subpathsOfDirectory(atPath: sources.path)) ?? []).sorted() {
            let url = sources.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { continue }  // a folder
            // A digest, not the bytes as text: decoding would merge different binary files.
            parts += ["Sources/\(name)", Digest.of(data)]
        }
        return parts
    }

    /// The key of the packages the root depends on by path: SwiftPM pins no version for them,
    /// so their sources count like the root's own.
    ///
    /// Every file below each folder counts (a target may keep sources outside `Sources/`),
    /// except below hidden folders: a package's `.build`, `.git` and `.swiftpm` are gigabytes
    /// that its own builds rewrite, so reading them made every run slow and changed the key
    /// while the package was being built or tested beside weave.
    static func localKey(_ folders: [String]) -> String {
        ContentKey(folders.flatMap { [$0] + packageFiles(URL(fileURLWithPath: $0)) + RunInputs.digests(URL(fileURLWithPath: $0), skippingHidden: true) }).hash
    }

    /// The folders of the packages the package depends on by path (`.package(path:)`), as the
    /// last SwiftPM build in `cache` resolved them: they may live outside the package root,
    /// and `weave serve` watches them too. Empty before the first build.
    public static func localPackageFolders(cache: URL) -> [URL] {
        localPackages(scratch: scratch(cache)).map { URL(fileURLWithPath: $0) }
    }

    /// The folders of the dependencies given by path, from the state SwiftPM keeps in its build
    /// folder (none when it cannot be read).
    static func localPackages(scratch: URL) -> [String] {
        struct State: Decodable {
            struct Object: Decodable { var dependencies: [Dependency] }
            struct Dependency: Decodable { var state: Kind }
            struct Kind: Decodable { var name: String; var path: String? }
            var object: Object
        }
        guard let data = try? Data(contentsOf: scratch.appendingPathComponent("workspace-state.json")),
              let state = try? JSONDecoder().decode(State.self, from: data) else { return [] }
        return state.object.dependencies.compactMap { $0.state.name == "fileSystem" ? $0.state.path : nil }.sorted()
    }
}
