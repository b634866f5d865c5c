// The CLI offers the wasm module's verbs, with the same numbers: the
// notebooks compute through the CLI what the page computes through wasm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, core, root } from './helpers.mjs';

const verb = (name, request) => {
  const r = cli([name, '-'], JSON.stringify(request));
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

test('optlab grid gives valueGrid\'s numbers, in 2-D and along a line', async () => {
  const c = await core();
  const problem = { kind: 'rosenbrock' };
  const out = verb('grid', { problem, x: [-2, 2], nx: 7, y: [-1, 3], ny: 5 });
  assert.deepEqual(out.values, Array.from(c.valueGrid(problem, { x: [-2, 2], y: [-1, 3], nx: 7, ny: 5 })));
  const well = { kind: 'double_well', tilt: 0.2 };
  assert.deepEqual(verb('grid', { problem: well, x: [-2, 2], nx: 9 }).values, Array.from(c.valueGrid(well, { x: [-2, 2], nx: 9 })));
  const refused = cli(['grid', '-'], JSON.stringify({ problem: well, x: [-2, 2], nx: 9, ny: 3 }));
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^optlab: y and ny are for problems of dimension 2 \(double_well has dimension 1\)/);
});

test('optlab gradients and double_well give partGradients and doubleWellPoints', async () => {
  const c = await core();
  const problem = { kind: 'least_squares', n: 6, dim: 2, data_seed: 4 };
  assert.deepEqual(verb('gradients', { problem, w: [0.3, -0.2] }).gradients.flat(), Array.from(c.partGradients(problem, [0.3, -0.2])));
  const well = { kind: 'double_well', tilt: 0.1, spread: 2 };
  assert.deepEqual(verb('double_well', { problem: well }), { ...c.doubleWellPoints(well) });
});

test('optlab data gives the examples the page runs on: their gradients are partGradients\' from the same problem', async () => {
  const c = await core();
  const problem = JSON.parse(readFileSync(join(root, 'web', 'scenes', 'sgd-cloud.json'), 'utf8')).scenario.problem;
  const { n, dim, X, y } = verb('data', { problem });
  assert.deepEqual([n, dim, X.length, y.length], [problem.n, problem.dim, problem.n, problem.n]);
  const w = [0.3, -0.2];
  const parts = c.partGradients(problem, w);
  for (let i = 0; i < n; i++) {
    const r = X[i][0] * w[0] + X[i][1] * w[1] - y[i];
    for (let j = 0; j < dim; j++) assert.ok(Math.abs(X[i][j] * r - parts[i * dim + j]) <= 1e-12 * (1 + Math.abs(parts[i * dim + j])), `example ${i}`);
  }
  const refused = cli(['data', '-'], JSON.stringify({ problem: { kind: 'rosenbrock' } }));
  assert.equal(refused.status, 2);
  assert.equal(refused.stderr.trim(), 'optlab: problem.kind must be least_squares (got rosenbrock)');
});

test('batch gradients: draw d is the gradient of the first step of finalPositions run d, in the CLI and in wasm', async () => {
  const c = await core();
  const problem = { kind: 'least_squares', n: 12, dim: 2, data_seed: 2 };
  const w = [0.7, -1.3], lr = 0.05, seed = 9, draws = 40, batch = 3;
  const g = c.batchGradients({ problem, w, batch, seed, draws });
  assert.deepEqual(verb('batch_gradients', { problem, w, batch, seed, draws }).gradients.flat(), Array.from(g));
  const ends = c.finalPositions({ problem, optimizer: { kind: 'sgd', lr, batch }, w0: w, steps: 1, seed }, draws).w;
  // w − γ g_d, rounded as the core's step rounds it, is where run d's step ends.
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < 2; i++) assert.equal(ends[2 * d + i], w[i] - lr * g[2 * d + i], `draw ${d}`);
  }
  assert.throws(() => c.batchGradients({ problem, w, batch: 13, draws }), /^Error: batch must be an integer from 1 to 12 \(n of the problem\) \(got 13\)$/);
  assert.throws(() => c.batchGradients({ problem: { kind: 'rosenbrock' }, w, batch: 1, draws }), /problem\.kind must be a finite sum/);
});

test('optlab rate_map and simulated_rate_map give rateMap\'s and simulatedRateMap\'s numbers, refused alike', async () => {
  const c = await core();
  const grid = { eigenvalues: [0.5, 4], lr: [0.01, 1], nLr: 9, beta: [0, 0.95], nBeta: 5 };
  const map = c.rateMap(grid);
  const out = verb('rate_map', grid);
  assert.deepEqual(out.lr, Array.from(map.lr));
  assert.deepEqual(out.beta, Array.from(map.beta));
  assert.deepEqual(out.rate, Array.from(map.rate));
  // A typed array of eigenvalues is the same request.
  assert.deepEqual(Array.from(c.rateMap({ ...grid, eigenvalues: new Float64Array([0.5, 4]) }).rate), out.rate);
  const simulated = verb('simulated_rate_map', { ...grid, steps: 60 });
  assert.deepEqual(simulated.rate, Array.from(c.simulatedRateMap({ ...grid, steps: 60 }).rate));
  const lines = { eigenvalues: [0.5, 4], lr: [0.01, 1], beta: [0, 0.95], samples: 50, edgeSegments: 8 };
  const boundaries = c.momentumBoundaries(lines);
  const fromCli = verb('momentum_boundaries', lines);
  assert.deepEqual(fromCli.edge, Array.from(boundaries.edge));
  assert.deepEqual(fromCli.nesterovEdge, Array.from(boundaries.nesterovEdge));
  // On Nesterov's edge its own rate is 1, left of heavy ball's edge.
  for (let k = 2; k < boundaries.nesterovEdge.length; k += 2) {
    const [lr, beta] = [boundaries.nesterovEdge[k], boundaries.nesterovEdge[k + 1]];
    assert.ok(Math.abs(c.nesterovRate([0.5, 4], lr, beta) - 1) < 1e-12, `${lr}, ${beta}`);
    assert.ok(lr < boundaries.edge[k]);
  }
  assert.deepEqual(fromCli.damping, boundaries.damping.map((curve) => Array.from(curve)));
  const bad = { ...grid, beta: [0.5, 0.2] };
  const refused = cli(['rate_map', '-'], JSON.stringify(bad));
  assert.equal(refused.status, 2);
  const message = 'beta must be [lo, hi] with lo < hi (got [0.5, 0.2])';
  assert.equal(refused.stderr.trim(), `optlab: ${message}`);
  assert.throws(() => c.rateMap(bad), (e) => e.message === message);
});

test('batch noise: the CLI and wasm give the same statistics, the ones the page computed from partGradients and batchGradients', async () => {
  const c = await core();
  const problem = { kind: 'least_squares', n: 32, dim: 2, condition: 5, noise: 0.5, data_seed: 0 };
  const w = [-1.5, 3], seed = 1, draws = 200;
  for (const batch of [1, 5, 32]) {
    const noise = c.batchNoise({ problem, w, batch, seed, draws });
    const { mean, standard_error: standardError, ...rest } = verb('batch_noise', { problem, w, batch, seed, draws });
    assert.deepEqual({ ...noise, mean: Array.from(noise.mean) }, { ...rest, mean, standardError });
    // The page's former JavaScript, bit for bit: the full gradient as the
    // mean of the parts, σ² their spread, the law, and the draws' variance.
    const n = problem.n, g = c.partGradients(problem, w);
    const full = [0, 0];
    for (let i = 0; i < n; i++) for (let k = 0; k < 2; k++) full[k] += g[2 * i + k] / n;
    let sigma2 = 0;
    for (let i = 0; i < n; i++) sigma2 += (g[2 * i] - full[0]) ** 2 + (g[2 * i + 1] - full[1]) ** 2;
    sigma2 /= n;
    const drawn = c.batchGradients({ problem, w, batch, seed, draws });
    const squares = Array.from({ length: draws }, (_, d) => {
      const gx = drawn[2 * d] - full[0], gy = drawn[2 * d + 1] - full[1];
      return gx * gx + gy * gy;
    });
    const measured = squares.reduce((a, b) => a + b, 0) / draws;
    const spread = squares.reduce((a, b) => a + (b - measured) ** 2, 0) / (draws - 1);
    assert.deepEqual(Array.from(noise.mean), full);
    assert.equal(noise.sigma2, sigma2);
    assert.equal(noise.law, (sigma2 / batch) * ((n - batch) / (n - 1)));
    assert.equal(noise.measured, measured);
    assert.equal(noise.standardError, Math.sqrt(spread / draws));
  }
  assert.throws(() => c.batchNoise({ problem, w, batch: 2, draws: 1 }), /^Error: draws must be an integer from 2 to 100000 \(got 1\)$/);
  const refused = cli(['batch_noise', '-'], JSON.stringify({ problem, w, batch: 2, draws: 1 }));
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^optlab: draws must be an integer from 2 /);
});

test('optlab rates, optimal and loss_sweep give momentumRate, nesterovRate, momentumRegion, optimalMomentum, optimalGradientDescent and lossSweep', async () => {
  const c = await core();
  const eigenvalues = [1, 5];
  for (const [lr, beta] of [[0.05, 0.8], [0.382, 0.146], [0.9, 0.2]]) {
    assert.deepEqual(verb('rates', { eigenvalues, lr, beta }),
      { momentum: c.momentumRate(eigenvalues, lr, beta), nesterov: c.nesterovRate(eigenvalues, lr, beta), region: c.momentumRegion(eigenvalues, lr, beta) });
  }
  assert.deepEqual(verb('optimal', { eigenvalues }), { momentum: c.optimalMomentum(1, 5), gd: c.optimalGradientDescent(eigenvalues) });
  const scenario = { problem: { kind: 'quadratic1d', a: 2 }, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1], steps: 20 };
  const lrs = [0.01, 0.5, 0.9, 1.2];
  const swept = c.lossSweep(scenario, lrs);
  assert.deepEqual(verb('loss_sweep', { scenario, lrs }), { loss: Array.from(swept.loss), diverged_at: Array.from(swept.divergedAt) });
  const refused = cli(['loss_sweep', '-'], JSON.stringify({ scenario: { ...scenario, optimizer: { kind: 'lbfgs' } }, lrs }));
  assert.match(refused.stderr, /^optlab: a loss sweep needs an optimizer with a step size \(got lbfgs\)/);
});

test('optlab gradient_noise gives gradientNoise\'s draws: the noise of each step of a noisy run, refused without noise', async () => {
  const c = await core();
  const problem = { kind: 'quadratic', A: [[1, 0], [0, 5]], noise: 1 };
  const draws = c.gradientNoise({ problem, seed: 1, steps: 30 });
  assert.equal(draws.length, 60);
  assert.deepEqual(verb('gradient_noise', { problem, seed: 1, steps: 30 }).noise.flat(), Array.from(draws));
  // A gradient-descent run on the same problem and seed steps by ∇f(w) + σξ_k.
  const out = c.run({ problem, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1, 1], steps: 30, seed: 1 });
  for (let k = 0; k < 30; k++) {
    const [w1, w2] = out.w[k];
    assert.deepEqual(out.w[k + 1], [w1 - 0.1 * (w1 + draws[2 * k]), w2 - 0.1 * (5 * w2 + draws[2 * k + 1])], `step ${k}`);
  }
  assert.throws(() => c.gradientNoise({ problem: { kind: 'rosenbrock' }, steps: 3 }), /problem must have gradient noise/);
  const refused = cli(['gradient_noise', '-'], JSON.stringify({ problem, steps: 30, draws: 2 }));
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /draws is not a field of a gradient_noise request/);
});
