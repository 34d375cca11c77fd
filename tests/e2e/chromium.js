// Headless Chromium for the site checks (axe_site.js, phone_site.js): one
// way to start it, with its own throw-away profile, and one way to list a
// rendered site's pages.
const path = require('path');
const fs = require('fs');

// Starts Chromium through puppeteer-core from TOOLS_DIR; `close()` stops it
// and removes its profile.
async function launch(tools, extraArgs = []) {
  const puppeteer = require(require.resolve('puppeteer-core', { paths: [tools] }));
  const profile = fs.mkdtempSync(path.join(require('os').tmpdir(), 'samverkan-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', ...extraArgs],
  });
  browser.closeAll = async () => {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}

// The HTML pages of a site directory, sorted.
function sitePages(site) {
  return fs.readdirSync(site).filter((f) => f.endsWith('.html')).sort();
}

module.exports = { launch, sitePages };
