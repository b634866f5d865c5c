// The lesson page in Debian's Chromium (driven by playwright-core; no
// browser is ever downloaded), served from a sub-path under a strict CSP and
// opened straight from disk. Screenshots go to build/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

const dist = join(root, 'dist');
const shots = join(root, 'build', 'screenshots');
const BASE = '/courses/optimization/optlab/';
let server, browser, servedUrl;
const fileUrl = pathToFileURL(join(dist, 'index.html')).href;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serve({ root: dist, base: BASE, csp: true });
  servedUrl = `http://127.0.0.1:${server.address().port}${BASE}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Open a page and record everything that went wrong or left the site. */
async function open(url, { width = 1280, colorScheme = 'light', inside }) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: width < 500 ? 2 : 1 });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(inside) && !u.startsWith('data:')) problems.push(`request outside the site: ${u}`);
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  return { page, problems };
}

const blankFractions = (page) =>
  page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted / (c.width * c.height);
    }),
  );

const caption = (page) => page.textContent('#step-sizes .caption');

for (const target of ['served', 'file']) {
  describe(`the page, ${target === 'served' ? `served under ${BASE} with a strict CSP` : 'opened from file://'}`, () => {
    const url = () => (target === 'served' ? servedUrl : fileUrl);
    const inside = () => (target === 'served' ? servedUrl : pathToFileURL(dist).href);

    test('loads with no error and no request outside the site; every canvas is drawn', async () => {
      const { page, problems } = await open(url(), { inside: inside() });
      const painted = await blankFractions(page);
      assert.ok(painted.length >= 7, `${painted.length} canvases`);
      for (const [i, p] of painted.entries()) assert.ok(p > 0.01, `canvas ${i} is blank (${p})`);
      assert.doesNotMatch(await page.textContent('body'), /NaN|undefined|Infinity/);
      assert.deepEqual(problems, []);
      await page.screenshot({ path: join(shots, `page-1280-${target}.png`), fullPage: true });
      await page.close();
    });

    test('the slider changes the figure and its caption; above 2/a the page says it diverges', async () => {
      const { page, problems } = await open(url(), { inside: inside() });
      const before = await caption(page);
      const pixels = () => page.$eval('#step-sizes .main-canvas', (c) => c.toDataURL());
      const firstPixels = await pixels();
      const slider = page.locator('#step-sizes input[type=range]');
      await slider.focus();
      await page.keyboard.press('End'); // γ = 4/a
      await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'diverging');
      assert.notEqual(await caption(page), before);
      assert.match(await caption(page), /above 2\/a.*diverges/);
      assert.equal(await page.textContent('#step-sizes .regime-badge'), 'diverges');
      await page.evaluate(() => new Promise(requestAnimationFrame));
      assert.notEqual(await pixels(), firstPixels);
      await page.keyboard.press('Home'); // γ = 0.01/a
      await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'too_small');
      assert.match(await caption(page), /below 1\/a/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

describe('interaction', () => {
  test('dragging the point on the sweep moves γ, and 1/a and 2/a can be hit exactly with the slider', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    await page.locator('#step-sizes .sweep-canvas').scrollIntoViewIfNeeded();
    const box = await page.locator('#step-sizes .sweep-canvas').boundingBox();
    // The plot area starts 56 px in and ends 12 px before the right edge; γ/ (1/a) spans 1/128…4 on a log axis.
    const xOf = (r) => box.x + 56 + (Math.log2(r * 128) / 9) * (box.width - 68);
    await page.mouse.move(xOf(0.05), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(3), box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'diverging');
    assert.match(await page.textContent('#step-sizes .slider-value'), /γ = 2\.9\d*\/a|γ = 3(\.0\d*)?\/a/);
    // Keyboard: arrow keys step by a constant factor and land on 1/a and 2/a exactly.
    const slider = page.locator('#step-sizes input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    const seen = new Set();
    for (let i = 0; i < 180; i++) {
      await page.keyboard.press('ArrowRight');
      seen.add(await page.locator('#step-sizes').getAttribute('data-regime'));
      if (seen.has('boundary')) break;
    }
    assert.deepEqual([...seen], ['too_small', 'optimal', 'oscillating', 'boundary']);
    assert.match(await caption(page), /exactly 2\/a: the iterates jump between two points forever/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#step-sizes').getAttribute('data-regime'), 'oscillating');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('keyboard alone reaches and operates every control', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const reached = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent.trim()));
    }
    for (const name of ['step size γ', 'Play', 'Step', 'Reset']) assert.ok(reached.includes(name), `${name} not reachable: ${reached}`);
    // Reset then Step with the keyboard: the caption follows k.
    while ((await page.evaluate(() => document.activeElement.textContent)) !== 'Reset') await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.match(await caption(page), /After 0 steps/);
    await page.keyboard.press('Shift+Tab'); // Step
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    assert.match(await caption(page), /After 2 steps/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('Play animates the iterates one step at a time, and Pause stops it', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const play = page.locator('#step-sizes .play');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => /After [1-9]\d* steps/.test(document.querySelector('#step-sizes .caption').textContent));
    await play.click();
    const paused = await caption(page);
    await page.waitForTimeout(400);
    assert.equal(await caption(page), paused);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('languages and sizes', () => {
  test('?lang=ko shows the page in Korean, with the course\'s terms', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl });
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('#step-sizes h2'), '1차원 이차함수에서의 이동 크기');
    assert.match(await caption(page), /1\/a 보다 작습니다/);
    assert.match(await page.textContent('#step-sizes'), /경사 하강법/);
    assert.equal(await page.textContent('[data-language-switch]'), 'English');
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(shots, 'page-1280-ko.png'), fullPage: true });
    await page.close();
  });

  test('readable at 375 px in the dark theme: nothing wider than the screen', async () => {
    const { page, problems } = await open(servedUrl, { width: 375, colorScheme: 'dark', inside: servedUrl });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const painted = await blankFractions(page);
    for (const p of painted) assert.ok(p > 0.01);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(shots, 'page-375-dark.png'), fullPage: true });
    await page.close();
  });
});
