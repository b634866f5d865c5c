// The page's hash: every change is written to it, a link restores it, and a
// bad value is explained above its figure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { shareAction } from './chromium.mjs';
import { browser, servedUrl, lessonPage, plainText } from './page-helpers.mjs';

lessonPage();

describe('links', () => {
  test('the page writes every changed figure to its hash; opening that link draws the same trajectories; a bad value is explained', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    await page.focus('#sgd-cloud input[type=range]');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // batch 4
    await page.click('#sgd-cloud button:has-text("New seed")');
    await page.focus('#momentum input[type=range]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /momentum\.lr=/.test(location.hash)); // written a moment after the last input
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /sgd-cloud\.batch=4/);
    assert.match(hash, /momentum\.lr=/);
    const csv = async (p, id) => {
      const [download] = await Promise.all([p.waitForEvent('download'), shareAction(p.locator(`#${id}`), 'csv')]);
      return readFileSync(await download.path(), 'utf8');
    };
    const before = { sgd: await csv(page, 'sgd-cloud'), momentum: await csv(page, 'momentum') };
    const again = await context.newPage();
    await again.goto(page.url());
    await again.waitForSelector('html[data-ready="true"]');
    assert.equal(await csv(again, 'sgd-cloud'), before.sgd);
    assert.equal(await csv(again, 'momentum'), before.momentum);
    assert.equal(await again.textContent('#momentum .slider-value'), await page.textContent('#momentum .slider-value'));
    // A hand-edited link with a value out of range: said above the figure, defaults drawn.
    const bad = await context.newPage();
    const problems = [];
    bad.on('pageerror', (e) => problems.push(e.message));
    await bad.goto(`${servedUrl}#momentum.beta=2`);
    await bad.waitForSelector('html[data-ready="true"]');
    assert.match(await bad.textContent('#momentum .error'), /beta must be a number from 0 to 0\.99 \(got "2"\)/);
    assert.equal(await bad.textContent('#momentum output[for$="-beta"]'), 'β\u00a0=\u00a00.80');
    // A curvature so small that the slider's γ (up to 4/a) would pass the
    // core's limit is refused by its range, and the page still draws.
    await bad.goto(`${servedUrl}#step-sizes.a=0.0001`);
    await bad.waitForSelector('html[data-ready="true"]');
    assert.match(await bad.textContent('#step-sizes .error'), /a must be a number from 0\.001 to 1000 \(got "0\.0001"\)/);
    assert.match(await plainText(bad, '#step-sizes .caption'), /^γ = 0\.5 \(0\.5\/a\)/);
    // In Korean, every word of the message is Korean (the names and values
    // stay as the link spells them).
    await bad.goto(`${servedUrl}?lang=ko#momentum.beta=2&momentum.lrr=1&lbfgs.problem=bowll&sgd-cloud.w0=9,9`);
    await bad.waitForSelector('html[data-ready="true"]');
    const koNotes = await bad.$$eval('.figure .error', (ps) => ps.map((p) => p.textContent));
    assert.equal(koNotes.length, 4); // figure 6 reads figure 4's beta too
    assert.match(koNotes[0], /^링크에 담긴 이 그림의 설정을 쓰지 않았습니다: w0 값은 w1이 -2\.5부터 3\.5까지, w2가 -1\.5부터 4까지인 "w1,w2" 두 수여야 합니다 \(받은 값: "9,9"\)$/);
    assert.match(koNotes[1], /lrr은\(는\) momentum의 설정이 아닙니다: momentum의 설정은 curvature, lr, beta, w0, steps, gd입니다; beta 값은 0부터 0\.99까지의 수여야 합니다 \(받은 값: "2"\)$/);
    assert.match(koNotes[2], /: beta 값은 0부터 0\.99까지의 수여야 합니다 \(받은 값: "2"\)$/);
    assert.match(koNotes[3], /problem 값은 rosenbrock, bowl 중 하나여야 합니다 \(받은 값: "bowll"\)$/);
    for (const note of koNotes) assert.doesNotMatch(note, /must be|is not a setting|got "/);
    // Keys no figure reads are said too, never dropped silently: a figure's
    // unknown setting above that figure, a figure the page does not have
    // (or figure 6, which writes figure 4's keys) above the figures. A key
    // without a dot is an anchor, and the other figures' settings still hold.
    const stray = await context.newPage();
    stray.on('pageerror', (e) => problems.push(e.message));
    await stray.goto(`${servedUrl}#momentum.lrr=0.1&nofig.lr=2&rate-map.beta=0.5&sgd-cloud&sgd-cloud.batch=4`);
    await stray.waitForSelector('html[data-ready="true"]');
    assert.match(await stray.textContent('#momentum .error'), /lrr is not a setting of momentum: its settings are curvature, lr, beta, w0, steps/);
    const pageNotes = await stray.$$eval('main > p.error[role=alert]', (ps) => ps.map((p) => p.textContent));
    assert.equal(pageNotes.length, 2);
    assert.match(pageNotes[0], /"nofig\.lr" was not used: this page has no figure "nofig" \(its figures: step-sizes, .*lbfgs, adaptive, playground\)/);
    assert.doesNotMatch(pageNotes[0], /rate-map/);
    assert.match(pageNotes[1], /"rate-map\.beta" was not used: .*write momentum\.beta/);
    assert.equal(await stray.locator('#sgd-cloud .error').count(), 0);
    assert.equal(await stray.textContent('#sgd-cloud .slider-value'), 'B\u00a0=\u00a04');
    // Once the reader changes a figure, the hash holds only keys the page reads:
    // figure 6's γ and β under figure 4's names, nothing under its own.
    await stray.focus('#sgd-cloud input[type=range]');
    await stray.keyboard.press('ArrowRight');
    await stray.waitForFunction(() => /sgd-cloud\.batch=5/.test(location.hash));
    const rewritten = new URLSearchParams((await stray.evaluate(() => location.hash)).slice(1));
    assert.deepEqual([...new Set([...rewritten.keys()].map((key) => key.split('.')[0]))].sort(), ['momentum', 'sgd-cloud']);
    // A link pasted into the same tab changes only the hash: the figures follow it.
    await Promise.all([stray.waitForEvent('load'), stray.evaluate(() => { location.hash = '#momentum.beta=0.5'; })]);
    await stray.waitForSelector('html[data-ready="true"]');
    assert.equal(await stray.textContent('#momentum output[for$="-beta"]'), 'β\u00a0=\u00a00.50');
    assert.equal(await stray.locator('.error').count(), 0);
    // A plain anchor only scrolls.
    await stray.evaluate(() => { location.hash = '#lbfgs'; });
    await stray.waitForFunction(() => document.getElementById('lbfgs').getBoundingClientRect().top < 50);
    assert.equal(await stray.textContent('#momentum output[for$="-beta"]'), 'β\u00a0=\u00a00.50');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
