// The lesson page served under a sub-path with a strict CSP, and opened
// straight from disk: it loads cleanly, figure 1's slider works, and figure 4
// typesets its rules.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { shots, BASE, fileUrl, dist, servedUrl, open, wholePage, blankFractions, caption, lessonPage } from './page-helpers.mjs';

lessonPage();

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
      await page.waitForFunction(() => document.querySelectorAll('#momentum .equations annotation')[1].textContent.includes('0.00'));
      assert.ok((await tex())[1].includes('0.00}\\,p_k + g_k'), (await tex())[1]);
      await page.evaluate(() => document.fonts.ready);
      const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX')).map((f) => `${f.family}:${f.status}`));
      assert.deepEqual(faces.sort(), ['KaTeX_Main:loaded', 'KaTeX_Math:loaded', 'KaTeX_Size1:loaded']); // Size1: Σ in the text's formulas
      // The letters really are set in KaTeX's italic, not a fallback face.
      assert.equal(await page.$eval('#momentum .equations .mathnormal', (n) => getComputedStyle(n).fontFamily.split(',')[0].replace(/"/g, '')), 'KaTeX_Math');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

describe('the first screen', () => {
  test('holds a live figure: at 1280 x 800 figure 1\'s slider and its run, on a 375 px phone its slider, with the line that says what to do', async () => {
    for (const [width, height, mobile] of [[1280, 800, false], [375, 740, true]]) {
      for (const lang of ['en', 'ko']) {
        const { page, problems } = await open(`${servedUrl}?lang=${lang}`, { width, height, isMobile: mobile, inside: servedUrl });
        const bottom = (selector) => page.$eval(selector, (e) => e.getBoundingClientRect().bottom);
        assert.ok(await bottom('#step-sizes input[type=range]') <= height, `${width} ${lang}: the slider ends at ${await bottom('#step-sizes input[type=range]')}`);
        const run = await page.$eval('#step-sizes .pair canvas', (c) => c.getBoundingClientRect().top);
        if (!mobile) assert.ok(run < height - 100, `${lang}: the run starts at ${run} px, below the first screen`);
        assert.ok(await bottom('#step-sizes .instruction') <= height);
        assert.match(await page.textContent('[data-lecture]'), /1:28.*14:58.*27:52/);
        assert.deepEqual(problems, []);
        await page.close();
      }
    }
  });
});
