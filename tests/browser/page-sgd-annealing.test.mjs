// Figures 2 and 3: SGD's mini-batch variance and annealing on the double well.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { shareAction } from './chromium.mjs';
import { browser, servedUrl, open, lessonPage, plainText } from './page-helpers.mjs';

import { root } from '../js/helpers.mjs';

lessonPage();

describe('SGD and annealing', () => {
  test('mini-batch variance follows σ²/B · (n − B)/(n − 1): measured over 4000 draws, within 3 standard errors of the law (one at first view), zero at B = n', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const read = async (name) => Number(await page.getAttribute('#sgd-cloud', `data-${name}`));
    // The 4000 draws are seeded, so this is deterministic; 3 standard errors
    // is what an honest measurement of the law may miss by. With 200 draws
    // the error was a seventh of the law at B = 1 and the first view read
    // 522 ± 100 against 706; now it is under a twentieth.
    const check = async (batch) => {
      const [measured, error, law] = [await read('variance'), await read('variance-error'), await read('law')];
      assert.ok(error > 0 && error < law / 20, `B = ${batch}: standard error ${error} against the law ${law}`);
      assert.ok(Math.abs(measured - law) <= 3 * error, `B = ${batch}: measured ${measured} ± ${error}, law ${law}`);
      assert.match(await plainText(page, '#sgd-cloud .caption'), new RegExp(`With batch ${batch}, 4000 mini-batch gradients \\(the rings are 200 of them\\) have variance [0-9.·⁻]+ ± [0-9.·⁻]+ \\(one standard error`));
      return { measured, error, law };
    };
    // The legend tells the two orange marks apart by their shape, as the plot draws them.
    const marks = await page.$$eval('#sgd-cloud .legend .swatch circle', (cs) => cs.map((c) => getComputedStyle(c).fill === 'none' ? 'ring' : 'dot'));
    assert.deepEqual(marks, ['dot', 'ring']);
    const first = await check(1);
    assert.ok(Math.abs(first.measured - first.law) <= first.error, `first view: ${first.measured} ± ${first.error} against ${first.law}`);
    const slider = page.locator('#sgd-cloud input[type=range]');
    await slider.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight'); // B = 8
    const at8 = await check(8);
    // Back and forth, as a thumb goes: B = 8 again gives the same numbers
    // (kept from the first time), the same as a page opened at B = 8.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await check(8), at8);
    const fresh = await browser.newPage();
    await fresh.goto(`${servedUrl}#sgd-cloud.batch=8`);
    await fresh.waitForSelector('html[data-ready="true"]');
    const [freshVariance, freshCaption] = [await fresh.getAttribute('#sgd-cloud', 'data-variance'), await plainText(fresh, '#sgd-cloud .caption')];
    await fresh.close();
    assert.equal(Number(freshVariance), at8.measured);
    assert.equal(freshCaption, await plainText(page, '#sgd-cloud .caption'));
    await page.keyboard.press('End'); // B = n: every batch is the whole set
    assert.ok(await read('variance') < 1e-20);
    assert.equal(await read('law'), 0);
    assert.match(await plainText(page, '#sgd-cloud .caption'), /With batch 32 = n every batch is the whole set/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('one-example steps beyond the view are marked at its edge and counted in the caption; moved near the minimum, none is', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const canvas = page.locator('#sgd-cloud .main-canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    // Pixels of the one-example steps' colour (SGD's, #e69f00) in the strip along the plot's lower edge.
    const marks = () => canvas.evaluate((c) => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const r = c.width / c.getBoundingClientRect().width;
      const y1 = c.height - 34 * r;
      const d = c.getContext('2d').getImageData(0, Math.round(y1 - 14 * r), c.width, Math.round(13 * r)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 230 && d[i + 1] === 159 && d[i + 2] === 0) n++;
      done(n);
    }))));
    assert.equal(await page.getAttribute('#sgd-cloud', 'data-outside'), '2');
    assert.match(await plainText(page, '#sgd-cloud .caption'), /the 32 one-example steps average to the full step; 2 of them land outside the view, and triangles on its edge point to the steps beyond it\./);
    assert.ok(await marks() > 10, 'the two triangles are drawn on the lower edge');
    // A click moves w: near the minimum (1, 1.05) every step stays in view.
    const box = await canvas.boundingBox();
    await page.mouse.click(box.x + 56 + ((1 + 2.5) / 6) * (box.width - 68), box.y + 12 + ((4 - 1.05) / 5.5) * (box.height - 46));
    await page.waitForFunction(() => document.querySelector('#sgd-cloud').dataset.outside === '0');
    assert.doesNotMatch(await plainText(page, '#sgd-cloud .caption'), /outside the view/);
    assert.equal(await marks(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('annealing: SGD escapes the shallow basin, gradient descent never; larger batches escape less', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const deep = async () => Number(await page.getAttribute('#annealing', 'data-deep'));
    const atBatch1 = await deep();
    assert.ok(atBatch1 > 300, `batch 1: ${atBatch1} of 400 escaped`);
    assert.match(await plainText(page, '#annealing .caption'), /still in the shallow basin/);
    // The bars' scale: the tallest is labelled with its count, here the fullest of the scene's bins.
    assert.match(await plainText(page, '#annealing .legend'), /where the 400 SGD runs are \(bars\)/);
    const scene = JSON.parse(readFileSync(join(root, 'web', 'scenes', 'annealing.json'), 'utf8'));
    const [download] = await Promise.all([page.waitForEvent('download'), shareAction(page.locator('#annealing'), 'csv')]);
    const rows = readFileSync(await download.path(), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    assert.equal(rows.length, 400);
    const [v0, v1] = scene.view;
    const counts = new Array(scene.bins).fill(0);
    for (const [, w, diverged] of rows) {
      const b = Math.floor(((w - v0) / (v1 - v0)) * scene.bins);
      if (!diverged && b >= 0 && b < scene.bins) counts[b]++;
    }
    assert.equal(Number(await page.getAttribute('#annealing', 'data-peak')), Math.max(...counts));
    const slider = page.locator('#annealing input[type=range]').nth(1);
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // B = 4
    assert.ok((await deep()) < atBatch1 / 4, `batch 4: ${await deep()} escaped`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
