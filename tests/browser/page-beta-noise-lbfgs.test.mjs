// Figures 5, 7 and 8: the effect of β, noise smoothing and L-BFGS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { servedUrl, open, lessonPage } from './page-helpers.mjs';

lessonPage();

describe('β, noise smoothing and L-BFGS', () => {
  test('the β lock divides γ by 10 from 0.9 to 0.99, and unlocking gives every β the same γ', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const legendText = await page.textContent('#beta-effect .legend');
    assert.match(legendText, /β = 0\.9, γ = 0\.015/);
    assert.match(legendText, /β = 0\.99, γ = 0\.0015/);
    await page.uncheck('#beta-effect input[type=checkbox]');
    assert.match(await page.textContent('#beta-effect .caption'), /γ = 0\.15 for every β/);
    assert.match(await page.textContent('#beta-effect .legend'), /β = 0\.99, γ = 0\.15/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('noise smoothing: a bad seed is refused beside the field; a new seed redraws; averaging ends closest', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const first = await page.textContent('#noise-smoothing .caption');
    const distances = first.match(/SGD stayed on average ([\d.]+) .* momentum ([\d.]+); the running average w̄ is ([\d.]+) away/);
    assert.ok(distances, first);
    assert.ok(Number(distances[3]) < Number(distances[1]), 'the average should end closer than SGD wanders');
    await page.fill('#noise-smoothing input.seed', '-4');
    await page.press('#noise-smoothing input.seed', 'Enter');
    assert.match(await page.textContent('#noise-smoothing .field-error'), /seed must be an integer from 0 to 9007199254740991/);
    assert.equal(await page.textContent('#noise-smoothing .caption'), first);
    await page.fill('#noise-smoothing input.seed', '7');
    await page.press('#noise-smoothing input.seed', 'Enter');
    assert.equal(await page.textContent('#noise-smoothing .field-error'), '');
    assert.match(await page.textContent('#noise-smoothing .caption'), /^Seed 7, step 300/);
    await page.click('#noise-smoothing .seed-control button');
    assert.doesNotMatch(await page.textContent('#noise-smoothing .caption'), /^Seed 7,/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('L-BFGS reaches machine precision on Rosenbrock where gradient descent creeps; the bowl works too', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const text = await page.textContent('#lbfgs .caption');
    const reached = text.match(/reached f < 1·10⁻¹⁰ at step (\d+)/);
    assert.ok(reached && Number(reached[1]) < 80, text);
    assert.match(text, /gradient descent has f = [\d.]+;/);
    await page.check('#lbfgs input[value=bowl]');
    assert.equal(await page.getAttribute('#lbfgs', 'data-problem'), 'bowl');
    assert.match(await page.textContent('#lbfgs .caption'), /^bowl diag\(1, 5\), step 200: L-BFGS/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
