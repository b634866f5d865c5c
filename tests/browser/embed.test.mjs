// Embedding (issue 4): <optlab-figure> in a course-notes page and the
// iframe pages, from file:// and served under a sub-path with a strict CSP;
// attributes, errors, links that restore the same trajectories, exports.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { figuresReady, framesSized, launchChromium, shareAction, watchProblems } from './chromium.mjs';

import { serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

const dist = join(root, 'dist');
const shots = join(root, 'build', 'screenshots');
const BASE = '/course/static/optlab/';
let server, browser, servedBase;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serve({ root: dist, base: BASE, csp: true });
  servedBase = `http://127.0.0.1:${server.address().port}${BASE}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections();
});

async function open(url, inside, { width = 1100, accept = true, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: accept, colorScheme });
  if (url.startsWith('http')) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const problems = watchProblems(page, inside, { blobs: true });
  await page.goto(url);
  return { page, problems, context };
}

// Fraction of painted pixels of every canvas inside every figure's shadow root.
const painted = (page) => page.$$eval('optlab-figure', (figures) => figures.map((f) =>
  [...f.shadowRoot.querySelectorAll('canvas')].filter((c) => c.getClientRects().length).map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n / (c.width * c.height);
  })));

const targets = {
  served: () => ({ base: servedBase, inside: servedBase }),
  file: () => ({ base: pathToFileURL(dist).href + '/', inside: pathToFileURL(dist).href }),
};

for (const [target, where] of Object.entries(targets)) {
  describe(`embedding, ${target === 'served' ? `served under ${BASE} with a strict CSP` : 'from file://'}`, () => {
    test('the course-notes example draws its four figures, with no error and no request outside the site', async () => {
      const { base, inside } = where();
      const { page, problems, context } = await open(`${base}examples/course-notes.html`, inside);
      await figuresReady(page);
      const states = await page.$$eval('optlab-figure', (fs) => fs.map((f) => f.dataset.ready));
      assert.deepEqual(states, ['true', 'true', 'true', 'true']);
      for (const [i, canvases] of (await painted(page)).entries()) {
        assert.ok(canvases.length > 0, `figure ${i} has no canvas`);
        for (const p of canvases) assert.ok(p > 0.01, `figure ${i} has a blank canvas`);
      }
      // One core for the whole page.
      assert.equal(await page.evaluate(async () => (await window.optlab.sharedCore()) === (await window.optlab.sharedCore())), true);
      // Hidden controls stay hidden; the author's own text replaces the figure's.
      assert.equal(await page.$eval('optlab-figure[scene=momentum]', (f) => f.shadowRoot.querySelector('.player').closest('[hidden]') !== null), true);
      assert.equal(await page.$eval('optlab-figure[scene=momentum]', (f) => f.shadowRoot.querySelector('h2').hidden), true);
      // An embedded map drives no other figure, so its hint promises none (the lesson's names the momentum figure).
      assert.doesNotMatch(await page.$eval('optlab-figure[scene=rate-map]', (f) => f.shadowRoot.querySelector('.toolbar .hint').textContent), /moves with it|figure|Momentum/);
      assert.doesNotMatch(await page.$eval('body', (b) => [...b.querySelectorAll('optlab-figure')].map((f) => f.shadowRoot.textContent).join(' ')), /NaN|undefined|Infinity/);
      assert.deepEqual(problems, []);
      await page.screenshot({ path: join(shots, `course-notes-${target}.png`), fullPage: true });
      await context.close();
    });

    test('the iframe pages take their parameters from the URL and tell the host their height', async () => {
      const { base, inside } = where();
      const { page, problems, context } = await open(`${base}examples/iframes.html`, inside);
      await framesSized(page);
      for (const frame of page.frames().slice(1)) {
        await frame.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
        const [reported, actual] = await Promise.all([
          frame.frameElement().then((e) => e.evaluate((f) => parseFloat(f.style.height))),
          frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
        ]);
        assert.ok(Math.abs(reported - actual) <= 1, `iframe height ${reported} for content ${actual}`);
        // The figure is the whole document: its main landmark, and its title
        // a level-one heading that looks as it does in course notes.
        assert.deepEqual(await frame.evaluate(() => {
          const title = document.querySelector('main > optlab-figure').shadowRoot.querySelector('.figure-title');
          return [title.tagName, getComputedStyle(title).fontSize];
        }), ['H1', '20.8px']);
      }
      const annealing = page.frames().find((f) => f.url().includes('annealing.html'));
      assert.deepEqual(await annealing.evaluate(() => document.querySelector('optlab-figure').state), { lr: 0.2, batch: 2, runs: 400, seed: 5, steps: 1000 });
      assert.match(await annealing.evaluate(() => document.querySelector('optlab-figure').shadowRoot.textContent), /시드/); // lang=ko from the URL
      assert.deepEqual(await annealing.evaluate(() => [document.documentElement.lang, document.title]), ['ko', 'optlab: 담금질: 더 좋은 최소점을 찾아 주는 노이즈']);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('the iframe example is a white page, so its figures (theme=light) stay light for a reader in dark mode', async () => {
      const { base, inside } = where();
      const { page, problems, context } = await open(`${base}examples/iframes.html`, inside, { colorScheme: 'dark' });
      await framesSized(page);
      for (const frame of page.frames().slice(1)) {
        await frame.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
        assert.deepEqual(await frame.evaluate(() => {
          const figure = document.querySelector('optlab-figure');
          return [matchMedia('(prefers-color-scheme: dark)').matches, getComputedStyle(figure).getPropertyValue('--paper').trim()];
        }), [true, '#ffffff'], frame.url());
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

describe('the element', () => {
  test('changing an attribute redraws the figure; a bad one shows its message in the box and the others still draw', async () => {
    const { page, problems, context } = await open(`${servedBase}examples/course-notes.html`, servedBase);
    await figuresReady(page);
    // Formulas as the strings write them (a typeset one's textContent holds it twice).
    const caption = () => page.$eval('optlab-figure[scene=momentum]', (f) => ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(f.shadowRoot.querySelector('.caption')));
    const before = await caption();
    await page.$eval('optlab-figure[scene=momentum]', async (f) => {
      f.setAttribute('lr', '0.1');
      f.setAttribute('beta', '0.5');
      await f.ready;
    });
    assert.notEqual(await caption(), before);
    assert.match(await caption(), /γ = 0\.1, β = 0\.50/);
    assert.deepEqual(await page.$eval('optlab-figure[scene=momentum]', (f) => [f.state.lr, f.state.beta]), [0.1, 0.5]);
    // A bad attribute: the message names it and its range; the rest of the page works.
    const message = await page.$eval('optlab-figure[scene=momentum]', async (f) => {
      f.setAttribute('beta', '1.5');
      await f.ready;
      return f.shadowRoot.querySelector('.optlab-error').textContent;
    });
    assert.match(message, /beta must be a number from 0 to 0\.99 \(got "1\.5"\)/);
    const others = (await painted(page)).filter((_, i) => i !== 1);
    for (const canvases of others) for (const p of canvases) assert.ok(p > 0.01);
    // A figure added later with an unknown scene explains itself too.
    const unknown = await page.evaluate(async () => {
      const f = document.createElement('optlab-figure');
      f.setAttribute('scene', 'momentun');
      document.body.append(f);
      await f.ready;
      return f.shadowRoot.textContent;
    });
    assert.match(unknown, /scene "momentun" is not a figure: use one of step-sizes, .*momentum/);
    // A setting of another figure is named, not ignored; an id or a class is no setting.
    const foreign = await page.evaluate(async () => {
      const f = document.createElement('optlab-figure');
      for (const [k, v] of Object.entries({ scene: 'lbfgs', lr: '0.1', id: 'mine', class: 'wide', 'data-note': 'x' })) f.setAttribute(k, v);
      document.body.append(f);
      await f.ready;
      return f.shadowRoot.textContent;
    });
    assert.match(foreign, /lr is not a setting of lbfgs: its settings are problem, memory, w0, steps/);
    assert.doesNotMatch(foreign, /\b(id|class|data-note) is not/);
    // The title's level: heading="3" under the notes' own h2; 7 is no level.
    const levels = await page.evaluate(async () => {
      const f = document.createElement('optlab-figure');
      f.setAttribute('scene', 'rate-map');
      f.setAttribute('heading', '3');
      document.body.append(f);
      await f.ready;
      const title = f.shadowRoot.querySelector('.figure-title');
      const before = [title.tagName, ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(title), getComputedStyle(title).fontSize, f.shadowRoot.querySelectorAll('h2').length];
      f.setAttribute('heading', '7');
      await f.ready;
      return [...before, f.shadowRoot.querySelector('.optlab-error').textContent];
    });
    assert.deepEqual(levels.slice(0, 4), ['H3', 'Where momentum converges: the (γ, β) map', '20.8px', 0]);
    assert.match(levels[4], /heading must be an integer from 1 to 6 \(got "7"\)/);
    // And back to a good value: the figure draws again.
    await page.$eval('optlab-figure[scene=momentum]', async (f) => { f.setAttribute('beta', '0.9'); await f.ready; });
    assert.equal(await page.$eval('optlab-figure[scene=momentum]', (f) => f.dataset.ready), 'true');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the problem is an attribute too: the bowl\'s curvatures and the least-squares data, with words that follow', async () => {
    const { page, problems, context } = await open(`${servedBase}embed/momentum.html?curvature=10,1&lang=ko`, servedBase);
    await figuresReady(page);
    const figure = page.locator('optlab-figure');
    assert.match(await figure.evaluate((f) => ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(f.shadowRoot.querySelector('p'))), /½ \(10 w₁² \+ w₂²\)은 w₁ 방향이 w₂ 방향보다 10배 가파릅니다/);
    assert.deepEqual((await figure.evaluate((f) => f.state)).curvature, [10, 1]);
    // A curvature in the exported scenario: the CLI format, A = diag(10, 1).
    assert.deepEqual((await figure.evaluate((f) => f.scenario())).problem.A, [[10, 0], [0, 1]]);
    const map = await figure.evaluate(async (f) => {
      f.setAttribute('scene', 'rate-map');
      await f.ready;
      return { state: f.state, caption: ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(f.shadowRoot.querySelector('.caption')) };
    });
    assert.deepEqual(map.state.curvature, [10, 1]);
    assert.match(map.caption, /γ\* = 0\.231/); // 4/(√10 + √1)²
    const sgd = await figure.evaluate(async (f) => {
      for (const [k, v] of Object.entries({ scene: 'sgd-cloud', n: '8', condition: '20', batch: '8', curvature: '' })) v ? f.setAttribute(k, v) : f.removeAttribute(k);
      await f.ready;
      return { state: f.state, max: f.shadowRoot.querySelector('input[type=range]').max, caption: ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(f.shadowRoot.querySelector('.caption')) };
    });
    assert.equal(sgd.max, '8');
    assert.equal(sgd.state.condition, 20);
    assert.match(sgd.caption, /8개의 예제별 걸음/); // lang=ko from the page URL
    const error = await figure.evaluate(async (f) => {
      f.setAttribute('batch', '9');
      await f.ready;
      return f.shadowRoot.textContent;
    });
    assert.match(error, /batch 값은 1부터 8까지의 정수여야 합니다 \(받은 값: "9"\)/); // the range follows n, in the page's language
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a standalone figure page names the URL keys it does not know, even those no attribute can hold, in the figure\'s language', async () => {
    const { page, problems, context } = await open(`${servedBase}embed/momentum.html?lr=0.02&betta=0.9&a%20b=1&curvature=1,500&lang=ko`, servedBase);
    await page.waitForFunction(() => document.querySelector('optlab-figure')?.shadowRoot?.querySelector('.optlab-error'));
    const message = await page.locator('optlab-figure').evaluate((f) => f.shadowRoot.textContent);
    // In the figure's language, every word of it.
    assert.match(message, /^optlab: 이 그림을 그릴 수 없습니다/);
    assert.match(message, /betta은\(는\) momentum의 설정이 아닙니다: momentum의 설정은 curvature, lr, beta, w0, steps, gd입니다/);
    assert.match(message, /a b은\(는\) momentum의 설정이 아닙니다/);
    assert.match(message, /curvature 값은 각각 0\.1부터 100까지인 "a1,a2" 두 수여야 합니다 \(받은 값: "1,500"\)/);
    assert.doesNotMatch(message, /must be|is not a setting|got "/);
    assert.deepEqual(problems, []);
    // Fixed in the address, the figure draws.
    await page.goto(`${servedBase}embed/momentum.html?lr=0.02&beta=0.9`);
    await figuresReady(page);
    assert.equal(await page.locator('optlab-figure').evaluate((f) => f.shadowRoot.querySelector('.optlab-error')), null);
    // A new hash (a pasted link, or the host changing the iframe's address) is followed.
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => { location.hash = '#beta=0.5'; })]);
    await figuresReady(page);
    assert.equal((await page.locator('optlab-figure').evaluate((f) => f.state)).beta, 0.5);
    await context.close();
  });

  test('printed, embedded figures too are drawn at twice the resolution, in the light colours even when set dark', async () => {
    const { page, problems, context } = await open(`${servedBase}examples/course-notes.html`, servedBase);
    await figuresReady(page); // the example's figures are all theme="dark"
    const state = () => page.$$eval('optlab-figure', (fs) => fs.map((f) => ({
      printing: f.hasAttribute('data-printing'),
      ink: getComputedStyle(f).getPropertyValue('--ink').trim(),
      ratios: [...f.shadowRoot.querySelectorAll('canvas')].map((c) => c.width / c.clientWidth),
    })));
    const before = await state();
    assert.ok(before.every((f) => f.ink === '#e8eaed' && !f.printing));
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    for (const f of await state()) {
      assert.equal(f.printing, true);
      assert.equal(f.ink, '#1d1f23');
      for (const r of f.ratios) assert.equal(r, 2);
    }
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.deepEqual(await state(), before);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('define() registers under another name; the class alone registers nothing', async () => {
    const { page, context } = await open(`${servedBase}examples/course-notes.html`, servedBase);
    await figuresReady(page);
    const result = await page.evaluate(async () => {
      const before = customElements.get('course-figure');
      const Named = window.optlab.define('course-figure');
      const f = document.createElement('course-figure');
      f.setAttribute('scene', 'beta-effect');
      document.body.append(f);
      await f.ready;
      return { before: before === undefined, defined: customElements.get('course-figure') === Named, ready: f.dataset.ready };
    });
    assert.deepEqual(result, { before: true, defined: true, ready: 'true' });
    await context.close();
  });

  test('a copied link restores the same trajectories (the CSV exports are identical); PNG is 2x and not blank; JSON runs in the CLI format', async () => {
    const { page, problems, context } = await open(`${servedBase}examples/course-notes.html`, servedBase);
    await figuresReady(page);
    const figure = page.locator('optlab-figure[scene=noise-smoothing]');
    await figure.scrollIntoViewIfNeeded();
    // Change the state the way a reader does: the β slider and a new seed.
    await figure.locator('input[type=range]').focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await figure.locator('button', { hasText: 'New seed' }).click();
    const state = await figure.evaluate((f) => f.state);
    assert.notEqual(state.beta, 0.8);
    assert.notEqual(state.seed, 3);
    const csvOf = async (p, locator) => {
      const [download] = await Promise.all([p.waitForEvent('download'), shareAction(locator, 'csv')]);
      return readFileSync(await download.path(), 'utf8');
    };
    const csv = await csvOf(page, figure);
    assert.match(csv.split('\n')[0], /^k,sgd_w1,sgd_w2,sgd_loss,momentum_w1,momentum_w2,momentum_loss,average_w1,average_w2$/);
    await shareAction(figure, 'link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${servedBase}embed/noise-smoothing\\.html\\?`));
    // The embed code: the iframe of this state; then, asked for, the element with every parameter after its script.
    await shareAction(figure, 'embed');
    await page.waitForFunction(() => /iframe/.test(document.querySelector('optlab-figure[scene=noise-smoothing]').shadowRoot.querySelector('.share .done').textContent));
    const iframe = (await page.evaluate(() => navigator.clipboard.readText())).trim();
    await figure.locator('button[data-share=element]').click();
    await page.waitForFunction(() => /script/.test(document.querySelector('optlab-figure[scene=noise-smoothing]').shadowRoot.querySelector('.share .done').textContent));
    const [script, tag] = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
    assert.equal(script, `<script src="${servedBase}optlab-embed.js" defer></script>`);
    assert.match(tag, /^<optlab-figure scene="noise-smoothing" curvature="1,5" lr="0\.1" beta="[\d.]+" noise="1" w0="1,1" seed="\d+" steps="300" theme="dark"><\/optlab-figure>$/);
    assert.ok(tag.includes(`beta="${state.beta}"`) && tag.includes(`seed="${state.seed}"`), tag);
    assert.match(iframe, new RegExp(`^<iframe src="${servedBase}embed/noise-smoothing\\.html\\?curvature=1%2C5&amp;lr=0\\.1&amp;beta=`));
    // The iframe keeps the language and the theme the reader saw (the notes
    // state theme="dark" in a light-scheme browser), and is named by the figure's title.
    assert.match(iframe, /&amp;lang=en&amp;theme=dark" title="optlab: Noise smoothing: SGD, momentum and averaging" /);
    assert.match(link, /&lang=en$/);
    const copy = await context.newPage();
    await copy.goto(link);
    await copy.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    assert.deepEqual(await copy.evaluate(() => document.querySelector('optlab-figure').state), state);
    assert.equal(await csvOf(copy, copy.locator('optlab-figure')), csv);

    // PNG: twice the size of the drawn region (+ padding), with a picture in it.
    // Below the plots, the title, legend, caption and settings it is drawn with (the title alone is 22 px).
    const region = await figure.evaluate((f) => {
      const rects = [...f.shadowRoot.querySelectorAll('canvas')].filter((c) => c.getClientRects().length).map((c) => c.getBoundingClientRect());
      const w = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
      const h = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
      return { w: Math.round((Math.max(w, 320) + 24) * 2), h: Math.round((h + 24) * 2) };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), shareAction(figure, 'png')]);
    const bytes = readFileSync(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.equal(bytes.readUInt32BE(16), region.w);
    assert.ok(bytes.readUInt32BE(20) > region.h + 2 * (22 + 18 + 17 + 15), `${bytes.readUInt32BE(20)} px tall: no room for the text`);
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }, bytes.toString('base64'));
    assert.ok(colours > 20, `${colours} colours in the PNG`);

    const [json] = await Promise.all([page.waitForEvent('download'), shareAction(figure, 'json')]);
    const scenario = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(scenario.seed, state.seed);
    assert.deepEqual(Object.keys(scenario).sort(), ['optimizer', 'problem', 'seed', 'steps', 'w0']);
    // The CLI reproduces the figure's SGD path from it, number for number.
    const cli = spawnSync(join(root, 'build', 'native', 'optlab'), ['run', await json.path()], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout).w;
    const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
    assert.equal(fromCli.length, rows.length);
    fromCli.forEach((w, k) => assert.deepEqual(w, [Number(rows[k][1]), Number(rows[k][2])], `step ${k}`));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
