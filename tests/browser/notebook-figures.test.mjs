// optlab.figure() in a notebook, as a student meets it: a notebook that
// shows figures is executed by nbconvert on Debian's Python with the module
// built here, rendered with the site's template (web/finish-notebook.mjs
// admits its one inline script by hash), and opened from disk in Chromium.
// Every figure draws, nothing is requested beyond the file, no console
// error, and each figure's scenario() in the page is the one Python's
// fig.scenario() gave.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { figuresReady, launchChromium, watchProblems } from './chromium.mjs';

import { finishNotebook } from '../../web/finish-notebook.mjs';
import { root } from '../js/helpers.mjs';

// Each figure with settings of its own, so that a scenario() that ignored
// a setting would differ.
const FIGURES = [
  ['momentum', { lr: 0.02, beta: 0.9, lang: 'ko', w0: [0.5, -1], curvature: [1, 8] }],
  ['playground', { preset: 'himmelblau', runs: [{ kind: 'adam', lr: 0.05 }, { kind: 'momentum', lr: 0.01, beta: 0.9 }], steps: 300, noise: 0.5, seed: 4 }],
  ['step-sizes', { a: 3, lr: 0.1, w0: -2, steps: 30 }],
  ['sgd-cloud', { n: 10, batch: 5, lr: 0.1, seed: 9, w0: [1, 2] }],
  ['annealing', { lr: 0.2, batch: 4, seed: 3, steps: 500, runs: 100 }],
  ['beta-effect', { lr: 0.3, lock: 'on', curvature: [1, 20] }],
  ['rate-map', { lr: 0.05, beta: 0.5 }],
  ['noise-smoothing', { lr: 0.05, beta: 0.7, noise: 2, seed: 5, w0: [-1, 1] }],
  ['adaptive', { noise: 0, momentum: 'best', seed: 2 }],
  ['lbfgs', { problem: 'bowl', memory: 3, w0: [1.2, -0.5], steps: 50 }],
];

const code = (text) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: text });
const pythonValue = (x) => JSON.stringify(x).replaceAll('true', 'True').replaceAll('false', 'False').replaceAll('null', 'None');
const notebook = {
  nbformat: 4, nbformat_minor: 5,
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  cells: [
    code('import json\nimport optlab'),
    ...FIGURES.map(([scene, settings], i) => code(`f${i} = optlab.figure(${JSON.stringify(scene)}, **${pythonValue(settings)})\nf${i}`)),
    code(`print("SCENARIOS", json.dumps([${FIGURES.map((_, i) => `f${i}.scenario()`).join(', ')}]))`),
  ],
};

let dir, html, browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'optlab-notebook-'));
  const kernels = join(dir, 'jupyter', 'kernels', 'python3');
  mkdirSync(kernels, { recursive: true });
  writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({
    argv: ['/usr/bin/python3', '-m', 'ipykernel_launcher', '-f', '{connection_file}'], display_name: 'Python 3', language: 'python',
  }));
  writeFileSync(join(dir, 'figures.ipynb'), JSON.stringify(notebook));
  const run = spawnSync('/usr/bin/jupyter', ['nbconvert', '--to', 'html', '--execute', 'figures.ipynb', '--template', 'optlab',
    `--TemplateExporter.extra_template_basedirs=${join(root, 'notebooks', 'templates')}`,
    '--ExecutePreprocessor.kernel_name=python3', '--ExecutePreprocessor.timeout=120'], {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, JUPYTER_PATH: join(dir, 'jupyter'), PYTHONPATH: join(root, 'build', 'native', 'python'), PYDEVD_DISABLE_FILE_VALIDATION: '1' },
  });
  assert.equal(run.status, 0, run.stderr.slice(-3000));
  html = join(dir, 'figures.html');
  writeFileSync(html, finishNotebook(readFileSync(html, 'utf8')));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('figures in a notebook', () => {
  test('a notebook with ten figures, rendered and opened from disk: every figure draws, requests nothing, and runs the scenario Python gave', async () => {
    const source = readFileSync(html, 'utf8');
    // The embed script is inlined once, by the first figure.
    assert.equal(source.match(/<script>/g)?.length, 1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(html).href;
    const problems = watchProblems(page, url);
    await page.goto(url);
    await figuresReady(page);
    const drawn = await page.$$eval('optlab-figure', (figures) => figures.map((f) => [f.getAttribute('scene'), f.dataset.ready, f.getAttribute('lang')]));
    assert.deepEqual(drawn.map(([scene, ready]) => [scene, ready]), FIGURES.map(([scene]) => [scene, 'true']));
    assert.equal(drawn[0][2], 'ko');
    const printed = (await page.textContent('body')).match(/SCENARIOS (.*)/)[1];
    const fromPython = JSON.parse(printed);
    const fromPage = await page.$$eval('optlab-figure', (figures) => figures.map((f) => f.scenario()));
    for (const [i, [scene]] of FIGURES.entries()) assert.deepEqual(fromPage[i], fromPython[i], scene);
    // The Korean figure speaks Korean.
    assert.match(await page.locator('optlab-figure').first().evaluate((f) => f.shadowRoot.textContent), /[가-힣]/);
    assert.deepEqual(problems, []);
    mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
    await page.locator('optlab-figure').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(root, 'build', 'screenshots', 'notebook-figures.png') });
    await page.close();
  });
});
