// Figures 2 and 3: SGD's mini-batch variance and annealing on the double well.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { shareAction } from './chromium.mjs';
import { servedUrl, open, lessonPage } from './page-helpers.mjs';

import { root } from '../js/helpers.mjs';

lessonPage();

describe('SGD and annealing', () => {
  test('mini-batch variance follows σ²/B · (n − B)/(n − 1): within 3 standard errors of the law, zero at B = n', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const read = async (name) => Number(await page.getAttribute('#sgd-cloud', `data-${name}`));
    // The 200 draws are seeded, so this is deterministic; 3 standard errors
    // is what an honest measurement of the law may miss by.
    const check = async (batch) => {
      const [measured, error, law] = [await read('variance'), await read('variance-error'), await read('law')];
      assert.ok(error > 0 && error < law / 2, `B = ${batch}: standard error ${error} against the law ${law}`);
      assert.ok(Math.abs(measured - law) <= 3 * error, `B = ${batch}: measured ${measured} ± ${error}, law ${law}`);
      assert.match(await page.textContent('#sgd-cloud .caption'), new RegExp(`With batch ${batch}, 200 mini-batch gradients have variance [0-9.·⁻]+ ± [0-9.·⁻]+ \\(one standard error`));
    };
    await check(1);
    const slider = page.locator('#sgd-cloud input[type=range]');
    await slider.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight'); // B = 8
    await check(8);
    await page.keyboard.press('End'); // B = n: every batch is the whole set
    assert.ok(await read('variance') < 1e-20);
    assert.equal(await read('law'), 0);
    assert.match(await page.textContent('#sgd-cloud .caption'), /With batch 32 = n every batch is the whole set/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('annealing: SGD escapes the shallow basin, gradient descent never; larger batches escape less', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const deep = async () => Number(await page.getAttribute('#annealing', 'data-deep'));
    const atBatch1 = await deep();
    assert.ok(atBatch1 > 300, `batch 1: ${atBatch1} of 400 escaped`);
    assert.match(await page.textContent('#annealing .caption'), /still in the shallow basin/);
    // The bars' scale: the tallest is labelled with its count, here the fullest of the scene's bins.
    assert.match(await page.textContent('#annealing .legend'), /where the 400 SGD runs are \(bars\)/);
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
