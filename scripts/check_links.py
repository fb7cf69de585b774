"""Checks a built site: every internal link and anchor resolves, and nothing is fetched
from outside the site (no http(s):// or protocol-relative src/href, no remote CSS imports
or fonts, no outside URL in a script). Prints one line per problem and exits 1 if there is any.

Usage: python3 scripts/check_links.py [SITE_DIR]
"""
import html.parser
import pathlib
import re
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.resources = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for name in ("src", "srcset", "data", "poster"):
            if name in a:
                self.resources.append(a[name])
        if tag == "link" and "href" in a:
            self.resources.append(a["href"])


def main():
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    pages = {}
    for path in sorted(site.glob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.name] = page
    problems = []
    outside = re.compile(r"^(https?:)?//", re.I)
    for name, page in pages.items():
        for target in page.resources:
            if outside.match(target):
                problems.append(f"{name}: loads {target} from outside the site")
            elif not (site / urllib.parse.unquote(urllib.parse.urlparse(target).path)).exists():
                problems.append(f"{name}: resource {target} does not exist")
        for href in page.links:
            if outside.match(href) or href.startswith("mailto:"):
                continue  # an ordinary link out is not a request the page makes
            parsed = urllib.parse.urlparse(href)
            # hrefs are percent-encoded; files are named as the chapters are.
            file = urllib.parse.unquote(parsed.path) or name
            if file not in pages:
                if not (site / file).exists():
                    problems.append(f"{name}: link {href} points to a missing file")
                continue
            if parsed.fragment and urllib.parse.unquote(parsed.fragment) not in pages[file].ids:
                problems.append(f"{name}: link {href} points to a missing anchor")
    for css in sorted(site.glob("*.css")):
        for match in re.finditer(r"(@import|url\()\s*['\"]?([^'\")\s]+)", css.read_text(encoding="utf-8")):
            if outside.match(match.group(2)):
                problems.append(f"{css.name}: fetches {match.group(2)} from outside the site")
    # A script may not fetch from outside either. The search index is data (the chapters' text,
    # which may well name a URL) that a script reads, never a request.
    for script in sorted(p for p in site.glob("*.js") if p.name != "search-index.js"):
        for match in re.finditer(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", script.read_text(encoding="utf-8"), re.I):
            problems.append(f"{script.name}: names {match.group(0)}, outside the site")
    for problem in problems:
        print(problem)
    print(f"{len(pages)} pages, {sum(len(p.links) for p in pages.values())} links checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
