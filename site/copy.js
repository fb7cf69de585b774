(() => {
  "use strict";
  function fallback(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => fallback(text));
    }
    return fallback(text);
  }
  for (const pre of document.querySelectorAll("pre.source, article pre:not([class]), main.print pre:not([class])")) {
    const code = pre.querySelector("code");
    if (!code) continue;
    const wrap = document.createElement("div");
    wrap.className = "copy-wrap";
    pre.replaceWith(wrap);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to the clipboard");
    button.addEventListener("click", () => {
      copy(code.textContent).then(
        () => { button.textContent = "Copied"; },
        () => { button.textContent = "Copy failed"; });
      setTimeout(() => { button.textContent = "Copy"; }, 1600);
    });
    wrap.append(pre, button);
  }
})();
