// Figures 5, 7 and 8: the effect of β, noise smoothing and L-BFGS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { servedUrl, open, lessonPage, bringIntoView, plainText } from './page-helpers.mjs';

lessonPage();

describe('β, noise smoothing and L-BFGS', () => {
  test('the β lock divides γ by 10 from 0.9 to 0.99, and unlocking gives every β the same γ', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const legendText = await plainText(page, '#beta-effect .legend');
    assert.match(legendText, /β = 0\.9, γ = 0\.015/);
    assert.match(legendText, /β = 0\.99, γ = 0\.0015/);
    await page.uncheck('#beta-effect-lock');
    assert.match(await plainText(page, '#beta-effect .caption'), /γ = 0\.15 for every β/);
    assert.match(await plainText(page, '#beta-effect .legend'), /β = 0\.99, γ = 0\.15/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the lecture\'s β = 0.9 or 0.99: on the round bowl a small β is fastest; in the steep valley only 0.9 and 0.99 converge, and the link keeps the valley', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const caption = () => plainText(page, '#beta-effect .caption');
    const steps = (text, beta) => Number((text.match(new RegExp(`β = ${beta} from step (\\d+)`)) ?? [])[1]);
    const round = await caption();
    assert.ok(steps(round, 0.5) < steps(round, 0.9), round);
    await bringIntoView(page.locator('label[for="beta-effect-steep"]'));
    const box = await page.locator('label[for="beta-effect-steep"]').boundingBox();
    await page.mouse.click(box.x + 8, box.y + box.height / 2);
    await page.waitForFunction((before) => ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(document.querySelector('#beta-effect .caption')) !== before, round);
    const valley = await caption();
    for (const beta of ['0.25', '0.5', '0.75']) assert.match(valley, new RegExp(`β = ${beta} diverges`), valley);
    assert.ok(steps(valley, 0.9) > 0, valley);
    assert.match(valley, /β = 0\.99 (from step|not within)/);
    await page.waitForFunction(() => /beta-effect\.curvature=1%2C100|beta-effect\.curvature=1,100/.test(location.hash));
    const again = await open(page.url(), { inside: servedUrl });
    assert.equal(await again.page.isChecked('#beta-effect-steep'), true);
    assert.equal(await plainText(again.page, '#beta-effect .caption'), valley);
    await again.page.close();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('noise smoothing: a bad seed is refused beside the field; a new seed redraws; averaging ends closest', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const first = await plainText(page, '#noise-smoothing .caption');
    const distances = first.match(/SGD stayed on average ([\d.]+) .* momentum ([\d.]+); the running average w̄ is ([\d.]+) away/);
    assert.ok(distances, first);
    assert.ok(Number(distances[3]) < Number(distances[1]), 'the average should end closer than SGD wanders');
    // Momentum's smoothing shows in its path, not its distance: the caption says both.
    const [, momentumPath, sgdPath] = first.match(/Momentum smooths the bouncing, not the distance: over those steps momentum’s path is ([\d.]+) long, SGD’s ([\d.]+)\.$/) ?? [];
    assert.ok(Number(momentumPath) < Number(sgdPath) / 2, first);
    await page.fill('#noise-smoothing input.seed', '-4');
    await page.press('#noise-smoothing input.seed', 'Enter');
    assert.match(await page.textContent('#noise-smoothing .field-error'), /seed must be an integer from 0 to 9007199254740991/);
    assert.equal(await plainText(page, '#noise-smoothing .caption'), first);
    await page.fill('#noise-smoothing input.seed', '7');
    await page.press('#noise-smoothing input.seed', 'Enter');
    assert.equal(await page.textContent('#noise-smoothing .field-error'), '');
    assert.match(await plainText(page, '#noise-smoothing .caption'), /^Seed 7, step 300/);
    await page.click('#noise-smoothing .seed-control button');
    assert.doesNotMatch(await plainText(page, '#noise-smoothing .caption'), /^Seed 7,/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('noise smoothing with a step past 2/L: the prose and the caption say that SGD diverges, and at which step; momentum, with its smaller step, does not, down to β = 0', async () => {
    const { page, problems } = await open(`${servedUrl}#noise-smoothing.lr=1`, { inside: servedUrl });
    const text = await plainText(page, '#noise-smoothing');
    assert.match(text, /too long for the bowl’s steepest curvature L: past γ = 2\/L/);
    assert.doesNotMatch(text, /keeps bouncing around the floor|settles far closer/);
    const caption = () => plainText(page, '#noise-smoothing .caption');
    assert.match(await caption(), /^Seed 1\. SGD with γ = 1 diverges \(step \d+\), and its running average w̄ with it; momentum with γ = 0\.2 stays on average [\d.]+ from the minimum\.$/);
    // β = 0 makes momentum SGD itself: both diverge, and the caption says so of both.
    const slider = page.locator('#noise-smoothing input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.match(await caption(), /SGD with γ = 1 diverges \(step (\d+)\).*; momentum with γ = 1 diverges \(step \d+\)\.$/);
    // The stable default says nothing of diverging.
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    assert.doesNotMatch(await plainText(page, '#noise-smoothing .caption'), /diverg/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('L-BFGS reaches machine precision on Rosenbrock where gradient descent creeps; the legend shows every method\'s settings, and on the bowl each runs at its best', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const text = await plainText(page, '#lbfgs .caption');
    const reached = text.match(/reached f < 1·10⁻¹⁰ at step (\d+)/);
    assert.ok(reached && Number(reached[1]) < 80, text);
    assert.match(text, /gradient descent has f = [\d.]+;/);
    const legend = () => page.$$eval('#lbfgs .legend li', (li) => li.map(((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })));
    assert.deepEqual(await legend(), ['L-BFGS (memory 6)', 'gradient descent (γ = 0.001)', 'momentum (γ = 2·10⁻⁴, β = 0.9)']);
    assert.match(text, /The step sizes are picked by hand to stay stable\. L-BFGS stopped at step \d+: machine precision\.$/);
    // The bowl: each first-order method at its own best, named in the legend; momentum then beats
    // gradient descent (as figure 6's rates say), and the caption says which method stopped.
    await page.check('#lbfgs input[value=bowl]');
    assert.equal(await page.getAttribute('#lbfgs', 'data-problem'), 'bowl');
    assert.deepEqual(await legend(), ['L-BFGS (memory 6)', 'gradient descent (γ = 0.333, its best: 2/(μ + L))', 'momentum (γ = 0.382, β = 0.146, its best pair)']);
    const bowl = await plainText(page, '#lbfgs .caption');
    const at = (name) => Number(bowl.match(new RegExp(`${name} reached (?:f < 1·10⁻¹⁰|it) at step (\\d+)`))[1]);
    assert.match(bowl, /^bowl diag\(1, 5\), step 200: L-BFGS/);
    assert.ok(at('L-BFGS \\(memory 6\\)') < at('momentum') && at('momentum') < at('gradient descent'), bowl);
    assert.match(bowl, /Gradient descent and momentum run at their best settings for this bowl\. L-BFGS stopped at step \d+: machine precision\.$/);
    assert.deepEqual(problems, []);
    await page.close();
    // In Korean the caption names the method that stopped too.
    const ko = await open(`${servedUrl}?lang=ko#lbfgs.problem=bowl`, { inside: servedUrl });
    assert.match(await plainText(ko.page, '#lbfgs .caption'), /모멘텀은 \d+번째 걸음에서 도달했습니다\. 경사 하강법과 모멘텀은 이 그릇에서 가장 좋은 설정으로 실행합니다\. L-BFGS는 \d+번째 걸음에서 기계 정밀도에 이르러 멈췄습니다\.$/);
    assert.deepEqual(ko.problems, []);
    await ko.page.close();
  });
});
