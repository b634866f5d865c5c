// Debian's Chromium, driven by playwright-core (no browser is ever
// downloaded), with the flags every browser test and benchmark shares:
// no sandbox (CI runs as root), no GPU, no background traffic, and no
// address-bar popups.
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { serve } from '../../web/serve.mjs';

export const chromiumPath = '/usr/bin/chromium';

// Headless Chromium (156 and later) is the full browser without a screen:
// every new window (Playwright opens one per browser context) preloads its
// address bar's suggestion popups, two WebUI pages
// (chrome://omnibox-popup.top-chrome) that no headless page ever shows. They
// cost ~1.5 s of CPU per new tab, which on 2 cores runs while the tab's page
// loads. They are switched off by their features' names
// (chrome/browser/ui/omnibox/omnibox_next_features.cc).
const omniboxPopupFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

// Chromium keeps only the last --disable-features switch, and Playwright
// passes one of its own, whose list changes from version to version. So
// the list Playwright's launch sends is read back from a probe browser
// (the browser returns its command line to CDP only under
// --enable-automation) and extended, once per process.
let playwrightDisabledFeatures;
async function playwrightsDisabledFeatures() {
  playwrightDisabledFeatures ??= (async () => {
    const probe = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--enable-automation'] });
    try {
      const session = await probe.newBrowserCDPSession();
      const { arguments: args } = await session.send('Browser.getBrowserCommandLine');
      const switches = args.filter((arg) => arg.startsWith('--disable-features='));
      if (switches.length !== 1) throw new Error(`expected one --disable-features switch from Playwright, got: ${switches.join(' ') || 'none'}`);
      return switches[0].slice('--disable-features='.length).split(',').filter(Boolean);
    } finally {
      await probe.close();
    }
  })();
  return playwrightDisabledFeatures;
}

const sharedArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launchChromium(extraArgs = []) {
  const disabled = [...await playwrightsDisabledFeatures(), ...omniboxPopupFeatures];
  return chromium.launch({ executablePath: chromiumPath, args: [...sharedArgs, `--disable-features=${disabled.join(',')}`, ...extraArgs] });
}

/**
 * Record, in the returned list, everything that goes wrong in a page:
 * console errors, page errors, failed requests, and requests that leave
 * the site (anything not under `inside` or data:; blob: too when the page
 * makes downloads, which are blob: URLs of its own).
 */
export function watchProblems(page, inside, { blobs = false } = {}) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(inside) && !u.startsWith('data:') && !(blobs && u.startsWith('blob:'))) problems.push(`request outside the site: ${u}`);
  });
  return problems;
}

/** Settles once every <optlab-figure> of the page (at least one) has drawn. */
export const figuresReady = (page) => page.waitForFunction(() => {
  const figures = [...document.querySelectorAll('optlab-figure')];
  return figures.length > 0 && figures.every((f) => f.dataset.ready);
}, null, { timeout: 20000 });

/** Settles once every iframe of the page has taken the height its figure page posted. */
export const framesSized = (page) => page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height && f.style.height !== '600px'), null, { timeout: 20000 });

/**
 * For a test file: serve dist (serve()'s options) and launch Chromium before
 * its tests, close both after them. The returned object holds `site` (the
 * served address, ending in /) and `browser` once the tests run.
 */
export function servedSite(options) {
  const served = { server: null, site: null, browser: null };
  before(async () => {
    served.server = await serve(options);
    served.site = `http://127.0.0.1:${served.server.address().port}${options.base ?? '/'}`;
    served.browser = await launchChromium();
  });
  after(async () => {
    await served.browser?.close();
    served.server?.close();
    served.server?.closeAllConnections();
  });
  return served;
}

/**
 * Open a figure's Share menu and choose `kind` (link, embed, png, csv,
 * json), as a reader does: two clicks. `figure` is a Locator of the
 * figure (a section of the page or an <optlab-figure>).
 */
export async function shareAction(figure, kind) {
  await figure.locator('.share-toggle').click();
  await figure.locator(`.share-menu button[data-share=${kind}]`).click();
}
