// Every formula of the page's text is typeset by KaTeX, as figure 4's
// equations are, once the figures are drawn; none breaks across lines or
// apart from the word written against it (a Korean particle, a comma); and
// a caption that follows a slider is typeset as the slider moves, with
// plain Unicode (no "$") wherever plain text goes (aria-labels).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { browser, servedUrl, bringIntoView, lessonPage, plainText, shots } from './page-helpers.mjs';

lessonPage();

const screens = [
  { width: 1280, options: { viewport: { width: 1280, height: 900 } } },
  { width: 375, options: { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
];

describe('inline mathematics', () => {
  for (const { width, options } of screens) {
    for (const lang of ['en', 'ko']) {
      test(`${width} px, ${lang}: every formula is typeset, on one line with its neighbours`, async () => {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${servedUrl}?lang=${lang}`);
        // Typesetting waits until the figures are drawn. A formula then on
        // the screen keeps its Unicode (re-wrapping its paragraph would move
        // the text being read) and is typeset once it has left the screen.
        await page.waitForSelector('html[data-settled]', { state: 'attached', timeout: 30000 });
        const onScreen = await page.evaluate(() => [...document.querySelectorAll('.math')].filter((m) => {
          const r = m.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.width > 0;
        }).map((m) => Boolean(m.querySelector('.katex'))));
        assert.ok(onScreen.length > 0 && onScreen.every((typeset) => !typeset), `formulas on the first screen: ${onScreen}`);
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.evaluate(() => scrollTo(0, 0));
        // A figure far from the screen is laid out only near it, so the
        // screen is made as tall as the page before lines are counted.
        await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const report = await page.evaluate(() => {
          const formulas = [...document.querySelectorAll('.math')];
          const lines = (node) => new Set([...node.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
          return {
            formulas: formulas.length,
            untypeset: formulas.filter((m) => !m.querySelector('.katex')).map((m) => m.dataset.unicode),
            errors: [...document.querySelectorAll('.katex-error')].map((e) => e.textContent),
            dollars: document.body.innerText.split('\n').filter((line) => line.includes('$')),
            broken: [...document.querySelectorAll('.nobr')].filter((g) => g.getClientRects().length > 0 && lines(g) > 1).map((g) => g.textContent.slice(0, 40)),
            labels: [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).filter((l) => l.includes('$')),
          };
        });
        await page.screenshot({ path: `${shots}/math-${lang}-${width}.png`, clip: { x: 0, y: 0, width, height: 2400 } });
        assert.ok(report.formulas > 100, `only ${report.formulas} formulas on the page`);
        assert.deepEqual(report.untypeset, [], 'formulas left untypeset');
        assert.deepEqual(report.errors, [], 'KaTeX errors');
        assert.deepEqual(report.dollars, [], 'a formula mark shown as text');
        assert.deepEqual(report.broken, [], 'a formula broken across lines');
        assert.deepEqual(report.labels, [], 'a formula mark in an aria-label');
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  test('a caption follows its dragged slider with its formulas whole, is typeset once the hand rests, and its canvas is labelled in plain Unicode', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${servedUrl}#momentum`);
    await page.waitForSelector('html[data-settled]', { state: 'attached', timeout: 30000 });
    const input = page.locator('#momentum input[type=range]').first();
    await bringIntoView(input);
    const box = await input.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 10, y);
    await page.mouse.down();
    const seen = [];
    for (let x = box.x + 10; x < box.x + box.width * 0.6; x += 12) {
      await page.mouse.move(x, y);
      // The frame after the input: the caption says the new values, each
      // formula on one line (typeset or, while the hand moves, in Unicode).
      seen.push(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => {
        const caption = document.querySelector('#momentum .caption');
        const formulas = [...caption.querySelectorAll('.math')];
        done({
          formulas: formulas.length,
          broken: formulas.filter((m) => m.getClientRects().length > 1).length,
          marks: caption.textContent.includes('$'),
          label: document.querySelector('#momentum canvas').getAttribute('aria-label'),
        });
      }))));
    }
    await page.mouse.up();
    // At rest, every formula of the caption is typeset.
    await page.waitForFunction(() => [...document.querySelectorAll('#momentum .caption .math')].every((m) => m.querySelector('.katex')), null, { timeout: 2000 });
    const text = await plainText(page, '#momentum .caption');
    assert.ok(seen.length > 10);
    for (const s of seen) {
      assert.ok(s.formulas >= 2, `${s.formulas} formulas in the caption`);
      assert.equal(s.broken, 0, 'a caption formula broken across lines while dragging');
      assert.equal(s.marks, false, 'a formula mark shown while dragging');
      assert.ok(!s.label.includes('$') && /γ = [\d.]+, β = [\d.]+/.test(s.label), s.label);
    }
    assert.equal(seen.at(-1).label, text);
    await context.close();
  });
});
