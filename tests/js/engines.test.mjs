// A new user has Debian 12's node (18.20.4) and npm (9.2.0), this machine
// may have newer ones: every package the lock file installs must declare
// support for both, or `npm ci` warns EBADENGINE and the package may fail
// at run time (as playwright-core 1.62 and later do on node 18).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import semver from 'semver';

import { root } from './helpers.mjs';

const debian12 = { node: '18.20.4', npm: '9.2.0' };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test("every locked package supports Debian 12's node and npm, and the node running the tests", () => {
  const unsupported = [];
  const checked = new Set();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.optional && (entry.os || entry.cpu)) continue; // another platform's build (esbuild's), never installed here
    for (const [engine, range] of Object.entries(entry.engines ?? {})) {
      if (!Object.hasOwn(debian12, engine)) continue;
      checked.add(path);
      const versions = engine === 'node' ? [debian12.node, process.versions.node] : [debian12.npm];
      for (const version of versions) {
        if (!semver.satisfies(version, range)) unsupported.push(`${path || 'optlab'} needs ${engine} ${range}, not ${version}`);
      }
    }
  }
  for (const path of ['node_modules/playwright-core', 'node_modules/esbuild', 'node_modules/commander']) {
    assert.ok(checked.has(path), `${path} declares no engines in package-lock.json: is its format unexpected?`);
  }
  assert.deepEqual(unsupported, []);
});

test("optlab's own engines are the ones build.sh checks, and Debian 12 meets them", () => {
  assert.deepEqual(Object.keys(ours.engines).sort(), ['node', 'npm']);
  for (const [engine, range] of Object.entries(ours.engines)) {
    assert.match(range, /^>=\d+$/, `build.sh reads ${engine}'s minimum as ">=N"`);
    assert.ok(semver.satisfies(debian12[engine], range), `${engine} ${range} excludes Debian 12's ${debian12[engine]}`);
  }
  const lockVersion = lock.lockfileVersion;
  assert.ok(lockVersion <= 3 && semver.satisfies('7.0.0', ours.engines.npm), `npm ${ours.engines.npm} cannot read lockfileVersion ${lockVersion}`);
});
