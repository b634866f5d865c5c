// The fast entry points the figures use, checked against the scenario
// contract and against the closed forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { core } from './helpers.mjs';

test('rateMap agrees with momentumRate cell by cell, and its grids are exact at the ends', async () => {
  const c = await core();
  const map = c.rateMap({ eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 32, nBeta: 16 });
  assert.equal(map.rate.length, 32 * 16);
  assert.equal(map.lr[0], 0.001);
  assert.equal(map.lr[31], 1);
  assert.equal(map.beta[15], 0.99);
  for (let j = 0; j < 16; j += 5)
    for (let i = 0; i < 32; i += 7)
      assert.equal(map.rate[j * 32 + i], c.momentumRate([1, 5], map.lr[i], map.beta[j]));
  assert.deepEqual(Array.from(c.logspace(0.001, 1, 32)), Array.from(map.lr));
  // Into a reused array: the same numbers; a wrong array is refused.
  const out = new Float64Array(32 * 16);
  const again = c.rateMap({ eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 32, nBeta: 16 }, out);
  assert.equal(again.rate, out);
  assert.deepEqual(out, map.rate);
  assert.throws(() => c.rateMap({ eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 32, nBeta: 16 }, new Float64Array(3)),
    /out must be a Float64Array of nLr \* nBeta = 512 numbers/);
  // The core writes into `out` itself: only a plain Float64Array is taken,
  // not a look-alike whose set() or length would be the caller's.
  class Sneaky extends Float64Array { set() { throw new Error('called'); } }
  const own = new Float64Array(512);
  Object.defineProperty(own, 'set', { value() { throw new Error('called'); } });
  const proxy = new Proxy(new Float64Array(512), { getPrototypeOf: () => Float64Array.prototype });
  for (const bad of [new Sneaky(512), Array(512).fill(0), new Float32Array(512), { length: 512, set() {} }, own, proxy]) {
    assert.throws(() => c.rateMap({ eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 32, nBeta: 16 }, bad),
      /out must be a Float64Array of nLr \* nBeta numbers/);
  }
  assert.deepEqual(out, map.rate);
});

test('rateMap colours its cells with the given table: the image has β upwards, divergent cells take the slowest colour', async () => {
  const c = await core();
  // 256 entries; entry k has red = k.
  const colors = new Uint8Array(4 * 256);
  for (let k = 0; k < 256; k++) colors.set([k, 0, 0, 255], 4 * k);
  const grid = { eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 32, nBeta: 16 };
  const map = c.rateMap({ ...grid, colors });
  assert.ok(map.image instanceof Uint8ClampedArray);
  assert.equal(map.image.length, 4 * 32 * 16);
  for (let j = 0; j < 16; j += 3)
    for (let i = 0; i < 32; i += 5) {
      const rate = map.rate[j * 32 + i];
      const o = 4 * ((15 - j) * 32 + i);
      const expected = rate >= 1 ? 0 : Math.round(255 * (1 - Math.min(3, -Math.log10(1 - rate)) / 3));
      assert.equal(map.image[o], expected, `cell (${i}, ${j}), rate ${rate}`);
    }
  // Without a table there is no image; a bad table is refused by name.
  assert.equal(c.rateMap(grid).image, undefined);
  assert.throws(() => c.rateMap({ ...grid, colors: [1, 2, 3, 4] }), /colors must be a Uint8Array of RGBA entries/);
  assert.throws(() => c.rateMap({ ...grid, colors: new Uint8Array(6) }), /colors must hold from 1 to 4096 RGBA entries \(4 bytes each; got 6 bytes\)/);
});

test('the simulated map agrees with the closed form away from double roots', async () => {
  const c = await core();
  const grid = { eigenvalues: [1, 5], lr: [0.01, 0.3], beta: [0, 0.9], nLr: 12, nBeta: 10 };
  const closed = c.rateMap(grid).rate;
  const simulated = c.simulatedRateMap({ ...grid, steps: 2000 }).rate;
  let compared = 0;
  for (let k = 0; k < closed.length; k++) {
    if (closed[k] < 0.1 || closed[k] > 0.999) continue;
    if (Math.abs(simulated[k] - closed[k]) / closed[k] < 0.01) compared++;
  }
  assert.ok(compared > 0.8 * closed.length * 0.8, `only ${compared} cells agree`);
});

test('optimalMomentum gives Polyak\'s (γ*, β*) and beats its neighbours', async () => {
  const c = await core();
  const best = c.optimalMomentum(1, 5);
  assert.ok(Math.abs(best.rate - (Math.sqrt(5) - 1) / (Math.sqrt(5) + 1)) < 1e-15);
  for (const [dl, db] of [[1.05, 0], [0.95, 0], [1, 0.02], [1, -0.02]]) {
    assert.ok(c.momentumRate([1, 5], best.lr * dl, Math.min(0.999, best.beta + db)) > best.rate);
  }
});

test('partGradients: their mean is the full gradient that run() reports', async () => {
  const c = await core();
  const problem = { kind: 'least_squares', n: 24, dim: 2, data_seed: 4 };
  const parts = c.partGradients(problem, [0.3, -0.2]);
  assert.equal(parts.length, 48);
  let gx = 0, gy = 0;
  for (let i = 0; i < 24; i++) { gx += parts[2 * i]; gy += parts[2 * i + 1]; }
  const out = c.run({ problem, optimizer: { kind: 'gd', lr: 0.01 }, w0: [0.3, -0.2], steps: 0 });
  assert.ok(Math.abs(Math.hypot(gx / 24, gy / 24) - out.grad_norm[0]) < 1e-12);
});

test('finalPositions: reproducible, each run equal to a single run with the derived seed', async () => {
  const c = await core();
  const scenario = { problem: { kind: 'double_well' }, optimizer: { kind: 'sgd', lr: 0.1, batch: 2 }, w0: [0.8375], steps: 300, seed: 12 };
  const a = c.finalPositions(scenario, 50);
  const b = c.finalPositions(scenario, 50);
  assert.deepEqual(a.w, b.w);
  assert.equal(a.w.length, 50);
  assert.ok(a.diverged instanceof Uint8Array);
  const escaped = Array.from(a.w).filter((w) => w < 0).length;
  assert.ok(escaped > 0 && escaped < 50, `escaped ${escaped} of 50`);
});

test('limits are exposed for the page', async () => {
  const c = await core();
  assert.equal(c.limits.maxSteps, 20000);
  assert.equal(c.limits.maxDim, 10);
});

test('valueGrid evaluates f on the grid, the same f that run() reports', async () => {
  const c = await core();
  const problem = { kind: 'quadratic', A: [[1, 0], [0, 5]] };
  const grid = c.valueGrid(problem, { x: [-1, 1], y: [-2, 2], nx: 3, ny: 5 });
  assert.equal(grid.length, 15);
  assert.equal(grid[0], 0.5 * 1 + 0.5 * 5 * 4); // (−1, −2)
  assert.equal(grid[2 * 3 + 1], 0); // (0, 0)
  const out = c.run({ problem, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1, 2], steps: 0 });
  assert.equal(grid[4 * 3 + 2], out.loss[0]); // (1, 2)
  // 1D: f along a line.
  const line = c.valueGrid({ kind: 'quadratic1d', a: 2, c: 1 }, { x: [0, 2], nx: 5 });
  assert.deepEqual(Array.from(line), [1, 0.25, 0, 0.25, 1]);
  assert.throws(() => c.valueGrid({ kind: 'quadratic1d', a: 1 }, { x: [0, 1], y: [0, 1], nx: 2, ny: 2 }),
    /y and ny are for problems of dimension 2 \(quadratic1d has dimension 1\)/);
  assert.throws(() => c.valueGrid({ kind: 'least_squares', dim: 3 }, { x: [0, 1], nx: 2 }),
    /^Error: a grid needs a problem of dimension 1 or 2 \(got dimension 3\)$/);
  assert.throws(() => c.valueGrid(problem, { x: [1, 0], y: [0, 1], nx: 2, ny: 2 }), /x must be \[lo, hi\] with lo < hi \(got \[1, 0\]\)/);
});

test('isolines traces a grid from valueGrid; bad grids are refused by name', async () => {
  const c = await core();
  const problem = { kind: 'quadratic', A: [[2, 0], [0, 2]] }; // f = w1² + w2²
  const nx = 41, ny = 41;
  const values = c.valueGrid(problem, { x: [-2, 2], y: [-2, 2], nx, ny });
  const s = c.isolines(values, nx, ny, [1]);
  assert.ok(s instanceof Float64Array && s.length > 0 && s.length % 5 === 0);
  for (let k = 0; k < s.length; k += 5) {
    const r = Math.hypot(-2 + 0.1 * s[k + 1], -2 + 0.1 * s[k + 2]);
    assert.ok(Math.abs(r - 1) < 0.01, `radius ${r}`);
  }
  // One closed line: every segment starts where the last ended, and the last ends at the first's start.
  for (let k = 5; k < s.length; k += 5) assert.deepEqual([s[k + 1], s[k + 2]], [s[k - 2], s[k - 1]], `segment ${k / 5}`);
  assert.deepEqual([s[s.length - 2], s[s.length - 1]], [s[1], s[2]]);
  assert.throws(() => c.isolines(values, nx, ny - 1, [1]), /values must have nx \* ny = 1640 numbers \(got 1681\)/);
  const holed = Float64Array.from(values);
  holed[7] = NaN;
  assert.throws(() => c.isolines(holed, nx, ny, [1]), /values\[7\] must be a finite number/);
  assert.throws(() => c.isolines(values, 1, ny, [1]), /nx must be an integer from 2 to 4096 \(got 1\)/);
  assert.throws(() => c.isolines(values, nx, ny, []), /levels must have from 1 to 256 numbers \(got 0\)/);
  // A tolerance keeps the circle closed and on its radius, with fewer points.
  const thin = c.isolines(values, nx, ny, [1], 0.02);
  assert.ok(thin.length < s.length, `${thin.length / 5} segments of ${s.length / 5}`);
  for (let k = 5; k < thin.length; k += 5) assert.deepEqual([thin[k + 1], thin[k + 2]], [thin[k - 2], thin[k - 1]]);
  assert.deepEqual([thin[thin.length - 2], thin[thin.length - 1]], [thin[1], thin[2]]);
  assert.throws(() => c.isolines(values, nx, ny, [1], -0.1), /tolerance must be a finite number >= 0 and <= 1 \(got -0\.1\)/);
  assert.throws(() => c.isolines(values, nx, ny, [1], NaN), /tolerance must be a finite number >= 0 and <= 1 \(got NaN\)/);
});

test('lossSweep: one call gives each step size\'s final loss, the same as a run per step size', async () => {
  const c = await core();
  const scenario = { problem: { kind: 'quadratic1d', a: 1 }, optimizer: { kind: 'gd', lr: 0.5 }, w0: [1], steps: 70 };
  const lrs = c.logspace(0.01, 4, 41);
  const sweep = c.lossSweep(scenario, lrs);
  assert.ok(sweep.divergedAt instanceof Int32Array);
  for (let i = 0; i < lrs.length; i++) {
    const one = c.run({ ...scenario, optimizer: { kind: 'gd', lr: lrs[i] } });
    assert.equal(sweep.loss[i], one.loss[one.loss.length - 1]);
    assert.equal(sweep.divergedAt[i], one.diverged_at ?? -1);
  }
  assert.ok(sweep.divergedAt[40] > 0, 'lr = 4/a diverges within 70 steps');
  assert.throws(() => c.lossSweep({ ...scenario, optimizer: { kind: 'lbfgs' } }, [0.1]), /a loss sweep needs an optimizer with a step size \(got lbfgs\)/);
  assert.throws(() => c.lossSweep(scenario, [0.1, -2]), /lrs\[1\] must be a finite number > 0/);
});

test('optlab finals gives the same final positions as the wasm finalPositions', async () => {
  const { cli } = await import('./helpers.mjs');
  const c = await core();
  const scenario = { problem: { kind: 'double_well' }, optimizer: { kind: 'sgd', lr: 0.1, batch: 2 }, w0: [0.8375], steps: 300, seed: 4 };
  const native = cli(['finals', '-', '25'], JSON.stringify(scenario));
  assert.equal(native.status, 0, native.stderr);
  const out = JSON.parse(native.stdout);
  const wasm = c.finalPositions(scenario, 25);
  assert.deepEqual(out.w.flat(), Array.from(wasm.w));
  assert.deepEqual(out.diverged, Array.from(wasm.diverged, (d) => d === 1));
  for (const bad of ['0', 'many', '100001']) {
    const r = cli(['finals', '-', bad], JSON.stringify(scenario));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /RUNS must be an integer from 1 to 100000/);
  }
});

test("gradient descent's best step and the steps to a target come from the core", async () => {
  const c = await core();
  const best = c.optimalGradientDescent([1, 5]);
  assert.equal(best.lr, 2 / 6);
  assert.ok(Math.abs(best.rate - 4 / 6) < 1e-15, best.rate);
  assert.equal(best.rate, c.momentumRate([1, 5], best.lr, 0));
  assert.equal(c.stepsToTarget(0.5, 1e-3), 10); // 0.5^10 < 1e-3 < 0.5^9
  assert.equal(c.stepsToTarget(0.9, 1e-6), Math.ceil(Math.log(1e-6) / Math.log(0.9)));
  for (const rate of [0, 1, 1.5]) assert.equal(c.stepsToTarget(rate, 1e-6), null);
  assert.throws(() => c.stepsToTarget(0.5, 0), /^Error: target must be a finite number > 0 and < 1 \(got 0\)$/);
});

test('nesterovRate is the rate a Nesterov run reports, and heavy ball\'s best is out of its bounds', async () => {
  const c = await core();
  const bowl = { kind: 'quadratic', A: [[1, 0], [0, 5]] };
  for (const [lr, beta] of [[0.1, 0.5], [0.3, 0.2], [0.382, 0.146]]) {
    const out = c.run({ problem: bowl, optimizer: { kind: 'nesterov', lr, beta }, w0: [1, 1], steps: 0 });
    assert.equal(out.rate, c.nesterovRate([1, 5], lr, beta));
  }
  const best = c.optimalMomentum(1, 5);
  assert.ok(c.momentumRate([1, 5], best.lr, best.beta) < 1);
  assert.ok(c.nesterovRate([1, 5], best.lr, best.beta) > 1);
  assert.throws(() => c.nesterovRate([1, 5], 0.1, 1), /^Error: beta must be a finite number >= 0 and < 1 \(got 1\)$/);
});

test('pathStats: under noise momentum shortens the path, not the distance; bad windows are named', async () => {
  const c = await core();
  const base = { problem: { kind: 'quadratic', A: [[1, 0], [0, 5]], noise: 1 }, w0: [1, 1], steps: 300, seed: 1 };
  const sgd = c.trace({ ...base, optimizer: { kind: 'sgd', lr: 0.1 } });
  const momentum = c.trace({ ...base, optimizer: { kind: 'momentum', lr: 0.02, beta: 0.8 } });
  const [a, b] = [sgd, momentum].map((run) => c.pathStats(run.w, 2, [0, 0], 201, 300));
  assert.ok(b.length < a.length / 2, `${b.length} against ${a.length}`);
  assert.ok(Math.abs(b.distance - a.distance) < 0.25 * a.distance, `${b.distance} against ${a.distance}`);
  // The same numbers as the sums written out.
  let length = 0;
  for (let k = 201; k <= 300; k++) length += Math.sqrt((sgd.w[2 * k] - sgd.w[2 * k - 2]) ** 2 + (sgd.w[2 * k + 1] - sgd.w[2 * k - 1]) ** 2);
  assert.ok(Math.abs(length - a.length) < 1e-12 * length);
  assert.equal(a.step, a.length / 100);
  assert.throws(() => c.pathStats(sgd.w, 2, [0, 0], 10, 400), /^Error: to must be an integer from 10 to 300 \(got 400\)$/);
  assert.throws(() => c.pathStats(sgd.w, 3, [0, 0, 0], 0, 1), /^Error: w must hold whole rows of dim = 3 numbers/);
  assert.throws(() => c.pathStats(sgd.w, 2, [0], 0, 1), /^Error: point must have dim = 2 numbers \(got 1\)$/);
});
