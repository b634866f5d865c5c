// The (γ, β) map's dashed lines: critical damping, only where runs converge.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { criticalDamping } from '../../web/src/plot/damping.js';

const lrRange = [0.001, 1];

test('each curve is β = (1 − √(γλ))², and stops on the divergent region\'s edge γL = 2(1 + β)', () => {
  for (const [mu, L] of [[1, 5], [0.1, 100], [1, 10]]) {
    for (const lambda of [mu, L]) {
      const points = criticalDamping(lambda, L, lrRange);
      assert.ok(points.length > 100, `${points.length} points for λ = ${lambda}`);
      for (const [lr, beta] of points) {
        assert.ok(Math.abs(beta - (1 - Math.sqrt(lr * lambda)) ** 2) < 1e-15);
        assert.ok(lr * L < 2 * (1 + beta), `γ = ${lr}, β = ${beta} diverges (μ = ${mu}, L = ${L}, λ = ${lambda})`);
      }
      const [lr, beta] = points[points.length - 1];
      // The bowl's own curvature L ends at γ = 1/L, β = 0, well inside; the
      // smaller one, whose curve runs on to γ = 1/μ, meets the edge.
      if (lambda === L) assert.equal(lr, 1 / L);
      else assert.ok(Math.abs(lr * L - 2 * (1 + beta)) < 1e-9, `ends at γL = ${lr * L}, 2(1 + β) = ${2 * (1 + beta)}`);
    }
  }
});

test('on the course\'s bowl the shallow curve ends at γ ≈ 0.43, short of the divergent region', () => {
  const points = criticalDamping(1, 5, lrRange);
  const [lr] = points[points.length - 1];
  assert.ok(lr > 0.4 && lr < 0.45, `ends at γ = ${lr}`);
});
