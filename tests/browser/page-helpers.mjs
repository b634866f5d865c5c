// What the lesson page's browser tests (page-*.test.mjs) share: the page
// served under a sub-path with a strict CSP and its file:// address, one
// Chromium per test file, and helpers to open, capture and read the page.
// The server, browser and address are live bindings, set before the tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';

import { launchChromium, watchProblems } from './chromium.mjs';

import { serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

export const dist = join(root, 'dist');
export const shots = join(root, 'build', 'screenshots');
export const BASE = '/courses/optimization/optlab/';
export let server, browser, servedUrl;
export const fileUrl = pathToFileURL(join(dist, 'index.html')).href;

/** For a test file: serve dist/ and launch Chromium before its tests, close both after them. */
export function lessonPage() {
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serve({ root: dist, base: BASE, csp: true });
    servedUrl = `http://127.0.0.1:${server.address().port}${BASE}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    server?.closeAllConnections();
  });
}

/** Open a page and record everything that went wrong or left the site. */
export async function open(url, { width = 1280, height = 900, isMobile = false, colorScheme = 'light', inside, ready = 'html[data-ready="true"]' }) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: width < 500 ? 2 : 1, isMobile, hasTouch: isMobile });
  const problems = watchProblems(page, inside);
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 15000 });
  return { page, problems };
}

/**
 * A screenshot of the whole page as a screen that tall shows it. Once the
 * page has settled, the browser skips the figures far from the screen, and
 * a plain full-page capture would leave them empty.
 */
export async function wholePage(page, path) {
  await page.waitForSelector('html[data-settled]', { state: 'attached' });
  const { width, height } = page.viewportSize();
  await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize({ width, height });
}

/**
 * Scroll an element into view and wait until the browser draws it: a figure
 * skipped while far from the screen is hit-tested again only from the frame
 * after it comes back, and a pointer event sent sooner lands on its section.
 */
export async function bringIntoView(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate((node) => new Promise((done) => {
    const check = () => (node.checkVisibility({ contentVisibilityAuto: true }) ? done() : requestAnimationFrame(check));
    check();
  }));
}

export const blankFractions = (page) =>
  page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted / (c.width * c.height);
    }),
  );

export const caption = (page) => plainText(page, '#step-sizes .caption');

/**
 * What an element says, formulas in the Unicode the strings write them in:
 * a typeset formula's textContent holds it twice (MathML and HTML).
 */
export const plainText = (page, selector) => page.$eval(selector, (node) => {
  let text = '';
  const walk = (parent) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.data;
      else if (child.classList?.contains('math')) text += child.dataset.unicode;
      else walk(child);
    }
  };
  walk(node);
  return text;
});
