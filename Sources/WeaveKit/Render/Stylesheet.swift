/// The site's one stylesheet: long-form reading, light and dark from the reader's system,
/// readable on a phone (wide code, tables and formulas scroll in their own box), clean print.
enum Stylesheet {
    static let css = """
        :root {
          color-scheme: light dark;
          --text: #1d1f21; --muted: #5c6166; --bg: #fdfdfb; --panel: #f3f2ee; --rule: #dcd9d0;
          --accent: #1f5f99; --code-bg: #f5f4f0; --kw: #a2187a; --ty: #0b6a6a; --num: #1c53a8;
          --str: #a23c08; --com: #6a7078; --attr: #7a4fb5; --shadow: rgba(0, 0, 0, 0.22);
          --serif: "Iowan Old Style", "Charter", "Bitstream Charter", "Source Serif Pro", Georgia, "DejaVu Serif", serif;
          --sans: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          --mono: ui-monospace, "SF Mono", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
          --math: "STIX Two Math", "Latin Modern Math", "Cambria Math", "Libertinus Math", "DejaVu Math TeX Gyre", math;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e4e2dc; --muted: #a3a7ad; --bg: #17191c; --panel: #1f2226; --rule: #353a40;
            --accent: #8ab8e6; --code-bg: #202328; --kw: #e48bcb; --ty: #6fd0c8; --num: #94b8ff;
            --str: #f0a77a; --com: #8c939b; --attr: #c3a6f0; --shadow: rgba(0, 0, 0, 0.7);
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--text); font-family: var(--serif);
          font-size: 1.125rem; line-height: 1.6; overflow-wrap: break-word; }
        a { color: var(--accent); }
        .site-header { font-family: var(--sans); font-weight: 600; padding: 0.75rem 1.25rem;
          border-bottom: 1px solid var(--rule); background: var(--panel); }
        .site-header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
        .site-header a { color: var(--text); text-decoration: none; }
        .site-header a.one-page { font-weight: 400; font-size: 0.85rem; color: var(--accent); white-space: nowrap; }
        main.print { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
        .print-chapter { border-top: 3px double var(--rule); margin-top: 3rem; }
        .layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); max-width: 76rem; margin: 0 auto; }
        .sidebar { font-family: var(--sans); font-size: 0.9rem; line-height: 1.4; padding: 1.5rem 1rem;
          border-right: 1px solid var(--rule); position: sticky; top: 0; align-self: start;
          max-height: 100vh; overflow-y: auto; }
        .sidebar ol { padding-left: 1.4rem; margin: 0; }
        .sidebar li { margin: 0.35rem 0; }
        .sidebar a { text-decoration: none; }
        .sidebar a[aria-current="page"] { color: var(--text); font-weight: 700; }
        .outline { list-style: none; padding-left: 0.6rem; margin: 0.4rem 0 0.6rem;
          border-left: 2px solid var(--rule); }
        .outline .level3 { padding-left: 0.9rem; font-size: 0.95em; }
        main { min-width: 0; padding: 1.5rem 2rem 4rem; }
        article { max-width: 46rem; }
        h1, h2, h3, h4 { font-family: var(--sans); line-height: 1.25; margin: 2rem 0 0.75rem; }
        h1 { font-size: 2rem; margin-top: 0.5rem; }
        h2 { font-size: 1.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
        h3 { font-size: 1.2rem; }
        .anchor { margin-left: 0.4rem; color: var(--muted); text-decoration: none; font-weight: 400; opacity: 0; }
        h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, .anchor:focus { opacity: 1; }
        p, li { max-width: 42rem; }
        blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
        code, pre { font-family: var(--mono); font-size: 0.85em; }
        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
        pre { padding: 0.75rem 1rem; overflow-x: auto; line-height: 1.45;
          border-radius: 4px; margin: 0; tab-size: 4; }
        /* A box that scrolls sideways shows a shadow at the edge where more of it is hidden:
           the covers move with the content (local) and hide each shadow at its own end. */
        pre, .table-wrap, math[display="block"] { --scroll-bg: var(--code-bg);
          background: linear-gradient(to right, var(--scroll-bg) 40%, transparent) left / 2.5rem 100% no-repeat local,
            linear-gradient(to left, var(--scroll-bg) 40%, transparent) right / 2.5rem 100% no-repeat local,
            linear-gradient(to right, var(--shadow), transparent) left / 0.8rem 100% no-repeat scroll,
            linear-gradient(to left, var(--shadow), transparent) right / 0.8rem 100% no-repeat scroll,
            var(--scroll-bg); }
        .table-wrap, math[display="block"] { --scroll-bg: var(--bg); }
        figure.snippet { margin: 1.25rem 0; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; }
        figure.snippet > figcaption { font-family: var(--sans); font-size: 0.8rem; color: var(--muted);
          padding: 0.35rem 1rem; border-bottom: 1px solid var(--rule); background: var(--panel); }
        figure.snippet pre { border-radius: 0; }
        figure.snippet > figcaption.checked { border-bottom: 0; border-top: 1px solid var(--rule); color: var(--ty); }
        details.solution { margin: 1.25rem 0; }
        details.solution > summary { font-family: var(--sans); font-weight: 600; cursor: pointer; }
        details.solution > figure.snippet { margin-top: 0.5rem; }
        .output { border-top: 1px dashed var(--rule); }
        .output pre { --scroll-bg: var(--bg); }
        .output > * + * { border-top: 1px dotted var(--rule); }
        pre.plot { line-height: 1.2; }
        pre.output-stderr { border-left: 3px solid var(--str); }
        pre.output-stderr::before { content: "stderr"; display: block; font: 0.75rem var(--sans); color: var(--muted); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5rem 0; font-family: var(--sans); font-size: 0.85rem;
          font-variant-numeric: tabular-nums; }
        .output table { margin: 0.75rem 1rem; }
        caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.7rem; text-align: left; }
        th { border-bottom-width: 2px; }
        td.numeric, th.numeric { text-align: right; }
        .kw { color: var(--kw); } .ty { color: var(--ty); } .num { color: var(--num); }
        .str { color: var(--str); } .com { color: var(--com); font-style: italic; } .attr, .dir { color: var(--attr); }
        math { font-family: var(--math); font-size: 1.05em; }
        math[display="block"] { overflow-x: auto; overflow-y: hidden; padding: 0.5rem 0;
          margin: 0.75rem 0; max-width: 100%; }
        mtable.aligned mtd { padding: 0.25em 0; }
        mtable.aligned mtd:nth-child(odd) { text-align: right; text-align: -webkit-right; }
        mtable.aligned mtd:nth-child(odd):not(:first-child) { padding-left: 2em; }
        mtable.aligned mtd:nth-child(even), mtable.cases mtd { text-align: left; text-align: -webkit-left; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem;
          padding-top: 1rem; border-top: 1px solid var(--rule); font-family: var(--sans); max-width: 46rem; }
        .pager a { text-decoration: none; display: flex; flex-direction: column; }
        .pager a[rel="next"] { text-align: right; margin-left: auto; }
        .pager span { font-size: 0.8rem; color: var(--muted); }
        .toc { font-family: var(--sans); }
        .toc li { margin: 0.4rem 0; }
        .search { position: relative; flex: 0 1 18rem; margin: 0 0 0 auto; }
        .search input { width: 100%; box-sizing: border-box; font: 400 0.9rem var(--sans); padding: 0.3rem 0.6rem;
          border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); color: var(--text); }
        .search-results { position: absolute; right: 0; top: calc(100% + 0.3rem); z-index: 10; width: min(32rem, 90vw);
          max-height: 70vh; overflow-y: auto; margin: 0; padding: 0; list-style: none; font-weight: 400; font-size: 0.9rem;
          background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; box-shadow: 0 6px 18px var(--shadow); }
        .search-results:empty { display: none; }
        .search-results li { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--rule); }
        .search-results li:last-child { border-bottom: 0; }
        .site-header .search-results a { color: var(--accent); }
        .search-page { font-weight: 600; color: var(--text); }
        .search-results p { margin: 0.2rem 0 0; font: 0.8rem/1.4 var(--mono); color: var(--muted); overflow-wrap: anywhere; }
        .search-results mark { background: #ffe98f; color: #000; }
        .search-none { color: var(--muted); }
        .copy-wrap { position: relative; }
        /* The button gets a strip of its own above the first line, so it never hides code
           (a long first line scrolls under the top right corner). Only with the script:
           without it there is neither wrap nor button. */
        .copy-wrap > pre { padding-top: 2rem; }
        .copy-button { position: absolute; top: 0.35rem; right: 0.35rem; font: 0.75rem var(--sans); padding: 0.15rem 0.5rem;
          color: var(--muted); background: var(--panel); border: 1px solid var(--rule); border-radius: 4px; cursor: pointer;
          opacity: 0.75; }
        .copy-button:hover, .copy-button:focus-visible { opacity: 1; color: var(--text); }
        .site-footer { font: 0.8rem var(--sans); color: var(--muted); border-top: 1px solid var(--rule);
          padding: 0.75rem 1.25rem; background: var(--panel); }
        .phone-nav { display: none; }
        @media (max-width: 52rem) {
          .layout { display: block; }
          .sidebar { display: none; }
          .site-header { padding: 0.6rem 1rem; flex-wrap: wrap; row-gap: 0.5rem; }
          .site-header > a:first-child { flex-basis: 100%; }
          .search { flex: 1 1 auto; margin: 0; }
          .search-results { left: 0; width: calc(100vw - 2rem); }
          .phone-nav { display: flex; flex-wrap: wrap; gap: 0.5rem; font-family: var(--sans); font-size: 0.95rem;
            line-height: 1.4; margin-bottom: 0.75rem; }
          .phone-nav details { border: 1px solid var(--rule); border-radius: 6px; background: var(--panel); }
          .phone-nav details[open] { flex-basis: 100%; }
          .phone-nav summary { cursor: pointer; padding: 0.4rem 0.75rem; font-weight: 600; }
          .phone-nav ol, .phone-nav ul { margin: 0; padding: 0.25rem 1rem 0.6rem 2rem; }
          .phone-nav ul { list-style: none; padding-left: 1rem; }
          .phone-nav li { margin: 0.45rem 0; }
          .phone-nav .level3 { padding-left: 0.9rem; }
          .phone-nav a { text-decoration: none; }
          .phone-nav a[aria-current="page"] { color: var(--text); font-weight: 700; }
          main { padding: 0.75rem 1rem 3rem; }
          body { font-size: 1.05rem; }
          h1 { font-size: 1.6rem; }
        }
        @media print {
          :root { --bg: #fff; --text: #000; --code-bg: #f6f6f6; }
          .site-header, .sidebar, .phone-nav, .pager, .anchor, .copy-button { display: none; }
          pre, .table-wrap, math[display="block"] { background: var(--code-bg); }
          .table-wrap, math[display="block"], .output pre { background: none; }
          main.print { max-width: none; padding: 0; }
          .print-chapter { break-before: page; border-top: 0; margin-top: 0; }
          h1, h2, h3, h4 { break-after: avoid; }
          .layout { display: block; }
          main { padding: 0; }
          article { max-width: none; }
          pre, math[display="block"], .table-wrap { overflow: visible; white-space: pre-wrap; }
          figure.snippet, pre, table { break-inside: avoid; }
          a { color: inherit; }
        }

        """
}
