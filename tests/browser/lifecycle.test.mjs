// A figure taken out of a page lets go of everything it took: an
// <optlab-figure> removed and put back 1,000 times (every scene in turn)
// leaves no ResizeObserver or IntersectionObserver target, no listener on
// window, document or a media query, no interval, timeout or animation
// frame behind, and neither the JavaScript heap nor the core's memory
// grows. Put back, it draws again. Redrawn in place (an attribute
// changed), it leaves its old figure behind no more than when removed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium } from './chromium.mjs';

import { serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

let server, browser, site;
before(async () => {
  server = await serve({ root: `${root}/dist`, base: '/', csp: true });
  site = `http://127.0.0.1:${server.address().port}/`;
  // A heap that can be collected on demand and measured to the byte.
  browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
});
after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections();
});

// Runs before the page's scripts: counts what is live of each kind of
// thing a figure may hold on to.
function instrument() {
  const live = { observed: 0, mediaListeners: 0, globalListeners: 0, intervals: 0, timeouts: 0, frames: 0 };
  window.optlabLive = live;
  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    const Original = window[name];
    window[name] = class extends Original {
      #targets = new Set();
      observe(target, options) {
        if (!this.#targets.has(target)) live.observed++;
        this.#targets.add(target);
        return super.observe(target, options);
      }
      unobserve(target) {
        if (this.#targets.delete(target)) live.observed--;
        return super.unobserve(target);
      }
      disconnect() {
        live.observed -= this.#targets.size;
        this.#targets.clear();
        return super.disconnect();
      }
    };
  }
  // Listeners by (target, type, listener, capture), as the DOM keeps them.
  const keep = (target, counter) => {
    const held = new Map();
    const add = target.addEventListener, remove = target.removeEventListener;
    const key = (type, capture) => `${type}:${typeof capture === 'object' ? !!capture?.capture : !!capture}`;
    target.addEventListener = function (type, listener, options) {
      const k = key(type, options);
      if (!held.has(listener)) held.set(listener, new Set());
      if (!held.get(listener).has(k)) {
        held.get(listener).add(k);
        live[counter]++;
      }
      return add.call(this, type, listener, options);
    };
    target.removeEventListener = function (type, listener, options) {
      if (held.get(listener)?.delete(key(type, options))) live[counter]--;
      return remove.call(this, type, listener, options);
    };
  };
  keep(window, 'globalListeners');
  keep(document, 'globalListeners');
  const matchMedia = window.matchMedia.bind(window);
  window.matchMedia = (query) => {
    const list = matchMedia(query);
    keep(list, 'mediaListeners');
    return list;
  };
  const track = (start, stop, counter, once) => {
    const ids = new Set();
    const startOriginal = window[start], stopOriginal = window[stop];
    window[start] = function (callback, ...rest) {
      const id = startOriginal.call(window, typeof callback === 'function' && once ? (...args) => {
        if (ids.delete(id)) live[counter]--;
        return callback(...args);
      } : callback, ...rest);
      ids.add(id);
      live[counter]++;
      return id;
    };
    window[stop] = function (id) {
      if (ids.delete(id)) live[counter]--;
      return stopOriginal.call(window, id);
    };
  };
  track('setInterval', 'clearInterval', 'intervals', false);
  track('setTimeout', 'clearTimeout', 'timeouts', true);
  track('requestAnimationFrame', 'cancelAnimationFrame', 'frames', true);
}

// The 1,000 cycles, measured once for both tests below.
let measured;
const cycled = () => (measured ??= cycleFigures());

async function cycleFigures() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${site}examples/course-notes.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('optlab-figure')].every((f) => f.dataset.ready === 'true'), null, { timeout: 20000 });
    const result = await page.evaluate(async () => {
      const live = window.optlabLive;
      const scenes = window.optlab.sceneNames;
      const core = await window.optlab.sharedCore();
      const holder = document.createElement('div');
      document.body.append(holder);
      const figures = scenes.map((scene) => {
        const figure = document.createElement('optlab-figure');
        figure.setAttribute('scene', scene);
        return figure;
      });
      // What is pending settles: timers (the rules' typesetting, 300 ms),
      // the annealing runs of a removed figure (stopped), frames.
      const settle = async () => {
        for (let i = 0; i < 3; i++) await new Promise((done) => setTimeout(done, 400));
        await new Promise((done) => requestAnimationFrame(() => done()));
        await new Promise((done) => setTimeout(done, 50));
      };
      const heap = async () => {
        window.gc();
        await new Promise((done) => setTimeout(done, 0));
        window.gc();
        return performance.memory.usedJSHeapSize;
      };
      const cycle = async (figure) => {
        holder.append(figure);
        await figure.ready;
        if (figure.dataset.ready !== 'true') throw new Error(`${figure.getAttribute('scene')} did not draw`);
        figure.remove();
      };
      const snapshot = () => ({ ...live, core: core.memoryInUse() });
      // Once round, so that what is made once per page (KaTeX, contour caches) is made.
      for (const figure of figures) await cycle(figure);
      await settle();
      const baseline = snapshot();
      // While one is on the page, the counters see what it holds.
      holder.append(figures[0]);
      await figures[0].ready;
      const attached = snapshot();
      figures[0].remove();
      await settle();
      const heapBefore = await heap();
      const heaps = [];
      for (let i = 0; i < 1000; i++) {
        await cycle(figures[i % figures.length]);
        if (i % 200 === 199) heaps.push(await heap());
      }
      await settle();
      const heapAfter = await heap();
      const end = snapshot();
      // Put back once more, each draws again.
      const drawn = [];
      for (const figure of figures) {
        holder.append(figure);
        await figure.ready;
        drawn.push([...figure.shadowRoot.querySelectorAll('canvas')].some((c) => c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((x) => x > 0)));
        figure.remove();
      }
      return { baseline, attached, end, heapBefore, heapAfter, drawn, heaps };
    });
    assert.ok(result.attached.observed > result.baseline.observed, `the counters saw no observer of a figure: ${JSON.stringify(result.attached)}`);
    assert.deepEqual(result.end, result.baseline);
    return { ...result, problems };
  } finally {
    await context.close();
  }
}

test('removing and re-adding an <optlab-figure> 1,000 times leaves no listener, observer or timer behind, nor core memory; put back, it draws', { timeout: 600000 }, async () => {
  const result = await cycled();
  assert.ok(result.attached.observed > result.baseline.observed, `the counters saw no observer of a figure: ${JSON.stringify(result.attached)}`);
  assert.deepEqual(result.end, result.baseline);
  assert.deepEqual(result.drawn, result.drawn.map(() => true));
  assert.deepEqual(result.problems, []);
});

// The heap is measured after the first round, which makes what is made
// once per page. A figure that stays reachable once removed shows here: an
// L-BFGS figure kept by its shadow root's radio group grew the heap by
// 30 KB a cycle (4.4 MB in all, against 0.7 MB without it).
test('the JavaScript heap stays flat over those 1,000 figures', { timeout: 600000 }, async () => {
  const { heapBefore, heaps, heapAfter } = await cycled();
  const grown = heapAfter - heapBefore;
  assert.ok(grown < 2e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 1,000 figures (every 200: ${heaps.map((h) => (h / 1e6).toFixed(1)).join(', ')} MB)`);
});

// An attribute change redraws a figure in place: the old figure leaves the
// shadow root while the element stays on the page, a path the cycles above
// never take. The L-BFGS figure (its problem as radio buttons) is redrawn
// 300 times, between its two problems.
test('a figure redrawn 300 times in place does not grow the JavaScript heap', { timeout: 600000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${site}examples/course-notes.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('optlab-figure')].every((f) => f.dataset.ready === 'true'), null, { timeout: 20000 });
    const { heapBefore, heapAfter } = await page.evaluate(async () => {
      const heap = async () => {
        window.gc();
        await new Promise((done) => setTimeout(done, 0));
        window.gc();
        return performance.memory.usedJSHeapSize;
      };
      const figure = document.createElement('optlab-figure');
      figure.setAttribute('scene', 'lbfgs');
      document.body.append(figure);
      const redraw = async (i) => {
        const problem = i % 2 ? 'bowl' : 'rosenbrock';
        figure.setAttribute('problem', problem);
        await figure.ready;
        if (figure.state?.problem !== problem) throw new Error(`redraw ${i} did not draw ${problem}`);
      };
      for (let i = 0; i < 10; i++) await redraw(i);
      const heapBefore = await heap();
      for (let i = 0; i < 300; i++) await redraw(i);
      const heapAfter = await heap();
      figure.remove();
      return { heapBefore, heapAfter };
    });
    const grown = heapAfter - heapBefore;
    assert.ok(grown < 1e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 300 redraws`);
  } finally {
    await context.close();
  }
});
