"""Reader's checks of a built site in headless Chromium, opened from file:// as a reader
opening it from disk would:

(b) search: types a word that only one chapter's output holds into the search box, sees
    results, follows the first, and checks that the page opened at a section that exists;
(c) phone: at 390 x 844 px, the first screen of every chapter shows its heading and the start
    of its text, not the chapter list;
and that a copy button copies its code, and that with scripts off neither copy buttons nor the
search box show.

Writes the search results' screenshots (desktop and phone) into .build/screenshots/.
Needs Chromium and `pip install websocket-client`.
Usage: python3 scripts/check_reader.py [SITE_DIR]
"""
import html.parser
import json
import pathlib
import re
import sys
import time
import urllib.request

from headless import Browser


class OutputText(html.parser.HTMLParser):
    """The text inside a page's `<div class="output">` blocks that the search index holds, and
    the rest of its text. Of a plot the index keeps only its title, so a plot's canvas counts
    as other text: a word drawn in it is not a word search must find."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.plot, self.output, self.other = 0, 0, [], []

    def handle_starttag(self, tag, attrs):
        if self.depth or (tag == "div" and ("class", "output") in attrs):
            self.depth += 1 if tag not in ("br", "img", "input", "meta", "link") else 0
        if self.plot or (tag == "pre" and ("class", "plot") in attrs):
            self.plot += 1 if tag not in ("br", "img", "input", "meta", "link") else 0

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "img", "input", "meta", "link"):
            self.depth -= 1
        if self.plot and tag not in ("br", "img", "input", "meta", "link"):
            self.plot -= 1

    def handle_data(self, data):
        (self.output if self.depth and not self.plot else self.other).append(data)


def output_only_word(site):
    """A word in exactly one chapter's output that no other page, nor that page's prose or
    code, holds, even inside a word: only the output's text in the index can find it."""
    outputs, texts = {}, {}
    for path in sorted(site.glob("*.html")):
        if path.name.startswith("print"):
            continue
        parser = OutputText()
        parser.feed(path.read_text(encoding="utf-8"))
        outputs[path.name] = set(re.findall(r"[a-z]{5,}", " ".join(parser.output).lower()))
        texts[path.name] = (" ".join(parser.other).lower(), " ".join(parser.output).lower())
    for page, found in outputs.items():
        elsewhere = [texts[page][0]] + [other + " " + output for name, (other, output) in texts.items() if name != page]
        unique = sorted(w for w in found if not any(w in text for text in elsewhere))
        if unique:
            return unique[0], page
    sys.exit("no word occurs in only one chapter's output")


def check_search(browser, site, word, page, problems):
    for label, width, height, mobile in (("desktop", 1280, 800, False), ("phone", 390, 844, True)):
        browser.size(width, height, mobile)
        start = (site / page).as_uri()
        browser.open(start)
        if not browser.wait("!document.querySelector('form.search').hidden"):
            problems.append("search: the search box stays hidden with scripts on")
            return
        browser.evaluate("document.querySelector('form.search input').focus()")
        browser.call("Input.insertText", text=word)
        if not browser.wait("document.querySelector('.search-results a')"):
            problems.append(f"search: no result for '{word}'")
            return
        results = browser.evaluate("[...document.querySelectorAll('.search-results li')].map(li => li.textContent)")
        print(f"   {label}: '{word}' gives {len(results)} result(s); first: {results[0][:100]!r}")
        browser.screenshot(pathlib.Path(".build/screenshots") / f"search-{label}.png")
        href = browser.evaluate("document.querySelector('.search-results a').href")
        target = urllib.request.url2pathname(href.split("#")[0].removeprefix("file://"))
        if pathlib.Path(target).name != page:
            problems.append(f"search: the first result for '{word}' is {href}, not on {page}")
        if "#" not in href:
            problems.append(f"search: the first result {href} has no section anchor")
            continue
        browser.evaluate("document.querySelector('.search-results a').click()")
        if not browser.wait(f"location.href === {json.dumps(href)} && document.readyState === 'complete'"):
            problems.append(f"search: following the first result did not open {href}")
            continue
        anchor = href.split("#", 1)[1]
        if not browser.evaluate(f"!!document.getElementById(decodeURIComponent({json.dumps(anchor)}))"):
            problems.append(f"search: {href} opened, but the page has no element #{anchor}")


FIRST_SCREEN = """(() => {
  const height = 844;
  // Content of a closed <details> keeps a box in Chromium but is not shown.
  const visible = (e) => { if (!e || e.closest('details:not([open])') || !e.checkVisibility()) return false;
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top < height && r.bottom > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const h1 = document.querySelector('article h1');
  const text = document.querySelector('article h1 ~ p');
  const lists = [...document.querySelectorAll('nav.chapters ol, .phone-chapters ol')];
  return JSON.stringify({h1: visible(h1) && h1.getBoundingClientRect().bottom <= height,
                         text: visible(text), list: lists.some(visible)});
})()"""


def check_first_screen(browser, site, problems):
    browser.size(390, 844, True)
    pages = [p for p in sorted(site.glob("*.html")) if p.name != "index.html" and not p.name.startswith("print")]
    for path in pages:
        browser.open(path.as_uri())
        result = json.loads(browser.evaluate(FIRST_SCREEN))
        if not result["h1"]:
            problems.append(f"phone: {path.name}'s heading is not on the first screen")
        if not result["text"]:
            problems.append(f"phone: {path.name}'s text does not start on the first screen")
        if result["list"]:
            problems.append(f"phone: {path.name}'s first screen shows the chapter list")
    print(f"   {len(pages)} chapters at 390 x 844 px checked")


def check_copy_and_scripts_off(browser, site, problems):
    """A code block's copy button puts its code on the clipboard; with scripts off there is
    neither a copy button nor a search box."""
    page = next(p for p in sorted(site.glob("*.html")) if "class=\"source\"" in p.read_text(encoding="utf-8"))
    browser.size(1280, 800, False)
    browser.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
    browser.open(page.as_uri())
    browser.call("Page.bringToFront")  # the clipboard is written only from a focused page
    browser.wait("document.querySelector('.copy-button')")
    browser.call("Runtime.evaluate", expression="document.querySelector('.copy-button').click()", userGesture=True)
    browser.wait("document.querySelector('.copy-button').textContent !== 'Copy'")
    copied = browser.call("Runtime.evaluate", expression="navigator.clipboard.readText()", awaitPromise=True,
                          userGesture=True)["result"].get("value")
    code = browser.evaluate("document.querySelector('pre.source code').textContent")
    if not code or copied != code:
        problems.append(f"copy: the first copy button on {page.name} did not copy its code")
    browser.call("Emulation.setScriptExecutionDisabled", value=True)
    browser.open(page.as_uri())
    shown = browser.evaluate("document.querySelectorAll('.copy-button').length + ' ' + "
                             "getComputedStyle(document.querySelector('form.search')).display")
    if shown != "0 none":
        problems.append(f"scripts off: {page.name} shows copy buttons or the search box ({shown})")
    browser.call("Emulation.setScriptExecutionDisabled", value=False)
    print(f"   copy button on {page.name}: {'ok' if copied == code else 'failed'}; scripts off: {shown}")


# For each copy button: does any line box of its block's code intersect it?
COVERED = """(() => { let blocks = 0, covered = 0;
  for (const button of document.querySelectorAll('.copy-button')) {
    const code = button.parentElement.querySelector('code');
    if (!code) continue;
    blocks++;
    const range = document.createRange();
    range.selectNodeContents(code);
    const b = button.getBoundingClientRect();
    for (const line of range.getClientRects()) {
      if (line.width > 0 && line.right > b.left && line.left < b.right && line.bottom > b.top && line.top < b.bottom) { covered++; break; }
    }
  }
  return blocks + ' ' + covered; })()"""


def check_copy_buttons_cover_no_code(browser, site, problems):
    """No copy button lies over its block's code, at desktop and phone width, on any page."""
    checked = 0
    for width, height, mobile in [(1280, 800, False), (390, 844, True)]:
        browser.size(width, height, mobile)
        for page in sorted(site.glob("*.html")):
            browser.open(page.as_uri())
            blocks, covered = map(int, browser.evaluate(COVERED).split())
            checked += blocks
            if covered:
                problems.append(f"copy: at {width} px, {covered} of the {blocks} copy buttons on {page.name} cover code")
    print(f"   {checked} copy buttons checked at 1280 and 390 px")


def main():
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    word, page = output_only_word(site)
    print(f"   searching for '{word}', which only {page}'s output holds")
    problems = []
    browser = Browser(1280, 800)
    try:
        check_search(browser, site, word, page, problems)
        check_first_screen(browser, site, problems)
        check_copy_and_scripts_off(browser, site, problems)
        check_copy_buttons_cover_no_code(browser, site, problems)
    finally:
        browser.close()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
