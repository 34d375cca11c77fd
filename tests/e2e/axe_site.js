// Opens every HTML page of a rendered site in headless Chromium, checks that
// no page requests anything from the network, and runs axe-core on it (all
// of axe's default rules: WCAG 2.0/2.1 A and AA plus best practices), at a
// desktop and a phone width, where nothing may scroll sideways (WCAG 1.4.10).
// Prints every violation; exits 1 on any.
//   node axe_site.js TOOLS_DIR SITE_DIR
const path = require('path');
const fs = require('fs');
const [tools, site] = process.argv.slice(2);
const { launch, sitePages } = require('./chromium');
const axeSource = fs.readFileSync(path.join(tools, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

(async () => {
  const browser = await launch(tools);
  let failures = 0, checked = 0;
  try {
    const pages = sitePages(site);
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (!req.url().startsWith('file://')) {
        console.log(`${page.url()}: requests ${req.url()}`);
        failures++;
        req.abort();
      } else req.continue();
    });
    // Every page at desktop width; the index, the directory and the first page
    // of each kind also at phone width.
    const seen = new Set();
    const phone = pages.filter((f) => {
      const kind = f.split('-')[0];
      if (seen.has(kind)) return false;
      seen.add(kind);
      return true;
    });
    for (const [w, h, list] of [[1280, 900, pages], [375, 740, phone]]) {
      await page.setViewport({ width: w, height: h });
      for (const f of list) {
        await page.goto('file://' + path.resolve(site, f), { waitUntil: 'load' });
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          const r = await axe.run(document);
          return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
        });
        checked++;
        if (w < 1000) {
          // WCAG 1.4.10 Reflow: no horizontal scrolling on a phone.
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (wide > 0) {
            failures++;
            console.log(`${f} @${w}px: scrolls sideways by ${wide}px`);
          }
        }
        for (const v of result) {
          failures++;
          console.log(`${f} @${w}px: ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`);
        }
      }
    }
  } finally {
    await browser.closeAll();
  }
  console.log(`axe: ${checked} page views, ${failures} problems`);
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
