import FlyingFox
import Foundation
import WeaveKit

/// Answers the browser: the site's files from disk, the live-reload socket, and, in every page
/// it serves (never in the files), the reload script and the last build's errors.
struct PreviewHandler: HTTPHandler {
    let site: URL
    let state: PreviewState
    /// The `Host` values a request may carry: the address served and, for the loopback,
    /// `localhost`. Anything else is refused, so that a web page elsewhere cannot reach the
    /// preview through a DNS name it rebinds to 127.0.0.1.
    let allowedHosts: Set<String>
    /// Tells pages of an earlier `weave serve` from this one's, so a page left open across a
    /// restart reloads too.
    let instance = UUID().uuidString.prefix(8)

    static let livePath = "/__weave/live"

    /// The hosts a browser names when it opens `http://host:port/`.
    static func allowedHosts(host: String, port: UInt16) -> Set<String> {
        var names = [host.lowercased()]
        if host == "127.0.0.1" || host == "::1" { names += ["localhost", "127.0.0.1", "[::1]"] }
        return Set(names.map { "\($0):\(port)" })
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let host = request.headers[.host]?.lowercased(), allowedHosts.contains(host) else {
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("weave serve answers only requests addressed to \(allowedHosts.sorted().joined(separator: " or "))\n".utf8))
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        if request.path == Self.livePath {
            let socket = MessageFrameWSHandler(handler: LiveReloadSocket(state: state, instance: String(instance)))
            return try await WebSocketHTTPHandler(handler: socket).handleRequest(request)
        }
        guard let file = resolve(request.path) else { return notFound(request.path) }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound(request.path) }
        let type = Self.contentType(file.pathExtension)
        guard file.pathExtension == "html" else {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
        }
        let token = "\(instance)-\(await state.generation)"
        let page = LiveReload.inject(into: String(decoding: data, as: UTF8.self), token: token, errors: await state.errors)
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(page.utf8))
    }

    /// The file a request path names inside the site: `/` and folders mean their index.html;
    /// `..`, hidden names and anything that resolves outside the site (a symlink) are not served.
    func resolve(_ requestPath: String) -> URL? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        var url = parts.reduce(site) { $0.appendingPathComponent(String($1)) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            url.appendPathComponent("index.html")
        }
        let root = site.resolvingSymlinksInPath().path
        let real = url.resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isFolder),
              !isFolder.boolValue else { return nil }
        return URL(fileURLWithPath: real)
    }

    private func notFound(_ path: String) -> HTTPResponse {
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><p>weave serve: no page at \(escapeXML(path)). <a href=\"/\">The front page</a>.</p></body></html>"
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: Data(page.utf8))
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "txt", "md", "swift": "text/plain; charset=utf-8"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}

/// The socket behind the reload script: it sends the build token when a page connects and
/// after every build; the page reloads when the token is not the one it was served with.
struct LiveReloadSocket: WSMessageHandler {
    let state: PreviewState
    let instance: String

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let generations = await state.subscribe()
        let current = await state.generation
        let instance = instance
        return AsyncStream { continuation in
            continuation.yield(.text("\(instance)-\(current)"))
            let forward = Task {
                for await generation in generations { continuation.yield(.text("\(instance)-\(generation)")) }
            }
            let drain = Task {
                for await _ in client {}  // the page sends nothing; its end closes the socket
                forward.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in forward.cancel(); drain.cancel() }
        }
    }
}
