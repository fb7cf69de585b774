import Foundation
import Glibc

/// Files a chapter links to or shows that are not pages (`![net](figures/net.svg)`,
/// `[data](data/runs.csv)`): each is resolved relative to the chapter's folder, must exist,
/// be a regular file and stay inside the package root or the chapters folder (symbolic links
/// resolved, hidden files refused, so a chapter cannot publish `.git/config`), and is copied
/// into the site. A file inside the chapters folder keeps its path there (`figures/net.svg`,
/// so the link as written works on the site too); one elsewhere in the package goes under
/// ``packageFolder`` with its path from the package root.
public enum LinkedFiles {
    /// The site folder that holds linked files from outside the chapters folder.
    static let packageFolder = "_package"

    /// A file to copy into the site.
    struct File: Equatable {
        /// The destination as written in the chapter.
        var destination: String
        /// Where the file goes, relative to the site folder, `/`-separated.
        var sitePath: String
        /// The file itself, symbolic links resolved.
        var source: URL

        /// The link's new target on the site: the site path, with the query and anchor as written.
        var href: String {
            let suffix = destination.firstIndex { $0 == "?" || $0 == "#" }.map { String(destination[$0...]) } ?? ""
            return sitePath.split(separator: "/").map { fileHrefComponent(String($0)) }.joined(separator: "/") + suffix
        }
    }

    /// The site's own files, which no linked file may replace (pages, `*.html`, are refused too).
    static let siteFiles: Set<String> = ["style.css", OutputFolder.markerName]

    /// The files `chapter` links to, and an error at the link for each one that cannot be copied.
    /// `claimed` maps the site paths of the course's other chapters' files to their sources, so
    /// two different files never land on one path.
    static func resolve(_ chapter: Chapter, root: URL, chapters: String, claimed: inout [String: URL])
        -> (files: [File], errors: [WeaveError])
    {
        var files: [File] = [], errors: [WeaveError] = []
        var seen = Set<String>()
        let folder = URL(fileURLWithPath: chapters).standardizedFileURL
        for link in destinations(in: chapter.document.blocks) where seen.insert(link.destination).inserted {
            guard let path = filePath(link.destination) else { continue }
            let location = locate(link, in: chapter)
            do throws(WeaveError) {
                let file = try resolve(path, destination: link.destination, folder: folder, root: root, at: location)
                if siteFiles.contains(file.sitePath) || (!file.sitePath.contains("/") && file.sitePath.hasSuffix(".html")) {
                    throw WeaveError("this link to '\(link.destination)' would replace the site's own \(file.sitePath)",
                                     at: location, details: ["rename the file or move it into a folder"])
                }
                if let other = claimed[file.sitePath], other != file.source {
                    throw WeaveError("this link to '\(link.destination)' and a link to \(other.path) would both be \(file.sitePath) on the site",
                                     at: location, details: ["rename one of the two files"])
                }
                claimed[file.sitePath] = file.source
                files.append(file)
            } catch {
                errors.append(error)
            }
        }
        return (files, errors)
    }

    /// The file part of a relative link to something other than a page, percent-decoded;
    /// nil for links with a scheme, pure anchors and links to the course's pages.
    static func filePath(_ destination: String) -> String? {
        let path = String(destination.prefix { $0 != "?" && $0 != "#" })
        guard !path.isEmpty, !hasScheme(path), ChapterLinks.target(of: destination) == nil else { return nil }
        return path.removingPercentEncoding ?? path
    }

    /// `https:`, `mailto:`, `data:`: letters, digits, `+-.` and a colon before any `/`.
    private static func hasScheme(_ path: String) -> Bool {
        guard let colon = path.firstIndex(of: ":") else { return path.hasPrefix("//") }
        return !path[..<colon].contains("/")
    }

    private static func resolve(
        _ path: String, destination: String, folder: URL, root: URL, at location: SourceLocation
    ) throws(WeaveError) -> File {
        let advice = ["link to a file inside the package by a path relative to the chapter, like figures/plot.svg"]
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw WeaveError("this link to '\(destination)' is an absolute path, which the site cannot serve",
                             at: location, details: advice)
        }
        let target = folder.appendingPathComponent(path).standardizedFileURL
        let rootURL = root.standardizedFileURL
        let sitePath: String
        if let inside = relativePath(of: target, in: folder) {
            sitePath = inside
        } else if let inside = relativePath(of: target, in: rootURL) {
            sitePath = packageFolder + "/" + inside
        } else {
            throw WeaveError("this link to '\(destination)' leads outside the package", at: location, details: advice)
        }
        if sitePath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            throw WeaveError("this link to '\(destination)' names a hidden file or folder, which weave does not publish",
                             at: location, details: advice)
        }
        guard let resolved = IncludeReader.realPath(target.path) else {
            throw WeaveError("this link to '\(destination)' points to no file (looked for \(target.path))",
                             at: location, details: ["check the path: it is relative to the chapter's folder"])
        }
        let allowed = [folder, rootURL].compactMap { IncludeReader.realPath($0.path) }.map { URL(fileURLWithPath: $0) }
        let resolvedURL = URL(fileURLWithPath: resolved)
        let inside = allowed.compactMap { relativePath(of: resolvedURL, in: $0) }
        guard !inside.isEmpty else {
            throw WeaveError("this link to '\(destination)' leads outside the package (to \(resolved))",
                             at: location, details: advice)
        }
        // Through a symbolic link, too: `figures/x -> ../.git/config` publishes no secret.
        guard inside.contains(where: { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }) else {
            throw WeaveError("this link to '\(destination)' leads to a hidden file (\(resolved)), which weave does not publish",
                             at: location, details: advice)
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw WeaveError("this link to '\(destination)' names a folder or special file, not a file",
                             at: location, details: ["link to one file; the site copies only regular files"])
        }
        return File(destination: destination, sitePath: sitePath, source: URL(fileURLWithPath: resolved))
    }

    /// `inner`'s path below `outer`, `/`-separated, or nil when it is not below it.
    private static func relativePath(of inner: URL, in outer: URL) -> String? {
        let a = outer.pathComponents, b = inner.pathComponents
        guard b.count > a.count, Array(b.prefix(a.count)) == a else { return nil }
        return b.dropFirst(a.count).joined(separator: "/")
    }

    /// The link's line, with the column where its destination (the path) is written when it can be found
    /// there (a reference link's destination is on its definition's line, which is then used).
    private static func locate(_ link: Link, in chapter: Chapter) -> SourceLocation {
        let lines = SourceLines.split(chapter.source)
        for number in link.line...max(link.line, lines.count) where number >= 1 && number <= lines.count {
            let line = lines[number - 1]
            if let range = line.range(of: link.destination) {
                return chapter.location(line: number, column: line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return chapter.location(line: link.line)
    }

    /// Every link and image destination in `blocks`, in reading order.
    static func destinations(in blocks: [Block]) -> [Link] {
        var links: [Link] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let link), .image(let link):
                    links.append(link)
                    visit(link.content)
                case .emphasis(let children), .strong(let children): visit(children)
                case .text, .softBreak, .lineBreak, .code, .html, .math, .value: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines): visit(inlines)
                case .heading(let heading): visit(heading.content)
                case .blockQuote(let children): visit(children)
                case .list(let list): list.items.forEach(visit)
                case .codeBlock, .html, .thematicBreak, .displayMath, .snippet, .expectedOutput: break
                }
            }
        }
        visit(blocks)
        return links
    }
}

/// One path component as an `href` component: percent-encoded but for unreserved characters.
func fileHrefComponent(_ name: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
}
