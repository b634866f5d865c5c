// The npm package (issue 4): `npm pack` gives a tarball that installs into an
// empty folder with no network; a page using its one-file script and a page
// bundled from its ES module (esbuild, `import { define } from 'optlab'`)
// both draw a figure from file://.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { launchChromium } from './chromium.mjs';

import { root } from '../js/helpers.mjs';

let work, browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'optlab-pack-'));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm pack installs into an empty folder; its script and its ES module each draw a figure', async () => {
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote no tarball');
  const site = join(work, 'site');
  execFileSync('mkdir', ['-p', site]);
  writeFileSync(join(site, 'package.json'), '{"name": "course-site", "private": true}\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
  const pkg = join(site, 'node_modules', 'optlab');
  for (const file of ['dist/optlab-embed.js', 'dist/optlab-embed.mjs', 'dist/optlab_core.js', 'dist/embed/momentum.html', 'types/optlab.d.ts', 'README.md', 'docs/embedding.md', 'docs/scenario.md', 'docs/performance.md']) {
    assert.ok(existsSync(join(pkg, file)), `${file} is not in the package`);
  }
  assert.ok(!existsSync(join(pkg, 'cpp')) && !existsSync(join(pkg, 'tests')), 'sources leaked into the package');

  // A plain page with the one-file script.
  writeFileSync(join(site, 'script.html'), `<!doctype html><meta charset="utf-8">
<script src="node_modules/optlab/dist/optlab-embed.js" defer></script>
<optlab-figure scene="momentum" lr="0.05" beta="0.8"></optlab-figure>\n`);
  // A page bundled from the ES module, under a tag of its own.
  writeFileSync(join(site, 'main.js'), "import { define, sceneNames } from 'optlab';\ndefine('course-figure');\ndocument.body.dataset.scenes = sceneNames.join(',');\n");
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), ['main.js', '--bundle', '--format=iife', '--outfile=bundle.js', '--log-level=warning'], { cwd: site });
  writeFileSync(join(site, 'bundled.html'), `<!doctype html><meta charset="utf-8">
<body><course-figure scene="beta-effect" lr="0.1"></course-figure><script src="bundle.js"></script></body>\n`);

  for (const [page, tag] of [['script.html', 'optlab-figure'], ['bundled.html', 'course-figure']]) {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await tab.goto(pathToFileURL(join(site, page)).href);
    await tab.waitForFunction((t) => document.querySelector(t)?.dataset.ready === 'true', tag, { timeout: 20000 });
    const drawn = await tab.$eval(tag, (f) => [...f.shadowRoot.querySelectorAll('canvas')].some((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
      return false;
    }));
    assert.ok(drawn, `${page}: nothing drawn`);
    assert.deepEqual(problems, [], page);
    await tab.close();
  }
});
