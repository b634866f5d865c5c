// The few limits of the core that the page knows before the core is loaded
// (web/src/limits.js) are the core's own (core.limits), and the settings
// the page checks with them are the ones the core takes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { importBundled } from './bundled.mjs';
import { core, root } from './helpers.mjs';

import { maxAbsInput, maxExpressionLength, maxSeed } from '../../web/src/limits.js';

test('the page\'s largest seed is the core\'s (core.limits.maxSeed, 2^53 − 1)', async () => {
  const c = await core();
  assert.equal(c.limits.maxSeed, 2 ** 53 - 1);
  assert.equal(maxSeed, c.limits.maxSeed);
});

test('the playground\'s longest function and farthest start are the core\'s', async () => {
  const c = await core();
  assert.equal(maxExpressionLength, c.limits.maxExpressionLength);
  assert.equal(maxAbsInput, c.limits.maxAbsInput);
});

test('every seed setting takes up to core.limits.maxSeed and no more, and the core runs it', async () => {
  const c = await core();
  const { parseSettings, sceneSpecs } = await importBundled(join(root, 'web', 'src', 'embed', 'params.js'));
  const seeds = Object.entries(sceneSpecs).flatMap(([scene, spec]) => Object.keys(spec.params).filter((key) => /seed$/.test(key)).map((key) => [scene, key]));
  assert.ok(seeds.length >= 4, `seed settings: ${seeds}`);
  for (const [scene, key] of seeds) {
    const at = (value) => parseSettings((name) => (name === 'scene' ? scene : name === key ? value : null));
    const largest = at(String(c.limits.maxSeed));
    assert.deepEqual(largest.errors, [], `${scene}.${key}`);
    assert.match(String(at(String(c.limits.maxSeed + 1)).errors[0]), new RegExp(`${key} must be an integer from 0 to ${c.limits.maxSeed}`));
    // The core takes the scene at the largest seed.
    const scenario = largest.scene.scenario;
    if (scenario) assert.doesNotThrow(() => c.run({ ...scenario, steps: 1 }), `${scene}.${key}`);
  }
});
