// Driving the lesson page's controls by mouse and keyboard: figure 1's
// sweep and slider, figure 4's rules during a drag, the player buttons, and
// the page's fallback when KaTeX is missing, and the core in a page of another encoding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { watchProblems } from './chromium.mjs';
import { browser, servedUrl, open, bringIntoView, blankFractions, caption, lessonPage, plainText } from './page-helpers.mjs';

lessonPage();

describe('interaction', () => {
  test('if KaTeX cannot load, figure 4 shows its rules as TeX source, and every figure still draws', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page, servedUrl);
    await page.route('**/optlab-math.js', (route) => route.abort());
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    await page.waitForFunction(() => document.querySelectorAll('#momentum .equations .equation').length === 4
      && [...document.querySelectorAll('#momentum .equations .equation')].every((e) => e.textContent.length > 0));
    const rules = await page.$$eval('#momentum .equations .equation', (es) => es.map((e) => e.textContent));
    const beta = await page.$eval('#momentum input[type=range][id$=beta]', (i) => Number(i.value).toFixed(2));
    assert.ok(rules[1].startsWith(`{p_{k+1} = ${beta}\\,p_k + g_k},\\quad {w_{k+1}`), rules[1]);
    assert.equal(await page.$$eval('#momentum .katex', (k) => k.length), 0);
    const painted = await blankFractions(page);
    for (const [i, p] of painted.entries()) assert.ok(p > 0.01, `canvas ${i} is blank (${p})`);
    // The only problem is the refused script itself (and the browser's own report of it): no page error.
    assert.deepEqual(problems, [`failed request: ${servedUrl}optlab-math.js`, 'console: Failed to load resource: net::ERR_FAILED']);
    await page.close();
  });

  test('while γ is dragged, figure 4\'s rules follow it at most ten times a second and end on its last value', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    await page.waitForFunction(() => document.querySelectorAll('#momentum .equations annotation').length === 4);
    await bringIntoView(page.locator('#momentum .equations'));
    const drag = await page.evaluate(async () => {
      const input = document.querySelector('#momentum input[type=range][id$=-lr]');
      const shown = () => document.querySelector('#momentum .optlab-lr > .mord').textContent;
      const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
      const lo = Number(input.min), hi = Number(input.max);
      let last = shown(), changes = 0;
      const start = performance.now();
      for (let i = 1; i <= 40; i++) { // one input per frame, as a drag gives
        input.value = String(lo + ((hi - lo) * (i % 8)) / 10);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        if (shown() !== last) { changes += 1; last = shown(); }
      }
      return { changes, ms: performance.now() - start };
    });
    assert.ok(drag.changes >= 2, `the rules' γ never moved during the drag (${JSON.stringify(drag)})`);
    assert.ok(drag.changes <= Math.floor(drag.ms / 100) + 1, `the rules' γ changed ${drag.changes} times in ${drag.ms.toFixed(0)} ms`);
    // The last value lands in every rule, as the slider shows it.
    await page.waitForFunction(() => {
      const label = document.querySelector('#momentum input[type=range][id$=-lr]').getAttribute('aria-valuetext');
      return [...document.querySelectorAll('#momentum .optlab-lr')].every((n) => label === `γ = ${n.textContent}`);
    }, null, { timeout: 5000 });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the wasm, inlined as Latin-1 characters, loads in a host page written in another encoding (EUC-KR): the scripts carry a byte order mark', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems = watchProblems(page, servedUrl);
    const host = new URL('legacy-host.html', servedUrl).href;
    // A Korean course page of the EUC-KR era: without the mark, its scripts
    // would be read as EUC-KR and the wasm's bytes above 0x7F garbled.
    const html = '<!doctype html><html lang="ko"><head><meta charset="euc-kr"><title>notes</title>'
      + '<script src="optlab-embed.js" defer></script></head><body><h1>week 5</h1>'
      + '<optlab-figure scene="momentum" lang="en"></optlab-figure></body></html>';
    await page.route(host, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=euc-kr', body: html }));
    // Served as a file system or an old server does: no charset of its own.
    const script = new URL('optlab-embed.js', servedUrl).href;
    await page.route(script, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: await response.body() });
    });
    await page.goto(host);
    await page.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.characterSet), 'EUC-KR');
    assert.equal(await page.getAttribute('optlab-figure', 'data-ready'), 'true');
    assert.match(await page.evaluate(() => document.querySelector('optlab-figure').shadowRoot.querySelector('.caption').textContent), /momentum/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('dragging the point on the sweep moves γ, and 1/a and 2/a can be hit exactly with the slider', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    await bringIntoView(page.locator('#step-sizes .sweep-canvas'));
    const box = await page.locator('#step-sizes .sweep-canvas').boundingBox();
    // The plot area starts 56 px in and ends 12 px before the right edge; γ/ (1/a) spans 1/128…4 on a log axis.
    const xOf = (r) => box.x + 56 + (Math.log2(r * 128) / 9) * (box.width - 68);
    await page.mouse.move(xOf(0.05), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(3), box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'diverging');
    assert.match(await page.textContent('#step-sizes .slider-value'), /γ\s=\s2\.9\d*\/a|γ\s=\s3(\.0\d*)?\/a/);
    // Keyboard: arrow keys step by a constant factor and land on 1/a and 2/a exactly.
    const slider = page.locator('#step-sizes input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    const seen = new Set();
    for (let i = 0; i < 180; i++) {
      await page.keyboard.press('ArrowRight');
      seen.add(await page.locator('#step-sizes').getAttribute('data-regime'));
      if (seen.has('boundary')) break;
    }
    assert.deepEqual([...seen], ['too_small', 'optimal', 'oscillating', 'boundary']);
    assert.match(await caption(page), /exactly 2\/a: the iterates jump between two points forever/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#step-sizes').getAttribute('data-regime'), 'oscillating');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the sweep says what it draws: f after 5 steps, zero at 1/a on the parabola, lowest above 1/a on the bowl, in the legend and the canvas\'s label', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const sweep = page.locator('#step-sizes .sweep-canvas');
    await bringIntoView(sweep);
    assert.deepEqual(await page.$$eval('#step-sizes .legend li', (li) => li.map(((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; }))), ['the parabola, curvature a', 'a bowl with curvatures a and 0.25a']);
    const label = await sweep.getAttribute('aria-label');
    assert.match(label, /^f after 5 steps against γ: on the parabola the loss is lowest, zero, at exactly 1\/a .* lowest at 1\.47\/a\./);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('keyboard alone reaches and operates every control', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const reached = [];
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        const plain = ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; });
        const name = a?.getAttribute('aria-label') || (a ? plain(a).trim() : '') || a?.type;
        return `${a?.closest('section')?.id}: ${a?.tagName === 'CANVAS' ? 'canvas' : name}`;
      });
    for (let i = 0; i < 110; i++) { // every control of figures 1 to 6, share buttons included
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    for (const name of ['step-sizes: step size γ', 'step-sizes: Play', 'step-sizes: Step', 'step-sizes: Reset',
      'momentum: step size γ', 'momentum: momentum β', 'momentum: Play', 'momentum: checkbox', 'momentum: canvas',
      'rate-map: Go to the best (γ*, β*)', 'rate-map: canvas', 'momentum: Share▾'])
      assert.ok(reached.includes(name), `${name} not reachable: ${reached.join(' | ')}`);
    // The map moves with the arrow keys, and figure 4 follows.
    const momentumCaption = await plainText(page, '#momentum .caption');
    await page.focus('#rate-map canvas');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await plainText(page, '#momentum .caption'), momentumCaption);
    assert.match(await plainText(page, '#momentum .caption'), /β = 0\.81/);
    // Reset then Step with the keyboard in figure 1: the caption follows k.
    await page.focus('#step-sizes .play');
    await page.keyboard.press('Tab'); // Step
    await page.keyboard.press('Tab'); // Reset
    await page.keyboard.press('Enter');
    assert.match(await caption(page), /After 0 steps/);
    await page.keyboard.press('Shift+Tab'); // Step
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    assert.match(await caption(page), /After 2 steps/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('every figure that runs an optimizer has Play, Step and Reset; Reset redraws from step 0', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    for (const id of ['step-sizes', 'sgd-cloud', 'annealing', 'momentum', 'beta-effect', 'noise-smoothing', 'lbfgs']) {
      const buttons = await page.$$eval(`#${id} .player button`, (bs) => bs.map((b) => b.textContent));
      assert.deepEqual(buttons, ['Play', 'Step', 'Reset'], id);
      const pictures = () => page.$$eval(`#${id} canvas`, (cs) => cs.map((c) => c.toDataURL()));
      const full = await pictures();
      await page.click(`#${id} .player button:text("Reset")`);
      // A canvas that was far from the screen repaints once it comes near (a frame or two).
      let redrawn = false;
      for (let frame = 0; frame < 30 && !redrawn; frame++) {
        await page.evaluate(() => new Promise(requestAnimationFrame));
        redrawn = (await pictures()).some((p, i) => p !== full[i]);
      }
      assert.ok(redrawn, `${id}: Reset did not redraw`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('Play animates the iterates one step at a time, and Pause stops it', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const play = page.locator('#step-sizes .play');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => /After [1-9]\d* steps/.test(document.querySelector('#step-sizes .caption').textContent));
    await play.click();
    const paused = await caption(page);
    await page.waitForTimeout(400);
    assert.equal(await caption(page), paused);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
