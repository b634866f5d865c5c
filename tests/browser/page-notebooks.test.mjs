// The page's link to the rendered notebook, and that page itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { figuresReady } from './chromium.mjs';
import { BASE, dist, servedUrl, open, lessonPage } from './page-helpers.mjs';

import { NOTEBOOK_CSP, serve } from '../../web/serve.mjs';
import { root } from '../js/helpers.mjs';

lessonPage();

describe('notebooks', () => {
  test('the page links to the rendered notebook: its live figures draw, its formulas are typeset, no request outside the site, every check agrees', async () => {
    const { page, problems } = await open(servedUrl, { inside: servedUrl });
    const href = await page.getAttribute('footer a', 'href');
    assert.equal(href, 'notebooks/optimization-1.html');
    assert.deepEqual(problems, []);
    await page.close();
    const notebookServer = await serve({ root: dist, base: BASE, csp: NOTEBOOK_CSP });
    try {
      const site = `http://127.0.0.1:${notebookServer.address().port}${BASE}`;
      const opened = await open(new URL(href, site).href, { inside: site, ready: 'body' });
      // One script, the site's embed script, which draws the live figures of every section.
      assert.deepEqual(await opened.page.$$eval('script', (s) => s.map((x) => x.getAttribute('src'))), ['../optlab-embed.js']);
      await figuresReady(opened.page);
      const scenes = await opened.page.$$eval('optlab-figure', (f) => f.map((x) => x.getAttribute('scene')));
      assert.deepEqual(scenes, ['step-sizes', 'sgd-cloud', 'annealing', 'momentum', 'beta-effect', 'rate-map', 'noise-smoothing', 'lbfgs', 'adaptive', 'playground']);
      // The formulas are typeset (MathML), none left as TeX.
      assert.ok(await opened.page.$$eval('.jp-MarkdownOutput math', (m) => m.length) >= 60);
      const tex = await opened.page.$$eval('.jp-MarkdownOutput', (cells) => cells.map((c) => {
        const copy = c.cloneNode(true);
        for (const m of copy.querySelectorAll('math')) m.remove();
        return copy.textContent;
      }).filter((text) => /\$|\\[a-z]+/.test(text)));
      assert.deepEqual(tex, []);
      assert.match(await opened.page.textContent('body'), /Cross-check: the core against numpy and PyTorch/);
      assert.doesNotMatch(await opened.page.textContent('body'), /Traceback \(most recent call last\)/);
      // The rendered page is published: it names no folder of the machine that built it.
      assert.ok(!(await opened.page.textContent('body')).includes(root), `the notebook names ${root}`);
      // No Markdown left unrendered in the explanations (a heading mark in mid-line is printed as "##"),
      // code spans aside (Python's ** is written there).
      const prose = await opened.page.$$eval('.jp-MarkdownOutput', (cells) => cells.map((c) => {
        const copy = c.cloneNode(true);
        for (const m of copy.querySelectorAll('math, code')) m.remove();
        return copy.textContent;
      }));
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
