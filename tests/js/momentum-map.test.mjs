// The (γ, β) map's lines and regions come from the core (wasm): the
// divergent edge, the critical-damping curves up to it, and which region a
// point is in, by the exact rate.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { core } from './helpers.mjs';

const lr = [0.001, 1], beta = [0, 0.99];

test('each curve is β = (1 − √(γλ))², and stops on the divergent region\'s edge γL = 2(1 + β)', async () => {
  const c = await core();
  for (const [mu, L] of [[1, 5], [0.1, 100], [1, 10]]) {
    const { damping } = c.momentumBoundaries({ eigenvalues: [mu, L], lr, beta });
    assert.equal(damping.length, 2);
    for (const [which, lambda] of [[0, mu], [1, L]]) {
      const points = damping[which];
      assert.ok(points instanceof Float64Array && points.length > 200, `${points.length / 2} points for λ = ${lambda}`);
      for (let k = 0; k < points.length; k += 2) {
        const [g, b] = [points[k], points[k + 1]];
        assert.ok(Math.abs(b - (1 - Math.sqrt(g * lambda)) ** 2) < 1e-15);
        assert.ok(g * L < 2 * (1 + b), `γ = ${g}, β = ${b} diverges (μ = ${mu}, L = ${L}, λ = ${lambda})`);
      }
      const [g, b] = points.slice(-2);
      // The bowl's own curvature L ends at γ = 1/L, β = 0, well inside; the
      // smaller one, whose curve runs on to γ = 1/μ, meets the edge.
      if (lambda === L) assert.equal(g, 1 / L);
      else assert.ok(Math.abs(g * L - 2 * (1 + b)) < 1e-9, `ends at γL = ${g * L}, 2(1 + β) = ${2 * (1 + b)}`);
    }
  }
});

test('on the course\'s bowl the shallow curve ends at γ ≈ 0.43, short of the divergent region; the edge is where the rate reaches 1', async () => {
  const c = await core();
  const { edge, damping } = c.momentumBoundaries({ eigenvalues: [1, 5], lr, beta });
  const end = damping[0][damping[0].length - 2];
  assert.ok(end > 0.4 && end < 0.45, `ends at γ = ${end}`);
  assert.equal(edge.length, 2 * 65);
  for (let k = 0; k < edge.length; k += 2) {
    assert.equal(edge[k + 1], beta[0] + ((k / 2) / 64) * (beta[1] - beta[0]));
    assert.ok(Math.abs(c.momentumRate([1, 5], edge[k], edge[k + 1]) - 1) < 1e-12);
  }
  const fewer = c.momentumBoundaries({ eigenvalues: [5, 1], lr, beta, samples: 10, edgeSegments: 4 });
  assert.equal(fewer.edge.length, 2 * 5);
  assert.equal(fewer.damping[0][fewer.damping[0].length - 2], 1 / 5); // the eigenvalues' order is kept
});

test('a point\'s region: divergent exactly where the rate is not below 1, monotone under L\'s critical damping, else ripples', async () => {
  const c = await core();
  const eigenvalues = [1, 5];
  assert.equal(c.momentumRegion(eigenvalues, 0.05, 0.8), 'ripples');
  assert.equal(c.momentumRegion(eigenvalues, 0.05, 0.1), 'monotone');
  assert.equal(c.momentumRegion(eigenvalues, 0.9, 0.1), 'divergent');
  const lrs = c.logspace(0.001, 1, 48), betas = Array.from({ length: 18 }, (_, j) => (0.99 * j) / 17);
  const regions = c.momentumRegions(eigenvalues, lrs, betas);
  assert.equal(regions.length, 48 * 18);
  assert.deepEqual(new Set(regions), new Set(['monotone', 'ripples', 'divergent']));
  for (let j = 0; j < betas.length; j++) {
    for (let i = 0; i < lrs.length; i++) {
      const region = regions[j * lrs.length + i];
      assert.equal(region, c.momentumRegion(eigenvalues, lrs[i], betas[j]));
      assert.equal(region === 'divergent', !(c.momentumRate(eigenvalues, lrs[i], betas[j]) < 1), `(${lrs[i]}, ${betas[j]})`);
      if (region !== 'divergent') {
        const monotone = lrs[i] * 5 <= 1 && betas[j] <= (1 - Math.sqrt(lrs[i] * 5)) ** 2;
        assert.equal(region, monotone ? 'monotone' : 'ripples');
      }
    }
  }
});

test('the map\'s functions name the argument they refuse', async () => {
  const c = await core();
  assert.throws(() => c.momentumRegion([1, 5], -1, 0.5), /^Error: lr must be a finite number > 0/);
  assert.throws(() => c.momentumRegion([1, 5], 0.1, 1), /^Error: beta must be a finite number/);
  assert.throws(() => c.momentumRegion([0, 5], 0.1, 0.5), /^Error: eigenvalues\[0\] must be a finite number > 0/);
  assert.throws(() => c.momentumRegions([1, 5], [0.1], [0.5, 'x']), /^Error: betas\[1\] must be a finite number/);
  assert.throws(() => c.momentumRegions([1, 5], new Float64Array(5000), [0.5]), /^Error: lrs must have from 1 to 4096 numbers \(got 5000\)$/);
  assert.throws(() => c.momentumBoundaries({ eigenvalues: [1, 5], lr: [1, 0.1], beta }), /^Error: lr must be \[lo, hi\] with lo < hi \(got \[1, 0\.1\]\)$/);
  assert.throws(() => c.momentumBoundaries({ eigenvalues: [1, 5], lr, beta, samples: 0 }), /^Error: samples must be an integer from 1 to 4096 \(got 0\)$/);
  assert.throws(() => c.momentumBoundaries({ eigenvalues: [1, 5], lr, beta, edgeSegments: 2.5 }), /^Error: edgeSegments must be an integer from 1 to 4096 \(got 2.5\)$/);
});
