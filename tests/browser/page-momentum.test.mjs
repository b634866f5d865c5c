// Figures 4 and 6: momentum on a bowl and the (γ, β) rate map.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { browser, servedUrl, open, bringIntoView, lessonPage, plainText } from './page-helpers.mjs';

lessonPage();

describe('momentum and the (γ, β) map', () => {
  test('dragging on the map moves (γ, β) in figure 4; "best" goes to Polyak\'s optimum', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const before = await plainText(page, '#momentum .caption');
    assert.match(await plainText(page, '#rate-map .toolbar .hint'), /arrow keys; “Momentum on a bowl” above moves with it\.$/);
    const map = page.locator('#rate-map canvas');
    await bringIntoView(map);
    const box = await map.boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    assert.notEqual(await plainText(page, '#momentum .caption'), before);
    assert.notEqual(await page.textContent('#momentum .slider-value'), 'γ\u00a0=\u00a00.05');
    await page.click('#rate-map button');
    assert.match(await plainText(page, '#rate-map .caption'), /factor 0\.382 per step/);
    assert.match(await plainText(page, '#rate-map .caption'), /There Nesterov’s form diverges \(its rate is 1\.16\): the star lies right of its dotted edge\.$/);
    // Acceleration: gradient descent's best on the bowl (μ = 1, L = 5) is γ = 2/(μ + L), rate (L − μ)/(L + μ).
    assert.match(await plainText(page, '#rate-map .caption'), /the best gradient descent \(β = 0, γ = 2\/\(μ \+ L\) = 0\.333\) only 0\.667\. There/);
    // And there, with one click, to set against it in figure 4: momentum with β = 0 is gradient descent.
    await page.click('#rate-map button:has-text("Go to the best gradient descent")');
    assert.match(await plainText(page, '#rate-map .caption'), /^At γ = 0\.333, β = 0\.00 the error shrinks by a factor 0\.667 per step/);
    // The map counts the error's steps, figure 4 f's: the caption says how the two agree.
    const [, errorSteps] = (await plainText(page, '#rate-map .caption')).match(/about (\d+) steps until it is 1·10⁻⁶ of its start \(f, quadratic in the error, gets there in about half as many\)/);
    const [, fSteps] = (await plainText(page, '#momentum .caption')).match(/^γ = 0\.333, β = 0\.00\. From which step f stays below 1·10⁻⁶ of its starting value: momentum (\d+)/);
    assert.ok(Math.abs(Number(fSteps) - Number(errorSteps) / 2) <= 2, `error ${errorSteps} steps, f ${fSteps}`);
    await page.click('#rate-map button');
    assert.match(await plainText(page, '#momentum'), /β = 0\.15/);
    // Heavy ball's best is out of Nesterov's bounds (γL = 1.91 > 2(1 + β)/(1 + 2β) = 1.77):
    // its f grows, slowly, and the caption says it diverges, at Nesterov's own rate.
    const best = await plainText(page, '#momentum .caption');
    const [, nesterovRate] = best.match(/Nesterov diverges \(rate ([\d.]+) > 1; f is above its start from step \d+\)/) ?? [];
    assert.ok(nesterovRate, best);
    const x = 0.381966 * 5, b = 0.145898; // γ*L and β* of Polyak for μ = 1, L = 5
    const t = (1 + b) * (1 - x), d = b * (1 - x);
    assert.ok(Math.abs(Number(nesterovRate) - (Math.abs(t) + Math.sqrt(t * t - 4 * d)) / 2) < 0.006, best); // 1.157, shown to 3 digits
    assert.match(best, /momentum \d+,/);
    // A mouse over the map reads the rate there, and moves nothing.
    const caption = await plainText(page, '#momentum .caption');
    const readout = () => plainText(page, '#rate-map .map-readout');
    assert.match(await readout(), /Point at the map/);
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.9); // large γ, small β
    assert.match(await readout(), /^Under the pointer: γ = [\d.]+, β = 0\.\d\d, rate [\d.]+ \(divergent\)\.$/);
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.15); // small γ, large β
    const [, lr, beta, rate] = (await readout()).match(/γ = ([\d.]+), β = ([\d.]+), rate ([\d.]+) \((ripples|monotone)\)/).map(Number);
    // The bowl's curvatures are 1 and 5; the rate is the larger |root| of z² − (1 + β − γλ)z + β.
    const root = (l) => { const t = 1 + beta - lr * l, d = t * t - 4 * beta; return d < 0 ? Math.sqrt(beta) : (Math.abs(t) + Math.sqrt(d)) / 2; };
    assert.ok(Math.abs(rate - Math.max(root(1), root(5))) < 0.01, `${rate} at γ ${lr}, β ${beta}`);
    await page.mouse.move(box.x - 20, box.y - 20);
    assert.match(await readout(), /Point at the map/);
    assert.equal(await plainText(page, '#momentum .caption'), caption);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the colour key reads the map: under the mouse, the map has the key\'s colour at the rate read there', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const map = page.locator('#rate-map canvas');
    await bringIntoView(map);
    assert.equal(await page.getAttribute('#rate-map .color-key', 'aria-label'), 'Colour: yellow converges in few steps, purple in many; grey diverges.');
    assert.deepEqual(await page.$$eval('#rate-map .color-ticks span', (t) => t.map((x) => x.textContent)), ['0.999', '0.99', '0.9', '0']);
    // The key's gradient, as the page styled it: its colour a fraction p along.
    const stops = (await page.$eval('#rate-map .color-bar', (b) => getComputedStyle(b).backgroundImage))
      .match(/rgb\(\d+, \d+, \d+\) [\d.]+%/g).map((m) => m.match(/[\d.]+/g).map(Number));
    const keyAt = (p) => {
      const i = stops.findIndex(([, , , at]) => at / 100 >= p);
      if (i <= 0) return stops[0].slice(0, 3);
      const [a, b] = [stops[i - 1], stops[i]];
      const f = (100 * p - a[3]) / (b[3] - a[3]);
      return [0, 1, 2].map((k) => a[k] + (b[k] - a[k]) * f);
    };
    const box = await map.boundingBox();
    // Three clear spots (no line, label or point): monotone, ripples, near the best pair.
    for (const [fx, fy] of [[0.3, 0.88], [0.5, 0.3], [0.72, 0.9]]) {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const rate = Number((await plainText(page, '#rate-map .map-readout')).match(/rate ([\d.]+)/)[1]);
      // Where the core's colouring puts that rate: digits gained per step, up to 3, purple to yellow.
      const p = 1 - Math.min(3, -Math.log10(1 - rate)) / 3;
      const pixel = await map.evaluate((c, [x, y]) => [...c.getContext('2d').getImageData(Math.round(x * c.width), Math.round(y * c.height), 1, 1).data].slice(0, 3), [fx, fy]);
      const want = keyAt(p);
      assert.ok(pixel.every((v, k) => Math.abs(v - want[k]) <= 14), `rate ${rate} at (${fx}, ${fy}): map ${pixel}, key ${want.map(Math.round)} at ${p.toFixed(3)}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the map is grey exactly where the core finds a rate of 1 or more', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const map = page.locator('#rate-map canvas');
    await bringIntoView(map);
    const box = await map.boundingBox();
    // Across a row at mid-height: the first pixel of the divergent grey.
    const { y, grey, width } = await map.evaluate((c) => {
      const row = Math.round(c.height * 0.45);
      const d = c.getContext('2d').getImageData(0, row, c.width, 1).data;
      let first = -1;
      for (let x = 0; x < c.width && first < 0; x++) if (d[4 * x] === 150 && d[4 * x + 1] === 150 && d[4 * x + 2] === 150) first = x;
      return { y: row, grey: first, width: c.width };
    });
    assert.ok(grey > width / 2, `the divergent region starts right of the middle (first grey pixel at ${grey} of ${width})`);
    const css = box.width / width;
    const clickAt = async (x) => {
      await page.mouse.click(box.x + x * css, box.y + y * css);
      return plainText(page, '#rate-map .caption');
    };
    // Just inside the grey, the core's rate is ≥ 1; just left of the white boundary line, < 1.
    assert.match(await clickAt(grey + 1), /≥ 1: the run diverges/);
    assert.match(await clickAt(grey - 4), /the error shrinks by a factor 0\.\d+ per step/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('figures 4 and 5 say from which step f stays below the target, not where it first dips', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    // Reference: the same recurrences in NumPy (float64). At γ = 0.05, β = 0.8
    // both momentum forms first dip under 10⁻⁶·f(w0) at step 39; momentum
    // climbs back over it and stays under only from step 61, Nesterov from 39.
    assert.match(await plainText(page, '#momentum .caption'), /stays below 1·10⁻⁶ of its starting value: momentum 61, Nesterov 39, gradient descent not within 100 steps/);
    // γ = 0.15(1 − β): β = 0.25 → 35, 0.5 → 30, 0.75 → 45, 0.9 → 127, 0.99 not within 200.
    assert.match(await plainText(page, '#beta-effect .caption'), /β = 0.25 from step 35; β = 0.5 from step 30; β = 0.75 from step 45; β = 0.9 from step 127; β = 0.99 not within 200 steps/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('momentum: the heavy-ball overlay draws on the path; a large γ reports divergence, not NaN', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const path = () => page.$eval('#momentum canvas', (c) => c.toDataURL());
    const plain = await path();
    await page.check('#momentum-hb');
    // Checking scrolled the figure into view; a canvas that was far from the
    // screen repaints once the browser reports it near (a frame or two later).
    await page.waitForFunction((before) => document.querySelector('#momentum canvas').toDataURL() !== before, plain, { timeout: 5000 });
    assert.notEqual(await path(), plain);
    await page.focus('#momentum input[type=range]');
    await page.keyboard.press('End'); // γ = 1 with β = 0.8: 5γ > 2(1 + β)
    await page.waitForFunction(() => /diverges \(stopped at step \d+\)/.test(((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(document.querySelector('#momentum .caption'))));
    assert.doesNotMatch(await plainText(page, '#momentum'), /NaN|Infinity|undefined/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('figure 4 can run gradient descent at its own best γ = 2/(μ + L): a click, the caption, the rule and the link say so', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const caption = () => plainText(page, '#momentum .caption');
    assert.match(await caption(), /^γ = 0\.05, β = 0\.80\..*, gradient descent not within 100 steps\.$/);
    const box = page.locator('label[for="momentum-gd"]');
    await bringIntoView(box);
    const at = await box.boundingBox();
    await page.mouse.click(at.x + 8, at.y + at.height / 2);
    // The bowl's curvatures are 1 and 5: γ = 2/6, and gradient descent's rate (L − μ)/(L + μ) = 2/3;
    // f, quadratic in the error, shrinks by (2/3)² per step and reaches 10⁻⁶ of its start in about 17.
    await page.waitForFunction(() => /gradient descent \(at its own γ = 0\.333\) \d+\.$/.test(((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(document.querySelector('#momentum .caption'))));
    const [, steps] = (await caption()).match(/at its own γ = 0\.333\) (\d+)\.$/);
    assert.ok(Number(steps) >= 15 && Number(steps) <= 19, await caption());
    assert.match(await caption(), /^γ = 0\.05, β = 0\.80\./); // momentum keeps its own γ
    await page.waitForFunction(() => /0\.333/.test(document.querySelector('#momentum .equations .rule').textContent));
    // The page's link carries it, and opening the link restores it.
    await page.waitForFunction(() => /momentum\.gd=best/.test(location.hash));
    const link = page.url();
    const again = await open(link, { inside: servedUrl });
    assert.equal(await again.page.isChecked('#momentum-gd'), true);
    assert.equal(await plainText(again.page, '#momentum .caption'), await caption());
    assert.deepEqual(again.problems, []);
    await again.page.close();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
