(() => {
  "use strict";
  const index = window.weaveSearchIndex;
  const form = document.querySelector("form.search");
  if (!index || !form) return;
  const input = form.querySelector("input");
  const list = form.querySelector(".search-results");
  const sections = index.sections.map(([page, id, title, words]) => ({
    page, id, title, words, lowTitle: title.toLowerCase(), lowWords: words.toLowerCase(),
  }));
  const limit = 20;

  function snippet(section, term) {
    const words = section.words.split(" ");
    const low = section.lowWords.split(" ");
    let at = low.findIndex((word) => word.includes(term));
    if (at < 0) at = 0;
    const start = Math.max(0, at - 6), end = Math.min(words.length, at + 10);
    const p = document.createElement("p");
    p.append((start > 0 ? "… " : "") + words.slice(start, at).join(" ") + (at > start ? " " : ""));
    const mark = document.createElement("mark");
    mark.textContent = words[at] || "";
    p.append(mark, (end > at + 1 ? " " : "") + words.slice(at + 1, end).join(" ") + (end < words.length ? " …" : ""));
    return p;
  }

  function search(query) {
    const terms = query.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
    list.replaceChildren();
    if (terms.length === 0) return;
    const found = [];
    for (const section of sections) {
      if (!terms.every((term) => section.lowTitle.includes(term) || section.lowWords.includes(term))) continue;
      const score = terms.filter((term) => section.lowTitle.includes(term)).length;
      found.push({ section, score });
    }
    found.sort((a, b) => b.score - a.score);
    if (found.length === 0) {
      const none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No section matches “" + query.trim() + "”";
      list.append(none);
      return;
    }
    for (const { section } of found.slice(0, limit)) {
      const [file, pageTitle] = index.pages[section.page];
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = file + (section.id ? "#" + section.id : "");
      const page = document.createElement("span");
      page.className = "search-page";
      page.textContent = pageTitle;
      link.append(page, section.title && section.title !== pageTitle ? " › " + section.title : "");
      item.append(link, snippet(section, terms.find((term) => section.lowWords.includes(term)) || terms[0]));
      list.append(item);
    }
  }

  form.hidden = false;
  input.addEventListener("input", () => search(input.value));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { input.value = ""; list.replaceChildren(); }
  });
})();
