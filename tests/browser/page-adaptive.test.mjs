// Figure 9, beyond the lecture: RMSProp and Adam beside momentum on the
// lecture's bowl, with the course notebook's noise or without.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { servedUrl, open, lessonPage, bringIntoView, plainText } from './page-helpers.mjs';

lessonPage();

const caption = (page) => plainText(page, '#adaptive .caption');

// A click where a reader clicks: the middle of the label's box.
async function clickLabel(page, selector) {
  const label = page.locator(selector);
  await bringIntoView(label);
  const box = await label.boundingBox();
  await page.mouse.click(box.x + 10, box.y + box.height / 2);
}

describe('figure 9: adaptive methods', () => {
  test('the first steps show the rescaling; with noise all three bounce about equally far; the caption says so', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const text = await caption(page);
    // Without noise, from (1, 1) on diag(1, 5): a gradient step is 5 times as long in w₂; the adaptive ones equal.
    assert.match(text, /First step without noise, \|Δw₂\| \/ \|Δw₁\|: momentum 5, RMSProp 1, Adam 1\./);
    assert.match(text, /Seed 1, step 100: over the last 50 steps/);
    assert.match(text, /They stay about equally far \(within 20%\)\./);
    assert.match(await plainText(page, '#adaptive .legend'), /Adam \(γ = 0\.1, β₁ = 0\.7, β₂ = 0\.7\)/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without noise and with momentum tuned for the bowl, momentum wins by far; the link keeps both choices', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    await clickLabel(page, 'label[for="adaptive-noise"]');
    await clickLabel(page, 'label[for="adaptive-best"]');
    await page.waitForFunction(() => /adaptive\.noise=0/.test(location.hash) && /adaptive\.momentum=best/.test(location.hash));
    const text = await caption(page);
    assert.match(text, /^First step without noise/);
    assert.match(text, /Step 100, distance to the minimum: momentum [^;]+; RMSProp [\d.]+; Adam [\d.]+\. Momentum is closest, by a factor of more than 1·10⁶\./);
    assert.match(await plainText(page, '#adaptive .legend'), /momentum \(γ = 0\.382, β = 0\.146, its best pair\)/);
    const again = await open(page.url(), { inside: servedUrl });
    assert.equal(await again.page.isChecked('#adaptive-noise'), false);
    assert.equal(await again.page.isChecked('#adaptive-best'), true);
    assert.equal(await caption(again.page), text);
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
    await page.close();
  });

  test('with noise, momentum tuned for exact gradients bounces farther than the course settings', async () => {
    const { page } = await open(`${servedUrl}#adaptive.momentum=best`, { inside: servedUrl });
    const distances = Object.fromEntries([...(await caption(page)).matchAll(/(momentum|RMSProp|Adam) ([\d.]+)(?=[;.])/g)].map((m) => [m[1], Number(m[2])]));
    assert.ok(distances.momentum > distances.RMSProp && distances.momentum > distances.Adam, JSON.stringify(distances));
    await page.close();
  });

  test('in Korean, the caption and legend are Korean', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl });
    assert.match(await caption(page), /노이즈 없는 첫걸음의 \|Δw₂\| \/ \|Δw₁\|: 모멘텀 5, RMSProp 1, Adam 1\./);
    assert.match(await plainText(page, '#adaptive .legend'), /모멘텀 \(γ = 0\.03, β = 0\.7\)/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
