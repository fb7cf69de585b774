import Foundation
import Testing
@testable import WeaveKit

/// What `weave serve` watches: the package root without the folders weave writes, and the
/// packages it depends on by path, which may live anywhere.
///
/// Every test writes its files before it waits, the last one in a folder that is surely
/// watched: the kernel queues the events, so a wait returns at once with what was written,
/// never hangs and never depends on timing.
@Suite struct FileWatcherTests {
    final class Tree {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-watch-\(UUID().uuidString)")
            for folder in ["package/chapters", "package/site", "package/cache", "elsewhere/Sources/Lib"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func url(_ path: String) -> URL { root.appendingPathComponent(path).standardizedFileURL }
        func write(_ path: String) throws { try Data("x\n".utf8).write(to: url(path)) }
    }

    @Test func aFolderAddedLaterIsWatchedAndOneNotAddedIsNot() throws {
        let tree = try Tree()
        let watcher = try FileWatcher(root: tree.url("package"), excluding: [])
        try tree.write("elsewhere/Sources/Lib/Before.swift")
        try tree.write("package/chapters/a.md")
        #expect(watcher.waitForChanges(settle: .milliseconds(20)) == [tree.url("package/chapters/a.md").path])

        watcher.watch(tree.url("elsewhere"))
        try tree.write("elsewhere/Sources/Lib/After.swift")
        // A change in the root too, so a watcher that missed the other one still returns.
        try tree.write("package/chapters/b.md")
        #expect(watcher.waitForChanges(settle: .milliseconds(20))
                == [tree.url("elsewhere/Sources/Lib/After.swift").path, tree.url("package/chapters/b.md").path])
    }

    @Test func excludedFoldersAndBuildFoldersAreNotReported() throws {
        let tree = try Tree()
        let watcher = try FileWatcher(root: tree.url("package"), excluding: [tree.url("package/site"), tree.url("package/cache")])
        try FileManager.default.createDirectory(at: tree.url("package/.build"), withIntermediateDirectories: true)
        try tree.write("package/site/index.html")
        try tree.write("package/cache/entry")
        try tree.write("package/.build/log")
        try tree.write("package/chapters/a.md")
        let changed = watcher.waitForChanges(settle: .milliseconds(20))
        // The new .build folder itself is an event in the root; nothing inside it is.
        #expect(changed.filter { !$0.hasSuffix("/.build") } == [tree.url("package/chapters/a.md").path])
    }

    @Test func aFolderInsideAWatchedTreeIsNotAddedTwice() throws {
        let tree = try Tree()
        let watcher = try FileWatcher(root: tree.url("package"), excluding: [])
        watcher.watch(tree.url("package/chapters"))
        watcher.watch(tree.url("elsewhere"))
        watcher.watch(tree.url("elsewhere"))
        #expect(watcher.watchedRoots == [tree.url("package").path, tree.url("elsewhere").path])
    }

    @Test func pathDependenciesAreReadFromSwiftPMsWorkspaceState() throws {
        let tree = try Tree()
        let cache = tree.url("package/cache")
        #expect(PackageBuild.localPackageFolders(cache: cache).isEmpty)
        let scratch = PackageBuild.scratch(cache)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let dependency = tree.url("elsewhere").path
        try Data("""
            {"object": {"artifacts": [], "dependencies": [
              {"basedOn": null, "packageRef": {"identity": "elsewhere", "kind": "fileSystem", "location": "\(dependency)", "name": "elsewhere"},
               "state": {"name": "fileSystem", "path": "\(dependency)"}, "subpath": "elsewhere"},
              {"basedOn": null, "packageRef": {"identity": "yams", "kind": "remoteSourceControl", "location": "https://example.invalid/Yams", "name": "Yams"},
               "state": {"checkoutState": {"revision": "0", "version": "6.2.2"}, "name": "sourceControlCheckout"}, "subpath": "Yams"}
            ]}, "version": 7}
            """.utf8).write(to: scratch.appendingPathComponent("workspace-state.json"))
        #expect(PackageBuild.localPackageFolders(cache: cache).map(\.path) == [dependency])
    }
}

/// The key of a package the course depends on by path: its files count, its build folders not.
@Suite struct LocalPackageKeyTests {
    @Test func filesCountAndHiddenFoldersDoNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-local-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["Sources/Lib", ".build/debug", "Other"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: folder.appendingPathComponent(path)) }
        try write("Sources/Lib/Lib.swift", "public let x = 1\n")
        try write("Other/data.txt", "a\n")
        let key = PackageBuild.localKey([folder.path])
        try write(".build/debug/object.o", "changes with every build\n")
        #expect(PackageBuild.localKey([folder.path]) == key)
        try write("Other/data.txt", "b\n")
        let afterData = PackageBuild.localKey([folder.path])
        #expect(afterData != key)
        try write("Sources/Lib/Lib.swift", "public let x = 2\n")
        #expect(PackageBuild.localKey([folder.path]) != afterData)
    }
}
