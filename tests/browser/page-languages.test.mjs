// The lesson page's numbering, languages and sizes: Korean, no JavaScript,
// 320 to 1280 px, and the figures skipped far from the screen.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { shots, browser, servedUrl, open, wholePage, bringIntoView, blankFractions, caption, lessonPage } from './page-helpers.mjs';

lessonPage();

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
    const listed = await page.$$eval('nav.contents li', (items) => items.map((li) => [li.value, li.querySelector('a').textContent, li.querySelector('a').getAttribute('href')]));
    const sections = await page.$$eval('main > .figure', (ss) => ss.map((s, i) => [i + 1, ((n) => { const c = n.cloneNode(true); for (const m of c.querySelectorAll('.math')) m.replaceWith(m.dataset.unicode); return c.textContent; })(s.querySelector('.figure-title')), `#${s.id}`]));
    assert.deepEqual(listed, sections);
    // Each links to where the lecture covers it on video, and the header names the lecture's sections.
    const videos = await page.$$eval('nav.contents li a.video', (links) => links.map((a) => [a.textContent, new URL(a.href).searchParams.get('t')]));
    assert.deepEqual(videos.map(([, t]) => t), ['88s', '898s', '898s', '1672s', '1672s', '1672s', '1672s', '898s']);
    assert.equal(videos[3][0], '▶ 27:52');
    assert.match(await page.textContent('[data-lecture]'), /^강의 영상: 경사 하강법 1:28 · 확률적 경사 하강법 14:58 · 모멘텀 27:52$/);
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
    assert.match(await caption(page), /1\/a보다 작습니다/);
    assert.match(await page.textContent('#step-sizes'), /경사 하강법/);
    // The lecture's Korean name for the heavy-ball form.
    assert.match(await page.textContent('#momentum'), /무거운 공 형태를 모멘텀 위에/);
    assert.equal(await page.textContent('[data-language-switch]'), 'English');
    assert.deepEqual(problems, []);
    await wholePage(page, join(shots, 'page-1280-ko.png'));
    await page.close();
  });

  test('at 375 px in Korean no line breaks inside a Hangul word or between a symbol and its particle: not in the prose, the captions, the labels or the buttons', async () => {
    const { page, problems } = await open(`${servedUrl}?lang=ko`, { inside: servedUrl, width: 375 });
    await page.waitForSelector('html[data-settled]', { state: 'attached' });
    // Figures far from the screen are not laid out (content-visibility): lay out all of them.
    await page.$$eval('main > .figure', (sections) => sections.forEach((s) => { s.style.contentVisibility = 'visible'; }));
    const brokenWords = () => page.evaluate(() => {
      const found = [];
      let count = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A run of Hangul letters, with the symbol its particle is written
        // against (이차함수, 2/L을, w₀을, (γ*, β*)로 → β*)로).
        for (const m of node.data.matchAll(/[A-Za-z0-9α-ωΑ-Ω\u0300-\u036f₀-₉ᵢⱼₖ⁰-⁹⁻′*)\]/.·"”\u2060]*[\uac00-\ud7a3]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          if (!rects.length) continue; // not shown
          count++;
          // A rect starting below where an earlier one ends is a new line.
          if (rects.some((r) => r.top >= rects[0].bottom - 2)) found.push(`${m[0]} (in "${node.data.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)}")`);
        }
      }
      return { words: count, broken: found };
    });
    const { words, broken } = await brokenWords();
    assert.ok(words > 1000, `only ${words} Korean words found on the page`);
    assert.deepEqual(broken, []);
    // The check sees breaks: with Chromium's default breaking, between any two Hangul letters, it finds many.
    await page.evaluate(() => document.styleSheets[0].insertRule(':lang(ko) { word-break: normal !important; }', document.styleSheets[0].cssRules.length));
    assert.ok((await brokenWords()).broken.length > 20);
    assert.deepEqual(problems, []);
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
      // The first screen's formulas are typeset once they have left the
      // screen (page-math.test): figure 1 may then change its height, and
      // the browser keeps what the reader sees where it was.
      const inView = await page.evaluate(async () => {
        const next = document.getElementById('sgd-cloud');
        next.scrollIntoView();
        const before = next.getBoundingClientRect().top;
        const first = [...document.querySelectorAll('#step-sizes .math')];
        for (let i = 0; i < 60 && !first.every((m) => m.querySelector('.katex')); i++) await new Promise((done) => requestAnimationFrame(done));
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return { before, after: next.getBoundingClientRect().top, typeset: first.every((m) => m.querySelector('.katex')) };
      });
      assert.ok(inView.typeset, `${width}: figure 1's formulas were not typeset once off the screen`);
      assert.ok(Math.abs(inView.after - inView.before) < 1, `${width}: figure 2 moved on the screen from ${inView.before} to ${inView.after} as figure 1 was typeset`);
      await page.evaluate(() => scrollTo(0, 0));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
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
