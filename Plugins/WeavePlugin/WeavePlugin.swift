import Foundation
import PackagePlugin

/// `swift package weave [COMMAND] [OPTIONS]`: runs `weave` in the package's root, as the
/// executable would run there, so a package that depends on this one gets the whole tool
/// (`swift package weave`, `swift package weave check`, `swift package weave init`) without
/// installing anything.
@main
struct WeavePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let weave = try context.tool(named: "weave")
        let process = Process()
        process.executableURL = weave.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("weave \(arguments.joined(separator: " ")) failed")
            throw WeavePluginFailure(status: process.terminationStatus)
        }
    }
}

/// weave has printed its own located errors; this only carries its exit status.
struct WeavePluginFailure: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "weave exited with status \(status)" }
}
