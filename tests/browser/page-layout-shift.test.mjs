// A link to one figure (index.html#momentum) lands on that figure and
// nothing moves while the page fills in: each figure's space is reserved
// before it is built, canvases have their height before their first picture,
// and the linked figure is held in place while the figures above it are
// built. Measured as the browser reports it (layout-shift entries, CLS),
// for every figure, at 1280 px and on a 375 px phone, in both languages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { browser, servedUrl, lessonPage } from './page-helpers.mjs';

lessonPage();

const screens = [
  { width: 1280, options: { viewport: { width: 1280, height: 900 } } },
  { width: 375, options: { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
];
const goal = 0.05;

describe('layout shift on a link to a figure', () => {
  for (const { width, options } of screens) {
    for (const lang of ['en', 'ko']) {
      test(`${width} px, ${lang}: every figure's link lands on it with CLS <= ${goal}`, async () => {
        const context = await browser.newContext(options);
        await context.addInitScript(() => {
          globalThis.optlabShifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (!entry.hadRecentInput) globalThis.optlabShifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: entry.sources.map((s) => s.node?.nodeName ?? '?').join(' ') });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const probe = await context.newPage();
        await probe.goto(`${servedUrl}?lang=${lang}`);
        const ids = await probe.$$eval('main > .figure', (sections) => sections.map((s) => s.id));
        await probe.close();
        assert.equal(ids.length, 10);
        const results = [];
        for (const id of ids) {
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`${servedUrl}?lang=${lang}#${id}`);
          await page.waitForSelector('html[data-settled]', { state: 'attached', timeout: 30000 });
          await page.waitForTimeout(500); // a shift after the page settled would show too
          const { shifts, top, bottom } = await page.evaluate((id) => ({
            shifts: globalThis.optlabShifts,
        frames: globalThis.optlabFrames,
            top: document.getElementById(id).getBoundingClientRect().top,
            bottom: document.documentElement.scrollHeight - scrollY - innerHeight,
          }), id);
          const cls = shifts.reduce((sum, s) => sum + s.value, 0);
          results.push({ id, cls: Number(cls.toFixed(3)), shifts });
          assert.deepEqual(errors, [], id);
          // On the figure: its top at the screen's top, or as near as the end of the page lets it be.
          assert.ok(Math.abs(top) < 2 || (top > 0 && bottom < 2), `${id}: the link left the figure at ${top} px`);
          await page.close();
        }
        await context.close();
        const over = results.filter((r) => r.cls > goal);
        assert.deepEqual(over, [], `CLS: ${results.map((r) => `${r.id} ${r.cls}`).join(', ')}`);
      });
    }
  }
});

describe('a slow CPU draws the first screen first', () => {
  test('at a quarter of the speed (a phone), figure 1, or the linked figure, is drawn before the next figure is built, and nothing shifts', async () => {
    const context = await browser.newContext(screens[1].options);
    await context.addInitScript(() => {
      globalThis.optlabShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.optlabShifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
      // Every frame's time: a frame between two marks means the page yielded to the browser there.
      globalThis.optlabFrames = [];
      const frame = (time) => { globalThis.optlabFrames.push(time); requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    });
    for (const [hash, first, next] of [['', 'step-sizes', 'sgd-cloud'], ['#momentum', 'momentum', 'beta-effect']]) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${servedUrl}${hash}`);
      await page.waitForSelector('html[data-settled]', { state: 'attached', timeout: 60000 });
      const { at, shifts, frames, drawn } = await page.evaluate(([first]) => ({
        at: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        shifts: globalThis.optlabShifts,
        frames: globalThis.optlabFrames,
        // Its canvases hold a picture.
        drawn: [...document.getElementById(first).querySelectorAll('canvas')].every((c) => c.width > 0),
      }), [first]);
      assert.ok(drawn, `${hash || 'the page'}: ${first} not drawn`);
      assert.ok(at['optlab-first-screen'] > at[`optlab-mount-${first}`], `${hash || 'the page'}: the first screen is marked before ${first} is built`);
      assert.ok(at['optlab-first-screen'] < at[`optlab-mount-${next}`], `${hash || 'the page'}: ${next} was built before the first screen was drawn`);
      assert.ok(frames.some((t) => t > at['optlab-first-screen'] && t < at[`optlab-mount-${next}`]), `${hash || 'the page'}: no frame between the first screen and ${next}'s build`);
      // The yield after the first screen lets the browser paint it: the
      // figures built after it are below the screen and move nothing.
      assert.ok(shifts.reduce((a, b) => a + b, 0) <= goal, `${hash || 'the page'}: CLS ${shifts}`);
      const top = await page.evaluate((first) => document.getElementById(first).getBoundingClientRect().top, first);
      if (hash) assert.ok(Math.abs(top) < 2, `${hash}: the link left the figure at ${top} px`);
      await page.close();
    }
    await context.close();
  });
});
