import Foundation

/// What SwiftPM built for the modules chapters import: the targets they need, those targets'
/// objects, and the module maps of the C targets among them.
extension PackageBuild {
    /// The modules and every target they depend on, from the build plan SwiftPM writes beside
    /// its products; when that plan cannot be read, every target SwiftPM built (never fewer).
    static func closure(of modules: [String], in products: URL) -> [String]? {
        struct Plan: Decodable { var targetDependencyMap: [String: [String]] }
        guard let data = try? Data(contentsOf: products.appendingPathComponent("description.json")),
              let plan = try? JSONDecoder().decode(Plan.self, from: data) else { return nil }
        var seen = Set<String>(), work = modules
        while let next = work.popLast() {
            guard seen.insert(next).inserted else { continue }
            work += plan.targetDependencyMap[next] ?? []
        }
        return seen.sorted()
    }

    /// The object files of `targets` (all targets when nil), sorted. For a Swift target, only
    /// the objects of its current sources, from the compiler's output map, so a deleted file's
    /// stale object can never be linked.
    static func objectFiles(of targets: [String]?, in products: URL) -> [URL] {
        let manager = FileManager.default
        let folders = ((try? manager.contentsOfDirectory(atPath: products.path)) ?? []).filter { $0.hasSuffix(".build") }
        var objects: [URL] = []
        for folder in folders.sorted() {
            let target = String(folder.dropLast(".build".count))
            if let targets { guard targets.contains(target) else { continue } }
            else if target.hasSuffix("Tests") || target.hasSuffix("-tool") { continue }
            let directory = products.appendingPathComponent(folder)
            if let map = try? Data(contentsOf: directory.appendingPathComponent("output-file-map.json")),
               let entries = try? JSONDecoder().decode([String: [String: String]].self, from: map) {
                let listed = entries.values.compactMap { $0["object"] }.filter { manager.fileExists(atPath: $0) }
                if !listed.isEmpty { objects += listed.map { URL(fileURLWithPath: $0) }; continue }
            }
            let files = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            objects += files.filter { $0.hasSuffix(".o") }.map { directory.appendingPathComponent($0) }
        }
        return objects.sorted { $0.path < $1.path }
    }

    /// Module maps of the C targets a Swift module may import: the package's own, its
    /// dependencies' (in SwiftPM's checkouts) and those SwiftPM generated for `targets` (all
    /// when nil). Never those of build tools (`-tool`), which define the same modules again.
    static func moduleMaps(root: URL, scratch: URL, products: URL, targets: [String]?) -> [URL] {
        let manager = FileManager.default
        var maps: [URL] = []
        let sourceFolders = [root.appendingPathComponent("Sources")]
            + localPackages(scratch: scratch).map { URL(fileURLWithPath: $0).appendingPathComponent("Sources") }
            + ((try? manager.contentsOfDirectory(atPath: scratch.appendingPathComponent("checkouts").path)) ?? [])
                .sorted().map { scratch.appendingPathComponent("checkouts/\($0)/Sources") }
        for folder in sourceFolders {
            for path in ((try? manager.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted()
            where path.hasSuffix("/module.modulemap") && path.split(separator: "/").count <= 3 {
                maps.append(folder.appendingPathComponent(path))
            }
        }
        for folder in ((try? manager.contentsOfDirectory(atPath: products.path)) ?? []).sorted() where folder.hasSuffix(".build") {
            let target = String(folder.dropLast(".build".count))
            guard !target.hasSuffix("-tool"), targets?.contains(target) ?? true else { continue }
            let map = products.appendingPathComponent("\(folder)/module.modulemap")
            if manager.fileExists(atPath: map.path) { maps.append(map) }
        }
        return maps
    }
}
