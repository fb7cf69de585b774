import Foundation

/// The Swift compiler weave uses: `--swiftc PATH`, else `$WEAVE_SWIFTC`, else `swiftc` on PATH.
public struct Toolchain: Sendable {
    public var swiftc: URL
    /// Identifies the compiler without running it (resolved path, size, modification time),
    /// so a cache check starts no process yet changes when the toolchain does.
    public var identity: String

    public init(explicit: String? = nil) throws(WeaveError) {
        let environment = ProcessInfo.processInfo.environment
        let path: String
        if let chosen = explicit ?? environment["WEAVE_SWIFTC"] {
            path = chosen
        } else if let found = (environment["PATH"] ?? "").split(separator: ":")
            .map({ "\($0)/swiftc" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            path = found
        } else {
            throw WeaveError("no swiftc on PATH; install Swift, or pass --swiftc PATH or set WEAVE_SWIFTC")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw WeaveError("swiftc '\(path)' is not an executable file; fix --swiftc or WEAVE_SWIFTC")
        }
        // swiftc is a link to the driver, which reads its own name: run the link, key on the target.
        swiftc = URL(fileURLWithPath: path)
        let resolved = swiftc.resolvingSymlinksInPath()
        let attributes = (try? FileManager.default.attributesOfItem(atPath: resolved.path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        identity = "\(path) -> \(resolved.path) \(size) \(modified)"
    }
}
