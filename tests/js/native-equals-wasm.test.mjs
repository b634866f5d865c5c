// The same scenario and seed give byte-identical output from the native CLI
// and from the wasm module, for every optimizer on every problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cli, core, sharedScenarios } from './helpers.mjs';

const scenarios = sharedScenarios();

test('the shared scenarios cover every optimizer and every problem', () => {
  const optimizers = new Set(scenarios.map((s) => s.scenario.optimizer.kind));
  const problems = new Set(scenarios.map((s) => s.scenario.problem.kind));
  assert.deepEqual([...optimizers].sort(), ['adagrad', 'adam', 'gd', 'heavy_ball', 'lbfgs', 'momentum', 'nesterov', 'rmsprop', 'sgd']);
  assert.deepEqual([...problems].sort(), ['double_well', 'expression', 'least_squares', 'quadratic', 'quadratic1d', 'rosenbrock']);
  // …and every optimizer meets every problem where the contract allows it.
  const pairs = new Set(scenarios.map((s) => `${s.scenario.optimizer.kind}/${s.scenario.problem.kind}`));
  for (const opt of ['gd', 'momentum', 'heavy_ball', 'nesterov', 'lbfgs', 'adagrad', 'rmsprop', 'adam'])
    for (const prob of ['quadratic1d', 'quadratic', 'least_squares', 'rosenbrock'])
      assert.ok(pairs.has(`${opt}/${prob}`), `${opt}/${prob}`);
  for (const prob of ['least_squares', 'double_well', 'quadratic']) assert.ok(pairs.has(`sgd/${prob}`), `sgd/${prob}`);
});

for (const { name, scenario } of scenarios) {
  test(`native = wasm, byte for byte: ${name}`, async () => {
    const text = JSON.stringify(scenario);
    const native = cli(['run', '-'], text);
    assert.equal(native.status, 0, native.stderr);
    assert.equal(native.stderr, '');
    const wasm = (await core()).runJson(text);
    assert.equal(native.stdout, wasm + '\n');
    assert.doesNotMatch(wasm, /NaN|Infinity/);
  });
}

test('a scenario file path works as well as stdin', async () => {
  const { scenario } = scenarios[0];
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'optlab-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const fromFile = cli(['run', file]);
  assert.equal(fromFile.status, 0);
  assert.equal(fromFile.stdout, cli(['run', '-'], JSON.stringify(scenario)).stdout);
});

test('trace() returns the same numbers as run(), as typed arrays', async () => {
  const c = await core();
  for (const { name, scenario } of scenarios) {
    const out = c.run(scenario);
    const t = c.trace(scenario);
    assert.ok(t.w instanceof Float64Array, name);
    assert.equal(t.dim, out.dim, name);
    assert.deepEqual(Array.from(t.w), out.w.flat(), name);
    assert.deepEqual(Array.from(t.loss), out.loss, name);
    assert.deepEqual(Array.from(t.gradNorm), out.grad_norm, name);
    assert.deepEqual(Array.from(t.wAvg), out.w_avg.flat(), name);
    assert.equal(t.divergedAt, out.diverged_at, name);
    assert.equal(t.regime, out.regime, name);
    if (out.batches === null) assert.equal(t.batches, null, name);
    else assert.deepEqual(Array.from(t.batches), out.batches.flat(), name);
  }
});
