import WeaveKit

/// What `weave serve` adds to a page as it serves it: the reload script and, after a failed
/// build, the errors above the page. The built site never holds either.
enum LiveReload {
    static func inject(into page: String, token: String, errors: [String]) -> String {
        let script = """
            <script>(function () {
              var token = "\(token)";
              function connect() {
                var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(PreviewHandler.livePath)");
                socket.onmessage = function (event) { if (event.data !== token) location.reload(); };
                socket.onclose = function () { setTimeout(connect, 500); };
              }
              connect();
            })();</script>
            """
        var page = page
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script + "\n", at: end.lowerBound)
        } else {
            page += script
        }
        guard !errors.isEmpty, let body = page.range(of: "<body"), let open = page[body.upperBound...].firstIndex(of: ">") else {
            return page
        }
        let banner = """
            <div id="weave-serve-errors" role="alert" style="border: 3px solid #b00020; background: #fff4f4; color: #000; padding: 0.5em 1em; margin: 0; font: 14px/1.4 system-ui, sans-serif">\
            <strong>The last build failed.</strong> These pages are from the last good build; \
            weave builds again on the next change.\
            <pre style="white-space: pre-wrap; margin: 0.5em 0 0">\(escapeXML(errors.joined(separator: "\n")))</pre></div>
            """
        page.insert(contentsOf: "\n" + banner, at: page.index(after: open))
        return page
    }
}
