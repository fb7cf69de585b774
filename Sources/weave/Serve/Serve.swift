import ArgumentParser
import FlyingFox
import Foundation
import WeaveKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine, and rebuild and reload it on every change.",
        discussion: """
            weave builds the site as `weave build` does, serves it at http://127.0.0.1:PORT/, then \
            watches the package (chapters, weave.yml, sources, manifests; not the site, .build or \
            the cache) and the packages it depends on by path, wherever they are. \
            On a change it builds again (the cache reruns only what the change can affect) and the \
            pages open in a browser reload themselves. A failed build keeps the last good pages and \
            shows its errors on them and in the terminal. The reload script is added to pages as \
            they are served, never written into the site. Ctrl-C stops the server and any chapter \
            still running.

            Examples:
              weave serve                  http://127.0.0.1:8000/
              weave serve --port 8080
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "The port to listen on.") var port: UInt16 = 8000
    @Option(help: "The address to listen on. Only this machine can connect to the default; another address exposes the preview to the network.")
    var host = "127.0.0.1"

    func run() async throws {
        let reporter = options.reporter()
        let config = try options.config(reporter)
        guard options.filters.isEmpty else {
            throw ValidationError("serve shows the whole site: use `weave check NAME` to run only some chapters")
        }
        let output = options.rootURL.appendingPathComponent(config.output).standardizedFileURL
        let preview = PreviewState()
        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled,
                                handler: PreviewHandler(site: output, state: preview,
                                                        allowedHosts: PreviewHandler.allowedHosts(host: host, port: port)))
        // Listen first: a port in use is reported before minutes of building.
        let listening = Task { try await server.run() }
        do { try await server.waitUntilListening(timeout: 3) } catch {
            listening.cancel()
            let reason: String
            do { try await listening.value; reason = "\(error)" } catch { reason = error.localizedDescription }
            throw fail([WeaveError("cannot listen on \(host):\(port): \(reason)",
                                   details: ["is another server using the port? pass another --port"])])
        }
        print("serving \(config.output)/ at http://\(host):\(port)/ (Ctrl-C stops)")
        flushOutput()

        // The cache may be given inside the root: its writes must not trigger the next build.
        let cache = options.pipeline(config, reporter).cache
        let watcher = try FileWatcher(root: options.rootURL,
                                      excluding: [output, options.rootURL.appendingPathComponent(".build"), cache])
        await rebuild(output: output, into: preview, reason: nil)
        while true {
            // Path dependencies are known once SwiftPM has resolved them, and may change with
            // the manifest, so each build may add folders to watch.
            for folder in PackageBuild.localPackageFolders(cache: cache) { watcher.watch(folder) }
            let changed = await Task.detached { watcher.waitForChanges() }.value
            let root = options.rootURL.standardizedFileURL.path
            let shown = changed.prefix(3).map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 }
            await rebuild(output: output, into: preview,
                          reason: shown.joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : ""))
        }
    }

    /// Builds the site, reports as `weave build` does, and tells the open pages. The config is
    /// read again each time, so an edit to weave.yml (its title, imports, order) takes effect;
    /// only its `output` stays what serve started with.
    private func rebuild(output: URL, into preview: PreviewState, reason: String?) async {
        if let reason { print("changed: \(reason)") }
        let reporter = options.reporter()
        let config: CourseConfig
        do { config = try CourseConfig.load(root: options.rootURL) } catch {
            try? reporter.finish([], otherErrors: [error], chapterLines: false, failureNote: "the last good pages stay up")
            flushOutput()
            await preview.finished(errors: [error.description])
            return
        }
        let pipeline = options.pipeline(config, reporter)
        let errors: [WeaveError] = await Task.detached { () -> [WeaveError] in
            do throws(SiteBuildError) {
                let build = try SiteBuilder.build(pipeline, output: output, statistics: reporter.statistics)
                try? reporter.finish(build.reports, written: [.init(text: "wrote \(build.pages) pages", record: nil)])
                return []
            } catch {
                let inReports = error.reports.flatMap(\.errors)
                let others = error.errors.filter { !inReports.contains($0) }
                try? reporter.finish(error.reports, otherErrors: others, chapterLines: !error.reports.isEmpty,
                                     failureNote: "the last good pages stay up")
                return inReports + others
            }
        }.value
        flushOutput()
        await preview.finished(errors: errors.map(\.description))
    }
}

/// Flushes stdout (and every stream): into a pipe it is buffered, and whoever runs serve
/// reads its log as it happens. (`fflush(nil)` because Swift 6 refuses to touch C's `stdout`.)
private func flushOutput() { fflush(nil) }
