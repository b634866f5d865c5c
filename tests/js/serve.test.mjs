// `./build.sh serve` runs web/serve.mjs with HOST and PORT; README tells
// how to serve on every interface. The page's footer is made by
// web/build-index.mjs for a build with or without a rendered notebook.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './helpers.mjs';

const serveScript = join(root, 'web', 'serve.mjs');

// Start the server, wait for the address it prints, hand it to `use`, stop it.
async function served(args, use) {
  const child = spawn(process.execPath, [serveScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  try {
    const address = await new Promise((done, fail) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const found = /serving dist\/ at (http:\/\/\S+)/.exec(out);
        if (found) done(found[1]);
      });
      child.on('exit', (code) => fail(new Error(`serve.mjs exited (${code}) before serving: ${out}`)));
    });
    return await use(address, out);
  } finally {
    child.kill();
  }
}

test('HOST=0.0.0.0: served on every interface, and the printed addresses name this machine', async () => {
  await served(['--host', '0.0.0.0', '--port', '0'], async (address, out) => {
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(address);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>optlab<\/title>/);
    for (const line of out.split('\n').filter((l) => l.includes(' and at '))) assert.match(line, /and at http:\/\/\S+:\d+\/$/);
  });
});

test('a bad port, an address this machine lacks and a port in use each get a message that says what to change', async () => {
  const bad = spawnSync(process.execPath, [serveScript, '--port', '70000'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /port must be a whole number from 0 to 65535, not "70000"/);
  const absent = spawnSync(process.execPath, [serveScript, '--host', '203.0.113.7', '--port', '0'], { encoding: 'utf8' });
  assert.equal(absent.status, 1);
  assert.match(absent.stderr, /this machine has no address 203\.0\.113\.7 \(HOST=0\.0\.0\.0 serves on every interface\)/);
  const busy = createServer();
  await new Promise((done) => busy.listen(0, '127.0.0.1', done));
  try {
    const inUse = spawnSync(process.execPath, [serveScript, '--port', String(busy.address().port)], { encoding: 'utf8' });
    assert.equal(inUse.status, 1);
    assert.match(inUse.stderr, /it is in use \(PORT=8001 \.\/build\.sh serve picks another\)/);
  } finally {
    busy.close();
  }
});

test("the page's footer links to the rendered notebook only when the build made one", () => {
  const dir = mkdtempSync(join(tmpdir(), 'optlab-index-'));
  try {
    const build = (form) => {
      const out = join(dir, `${form}.html`);
      const result = spawnSync(process.execPath, [join(root, 'web', 'build-index.mjs'), join(root, 'web', 'index.html'), out, form], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return readFileSync(out, 'utf8');
    };
    const rendered = build('rendered');
    assert.match(rendered, /href="notebooks\/optimization-1\.html" data-text="notebookLink"/);
    const file = build('file');
    assert.doesNotMatch(file, /optimization-1\.html/);
    assert.match(file, /href="notebooks\/optimization-1\.ipynb" download data-text="notebookFile"/);
    for (const html of [rendered, file]) assert.doesNotMatch(html, /data-notebook/);
    const wrong = spawnSync(process.execPath, [join(root, 'web', 'build-index.mjs'), join(root, 'web', 'index.html'), join(dir, 'x.html'), 'both'], { encoding: 'utf8' });
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /must be "rendered" or "file", not "both"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
