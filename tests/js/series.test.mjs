// Lines through points far off the canvas (a diverging run's iterates reach
// 10¹⁰) are cut to a box near it before they are stroked: a dashed stroke
// of a 10¹⁰ px segment lays down billions of dashes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { drawPath } from '../../web/src/plot/series.js';

function recorder() {
  const calls = [];
  const record = (name) => (...args) => calls.push([name, ...args]);
  return {
    calls,
    ctx: new Proxy({}, { get: (target, name) => (name in target ? target[name] : record(name)), set: (target, name, value) => { target[name] = value; return true; } }),
  };
}

test('a path is drawn as before inside the box, and cut where it leaves it, in the same direction', () => {
  const id = (v) => v;
  const near = recorder();
  drawPath(near.ctx, id, id, [10, 10, 50, 20, 90, 60], 3, { color: '#000', dots: false });
  assert.deepEqual(near.calls.filter(([n]) => n === 'moveTo' || n === 'lineTo'), [['moveTo', 10, 10], ['lineTo', 50, 20], ['lineTo', 90, 60]]);
  const far = recorder();
  drawPath(far.ctx, id, id, [100, 100, 1e10, 1e10, -1e10, 1e10], 3, { color: '#000', dash: [7, 3], dots: false });
  const points = far.calls.filter(([n]) => n === 'moveTo' || n === 'lineTo');
  for (const [, px, py] of points) assert.ok(Math.abs(px) <= 2400.001 && Math.abs(py) <= 2400.001, `${px}, ${py}`);
  // The first segment keeps its direction: along the diagonal.
  assert.deepEqual(points[0], ['moveTo', 100, 100]);
  assert.ok(Math.abs(points[1][1] - 2400) < 1e-6 && Math.abs(points[1][2] - 2400) < 1e-6, String(points[1]));
});
