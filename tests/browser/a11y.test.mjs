// Accessibility, checked by axe-core (the rules of WCAG 2.x A/AA and the
// usual best practices) on what readers open: the lesson page in both
// languages and themes at desktop and phone widths, a page whose link holds
// bad values (their messages are shown above the figures: figure 4's γ
// also above the map, which shares it), the course-notes example, the iframe
// example and the standalone figure pages. Served under a sub-path with the
// strict CSP; axe is handed to the page through the driver, not as a script.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { figuresReady, framesSized, launchChromium, watchProblems } from './chromium.mjs';

import { serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BASE = '/course/static/optlab/';
let server, browser, base;

before(async () => {
  server = await serve({ root: `${root}/dist`, base: BASE, csp: true });
  base = `http://127.0.0.1:${server.address().port}${BASE}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections();
});

// Each page is checked once it is complete: the lesson once its equations
// are typeset, embedded figures once drawn, iframes once sized.
const lessonSettled = (page) => page.waitForSelector('html[data-settled="true"]', { state: 'attached', timeout: 20000 });

const pages = [
  ['the lesson, English, light, 1280 px', '', { width: 1280, scheme: 'light', ready: lessonSettled }],
  ['the lesson, English, dark, 1280 px', '', { width: 1280, scheme: 'dark', ready: lessonSettled }],
  ['the lesson, Korean, light, 375 px', '?lang=ko', { width: 375, scheme: 'light', ready: lessonSettled }],
  ['the lesson, Korean, dark, 375 px', '?lang=ko', { width: 375, scheme: 'dark', ready: lessonSettled }],
  ['the lesson with a bad value in its link', '#momentum.lr=9&lbfgs.memory=0', { width: 1280, scheme: 'dark', ready: lessonSettled, alerts: 3 }],
  // Divergence drawn and said (figure 1's badge, the runs cut off), and
  // figure 4's heavy-ball overlay and rule shown.
  ['the lesson with diverging runs and the heavy-ball overlay, Korean, dark', '?lang=ko#step-sizes.lr=3&momentum.lr=0.9&momentum.beta=0.99', {
    width: 1280,
    scheme: 'dark',
    ready: lessonSettled,
    act: async (page) => {
      assert.equal(await page.textContent('#step-sizes .regime-badge'), '발산');
      await page.check('#momentum input[type=checkbox]');
    },
  }],
  ['the course-notes example, light', 'examples/course-notes.html', { width: 1100, scheme: 'light', ready: figuresReady }],
  ['the course-notes example, dark, 375 px', 'examples/course-notes.html', { width: 375, scheme: 'dark', ready: figuresReady }],
  ['the iframe example', 'examples/iframes.html', { width: 1100, scheme: 'light', ready: framesSized }],
  ['a standalone figure page, English, light', 'embed/momentum.html', { width: 800, scheme: 'light', ready: figuresReady }],
  ['a standalone figure page, Korean, dark, 375 px', 'embed/rate-map.html?lang=ko', { width: 375, scheme: 'dark', ready: figuresReady }],
];

describe('accessibility (axe-core)', () => {
  for (const [name, path, { width, scheme, ready, alerts = 0, act }] of pages) {
    test(`${name}: no violation`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      const problems = watchProblems(page, base);
      await page.goto(base + path);
      await ready(page);
      assert.equal(await page.locator('[role=alert]:not(:empty)').count(), alerts);
      await act?.(page);
      await page.evaluate(axeSource);
      // The iframes' own pages are checked on their own (below the example);
      // axe would need to be loaded into each frame to look inside.
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { iframes: false, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' >> ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`);
      });
      assert.deepEqual(violations, [], `\n${violations.join('\n')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
