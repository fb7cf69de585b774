import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Changes anywhere in some folder trees, for `weave serve`: the chapters, the config, the
/// sources and manifests of the package live under its root, and packages it depends on by
/// path anywhere else (``watch(_:)`` adds those once a build has named them); the cache
/// decides what a change means, so the watcher need not.
///
/// On Linux it asks the kernel (inotify), one watch per folder, adding folders as they appear;
/// elsewhere it compares modification dates twice a second. Folders weave writes itself (the
/// site, the build folders, version control) are left out, or every build would trigger the next.
/// One caller waits on it at a time (serve waits for a change, then builds), hence unchecked.
public final class FileWatcher: @unchecked Sendable {
    private var roots: [String] = []
    private let isExcluded: (String) -> Bool
    #if os(Linux)
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    #else
    private var snapshot: [String: Date] = [:]
    #endif

    /// Watches `root` and every folder below it except `excluded` ones (and anything whose name
    /// starts with `.build` or `.site.`, and `.git`).
    public init(root: URL, excluding excluded: [URL]) throws {
        let excludedPaths = excluded.map { $0.standardizedFileURL.path }
        isExcluded = { path in
            let name = (path as NSString).lastPathComponent
            return name.hasPrefix(".build") || name.hasPrefix(".site.") || name == ".git"
                || excludedPaths.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw WeaveError("cannot watch \(root.path) for changes: inotify_init1 failed (\(String(cString: strerror(errno))))")
        }
        #endif
        watch(root)
    }

    /// Watches one more folder tree, with the same exclusions; a tree already watched, or one
    /// inside a watched tree, is left as it is. Call it between waits, not during one.
    public func watch(_ folder: URL) {
        let path = folder.standardizedFileURL.path
        guard !roots.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return }
        roots.append(path)
        #if os(Linux)
        watchTree(path, isRoot: true)
        #else
        snapshot.merge(Self.modificationDates(under: path, isExcluded: isExcluded)) { $1 }
        #endif
    }

    /// The trees watched, in the order they were added.
    public var watchedRoots: [String] { roots }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    /// Blocks until something changes, then lets the burst settle (an editor saves a file in
    /// several steps: write a copy, rename it over the old one) before it returns the changed paths.
    public func waitForChanges(settle: Duration = .milliseconds(80)) -> [String] {
        var changed: [String] = []
        while changed.isEmpty { changed = nextChanges(timeoutMilliseconds: -1) }
        let settleMilliseconds = Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
        while true {
            let more = nextChanges(timeoutMilliseconds: settleMilliseconds)
            if more.isEmpty { break }
            changed += more
        }
        return Array(Set(changed)).sorted()
    }

    #if os(Linux)
    private static let events = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB)

    private func watchTree(_ path: String, isRoot: Bool = false) {
        guard isRoot || !isExcluded(path) else { return }
        let watch = inotify_add_watch(descriptor, path, Self.events | UInt32(IN_ONLYDIR))
        if watch >= 0 { folders[watch] = path }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for child in children.sorted() {
            let full = path + "/" + child
            var isFolder: ObjCBool = false
            // Symlinked folders are not followed: they may point anywhere, even back up the tree.
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) == nil {
                watchTree(full)
            }
        }
    }

    /// The paths of the events that arrive within the timeout (−1: wait for the first).
    private func nextChanges(timeoutMilliseconds: Int32) -> [String] {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, timeoutMilliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(offset + header + nameLength, count)].prefix { $0 != 0 }
            offset += header + nameLength
            guard let folder = folders[watch] else { continue }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            if isExcluded(path) { continue }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
            paths.append(path)
        }
        return paths
    }
    #else
    private func nextChanges(timeoutMilliseconds: Int32) -> [String] {
        let deadline = timeoutMilliseconds < 0 ? Date.distantFuture : Date().addingTimeInterval(Double(timeoutMilliseconds) / 1000)
        repeat {
            let now = roots.reduce(into: [String: Date]()) { dates, root in
                dates.merge(Self.modificationDates(under: root, isExcluded: isExcluded)) { $1 }
            }
            let changed = Set(now.keys).union(snapshot.keys).filter { now[$0] != snapshot[$0] }
            snapshot = now
            if !changed.isEmpty { return changed.sorted() }
            Thread.sleep(forTimeInterval: 0.5)
        } while Date() < deadline
        return []
    }

    private static func modificationDates(under root: String, isExcluded: (String) -> Bool) -> [String: Date] {
        var dates: [String: Date] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return dates }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            if isExcluded(path) { walker.skipDescendants(); continue }
            dates[path] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        return dates
    }
    #endif
}
