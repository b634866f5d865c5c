// Links and attributes are anyone's to write. A standalone figure page
// copies only the figure's own settings from its URL, every page optlab
// ships carries its own strict CSP, and names such as "constructor" or
// "__proto__" are settings like any other unknown word: never a way into
// an object's prototype. The pages are served here without a CSP header,
// so that their own policy and their own code are what is tested.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { figuresReady, servedSite, watchProblems } from './chromium.mjs';

import { NOTEBOOK_CSP, STRICT_CSP } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

const dist = join(root, 'dist');
const served = servedSite({ root: dist, base: '/' });

// Open a page, recording dialogs (a script that ran) and CSP violations.
async function open({ inside = served.site } = {}) {
  const context = await served.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.optlabViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.optlabViolations.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  const problems = watchProblems(page, inside);
  return { page, context, dialogs, problems };
}

// Run `body` on a page opened at url; its browser context is closed however
// the body ends, so one failed assertion does not leave the next tests a
// browser full of pages.
async function visit(url, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const opened = await open(options);
  try {
    await opened.page.goto(url);
    return await body(opened);
  } finally {
    await opened.context.close();
  }
}

// The figure of a standalone page has drawn, or shows its message.
const drawnOrExplained = (page) => page.waitForFunction(() => {
  const figure = document.querySelector('optlab-figure');
  return figure?.dataset.ready || figure?.shadowRoot?.querySelector('.optlab-error');
}, null, { timeout: 20000 });

const message = (page) => page.locator('optlab-figure').evaluate((f) => f.shadowRoot.querySelector('.optlab-error')?.textContent ?? null);

describe('a standalone figure page under a hostile link', () => {
  const payloads = [
    'style=content-visibility:auto&oncontentvisibilityautostatechange=alert(document.domain)',
    'onfocus=alert(1)&autofocus=&tabindex=0',
    'onmouseover=alert(2)&style=position:fixed;inset:0;z-index:9',
    'lr=0.02#onclick=alert(3)&style=display:block;width:100vw;height:100vh',
    'is=x&slot=a&part=b&id=c&class=d&hidden=&inert=',
  ];
  for (const query of payloads) {
    test(`?${query}: no script runs, no attribute but the figure's settings is set, the keys are named`, async () => {
      await visit(`${served.site}embed/momentum.html?${query}`, async ({ page, dialogs, problems }) => {
        await drawnOrExplained(page);
        await page.mouse.move(500, 400);
        await page.mouse.click(500, 400);
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, []);
        const attributes = await page.locator('optlab-figure').evaluate((f) => f.getAttributeNames());
        assert.deepEqual(attributes.filter((name) => !['scene', 'heading', 'lr', 'data-url-keys', 'data-ready', 'style'].includes(name)), []);
        const style = await page.locator('optlab-figure').evaluate((f) => f.getAttribute('style') ?? '');
        assert.doesNotMatch(style, /content-visibility|position|display/, 'the link restyled the figure');
        const text = await message(page);
        for (const [key] of new URLSearchParams(query.replace('#', '&'))) {
          if (key !== 'lr') assert.match(text ?? '', new RegExp(`${key} is not a setting of momentum`), `${key} is not named: ${text}`);
        }
        assert.deepEqual(await page.evaluate(() => window.optlabViolations), []);
        assert.deepEqual(problems, []);
      });
    });
  }

  test('names of the prototype and megabyte values get a message, never a blank figure or a hang', async () => {
    const cases = [
      ['lang=constructor', /lang must be one of en, ko \(got "constructor"\)/],
      ['lang=__proto__', /lang must be one of en, ko \(got "__proto__"\)/],
      ['controls=toString', /toString/],
      ['constructor=1', /constructor is not a setting of momentum/],
      ['__proto__=1', /__proto__ is not a setting of momentum/],
      ['hasOwnProperty=1&valueOf=2', /hasOwnProperty is not a setting of momentum/],
      // In the hash: a server refuses a request line of a megabyte (HTTP 431).
      [`#lr=${'9'.repeat(1e6)}`, /lr must be a number from 0\.001 to 1 \(got "9{60}…"\)/],
      [`#${'k'.repeat(1e5)}=1`, /k{60}… is not a setting of momentum/],
      ['lr=%E0%A4%A&beta=%FF', /./],
    ];
    for (const [query, expected] of cases) {
      await visit(`${served.site}embed/momentum.html${query.startsWith('#') ? '' : '?'}${query}`, async ({ page, dialogs, problems }) => {
        await drawnOrExplained(page);
        const text = await message(page);
        assert.match(text ?? '(drawn)', expected, `${query.slice(0, 80)}: ${text?.slice(0, 300)}`);
        assert.ok((text ?? '').length < 2000, `${query.slice(0, 40)}: a message of ${text.length} characters`);
        assert.deepEqual(dialogs, []);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('the same from file://', async () => {
    const file = pathToFileURL(join(dist, 'embed', 'momentum.html')).href;
    await visit(`${file}?onfocus=alert(1)&autofocus=&style=content-visibility:auto&oncontentvisibilityautostatechange=alert(2)`, { inside: pathToFileURL(dist).href }, async ({ page, dialogs, problems }) => {
      await drawnOrExplained(page);
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, []);
      assert.match(await message(page), /onfocus is not a setting of momentum/);
      assert.deepEqual(await page.evaluate(() => window.optlabViolations), []);
      assert.deepEqual(problems, []);
    });
  });
});

describe('every page optlab ships, under one link that carries every kind of hostile key and value', () => {
  const hostile = [
    'onfocus=alert(1)&autofocus=&onmouseover=alert(2)&style=position:fixed;inset:0;z-index:9',
    'constructor=1&__proto__=1&lang=constructor&controls=toString',
    'lr=%E0%A4%A&beta=%FF&steps=%C0%AF',
  ].join('&');
  // In the hash: the whole link, plus a long value. (A megabyte, tested
  // above, makes Chromium itself spend long tasks on the address, with or
  // without a page script, so it is not timed here.)
  // The lesson page reads figure.key from its hash: each figure gets the
  // same hostile keys and values under its own name.
  const scenes = readdirSync(join(dist, 'embed')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length));
  const perFigure = scenes.map((name) => `${name}.constructor=1&${name}.__proto__=1&${name}.onfocus=alert(5)&${name}.lr=%FF&${name}.steps=${'9'.repeat(400)}`).join('&');
  const hash = `${hostile}&w0=${'7'.repeat(1e4)}&${perFigure}`;
  const pages = [
    'index.html',
    ...scenes.map((name) => `embed/${name}.html`),
    ...readdirSync(join(dist, 'examples')).filter((f) => f.endsWith('.html')).map((f) => `examples/${f}`),
    // The rendered notebook, when the build made one: its figures come from optlab.figure().
    ...(existsSync(join(dist, 'notebooks')) ? readdirSync(join(dist, 'notebooks')).filter((f) => f.endsWith('.html')).map((f) => `notebooks/${f}`) : []),
  ];
  for (const path of pages) {
    test(`${path}: no script runs, no CSP violation, no task over 200 ms, every figure drawn or explained`, async () => {
      const context = await served.browser.newContext({ viewport: { width: 1000, height: 800 } });
      await context.addInitScript(() => {
        window.optlabViolations = [];
        window.optlabTasks = [];
        document.addEventListener('securitypolicyviolation', (event) => window.optlabViolations.push(`${event.violatedDirective}: ${event.blockedURI}`));
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.optlabTasks.push({ start: entry.startTime, ms: Math.round(entry.duration) });
        }).observe({ type: 'longtask', buffered: true });
      });
      try {
        const page = await context.newPage();
        const dialogs = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          dialog.dismiss().catch(() => {});
        });
        const problems = watchProblems(page, served.site);
        await page.goto(`${served.site}${path}?${hostile}#${hash}`);
        // Every figure of every frame has drawn or shows why not (the lesson page: every figure section).
        for (const frame of page.frames()) {
          await frame.waitForFunction(() => {
            const figures = [...document.querySelectorAll('optlab-figure')];
            const sections = [...document.querySelectorAll('[data-figure]')];
            return figures.every((f) => f.dataset.ready || f.shadowRoot?.querySelector('.optlab-error'))
              && sections.every((s) => s.dataset.ready || s.querySelector('.error'))
              && (figures.length + sections.length > 0 || document.querySelectorAll('iframe').length > 0);
          }, null, { timeout: 20000 });
        }
        if (path === 'index.html') {
          // Each figure's part of the link is named, above the figure or (for
          // the map, whose settings are figure 4's) above them all, and every
          // figure draws its defaults.
          const notes = (await page.locator('.error').allTextContents()).join(' ');
          for (const name of scenes) {
            assert.ok(notes.includes(`constructor is not a setting of ${name}`) || notes.includes(`"${name}.constructor" was not used`), `${name}: ${notes}`);
            assert.equal(await page.locator(`[data-figure="${name}"]`).getAttribute('data-ready'), 'true', name);
          }
        }
        await page.mouse.move(500, 400);
        await page.mouse.click(500, 400);
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, []);
        for (const frame of page.frames()) {
          assert.deepEqual(await frame.evaluate(() => window.optlabViolations ?? []), [], frame.url().slice(0, 80));
          const tasks = await frame.evaluate(() => window.optlabTasks ?? []);
          assert.ok(tasks.every((t) => t.ms <= 200), `${frame.url().slice(0, 60)}: tasks of ${tasks.map((t) => t.ms)} ms`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});

describe('prototype names on the lesson page and on the element', () => {
  test('?lang=constructor and ?lang=__proto__ give the English page, every figure drawn', async () => {
    for (const lang of ['constructor', '__proto__', 'toString']) {
      await visit(`${served.site}?lang=${lang}`, async ({ page, problems }) => {
        await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
        assert.equal(await page.title(), 'optlab: gradient-based optimization, live');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        assert.equal(await page.locator('.loading').count(), 0);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('#momentum.constructor=1 is named like any unknown key, and the figure draws its defaults', async () => {
    await visit(`${served.site}#momentum.constructor=1&momentum.__proto__=2`, async ({ page, problems }) => {
      await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
      const notes = await page.locator('#momentum .error').allTextContents();
      assert.match(notes.join(' '), /constructor is not a setting of momentum/);
      assert.match(notes.join(' '), /__proto__ is not a setting of momentum/);
      assert.deepEqual(problems, []);
    });
  });

  test('<optlab-figure scene="__proto__">, controls="toString" and lang="constructor" each show a message', async () => {
    await visit(`${served.site}examples/course-notes.html`, async ({ page, problems }) => {
      await figuresReady(page);
      const messages = await page.evaluate(async () => {
        const make = (attributes) => {
          const figure = document.createElement('optlab-figure');
          for (const [name, value] of Object.entries(attributes)) figure.setAttribute(name, value);
          document.body.append(figure);
          return figure;
        };
        const figures = [make({ scene: '__proto__' }), make({ scene: 'constructor' }), make({ scene: 'momentum', controls: 'toString' })];
        const lang = make({ scene: 'momentum', lang: 'constructor' });
        await new Promise((done) => setTimeout(done, 500));
        return [...figures.map((f) => f.shadowRoot?.querySelector('.optlab-error')?.textContent ?? null), lang.shadowRoot?.querySelector('.optlab-error')?.textContent ?? null];
      });
      assert.match(messages[0], /__proto__/);
      assert.match(messages[1], /constructor/);
      assert.match(messages[2], /toString/);
      assert.match(messages[3], /lang must be one of en, ko/);
      assert.deepEqual(problems, []);
    });
  });
});

test('every HTML page the build ships carries its own strict Content-Security-Policy', () => {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(path);
    }
  };
  walk(dist);
  assert.ok(pages.length >= 12, `only ${pages.length} pages in dist/`);
  for (const path of pages) {
    const html = readFileSync(path, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(policy, `${path} has no Content-Security-Policy`);
    // The rendered notebook keeps nbconvert's inline styles; its one script is the site's embed script.
    if (path.includes(`${join('dist', 'notebooks')}`)) assert.equal(policy, NOTEBOOK_CSP, path);
    else assert.equal(policy, STRICT_CSP, path);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path} has an inline script`);
  }
});
