// Opens every HTML page of a rendered site in headless Chromium at a phone's
// width (390 px) and checks what a reader of a phone sees: the page does not
// scroll sideways, no word (a date, "§ 1", an amount: anything between two
// spaces) is broken across lines, and no table cell is narrower than its
// longest word. Closed <details> are opened first. Prints every problem
// (at most 5 a page); exits 1 on any, 2 when Chromium cannot run.
//   node phone_site.js TOOLS_DIR SITE_DIR [WIDTH]
const path = require('path');
const fs = require('fs');
const [tools, site, widthArg] = process.argv.slice(2);
const width = Number(widthArg || 390);
const { launch, sitePages } = require('./chromium');

// Runs in the page: the problems it finds, as text.
function measure() {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth)
    problems.push(`scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
  const hidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.clipPath !== 'none' || s.display === 'none' || s.visibility === 'hidden') return true;
      if (e.tagName === 'svg' || e.tagName === 'STYLE' || e.tagName === 'SCRIPT') return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || hidden(el)) continue;
    const text = node.data;
    const words = /[^ \t\n\r\f]+/g;  // a no-break space joins, as it should
    for (let m = words.exec(text); m; m = words.exec(text)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      const tops = rects.map((r) => r.top);
      const lineHeight = Math.min(...rects.map((r) => r.height));
      const url = /@|:\/\//.test(m[0]);  // an address may break anywhere (overflow-wrap: anywhere)
      if (!url && Math.max(...tops) - Math.min(...tops) > lineHeight / 2) {
        // Where it breaks: a compound word may break after its hyphen or dash
        // ("NPF-|utbildningen"), nothing else, and numbers ("2026-|04-30", "19–|29") never.
        const top = (k) => { const r = document.createRange(); r.setStart(node, m.index + k); r.setEnd(node, m.index + k + 1);
                             const rs = [...r.getClientRects()].filter((x) => x.width > 0); return rs.length ? rs[0].top : null; };
        let prev = top(0);
        for (let k = 1; k < m[0].length; k++) {
          const t = top(k);
          if (t === null || prev === null) { prev = t ?? prev; continue; }
          if (t - prev > lineHeight / 2) {
            const before = m[0][k - 1], after = m[0][k];
            const ok = /[-\u2010\u2013\u2014\/]/.test(before) && !(/[0-9]/.test(after) && /[0-9]/.test(m[0][k - 2] || ''));
            if (!ok) problems.push(`"${m[0]}" is broken inside, "${m[0].slice(0, k)}|${m[0].slice(k)}" (in <${el.tagName.toLowerCase()}>)`);
          }
          prev = t;
        }
      }
      const cell = el.closest('td, th');
      if (cell) {
        const s = getComputedStyle(cell);
        const inner = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        const w = rects.reduce((a, r) => a + r.width, 0);
        if (!url && w > inner + 0.5)
          problems.push(`a cell ${inner.toFixed(0)}px wide is narrower than its word "${m[0]}" (${w.toFixed(0)}px)`);
      }
    }
  }
  return problems;
}

(async () => {
  const browser = await launch(tools, ['--hide-scrollbars']);
  let failures = 0, checked = 0, bad = 0;
  try {
    const pages = sitePages(site);
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => (req.url().startsWith('file://') ? req.continue() : req.abort()));
    await page.setViewport({ width, height: 800, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    for (const f of pages) {
      await page.goto('file://' + path.resolve(site, f), { waitUntil: 'load' });
      const problems = await page.evaluate(measure);
      checked++;
      if (problems.length) bad++;
      failures += problems.length;
      for (const p of problems.slice(0, 5)) console.log(`${f} @${width}px: ${p}`);
      if (problems.length > 5) console.log(`${f} @${width}px: … and ${problems.length - 5} more`);
    }
  } finally {
    await browser.closeAll();
  }
  console.log(`phone: ${checked} pages at ${width}px, ${bad} with problems, ${failures} problems`);
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
