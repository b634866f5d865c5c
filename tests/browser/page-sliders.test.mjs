// Every slider of the lesson page holds still under the pointer: a reader
// who drags a thumb to the right sees the value only grow, and the track,
// its readout and the label around it never move or resize while they are
// used (a label or value that changes length must not push the track).
// Checked with real pointer drags, at 1280 px with a mouse and at 375 px on
// a touch phone's viewport, in both languages (Korean labels and values
// have other lengths).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { browser, servedUrl, bringIntoView, lessonPage } from './page-helpers.mjs';

lessonPage();

const screens = [
  { width: 1280, options: { viewport: { width: 1280, height: 900 } } },
  { width: 375, options: { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
];

// Where a slider is and what it shows, in the viewport's pixels: the track,
// its readout and its whole row.
const readSlider = (input) => new Promise((done) => requestAnimationFrame(() => {
  const box = (node) => {
    const r = node.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 100) / 100).join(',');
  };
  const output = input.closest('.slider').querySelector('output');
  done({ value: Number(input.value), text: output.textContent, boxes: { track: box(input), value: box(output), row: box(input.closest('.slider')) } });
}));

describe('sliders hold still', () => {
  for (const { width, options } of screens) {
    for (const lang of ['en', 'ko']) {
      test(`${width} px, ${lang}: dragging each slider to the right only raises its value, and nothing of it moves`, async () => {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${servedUrl}?lang=${lang}`);
        await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
        const ids = await page.$$eval('input[type=range]', (inputs) => inputs.map((i) => i.id));
        assert.ok(ids.length >= 8, `only ${ids.length} sliders`);
        const failures = [];
        for (const id of ids) {
          const input = page.locator(`#${id}`);
          await bringIntoView(input.locator('xpath=ancestor::*[contains(@class, "toolbar")][1]'));
          // From the track's start: the thumb then sits at its left end.
          await input.focus();
          await page.keyboard.press('Home');
          await input.blur();
          const first = await input.evaluate(readSlider);
          const { x, y, width: w, height: h } = await input.boundingBox();
          const max = Number(await input.getAttribute('max'));
          await page.mouse.move(x + 8, y + h / 2);
          await page.mouse.down();
          let last = await input.evaluate(readSlider);
          const seen = [last.text];
          for (let px = x + 8 + 5; px <= x + w + 5; px += 5) {
            await page.mouse.move(px, y + h / 2);
            const now = await input.evaluate(readSlider);
            if (now.value < last.value) failures.push(`${id}: went back from ${last.text} to ${now.text} at ${Math.round(px - x)} px`);
            for (const part of ['track', 'value', 'row']) {
              if (now.boxes[part] !== first.boxes[part]) failures.push(`${id}: the ${part} moved from ${first.boxes[part]} to ${now.boxes[part]} at ${now.text}`);
            }
            if (now.text !== seen.at(-1)) seen.push(now.text);
            last = now;
          }
          await page.mouse.up();
          if (last.value !== max) failures.push(`${id}: the drag ended at ${last.text}, not at the end of the track (${seen.join(' → ')})`);
        }
        // One line per slider and kind of failure is enough to read.
        const shown = [...new Map(failures.map((f) => [f.replace(/ (from|to|at) .*/, ''), f])).values()];
        assert.deepEqual(shown, []);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
