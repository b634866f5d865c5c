// Figure 10, the playground: a function typed key by key, presets, runs
// added and changed, a run stopped where f is undefined, zoom, and the
// link that brings all of it back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { shareAction } from './chromium.mjs';
import { root } from '../js/helpers.mjs';

import { servedUrl, open, lessonPage, bringIntoView, plainText } from './page-helpers.mjs';

lessonPage();

const caption = (page) => plainText(page, '#playground .caption');

// Replace the function the way a reader does: select it all, then type.
async function typeFunction(page, text) {
  const field = page.locator('#playground-f');
  await bringIntoView(field);
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
}

describe('figure 10: the playground', () => {
  test('a function typed key by key: mistakes are named at their column, then every run races on it', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    assert.match(await caption(page), /^Step 500: 1\. gradient descent: f = 4\.47; 2\. momentum: f = 0\.00443, the lowest; 3\. Adam: f = 0\.112\.$/);
    await typeFunction(page, 'x^2 + 5*y^2 + sinn(x');
    const error = page.locator('#playground-f-error');
    // Half-typed: the text ends before its call does.
    assert.match(await error.textContent(), /Unknown function “sinn” at column 15; did you mean “sin”\?/);
    assert.equal(await page.getAttribute('#playground-f', 'aria-invalid'), 'true');
    assert.match(await caption(page), /not complete yet/);
    assert.equal(await page.locator('#playground .expression-at mark').textContent(), 's');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace'); // "x^2 + 5*y^2 + "
    assert.match(await error.textContent(), /Unexpected the end of the function at column 15: expected a number, a variable, a function or “\(”\./);
    await page.keyboard.type('2x', { delay: 5 });
    assert.match(await error.textContent(), /Unexpected “x” at column 16: expected an operator or the end \(write \* to multiply\)\./);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('*cos(x*y)', { delay: 5 });
    assert.equal(await error.textContent(), '');
    assert.equal(await page.getAttribute('#playground-f', 'aria-invalid'), null);
    const text = await caption(page);
    assert.match(text, /^Step 500: 1\. gradient descent: f = /);
    assert.doesNotMatch(text, /NaN|Infinity|undefined/);
    assert.equal(await page.locator('#playground-preset').inputValue(), ''); // "your own"
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a function at another scale: once the typing pauses, the view fits the runs', async () => {
    const { page, problems } = await open(`${servedUrl}#playground.runs=gd:lr=0.1`, { inside: servedUrl });
    await typeFunction(page, '(x - 40)^2 + (y + 25)^2');
    await page.waitForFunction(() => /playground\.view=/.test(location.hash) && !/playground\.view=-2%2C2%2C-1%2C3/.test(location.hash));
    const [x0, x1, y0, y1] = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('playground.view').split(',').map(Number);
    // From (−1.5, 2) to the minimum at (40, −25), and no farther than a margin.
    assert.ok(x0 < -1.5 && x1 > 40 && y0 < -25 && y1 > 2, `${[x0, x1, y0, y1]}`);
    assert.ok(x1 - x0 < 70 && y1 - y0 < 50, `${[x0, x1, y0, y1]}`);
    assert.match(await caption(page), /^Step 500: 1\. gradient descent: f = [\d.]+·10⁻/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a run that lands where f is undefined stops there and says why; the map shades that region', async () => {
    const { page, problems } = await open(`${servedUrl}#playground.f=(x-3)%5E2%2Blog(x)%2By%5E2&playground.w0=1,1&playground.runs=gd:lr=2,adam:lr=0.1&playground.view=-2,8,-3,3`, { inside: servedUrl });
    const text = await caption(page);
    assert.match(text, /1\. gradient descent stops after step 1: its next point needs the log of a number ≤ 0 \(column 9\)/);
    assert.match(text, /2\. Adam: f = [\d.]+/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('runs are added up to six, changed and removed; presets bring their own start, view and runs', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const add = page.locator('#playground button', { hasText: 'Add a run' });
    await bringIntoView(add);
    for (let i = 0; i < 3; i++) await add.click();
    assert.equal(await page.locator('#playground .run').count(), 6);
    assert.equal(await add.isDisabled(), true);
    // Run 4 becomes L-BFGS: no γ, its memory instead.
    await page.selectOption('#playground-run3-kind', 'lbfgs');
    assert.equal(await page.locator('#playground-run3-lr').count(), 0);
    assert.equal(await page.inputValue('#playground-run3-memory'), '6');
    assert.match(await caption(page), /4\. L-BFGS stops after step \d+ \(the gradient is zero\), f = 0;/);
    // A γ out of range is named, and the other runs go on.
    await page.fill('#playground-run0-lr', '-1');
    assert.match(await page.locator('#playground-run0-lr-error').textContent(), /lr must be a number in \(0, 1000000\]/);
    await page.locator('#playground .run .remove').first().click();
    assert.equal(await page.locator('#playground .run').count(), 5);
    assert.equal(await add.isDisabled(), false);

    await page.selectOption('#playground-preset', 'saddle');
    assert.equal(await page.inputValue('#playground-f'), 'x^2 - y^2');
    assert.equal(await page.locator('#playground .run').count(), 3);
    // Started on the stable axis, every run stalls at the saddle point…
    assert.match(await caption(page), /^Step 500: 1\. gradient descent: f = [\d.]+·10⁻[⁰¹²³⁴-⁹]+/);
    // …until the gradients get noise: then they fall off it, downhill
    // without end (f has no minimum), until they count as diverged.
    const noise = page.locator('#playground-noise');
    await bringIntoView(noise);
    await noise.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    assert.match(await caption(page), /^Gradient noise σ = 0\.5, seed 1\. Step 500: 1\. gradient descent diverges at step \d+; 2\. momentum diverges at step \d+; 3\. Adam: f = -\d+/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the view zooms and fits, the start moves by keyboard, and the link restores it all', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const figure = page.locator('#playground');
    const state = () => page.evaluate(() => location.hash);
    await bringIntoView(page.locator('#playground-view'));
    await page.locator('#playground button[aria-label="zoom in"]').click();
    await page.locator('#playground-f').focus();
    const map = page.locator('#playground canvas').first();
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => /playground\.view=/.test(location.hash) && /playground\.w0=/.test(location.hash));
    const hash = await state();
    assert.match(decodeURIComponent(hash), /playground\.view=-1\.33333,1\.33333,-0\.333333,2\.33333/);
    assert.match(decodeURIComponent(hash), /playground\.w0=-1\.467,2\.033/);
    const text = await caption(page);
    const again = await open(page.url(), { inside: servedUrl });
    assert.equal(await caption(again.page), text);
    assert.equal(await again.page.inputValue('#playground-f'), '(1 - x)^2 + 100*(y - x^2)^2');
    await page.locator('#playground button', { hasText: 'Fit the view' }).click();
    await page.waitForFunction((before) => location.hash !== before, hash);
    assert.doesNotMatch(decodeURIComponent(await state()), /view=-1\.33333/);
    assert.ok(await figure.isVisible());
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
    await page.close();
  });

  test('the Scenario JSON export holds every run, and the CLI reproduces each one as the CSV has it', async () => {
    const { page, problems } = await open(`${servedUrl}#playground.preset=himmelblau&playground.noise=0.5&playground.seed=7&playground.steps=80`, { inside: servedUrl });
    const figure = page.locator('#playground');
    await bringIntoView(figure.locator('.share-toggle'));
    const [csvFile] = await Promise.all([page.waitForEvent('download'), shareAction(figure, 'csv')]);
    const rows = readFileSync(await csvFile.path(), 'utf8').trim().split('\n').map((line) => line.split(','));
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), shareAction(figure, 'json')]);
    const scenarios = JSON.parse(readFileSync(await jsonFile.path(), 'utf8'));
    assert.equal(scenarios.length, 3);
    assert.deepEqual(scenarios.map((sc) => [sc.optimizer.kind, sc.problem.noise, sc.seed, sc.steps]), [['gd', 0.5, 7, 80], ['momentum', 0.5, 7, 80], ['adam', 0.5, 7, 80]]);
    const cli = spawnSync(join(root, 'build', 'native', 'optlab'), ['run', await jsonFile.path()], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const outputs = JSON.parse(cli.stdout);
    assert.equal(outputs.length, 3);
    outputs.forEach((out, r) => {
      const column = rows[0].indexOf(`${r + 1}-${scenarios[r].optimizer.kind}_w1`);
      assert.ok(column > 0, rows[0].join(','));
      out.w.forEach((w, k) => assert.deepEqual(w, [Number(rows[k + 1][column]), Number(rows[k + 1][column + 1])], `run ${r + 1}, step ${k}`));
    });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a link with runs the registry does not have, or parameters out of range, names each and draws the rest', async () => {
    const { page, problems } = await open(`${servedUrl}#playground.runs=gd:lr=0.001,adamw:lr=0.1,momentum:lr=0.001:beta=3,adam:lr=0.05:gamma=1`, { inside: servedUrl });
    const notes = await plainText(page, '#playground');
    assert.match(notes, /The link's run 2 was not used: "adamw" is not an optimizer: use gd, sgd, momentum/);
    assert.match(notes, /The link's run 3 was not used: beta must be a number in \[0, 1\)\./);
    assert.match(notes, /The link's run 4 was not used: adam has no parameter "gamma": its parameters are lr, beta1, beta2, eps\./);
    assert.equal(await page.locator('#playground .run').count(), 1);
    assert.match(await caption(page), /^Step 500: 1\. gradient descent: f = 4\.47\.$/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('in Korean, the error, the caption and the controls are Korean', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl });
    await typeFunction(page, 'x^2 + sinn(y)');
    assert.match(await page.locator('#playground-f-error').textContent(), /7번째 글자의 “sinn”\u2060?은 모르는 함수입니다\. “sin”\u2060?을 쓰려던 것인가요\?/);
    await typeFunction(page, 'x^2 + y^2');
    assert.match(await caption(page), /^500걸음: 1\. 경사 하강법: f = /);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
