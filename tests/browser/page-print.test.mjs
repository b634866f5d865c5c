// The lesson page printed: light colours, canvases at twice the resolution,
// no buttons.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { watchProblems } from './chromium.mjs';
import { browser, servedUrl, lessonPage } from './page-helpers.mjs';

lessonPage();

describe('printing', () => {
  test('printed, every canvas is drawn at twice the resolution in the light colours, keeps its proportions, and the buttons go', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = watchProblems(page, servedUrl);
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-settled="true"]', { state: 'attached' });
    const canvases = () => page.$$eval('canvas', (cs) => cs.map((c) => ({ bitmap: c.width, css: c.clientWidth, aspect: c.width / c.height, box: c.getBoundingClientRect().width / c.getBoundingClientRect().height })));
    const ink = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim());
    const darkInk = await ink();
    const screen = await canvases();
    assert.ok(screen.every((c) => c.bitmap === c.css)); // 1 device pixel per CSS pixel here
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await ink(), '#1d1f23'); // the light theme's ink, on white paper
    for (const c of await canvases()) {
      assert.equal(c.bitmap, 2 * c.css);
      assert.ok(Math.abs(c.box / c.aspect - 1) < 0.02, `a canvas printed at ${c.box} instead of ${c.aspect}`);
    }
    assert.deepEqual(await page.$$eval('.share, .player, .toolbar button', (els) => [...new Set(els.map((e) => getComputedStyle(e).display))]), ['none']);
    // The map's colour key is backgrounds, which print leaves out unless told.
    assert.deepEqual(await page.$$eval('.color-bar, .color-swatch', (els) => els.map((e) => getComputedStyle(e).printColorAdjust)), ['exact', 'exact']);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 100000);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.equal(await ink(), darkInk);
    assert.deepEqual((await canvases()).map((c) => c.bitmap), screen.map((c) => c.bitmap));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
