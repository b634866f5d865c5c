// optlab.figure() as a student meets it in Jupyter: the classic Notebook
// server (Debian's jupyter-notebook) on Debian's Python with the module
// built here, a notebook opened in Chromium, its cells run with
// Shift+Enter. Both figures draw, the second without a script of its own
// (the first inlined it), the first cell run again keeps the script in its
// new output (else the saved notebook would lose it), and the page reports
// no error of ours.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchChromium } from './chromium.mjs';

import { root } from '../js/helpers.mjs';

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

let dir, server, browser, port, exited = null;
const TOKEN = 'optlab-test';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'optlab-jupyter-'));
  const kernels = join(dir, 'jupyter', 'kernels', 'python3');
  mkdirSync(kernels, { recursive: true });
  writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({
    argv: ['/usr/bin/python3', '-m', 'ipykernel_launcher', '-f', '{connection_file}'], display_name: 'Python 3', language: 'python',
  }));
  const cell = (id, source) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source });
  writeFileSync(join(dir, 'live.ipynb'), JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: [cell('a', 'import optlab\noptlab.figure("momentum", lr=0.02, lang="ko")'), cell('b', 'optlab.figure("step-sizes", a=2)')],
  }));
  port = await freePort();
  server = spawn('/usr/bin/jupyter', ['notebook', '--no-browser', `--port=${port}`, '--ip=127.0.0.1', '--allow-root',
    `--NotebookApp.token=${TOKEN}`, `--notebook-dir=${dir}`], {
    env: { ...process.env, JUPYTER_PATH: join(dir, 'jupyter'), JUPYTER_CONFIG_DIR: join(dir, 'config'), JUPYTER_RUNTIME_DIR: join(dir, 'runtime'),
      PYTHONPATH: join(root, 'build', 'native', 'python'), PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    stdio: 'ignore',
  });
  server.on('exit', (code) => { exited = code; });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('in the classic Notebook, cells run with Shift+Enter show live figures of the page', { timeout: 180000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Jupyter's own console errors (a missing widgets extension) are not ours; optlab's are.
  page.on('console', (m) => m.type() === 'error' && /optlab|wasm|Content Security/i.test(m.text()) && problems.push(m.text().slice(0, 200)));
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/notebooks/live.ipynb?token=${TOKEN}`);
      break;
    } catch (e) {
      if (exited !== null) throw new Error(`jupyter notebook exited (${exited}) before serving`);
      if (tries > 60) throw e;
      await new Promise((r) => setTimeout(r, 500)); // the server is still starting
    }
  }
  await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 60000 });
  await page.click('.code_cell .CodeMirror');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => {
    // (Shift+Enter on the last cell adds an empty one below it.)
    const cells = [...document.querySelectorAll('.code_cell')].slice(0, 2);
    const figures = cells.map((c) => c.querySelector('.output_html optlab-figure'));
    return figures.length === 2 && figures.every((f) => f?.dataset.ready === 'true');
  }, null, { timeout: 90000 });
  const scripts = () => page.$$eval('.output_html', (o) => o.map((x) => x.querySelectorAll('script').length));
  assert.deepEqual(await scripts(), [1, 0]);
  // The first cell again: its new output replaces the one with the script, and carries it.
  const before = await page.$eval('.code_cell .input_prompt', (p) => p.textContent);
  await page.click('.code_cell .CodeMirror');
  await page.keyboard.press('Shift+Enter');
  // The run is over when the first cell's own new output has drawn: its prompt
  // (on the shell channel) and its output (on iopub) arrive in either order.
  await page.waitForFunction((old) => {
    const cell = document.querySelector('.code_cell');
    const prompt = cell.querySelector('.input_prompt').textContent;
    const figure = cell.querySelector('.output_html optlab-figure');
    return prompt !== old && !prompt.includes('*') && figure?.dataset.ready === 'true';
  }, before, { timeout: 60000 });
  assert.deepEqual(await scripts(), [1, 0]);
  assert.match(await page.locator('optlab-figure').first().evaluate((f) => f.shadowRoot.textContent), /모멘텀/);
  assert.equal(await page.locator('optlab-figure').nth(1).evaluate((f) => f.scenario().problem.a), 2);
  assert.deepEqual(problems, []);
  await page.close();
});
