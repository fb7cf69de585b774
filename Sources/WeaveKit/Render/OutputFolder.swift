import Foundation
import Glibc

/// The folder a site is written to, checked to be one that weave owns before anything in it
/// is replaced.
///
/// A site build swaps the whole output folder for a new one, so a wrong `--output` would
/// otherwise delete a user's project. weave therefore replaces only a folder that holds its
/// mark (``markerName``, written into every site it builds), or an empty one, or creates a new
/// one; it refuses the package root, the chapters folder and anything above them, `Sources/`,
/// `Tests/` and `.git` and anything inside or above them, files, and symbolic links.
public struct OutputFolder: Sendable, Equatable {
    /// The folder, absolute, its parent's symbolic links resolved.
    public var url: URL

    /// The file weave writes into every site folder it builds; its presence is what lets a
    /// later build replace the folder.
    public static let markerName = ".weave-site"
    /// The marker's text: the same in every build, so sites stay byte-identical.
    public static let markerText = """
        This folder is a site built by weave. weave replaces it whole on every build:
        do not keep anything else here.

        """

    /// Checks `output` against the folders of the package it must never replace.
    /// - Parameters:
    ///   - root: the package root (where `Sources/` is).
    ///   - chapters: the chapters folder.
    public init(_ output: URL, root: URL, chapters: URL) throws(WeaveError) {
        let location = SourceLocation(file: output.path)
        let manager = FileManager.default
        url = Self.canonical(output)
        if Self.isSymbolicLink(output.standardizedFileURL) {
            throw WeaveError("the output is a symbolic link; pass the folder it points to, or another folder",
                             at: location)
        }
        let root = Self.canonical(root)
        // The site may live inside the root (site/) or the chapters folder, never inside code or history.
        let protected: [(name: String, folder: URL, insideToo: Bool)] = [
            ("the package root", root, false), ("the chapters folder", Self.canonical(chapters), false),
            ("Sources/", root.appendingPathComponent("Sources"), true),
            ("Tests/", root.appendingPathComponent("Tests"), true),
            (".git", root.appendingPathComponent(".git"), true),
        ]
        for (name, folder, insideToo) in protected {
            let holds = Self.contains(url, folder), inside = !holds && Self.contains(folder, url)
            guard holds || (inside && insideToo) else { continue }
            let relation = url == folder ? "is" : holds ? "holds" : "is inside"
            throw WeaveError(
                "refusing to write the site here: it \(relation) \(name) (\(folder.path)), which a build must not replace",
                at: location, details: ["pass --output with a folder of its own, such as site"])
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WeaveError("refusing to write the site here: it is a file, not a folder",
                             at: location, details: ["pass --output with a new or empty folder"])
        }
        guard let entries = try? manager.contentsOfDirectory(atPath: url.path) else {
            throw WeaveError("refusing to replace this folder: weave cannot read it", at: location,
                             details: ["pass --output with a folder weave can read and write"])
        }
        guard entries.isEmpty || entries.contains(Self.markerName) else {
            throw WeaveError(
                "refusing to replace this folder: weave did not build it (it has no \(Self.markerName) file)",
                at: location,
                details: ["pass --output with a new or empty folder; if it really is an old site, delete it yourself first"])
        }
    }

    /// The path made absolute, with `.` and `..` removed and the symbolic links of every
    /// existing ancestor resolved (the last component itself is kept, so a link is seen).
    static func canonical(_ url: URL) -> URL {
        let absolute = url.standardizedFileURL
        var existing = absolute, missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = URL(fileURLWithPath: IncludeReader.realPath(existing.path) ?? existing.path)
        for component in missing { resolved.appendPathComponent(component) }
        return resolved.standardizedFileURL
    }

    /// Whether `inner` is `outer` or lies below it.
    static func contains(_ outer: URL, _ inner: URL) -> Bool {
        let a = outer.pathComponents, b = inner.pathComponents
        return b.count >= a.count && Array(b.prefix(a.count)) == a
    }

    private static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
