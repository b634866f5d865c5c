// The captions' "stays below from step k" (web/src/figures/settle.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { settledBelow } from '../../web/src/figures/settle.js';

test('settledBelow: the step from which the loss stays at or under the goal, not its first dip', () => {
  assert.equal(settledBelow([5, 4, 3, 2, 1], 2), 3); // monotone: the first step at the goal
  assert.equal(settledBelow([5, 1, 3, 1, 0.5], 2), 3); // dips at 1, climbs back, stays from 3
  assert.equal(settledBelow([5, 1, 3], 2), -1); // ends above: never settled
  assert.equal(settledBelow([1, 1], 2), 0); // already there
  assert.equal(settledBelow([], 2), -1);
  assert.equal(settledBelow(Float64Array.of(3, 1, 1), 1), 1); // typed arrays, as the core returns
});
