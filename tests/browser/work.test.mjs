// Whatever a link asks of a figure, the page keeps up: every setting of every
// scene at each end of its range, alone and all at once (and then the
// figure's Play), with no task of the main thread over 200 ms and every figure drawn
// or showing its message. The ranges are read from the figures' own table
// (web/src/embed/params.js), so a new setting is swept as soon as it exists.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { servedSite, watchProblems, shareAction } from './chromium.mjs';
import { links, sceneSpecs } from './scene-links.mjs';

import { root } from '../js/helpers.mjs';

const LONGEST_TASK_MS = 200;

const served = servedSite({ root: join(root, 'dist'), base: '/' });

// Long tasks of the main thread, from the start of the page.
const recordTasks = () => {
  window.optlabTasks = [];
  window.optlabEntries = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.optlabTasks.push(Math.round(entry.duration));
      window.optlabEntries.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
};

describe('every setting of every scene at its extremes keeps every task under 200 ms', () => {
  for (const scene of Object.keys(sceneSpecs)) {
    test(scene, async () => {
      const context = await served.browser.newContext({ viewport: { width: 1000, height: 900 } });
      await context.addInitScript(recordTasks);
      const page = await context.newPage();
      const problems = watchProblems(page, served.site);
      const slow = [];
      try {
        const { single, heaviest } = links(scene);
        for (const query of [...single, heaviest]) {
          await page.goto(`${served.site}embed/${scene}.html?${query}`);
          const state = await page.waitForFunction(() => {
            const figure = document.querySelector('optlab-figure');
            const message = figure?.shadowRoot?.querySelector('.optlab-error')?.textContent;
            if (message) return { message };
            return figure?.dataset.ready ? { drawn: true } : null;
          }, null, { timeout: 20000 }).then((handle) => handle.jsonValue());
          assert.ok(state.drawn, `${scene}?${query}: the figure is not drawn (${state.message})`);
          // Play, as a reader would, for as long as a reader watches: on
          // the heaviest link, where each frame is the most work.
          const play = page.locator('optlab-figure').locator('button.play');
          if (query === heaviest && await play.count()) {
            await play.click();
            await page.waitForTimeout(1500);
            if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
          }
          // Let any work that was split into pieces finish, then read the tasks.
          await page.waitForFunction(() => !document.querySelector('optlab-figure')?.shadowRoot?.querySelector('[data-busy="true"]'), null, { timeout: 30000 });
          const tasks = await page.evaluate(() => window.optlabTasks);
          const longest = Math.max(0, ...tasks);
          if (process.env.OPTLAB_SHOW_TASKS) console.log(`${scene}?${query}`.slice(0, 100), longest);
          if (longest > LONGEST_TASK_MS) slow.push(`${scene}?${query}: a task of ${longest} ms`);
        }
        assert.deepEqual(slow, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});

test('the lesson page with the heaviest annealing link: every task under 200 ms, Play waits for each frame, the caption says what is drawn', async () => {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordTasks);
  const page = await context.newPage();
  const problems = watchProblems(page, served.site);
  try {
    await page.goto(`${served.site}index.html#annealing.runs=2000&annealing.steps=5000&annealing.batch=16`);
    const figure = page.locator('#annealing');
    const caption = figure.locator('.caption');
    // While the runs are computed the caption counts them; then it gives the result.
    await page.waitForFunction(() => document.querySelector('#annealing')?.dataset.ready === 'true');
    const early = await caption.textContent();
    if (await figure.getAttribute('data-busy') === 'true') assert.match(early, /^Running 2000 SGD runs of 5000 steps: \d+ done so far/);
    await page.waitForFunction(() => document.querySelector('#annealing').dataset.busy === 'false', null, { timeout: 30000 });
    assert.match(await caption.textContent(), /after 5000 steps, \d+ of 2000 SGD runs/);
    // Play: every caption the reader is shown, in order. A frame is shown
    // whole ("after k steps") before the next one starts, and none is skipped:
    // a player that moved on while the runs were computed would restart them
    // at the next frame, and its frames would never be shown whole.
    await figure.evaluate((node) => {
      window.optlabCaptions = [];
      const text = node.querySelector('.caption');
      new MutationObserver(() => window.optlabCaptions.push(text.textContent)).observe(text, { childList: true, characterData: true, subtree: true });
    });
    // The whole animation: its later frames take longer than Play's 200 ms
    // per frame, so there the player has to wait.
    await figure.locator('button.play').click();
    await page.waitForFunction(() => document.querySelector('#annealing button.play').getAttribute('aria-pressed') === 'false', null, { timeout: 90000 });
    const written = await page.evaluate(() => window.optlabCaptions);
    // The frame shown before Play may be written again as Play starts (its
    // formulas typeset once its caption has rested): Play's frames start at 0.
    const start = written.findIndex((text) => /after 0 steps|^Running 2000 SGD runs of 0 steps/.test(text));
    const captions = start < 0 ? written : written.slice(start);
    const whole = [], order = [];
    for (const text of captions) {
      const done = /after (\d+) steps/.exec(text), partial = /^Running 2000 SGD runs of (\d+) steps/.exec(text);
      assert.ok(done || partial, `a caption that is neither a result nor progress: ${text}`);
      const steps = Number((done ?? partial)[1]);
      // The same caption written again (its formulas typeset once the
      // captions stop changing quickly) is the same frame.
      if (done && whole.at(-1) !== steps) whole.push(steps);
      order.push(steps);
    }
    assert.deepEqual(whole, Array.from({ length: 21 }, (_, i) => 250 * i), `Play shows frames 0, 250, 500, …, 5000 whole and in order: ${whole}`);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `no frame starts before the one shown is done: ${order}`);
    assert.ok(order.some((steps, i) => steps > 0 && order[i + 1] === steps), 'some frame was computed in pieces, so Play had to wait for it');
    // Every task from the first byte on: the figures' build, the runs and Play.
    const tasks = await page.evaluate(() => window.optlabEntries.map((e) => Math.round(e.duration)));
    assert.ok(Math.max(0, ...tasks) <= LONGEST_TASK_MS, `tasks of ${tasks.join(', ')} ms`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('annealing: when the core refuses a slice of runs, the caption says why, Play and the sliders go on, and the CSV is refused while runs are missing', async () => {
  const context = await served.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page, served.site);
  try {
    await page.goto(`${served.site}embed/annealing.html?runs=2000&steps=5000&batch=16`);
    await page.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true', null, { timeout: 20000 });
    const figure = page.locator('optlab-figure');
    const box = figure.locator('.figure');
    const caption = figure.locator('.caption');
    const idle = () => page.waitForFunction(() => !document.querySelector('optlab-figure').shadowRoot.querySelector('[data-busy="true"]'), null, { timeout: 30000 });
    // While runs are missing, the CSV button says so and downloads nothing.
    const lr = figure.locator('input[type="range"]').first();
    await lr.focus();
    await page.keyboard.press('ArrowLeft');
    let downloads = 0;
    page.on('download', () => downloads++);
    if (await box.getAttribute('data-busy') === 'true') {
      // At once, while the runs are still missing (two clicks through the menu may come too late).
      await page.evaluate(() => document.querySelector('optlab-figure').shadowRoot.querySelector('.share-menu button[data-share=csv]').click());
      assert.match(await figure.locator('.share [role="status"]').textContent(), /still being computed/);
      const table = await page.evaluate(() => document.querySelector('optlab-figure').table());
      assert.equal(table.complete, false);
      assert.ok(table.rows.length < 2000);
    }
    await idle();
    // The core refuses every slice after the first: the work is left undone,
    // and the reader is told why rather than shown a caption that never ends.
    await page.evaluate(async () => {
      const core = await window.optlab.sharedCore();
      window.optlabFinalPositions = core.finalPositions;
      core.finalPositions = function (scenario, runs, firstRun = 0) {
        if (firstRun > 0) throw new Error('test: the core refused these runs');
        return window.optlabFinalPositions.call(this, scenario, runs, firstRun);
      };
    });
    await lr.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /test: the core refused/.test(document.querySelector('optlab-figure').shadowRoot.querySelector('.caption').textContent), null, { timeout: 10000 });
    assert.equal(await box.getAttribute('data-busy'), 'false');
    assert.match(await caption.textContent(), /^optlab: this figure cannot be drawn: test: the core refused these runs$/);
    await shareAction(figure, 'csv');
    assert.match(await figure.locator('.share [role="status"]').textContent(), /stopped them/);
    // Play does not wait for runs that will never come: its frames move on
    // (each refused past the first slice) and it stops at the last one.
    await figure.locator('button.play').click();
    await page.waitForFunction(() => document.querySelector('optlab-figure').shadowRoot.querySelector('button.play').getAttribute('aria-pressed') === 'false', null, { timeout: 20000 });
    // The core works again: the next input computes every run.
    await page.evaluate(async () => {
      (await window.optlab.sharedCore()).finalPositions = window.optlabFinalPositions;
    });
    await lr.focus();
    await page.keyboard.press('ArrowLeft');
    await idle();
    assert.match(await caption.textContent(), /after 5000 steps, \d+ of 2000 SGD runs/);
    const [download] = await Promise.all([page.waitForEvent('download'), shareAction(figure, 'csv')]);
    assert.equal(download.suggestedFilename(), 'optlab-annealing.csv');
    assert.equal(downloads, 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the lesson page with every figure at its heaviest in one link: no task over 200 ms, from the first byte on', async () => {
  const hash = new URLSearchParams();
  for (const name of Object.keys(sceneSpecs)) {
    for (const [key, value] of new URLSearchParams(links(name).heaviest)) hash.set(`${name}.${key}`, value);
  }
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordTasks);
  const page = await context.newPage();
  const problems = watchProblems(page, served.site);
  try {
    await page.goto(`${served.site}index.html#${hash}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'), null, { timeout: 30000 });
    const notes = await page.locator('[data-figure] > .error').allTextContents();
    assert.deepEqual(notes, [], 'every heaviest setting is within its range');
    const drawn = await page.evaluate(() => [...document.querySelectorAll('[data-figure]')].filter((s) => !s.dataset.ready).map((s) => s.dataset.figure));
    assert.deepEqual(drawn, []);
    const tasks = await page.evaluate(() => window.optlabEntries.map((e) => ({ at: Math.round(e.startTime), ms: Math.round(e.duration) })));
    if (process.env.OPTLAB_SHOW_TASKS) console.log(tasks);
    assert.ok(tasks.every((task) => task.ms <= LONGEST_TASK_MS), `tasks of ${tasks.map((task) => `${task.ms} ms at ${task.at}`).join(', ')}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
