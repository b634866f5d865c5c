// Where the (γ, β) map names its regions (web/src/plot/region-labels.js),
// on grids small enough to work out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { deepestCells } from '../../web/src/plot/region-labels.js';

// 10 columns × 6 rows: region A in columns 0-3, B in columns 4-9.
const split = (a) => (a < 4 ? 'A' : 'B');

test('each region is named at its cell farthest from its borders and the frame (the first, columns outermost, on a tie)', () => {
  const cells = deepestCells({ columns: 10, rows: 6, regionAt: split });
  // A's inside is two columns wide: depth 1 everywhere in it, so its first cell.
  assert.deepEqual(cells.get('A'), [1, 1]);
  // B's inside (columns 5-8, rows 1-4) has depth 2 at columns 6-7, rows 2-3.
  assert.deepEqual(cells.get('B'), [6, 2]);
  assert.deepEqual([...cells.keys()].sort(), ['A', 'B']);
});

test('cells kept clear (the map\'s star) count as a border', () => {
  const clear = (a, b) => a === 6 && (b === 2 || b === 3);
  const cells = deepestCells({ columns: 10, rows: 6, regionAt: split, clear });
  // Column 7's middle now touches the cleared cells: B's deepest is depth 1, first at (5, 1).
  assert.deepEqual(cells.get('B'), [5, 1]);
  assert.deepEqual(cells.get('A'), [1, 1]);
});

test('a region of one cell on the frame is still named, at that cell', () => {
  const cells = deepestCells({ columns: 5, rows: 4, regionAt: (a, b) => (a === 4 && b === 0 ? 'corner' : 'rest') });
  assert.deepEqual(cells.get('corner'), [4, 0]);
  assert.deepEqual(cells.get('rest'), [1, 1]);
});
