// The plots draw the runs a change left alone from bitmaps (web/src/plot/
// layers.js). A bitmap that outlived what it shows would leave a stale line
// on screen, so after a series of changes each figure's canvases must show
// what a fresh page opened at the same link draws: the same pixels, up to
// the rounding of blending through a bitmap (a channel off by a few levels).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { servedUrl, open, lessonPage, bringIntoView } from './page-helpers.mjs';

lessonPage();

// Every canvas of a figure as RGBA bytes, once its pictures are painted.
async function pixels(page, id) {
  return page.evaluate(async (id) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return [...document.querySelectorAll(`#${id} canvas`)].map((c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data));
  }, id);
}

// Pixels whose channels differ by more than rounding.
function farApart(a, b) {
  assert.equal(a.length, b.length);
  return a.map((bytes, k) => {
    let far = 0;
    for (let i = 0; i < bytes.length; i += 4) {
      if (Math.max(...[0, 1, 2, 3].map((c) => Math.abs(bytes[i + c] - b[k][i + c]))) > 12) far++;
    }
    return far;
  });
}

async function slide(page, selector, value) {
  await page.$eval(selector, (input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// After `changes`, the figure's canvases against a fresh page at the link the page wrote.
async function sameAsFresh(id, changes) {
  const { page, problems } = await open(servedUrl, { inside: servedUrl });
  await bringIntoView(page.locator(`#${id}`));
  await changes(page);
  await page.waitForTimeout(700); // the hash follows a moment later
  const drawn = await pixels(page, id);
  const fresh = await open(page.url(), { inside: servedUrl });
  await bringIntoView(fresh.page.locator(`#${id}`));
  const expected = await pixels(fresh.page, id);
  assert.deepEqual(farApart(drawn, expected), drawn.map(() => 0), `${id}: ${page.url()}`);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.page.close();
  await page.close();
}

describe('layered plots', () => {
  test('figure 7: β moved back and forth, a new seed and a new start, then β again: no line is left from before', async () => {
    await sameAsFresh('noise-smoothing', async (page) => {
      for (const beta of [0.5, 0.6, 0.6, 0.9]) await slide(page, '#noise-smoothing-beta', beta);
      await page.fill('#noise-smoothing input.seed', '7');
      await page.press('#noise-smoothing input.seed', 'Enter');
      await slide(page, '#noise-smoothing-beta', 0.3);
      await slide(page, '#noise-smoothing-beta', 0.4);
      await page.focus('#noise-smoothing canvas[tabindex="0"]');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await slide(page, '#noise-smoothing-beta', 0.7);
    });
  });

  test('figure 4: β and γ in turns (gradient descent stays while β moves)', async () => {
    await sameAsFresh('momentum', async (page) => {
      const [lr, beta] = await page.$$eval('#momentum input[type=range]', (inputs) => inputs.map((i) => `#${i.id}`));
      for (const [which, value] of [[beta, 0.5], [beta, 0.6], [beta, 0.6], [lr, 0.3], [beta, 0.2], [beta, 0.25]]) {
        await slide(page, which === beta ? beta : lr, which === beta ? value : await page.$eval(lr, (i, f) => Number(i.min) + f * (Number(i.max) - Number(i.min)), value));
      }
    });
  });
});
