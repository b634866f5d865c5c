// No two labels of a plot overlap, and none leaves its canvas: on a 375 px
// phone, in both languages (Korean labels are longer), and at 1280 px, for
// every figure at its default and with each setting at either end of its
// range (scene-links.mjs). Labels are read as the figures draw them: every
// fillText and strokeText is recorded with its ink box (measureText's
// actual bounding box, through the canvas's transform), and a canvas's list
// starts again when the canvas is cleared for a new picture.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { servedSite, watchProblems } from './chromium.mjs';
import { links, sceneSpecs } from './scene-links.mjs';

import { root } from '../js/helpers.mjs';

const served = servedSite({ root: join(root, 'dist'), base: '/' });

function recordLabels() {
  const proto = CanvasRenderingContext2D.prototype;
  const labels = new WeakMap(); // canvas → the labels of its current picture
  window.optlabLabels = (canvas) => labels.get(canvas) ?? [];
  const { fillText, strokeText, clearRect } = proto;
  const record = (ctx, text, x, y) => {
    const m = ctx.measureText(text);
    const t = ctx.getTransform();
    const xs = [], ys = [];
    for (const [px, py] of [[x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent], [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
      [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent], [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent]]) {
      const p = t.transformPoint({ x: px, y: py });
      xs.push(p.x);
      ys.push(p.y);
    }
    // In CSS pixels, as the reader sees them.
    const scale = ctx.canvas.clientWidth ? ctx.canvas.width / ctx.canvas.clientWidth : 1;
    const box = { text: String(text), x0: Math.min(...xs) / scale, x1: Math.max(...xs) / scale, y0: Math.min(...ys) / scale, y1: Math.max(...ys) / scale };
    const list = labels.get(ctx.canvas) ?? [];
    // A halo is the same text stroked, then filled, at the same place.
    if (!list.some((b) => b.text === box.text && Math.abs(b.x0 - box.x0) < 0.5 && Math.abs(b.y0 - box.y0) < 0.5)) list.push(box);
    labels.set(ctx.canvas, list);
  };
  proto.fillText = function (text, x, y, ...rest) {
    record(this, text, x, y);
    return fillText.call(this, text, x, y, ...rest);
  };
  proto.strokeText = function (text, x, y, ...rest) {
    record(this, text, x, y);
    return strokeText.call(this, text, x, y, ...rest);
  };
  proto.clearRect = function (x, y, w, h) {
    const t = this.getTransform();
    const p0 = t.transformPoint({ x, y }), p1 = t.transformPoint({ x: x + w, y: y + h });
    if (p0.x <= 0 && p0.y <= 0 && p1.x >= this.canvas.width && p1.y >= this.canvas.height) labels.delete(this.canvas);
    return clearRect.call(this, x, y, w, h);
  };
}

// Every canvas of the embedded figure: its labels, and which of them overlap
// or leave the canvas (by more than half a pixel: antialiasing).
async function problemsOf(page) {
  return page.evaluate(() => {
    const out = [];
    const root = document.querySelector('optlab-figure').shadowRoot;
    for (const canvas of root.querySelectorAll('canvas')) {
      if (!canvas.checkVisibility()) continue;
      const name = canvas.getAttribute('aria-label')?.slice(0, 40) ?? canvas.className;
      const boxes = window.optlabLabels(canvas).filter((b) => b.text.trim() && b.x1 > b.x0 && b.y1 > b.y0);
      const w = canvas.clientWidth, h = canvas.clientHeight;
      for (const b of boxes) {
        if (b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > w + 0.5 || b.y1 > h + 0.5) out.push(`${name}: '${b.text}' leaves the canvas (${[b.x0, b.y0, b.x1, b.y1].map(Math.round)} in ${w}×${h})`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (dx > 0.5 && dy > 0.5) out.push(`${name}: '${a.text}' and '${b.text}' overlap`);
        }
      }
    }
    return out;
  });
}

const screens = [
  { width: 375, langs: ['en', 'ko'], options: { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { width: 1280, langs: ['en'], options: { viewport: { width: 1280, height: 900 } } },
];

describe('labels neither overlap nor leave their canvas', () => {
  for (const scene of Object.keys(sceneSpecs)) {
    test(scene, async () => {
      const found = [];
      for (const { width, langs, options } of screens) {
        const context = await served.browser.newContext(options);
        await context.addInitScript(recordLabels);
        const page = await context.newPage();
        const problems = watchProblems(page, served.site);
        try {
          const { single } = links(scene);
          // The heaviest links compute for seconds and add no new label.
          const queries = ['', ...single.filter((q) => !/^(runs|steps)=/.test(q))];
          for (const lang of langs) {
            for (const query of queries) {
              await page.goto(`${served.site}embed/${scene}.html?lang=${lang}${query ? `&${query}` : ''}`);
              await page.waitForFunction(() => {
                const figure = document.querySelector('optlab-figure');
                return (figure?.dataset.ready && !figure.shadowRoot.querySelector('[data-busy="true"]')) || figure?.shadowRoot?.querySelector('.optlab-error');
              }, null, { timeout: 30000 });
              await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
              for (const problem of await problemsOf(page)) found.push(`${width} px ${lang} ?${query}: ${problem}`);
            }
          }
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(found, []);
    });
  }
});
