// Figure 8's Rosenbrock contours. Near the valley floor its level sets are
// long slivers thinner than a cell of a coarse grid; marching squares then
// breaks them into specks (seen in the figure as a hatch of dashes right of
// the minimum). The real level sets in this view have no small islands, so
// almost no contour length may lie in pieces smaller than 3% of the view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { problemContours } from '../../web/src/plot/path-view.js';
import { core, root } from './helpers.mjs';

/** Share of the contour length in connected pieces spanning under `small` of the view. */
function specks(segments, n, small) {
  const count = segments.length / 5;
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (i) => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Segments of one level that share an end point belong to one piece.
  const owner = new Map();
  for (let s = 0; s < count; s++) {
    for (const e of [1, 3]) {
      const key = `${segments[5 * s]}:${segments[5 * s + e].toFixed(9)},${segments[5 * s + e + 1].toFixed(9)}`;
      if (owner.has(key)) parent[find(s)] = find(owner.get(key));
      else owner.set(key, s);
    }
  }
  const box = new Map();
  for (let s = 0; s < count; s++) {
    const r = find(s);
    const b = box.get(r) ?? [Infinity, Infinity, -Infinity, -Infinity];
    for (const e of [1, 3]) {
      b[0] = Math.min(b[0], segments[5 * s + e]);
      b[1] = Math.min(b[1], segments[5 * s + e + 1]);
      b[2] = Math.max(b[2], segments[5 * s + e]);
      b[3] = Math.max(b[3], segments[5 * s + e + 1]);
    }
    box.set(r, b);
  }
  let all = 0, tiny = 0;
  for (let s = 0; s < count; s++) {
    const length = Math.hypot(segments[5 * s + 3] - segments[5 * s + 1], segments[5 * s + 4] - segments[5 * s + 2]);
    const b = box.get(find(s));
    all += length;
    if (Math.max(b[2] - b[0], b[3] - b[1]) < small * (n - 1)) tiny += length;
  }
  return tiny / all;
}

const scene = JSON.parse(readFileSync(join(root, 'web', 'scenes', 'lbfgs.json'), 'utf8')).problems.rosenbrock;

test('figure 8: the Rosenbrock contours are lines, not specks', async () => {
  const c = await core();
  // Traced as figure 8 traces them (web/src/figures/lbfgs.js).
  const { segments } = problemContours(c, scene.problem, scene.view, { spread: scene.contourSpread, n: scene.contourGrid });
  const share = specks(segments, scene.contourGrid, 0.03);
  assert.ok(share < 0.005, `${(100 * share).toFixed(2)}% of the contour length is in specks`);
  // A coarser setting (81 points, levels down to max/10⁶) fails this check.
  const coarse = specks(problemContours(c, scene.problem, scene.view, { spread: 1e6, n: 81 }).segments, 81, 0.03);
  assert.ok(coarse > 0.02, `the 81-point grid had ${(100 * coarse).toFixed(2)}% in specks`);
});
