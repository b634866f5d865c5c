// The lesson page in Debian's Chromium (driven by playwright-core; no
// browser is ever downloaded), served from a sub-path under a strict CSP and
// opened straight from disk. Screenshots go to build/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { launchChromium, watchProblems } from './chromium.mjs';

import { NOTEBOOK_CSP, serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

const dist = join(root, 'dist');
const shots = join(root, 'build', 'screenshots');
const BASE = '/courses/optimization/optlab/';
let server, browser, servedUrl;
const fileUrl = pathToFileURL(join(dist, 'index.html')).href;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serve({ root: dist, base: BASE, csp: true });
  servedUrl = `http://127.0.0.1:${server.address().port}${BASE}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections();
});

/** Open a page and record everything that went wrong or left the site. */
async function open(url, { width = 1280, colorScheme = 'light', inside, ready = 'html[data-ready="true"]' }) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: width < 500 ? 2 : 1 });
  const problems = watchProblems(page, inside);
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 15000 });
  return { page, problems };
}

/**
 * A screenshot of the whole page as a screen that tall shows it. Once the
 * page has settled, the browser skips the figures far from the screen, and
 * a plain full-page capture would leave them empty.
 */
async function wholePage(page, path) {
  await page.waitForSelector('html[data-settled]', { state: 'attached' });
  const { width, height } = page.viewportSize();
  await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize({ width, height });
}

/**
 * Scroll an element into view and wait until the browser draws it: a figure
 * skipped while far from the screen is hit-tested again only from the frame
 * after it comes back, and a pointer event sent sooner lands on its section.
 */
async function bringIntoView(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate((node) => new Promise((done) => {
    const check = () => (node.checkVisibility({ contentVisibilityAuto: true }) ? done() : requestAnimationFrame(check));
    check();
  }));
}

const blankFractions = (page) =>
  page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted / (c.width * c.height);
    }),
  );

const caption = (page) => page.textContent('#step-sizes .caption');

for (const target of ['served', 'file']) {
  describe(`the page, ${target === 'served' ? `served under ${BASE} with a strict CSP` : 'opened from file://'}`, () => {
    const url = () => (target === 'served' ? servedUrl : fileUrl);
    const inside = () => (target === 'served' ? servedUrl : pathToFileURL(dist).href);

    test('loads with no error and no request outside the site; every canvas is drawn', async () => {
      const { page, problems } = await open(url(), { inside: inside() });
      const painted = await blankFractions(page);
      assert.ok(painted.length >= 7, `${painted.length} canvases`);
      for (const [i, p] of painted.entries()) assert.ok(p > 0.01, `canvas ${i} is blank (${p})`);
      assert.doesNotMatch(await page.textContent('body'), /NaN|undefined|Infinity/);
      assert.deepEqual(problems, []);
      await wholePage(page, join(shots, `page-1280-${target}.png`));
      await page.close();
    });

    test('the slider changes the figure and its caption; above 2/a the page says it diverges', async () => {
      const { page, problems } = await open(url(), { inside: inside() });
      const before = await caption(page);
      const pixels = () => page.$eval('#step-sizes .main-canvas', (c) => c.toDataURL());
      const firstPixels = await pixels();
      const slider = page.locator('#step-sizes input[type=range]');
      await slider.focus();
      await page.keyboard.press('End'); // γ = 4/a
      await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'diverging');
      assert.notEqual(await caption(page), before);
      assert.match(await caption(page), /above 2\/a.*diverges/);
      assert.equal(await page.textContent('#step-sizes .regime-badge'), 'diverges');
      await page.evaluate(() => new Promise(requestAnimationFrame));
      assert.notEqual(await pixels(), firstPixels);
      await page.keyboard.press('Home'); // γ = 0.01/a
      await page.waitForFunction(() => document.querySelector('#step-sizes').dataset.regime === 'too_small');
      assert.match(await caption(page), /below 1\/a/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('figure 4 typesets the update rules with KaTeX, live values, and its fonts without a request', async () => {
      const { page, problems } = await open(url(), { inside: inside() });
      const tex = () => page.$$eval('#momentum .equations annotation[encoding="application/x-tex"]', (a) => a.map((n) => n.textContent));
      // Typeset just after the first frame.
      await page.waitForFunction(() => document.querySelectorAll('#momentum .equations annotation').length === 4);
      const rules = await tex();
      assert.equal(rules.length, 4);
      const beta = await page.$eval('#momentum input[type=range][id$=beta]', (i) => Number(i.value).toFixed(2));
      assert.ok(rules[1].includes(`p_{k+1} = \\htmlClass{optlab-beta}{${beta}}\\,p_k + g_k`), rules[1]);
      assert.ok(rules[3].includes(`(g_k + \\htmlClass{optlab-beta}{${beta}}\\,p_{k+1})`), rules[3]);
      await page.focus('#momentum input[type=range][id$=beta]');
      await page.keyboard.press('Home'); // β = 0
      // The numbers change at once; the rules are typeset afresh (MathML too) once β rests.
      await page.waitForFunction(() => [...document.querySelectorAll('#momentum .optlab-beta')].every((n) => n.textContent === '0.00'));
      await page.waitForFunction(() => document.querySelectorAll('#momentum annotation')[1].textContent.includes('0.00'));
      assert.ok((await tex())[1].includes('0.00}\\,p_k + g_k'), (await tex())[1]);
      await page.evaluate(() => document.fonts.ready);
      const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX')).map((f) => `${f.family}:${f.status}`));
      assert.deepEqual(faces.sort(), ['KaTeX_Main:loaded', 'KaTeX_Math:loaded']);
      // The letters really are set in KaTeX's italic, not a fallback face.
      assert.equal(await page.$eval('#momentum .equations .mathnormal', (n) => getComputedStyle(n).fontFamily.split(',')[0].replace(/"/g, '')), 'KaTeX_Math');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

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

  test('the core also loads where Uint8Array.fromBase64 is missing (older browsers decode the wasm in a loop)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page, servedUrl);
    await page.addInitScript(() => {
      delete Uint8Array.fromBase64;
    });
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), 'undefined');
    const painted = await blankFractions(page);
    for (const [i, p] of painted.entries()) assert.ok(p > 0.01, `canvas ${i} is blank (${p})`);
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

  test('keyboard alone reaches and operates every control', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const reached = [];
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        const name = a?.getAttribute('aria-label') || a?.textContent.trim() || a?.type;
        return `${a?.closest('section')?.id}: ${a?.tagName === 'CANVAS' ? 'canvas' : name}`;
      });
    for (let i = 0; i < 110; i++) { // every control of figures 1 to 6, share buttons included
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    for (const name of ['step-sizes: step size γ', 'step-sizes: Play', 'step-sizes: Step', 'step-sizes: Reset',
      'momentum: step size γ', 'momentum: momentum β', 'momentum: Play', 'momentum: checkbox', 'momentum: canvas',
      'rate-map: Go to the best (γ*, β*)', 'rate-map: canvas', 'momentum: Copy link', 'momentum: PNG (2×)', 'momentum: Scenario JSON'])
      assert.ok(reached.includes(name), `${name} not reachable: ${reached.join(' | ')}`);
    // The map moves with the arrow keys, and figure 4 follows.
    const momentumCaption = await page.textContent('#momentum .caption');
    await page.focus('#rate-map canvas');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await page.textContent('#momentum .caption'), momentumCaption);
    assert.match(await page.textContent('#momentum .caption'), /β = 0\.81/);
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

describe('touch', () => {
  test('on a phone a vertical swipe scrolls the page, also over the draggable plots; a tap or a sideways drag moves the point', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    const cdp = await context.newCDPSession(page);
    const swipe = async (x, y, dx, dy) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrolled = async (gesture) => {
      const before = await page.evaluate(() => scrollY);
      await gesture();
      await page.waitForTimeout(300); // the hash follows a change 200 ms later
      return (await page.evaluate(() => scrollY)) - before;
    };
    const start = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('momentum.w0'));
    // Only the canvases one points at keep sideways gestures.
    const actions = await page.$$eval('canvas', (cs) => cs.map((c) => [c.classList.contains('draggable'), getComputedStyle(c).touchAction, getComputedStyle(c).cursor]));
    assert.equal(actions.filter(([d]) => d).length, 6); // four start points, the map, the sweep
    assert.equal(await page.locator('#rate-map .map-readout').isVisible(), false); // no mouse to point with
    for (const [draggable, action, cursor] of actions) assert.deepEqual([action, cursor], draggable ? ['pan-y pinch-zoom', 'crosshair'] : ['auto', 'auto']);
    const plot = page.locator('#momentum canvas.draggable');
    const loss = page.locator('#momentum canvas:not(.draggable)');
    await plot.scrollIntoViewIfNeeded();
    let box = await plot.boundingBox();
    assert.ok(await scrolled(() => swipe(box.x + box.width / 2, box.y + box.height * 0.8, 0, -250)) > 100);
    assert.equal(await start(), null); // the start point stayed
    await plot.scrollIntoViewIfNeeded();
    box = await plot.boundingBox();
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.waitForFunction(() => /momentum\.w0=/.test(location.hash));
    const tapped = await start();
    box = await plot.boundingBox();
    assert.equal(await scrolled(() => swipe(box.x + box.width * 0.3, box.y + box.height * 0.5, 80, 30)), 0);
    assert.notEqual(await start(), tapped);
    await loss.scrollIntoViewIfNeeded();
    box = await loss.boundingBox();
    assert.ok(await scrolled(() => swipe(box.x + box.width / 2, Math.min(650, box.y + box.height / 2), 0, -200)) > 100);
    await context.close();
  });
});

describe('printing', () => {
  test('printed, every canvas is drawn at twice the resolution in the light colours, keeps its proportions, and the buttons go', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = watchProblems(page, servedUrl);
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-settled="true"]', { state: 'attached' });
    const canvases = () => page.$$eval('canvas', (cs) => cs.map((c) => ({ bitmap: c.width, css: c.clientWidth, aspect: c.width / c.height, box: c.getBoundingClientRect().width / c.getBoundingClientRect().height })));
    const ink = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim());
    const darkInk = await ink();
    const screen = await canvases();
    assert.ok(screen.every((c) => c.bitmap === c.css)); // 1 device pixel per CSS pixel here
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await ink(), '#1d1f23'); // the light theme's ink, on white paper
    for (const c of await canvases()) {
      assert.equal(c.bitmap, 2 * c.css);
      assert.ok(Math.abs(c.box / c.aspect - 1) < 0.02, `a canvas printed at ${c.box} instead of ${c.aspect}`);
    }
    assert.deepEqual(await page.$$eval('.share, .player, .toolbar button', (els) => [...new Set(els.map((e) => getComputedStyle(e).display))]), ['none']);
    // The map's colour key is backgrounds, which print leaves out unless told.
    assert.deepEqual(await page.$$eval('.color-bar, .color-swatch', (els) => els.map((e) => getComputedStyle(e).printColorAdjust)), ['exact', 'exact']);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 100000);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.equal(await ink(), darkInk);
    assert.deepEqual((await canvases()).map((c) => c.bitmap), screen.map((c) => c.bitmap));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('momentum and the (γ, β) map', () => {
  test('dragging on the map moves (γ, β) in figure 4; "best" goes to Polyak\'s optimum', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const before = await page.textContent('#momentum .caption');
    assert.match(await page.textContent('#rate-map .toolbar .hint'), /arrow keys; “Momentum on a bowl” above moves with it\.$/);
    const map = page.locator('#rate-map canvas');
    await bringIntoView(map);
    const box = await map.boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    assert.notEqual(await page.textContent('#momentum .caption'), before);
    assert.notEqual(await page.textContent('#momentum .slider-value'), 'γ\u00a0=\u00a00.05');
    await page.click('#rate-map button');
    assert.match(await page.textContent('#rate-map .caption'), /factor 0\.382 per step/);
    // Acceleration: gradient descent's best on the bowl (μ = 1, L = 5) is γ = 2/(μ + L), rate (L − μ)/(L + μ).
    assert.match(await page.textContent('#rate-map .caption'), /the best gradient descent \(β = 0, γ = 2\/\(μ \+ L\) = 0\.333\) only 0\.667\.$/);
    // And there, with one click, to set against it in figure 4: momentum with β = 0 is gradient descent.
    await page.click('#rate-map button:has-text("Go to the best gradient descent")');
    assert.match(await page.textContent('#rate-map .caption'), /^At γ = 0\.333, β = 0\.00 the error shrinks by a factor 0\.667 per step/);
    assert.match(await page.textContent('#momentum .caption'), /^γ = 0\.333, β = 0\.00\./);
    await page.click('#rate-map button');
    assert.match(await page.textContent('#momentum'), /β = 0\.15/);
    // A mouse over the map reads the rate there, and moves nothing.
    const caption = await page.textContent('#momentum .caption');
    const readout = () => page.locator('#rate-map .map-readout').textContent();
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
    assert.equal(await page.textContent('#momentum .caption'), caption);
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
      const rate = Number((await page.textContent('#rate-map .map-readout')).match(/rate ([\d.]+)/)[1]);
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
      return page.textContent('#rate-map .caption');
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
    assert.match(await page.textContent('#momentum .caption'), /stays below 1·10⁻⁶ of its starting value: momentum 61, Nesterov 39, gradient descent not within 100 steps/);
    // γ = 0.15(1 − β): β = 0.25 → 35, 0.5 → 30, 0.75 → 45, 0.9 → 127, 0.99 not within 200.
    assert.match(await page.textContent('#beta-effect .caption'), /β = 0.25 from step 35; β = 0.5 from step 30; β = 0.75 from step 45; β = 0.9 from step 127; β = 0.99 not within 200 steps/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('momentum: the heavy-ball overlay draws on the path; a large γ reports divergence, not NaN', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const path = () => page.$eval('#momentum canvas', (c) => c.toDataURL());
    const plain = await path();
    await page.check('#momentum input[type=checkbox]');
    // Checking scrolled the figure into view; a canvas that was far from the
    // screen repaints once the browser reports it near (a frame or two later).
    await page.waitForFunction((before) => document.querySelector('#momentum canvas').toDataURL() !== before, plain, { timeout: 5000 });
    assert.notEqual(await path(), plain);
    await page.focus('#momentum input[type=range]');
    await page.keyboard.press('End'); // γ = 1 with β = 0.8: 5γ > 2(1 + β)
    await page.waitForFunction(() => /diverges \(stopped at step \d+\)/.test(document.querySelector('#momentum .caption').textContent));
    assert.doesNotMatch(await page.textContent('#momentum'), /NaN|Infinity|undefined/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

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
      const [download] = await Promise.all([p.waitForEvent('download'), p.click(`#${id} button[data-share=csv]`)]);
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
    assert.match(await bad.textContent('#step-sizes .caption'), /^γ = 0\.5 \(0\.5\/a\)/);
    // In Korean, every word of the message is Korean (the names and values
    // stay as the link spells them).
    await bad.goto(`${servedUrl}?lang=ko#momentum.beta=2&momentum.lrr=1&lbfgs.problem=bowll&sgd-cloud.w0=9,9`);
    await bad.waitForSelector('html[data-ready="true"]');
    const koNotes = await bad.$$eval('.figure .error', (ps) => ps.map((p) => p.textContent));
    assert.equal(koNotes.length, 4); // figure 6 reads figure 4's beta too
    assert.match(koNotes[0], /^링크에 담긴 이 그림의 설정을 쓰지 않았습니다: w0 값은 w1 이 -2\.5 부터 3\.5 까지, w2 가 -1\.5 부터 4 까지인 "w1,w2" 두 수여야 합니다 \(받은 값: "9,9"\)$/);
    assert.match(koNotes[1], /lrr 은\(는\) momentum 의 설정이 아닙니다: momentum 의 설정은 curvature, lr, beta, w0, steps 입니다; beta 값은 0 부터 0\.99 까지의 수여야 합니다 \(받은 값: "2"\)$/);
    assert.match(koNotes[2], /: beta 값은 0 부터 0\.99 까지의 수여야 합니다 \(받은 값: "2"\)$/);
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
    assert.match(pageNotes[0], /"nofig\.lr" was not used: this page has no figure "nofig" \(its figures: step-sizes, .*lbfgs\)/);
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

describe('copying', () => {
  test('Copy link puts the link on the clipboard; where the clipboard refuses, the link is shown selected', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.locator('textarea.manual-copy').count(), 0); // none until one is needed
    await page.click('#momentum button[data-share=link]');
    await page.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    // A browser that refuses the clipboard (no permission, or no API).
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.click('#lbfgs button[data-share=link]');
    const manual = page.locator('#lbfgs textarea.manual-copy');
    await manual.waitFor();
    assert.equal(await manual.inputValue(), page.url());
    assert.deepEqual(await manual.evaluate((m) => [m.selectionStart, m.selectionEnd, m.value.length]), [0, page.url().length, page.url().length]);
    assert.equal(await page.textContent('#lbfgs .share .done'), 'Copy this text:');
    assert.equal(await page.locator('textarea.manual-copy').count(), 1); // only where it was needed
    await context.close();
  });

  test('opened from disk, a copied link or embed code says it works on this computer only (in the page\'s language)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fileUrl}?lang=ko`);
    await page.waitForSelector('html[data-ready="true"]');
    for (const kind of ['link', 'embed']) {
      await page.click(`#momentum button[data-share=${kind}]`);
      await page.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
      assert.match(await page.textContent('#momentum .share .done'), /이 컴퓨터에서만 동작합니다/, kind);
      await page.evaluate(() => { document.querySelector('#momentum .share .done').textContent = ''; });
    }
    await context.close();
    // Served, no such note.
    const served = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await served.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const other = await served.newPage();
    await other.goto(servedUrl);
    await other.waitForSelector('html[data-ready="true"]');
    await other.click('#momentum button[data-share=embed]');
    await other.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
    assert.doesNotMatch(await other.textContent('#momentum .share .done'), /this computer only/);
    await served.close();
  });

  test('Copy embed code on the Korean page: an iframe in Korean, named by the figure\'s Korean title, as tall as the figure; then the element with its script', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const page = await context.newPage();
    await page.goto(`${servedUrl}?lang=ko`);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.isVisible('#annealing button[data-share=element]'), false);
    const section = await page.$eval('#annealing', (s) => s.getBoundingClientRect());
    await page.click('#annealing button[data-share=embed]');
    await page.waitForFunction(() => document.querySelector('#annealing .share .done').textContent !== '');
    assert.match(await page.textContent('#annealing .share .done'), /아이프레임/);
    const iframe = (await page.evaluate(() => navigator.clipboard.readText())).trim();
    assert.equal(iframe.split('\n').length, 1, iframe);
    assert.match(iframe, /embed\/annealing\.html\?lr=0\.1&amp;batch=1&amp;runs=400&amp;seed=1&amp;steps=1000&amp;lang=ko" title="optlab: 담금질: 더 좋은 최소점을 찾아 주는 노이즈" /);
    const height = Number(/height: (\d+)px;/.exec(iframe)?.[1]);
    assert.ok(height >= section.height + 20 && height <= section.height + 30, `iframe ${height}px for a ${section.height}px figure`);
    // Pasted alone into a column as wide as the figure was, with no script to size it, the iframe shows the whole figure.
    const host = await context.newPage();
    await host.setContent(`<div style="width: ${section.width}px">${iframe}</div>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    const fit = await frame.evaluate(() => [document.documentElement.scrollHeight, innerHeight, document.documentElement.lang]);
    assert.ok(fit[0] <= fit[1], `the figure page is ${fit[0]}px tall in a ${fit[1]}px frame`);
    assert.equal(fit[2], 'ko');
    // In a narrower column the figure grows taller than the frame: the frame scrolls, nothing is cut off.
    await host.setContent(`<div style="width: 360px">${iframe}</div>`);
    const narrow = await (await host.waitForSelector('iframe')).contentFrame();
    await narrow.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    assert.ok(await narrow.evaluate(() => { scrollTo(0, 1e6); return scrollY > 0; }), 'the narrow frame does not scroll');
    await host.close();
    // The element form, offered once the iframe is copied: the script first, then the tag.
    await page.click('#annealing button[data-share=element]');
    await page.waitForFunction(() => /스크립트/.test(document.querySelector('#annealing .share .done').textContent));
    const [script, tag] = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
    assert.equal(script, `<script src="${servedUrl}optlab-embed.js" defer></script>`);
    assert.match(tag, /^<optlab-figure scene="annealing" lr="0\.1" batch="1" runs="400" seed="1" steps="1000"><\/optlab-figure>$/);
    await context.close();
  });
});

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
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#annealing button[data-share=csv]')]);
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

describe('notebooks', () => {
  test('the page links to the rendered notebook: no script, no request outside the site, every check agrees', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const href = await page.getAttribute('footer a', 'href');
    assert.equal(href, 'notebooks/optimization-1.html');
    assert.deepEqual(problems, []);
    await page.close();
    const notebookServer = await serve({ root: dist, base: BASE, csp: NOTEBOOK_CSP });
    try {
      const site = `http://127.0.0.1:${notebookServer.address().port}${BASE}`;
      const opened = await open(new URL(href, site).href, { inside: site, ready: 'body' });
      assert.equal(await opened.page.$$eval('script', (s) => s.length), 0);
      assert.match(await opened.page.textContent('body'), /Cross-check: the core against numpy and PyTorch/);
      assert.doesNotMatch(await opened.page.textContent('body'), /Traceback \(most recent call last\)/);
      // The rendered page is published: it names no folder of the machine that built it.
      assert.ok(!(await opened.page.textContent('body')).includes(root), `the notebook names ${root}`);
      // No Markdown left unrendered in the explanations (a heading mark in mid-line is printed as "##").
      const prose = await opened.page.$$eval('.jp-MarkdownOutput', (cells) => cells.map((c) => c.textContent));
      for (const text of prose) assert.doesNotMatch(text, /(^|\s)#{1,6}\s|\*\*/, text.slice(0, 80));
      // No cell printed a warning (a library's deprecation notice is a red box in the middle of the lesson).
      const warnings = await opened.page.$$eval('[data-mime-type="application/vnd.jupyter.stderr"]', (o) => o.map((n) => n.textContent.trim()));
      assert.deepEqual(warnings, []);
      // The rendered cross-check table: every row agrees.
      const rows = await opened.page.$$eval('table tr', (trs) => trs.map((tr) => tr.textContent));
      const checked = rows.filter((r) => /numpy|torch/.test(r));
      assert.ok(checked.length >= 8, `${checked.length} cross-checks rendered`);
      for (const row of checked) assert.match(row, /yes\s*$/, row);
      assert.deepEqual(opened.problems, []);
      await opened.page.close();
    } finally {
      notebookServer.close();
      notebookServer.closeAllConnections();
    }
  });
});

describe('languages and sizes', () => {
  test('the lesson numbers its figures 1 to 8, for screen readers too, and lists them at the top; an embedded figure has no number', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl });
    const cdp = await page.context().newCDPSession(page);
    const names = [];
    for (let i = 0; i < 8; i++) {
      // Each heading as a screen reader meets it: on screen (a skipped section's name is computed when it comes back).
      const heading = page.locator('main > .figure > .figure-title').nth(i);
      await bringIntoView(heading);
      const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelectorAll('main > .figure > .figure-title')[${i}]` });
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId, role: 'heading' });
      names.push(nodes[0]?.name.value);
    }
    names.forEach((name, i) => assert.ok(name.startsWith(`${i + 1}. `), name));
    assert.equal(names[3], '4. 그릇 모양 함수에서의 모멘텀');
    // The title's text (the iframe's title, the copied code) stays the figure's own.
    assert.equal(await page.textContent('#momentum .figure-title'), '그릇 모양 함수에서의 모멘텀');
    // The header lists the figures, numbered alike, each linking to its figure.
    assert.equal(await page.getAttribute('nav.contents', 'aria-label'), '그림 목록');
    const listed = await page.$$eval('nav.contents li', (items) => items.map((li) => [li.value, li.textContent, li.querySelector('a').getAttribute('href')]));
    const sections = await page.$$eval('main > .figure', (ss) => ss.map((s, i) => [i + 1, s.querySelector('.figure-title').textContent, `#${s.id}`]));
    assert.deepEqual(listed, sections);
    await page.click('nav.contents a[href="#lbfgs"]');
    await page.waitForFunction(() => location.hash === '#lbfgs' && Math.abs(document.getElementById('lbfgs').getBoundingClientRect().top) < 5);
    assert.deepEqual(problems, []);
    await page.close();
    const notes = await open(`${servedUrl}examples/course-notes.html`, { inside: servedUrl, ready: 'optlab-figure[data-ready="true"]' });
    const before = await notes.page.$eval('optlab-figure', (f) => getComputedStyle(f.shadowRoot.querySelector('.figure-title'), '::before').content);
    assert.equal(before, 'none');
    await notes.page.close();
  });

  test('?lang=ko shows the page in Korean, with the course\'s terms', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl });
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('#step-sizes h2'), '1차원 이차함수에서의 이동 크기');
    assert.match(await caption(page), /1\/a 보다 작습니다/);
    assert.match(await page.textContent('#step-sizes'), /경사 하강법/);
    // The lecture's Korean name for the heavy-ball form.
    assert.match(await page.textContent('#momentum'), /무거운 공 형태를 모멘텀 위에/);
    assert.equal(await page.textContent('[data-language-switch]'), 'English');
    assert.deepEqual(problems, []);
    await wholePage(page, join(shots, 'page-1280-ko.png'));
    await page.close();
  });

  test('without JavaScript the page and a figure page say why nothing is drawn, in both languages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of [servedUrl, `${servedUrl}embed/momentum.html`]) {
      await page.goto(url);
      const text = await page.locator('body').innerText();
      assert.match(text, /please enable JavaScript/);
      assert.match(text, /자바스크립트를 켜 주세요/);
    }
    await context.close();
  });

  test('readable at 375 px in the dark theme: nothing wider than the screen', async () => {
    const { page, problems } = await open(servedUrl, { width: 375, colorScheme: 'dark', inside: servedUrl });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const painted = await blankFractions(page);
    for (const p of painted) assert.ok(p > 0.01);
    assert.deepEqual(problems, []);
    await wholePage(page, join(shots, 'page-375-dark.png'));
    await page.close();
  });

  test('once settled, figures far from the screen are skipped, and no figure moves as they come back (1280 and 375 px)', async () => {
    for (const width of [1280, 375]) {
      const { page, problems } = await open(servedUrl, { width, inside: servedUrl });
      await page.waitForSelector('html[data-settled]');
      // checkVisibility is false inside a figure whose rendering is skipped.
      const shown = () => page.$$eval('main > .figure canvas:first-of-type', (cs) => cs.map((c) => c.checkVisibility({ contentVisibilityAuto: true })));
      const tops = () => page.$$eval('main > .figure', (ss) => ss.map((s) => Math.round(s.getBoundingClientRect().top + scrollY)));
      const settled = await tops();
      assert.equal((await shown())[0], true);
      assert.equal((await shown()).at(-1), false, `${width}: the last figure is rendered while the page shows the first`);
      for (const id of ['sgd-cloud', 'annealing', 'momentum', 'beta-effect', 'rate-map', 'noise-smoothing', 'lbfgs']) {
        await page.evaluate(async (id) => {
          document.getElementById(id).scrollIntoView();
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        }, id);
        assert.deepEqual(await tops(), settled, `${width}: the figures moved when ${id} came on screen`);
      }
      assert.equal((await shown())[0], false, `${width}: the first figure is rendered while the page shows the last`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('at 320 px, in both languages, nothing is wider than the screen, values wrap only after a comma, stacked sliders line up', async () => {
    for (const lang of ['en', 'ko']) {
      const { page, problems } = await open(`${servedUrl}?lang=${lang}`, { width: 320, inside: servedUrl });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}: the page is ${overflow}px wider than the screen`);
      const values = await page.$$eval('.slider-value', (outputs) => outputs.map((o) => o.textContent));
      for (const v of values) assert.doesNotMatch(v, / =|= /, `${lang}: "${v}" may wrap beside its equals sign`);
      // Two sliders stacked in one figure share their track's ends.
      for (const id of ['annealing', 'momentum']) {
        const tracks = await page.$$eval(`#${id} input[type=range]`, (inputs) => inputs.map((i) => i.getBoundingClientRect()).map((r) => [r.left, r.right, r.top]));
        assert.equal(tracks.length, 2, id);
        assert.ok(tracks[1][2] > tracks[0][2], `${lang}: ${id}'s sliders are not stacked`);
        assert.ok(Math.abs(tracks[0][0] - tracks[1][0]) < 1 && Math.abs(tracks[0][1] - tracks[1][1]) < 1, `${lang}: ${id}'s tracks ${JSON.stringify(tracks)}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('at 360 px figure 4\'s rules wrap between equations, never inside a bracket', async () => {
    const { page, problems } = await open(servedUrl, { width: 360, inside: servedUrl });
    await page.waitForSelector('#momentum .equations .katex');
    // KaTeX lays an inline formula out as .katex-base boxes, one per place it may
    // break; the boxes on one line share a top. Each line's text, in order:
    const lines = await page.$$eval('#momentum .equations .equation', (rules) => rules.map((rule) => {
      const rows = new Map();
      for (const base of rule.querySelectorAll('.katex-html > .katex-base')) {
        const top = Math.round(base.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? '') + base.textContent.replace(/[\u200b\s]/g, ''));
      }
      return [...rows.values()];
    }));
    assert.equal(lines.length, 4);
    assert.match(lines[1][0], /^pk\+1=/); // momentum: the p rule, then the w rule on a line of its own
    assert.match(lines[1].at(-1), /^wk\+1=wk−0.05pk\+1$/);
    assert.match(lines[2].at(-1), /^(wk\+1=.*\+)?0.80\(wk−wk−1\)$/); // heavy ball: (w_k − w_{k−1}) stays whole
    assert.match(lines[3].at(-1), /^wk\+1=wk−0.05\(gk\+0.80pk\+1\)$/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
