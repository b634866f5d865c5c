// A point's label goes where it covers no handle and stays in the plot
// (figure 1's "lowest" label and the current γ's handle on a phone).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { placeLabel } from '../../web/src/plot/axes.js';

const area = { x0: 40, y0: 10, x1: 330, y1: 230 };
const overlaps = (box, w, h, c) => {
  const nx = Math.max(box.x, Math.min(c.x, box.x + w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + h));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 <= c.r ** 2;
};

test('the label sits above right of its point, unless a handle is there', () => {
  assert.deepEqual(placeLabel({ px: 100, py: 100, width: 80, height: 14, area }), { x: 106, y: 82 });
  const handle = { x: 130, y: 90, r: 9 };
  const box = placeLabel({ px: 100, py: 100, width: 80, height: 14, area, avoid: [handle] });
  assert.ok(!overlaps(box, 80, 14, handle), JSON.stringify(box));
});

test('wherever the handle is around the point, the label neither covers it nor leaves the plot', () => {
  for (let hx = area.x0; hx <= area.x1; hx += 3) {
    for (let hy = area.y0; hy <= area.y1; hy += 3) {
      for (const [px, py] of [[200, 120], [320, 20], [50, 220]]) {
        const handle = { x: hx, y: hy, r: 9 };
        const box = placeLabel({ px, py, width: 90, height: 14, area, avoid: [handle] });
        assert.ok(box.x >= area.x0 && box.x + 90 <= area.x1 && box.y >= area.y0 && box.y + 14 <= area.y1, `${px},${py} handle ${hx},${hy}: ${JSON.stringify(box)}`);
        // On the point itself there is no side left; elsewhere a side is always free.
        if ((hx - px) ** 2 + (hy - py) ** 2 > 30 ** 2) assert.ok(!overlaps(box, 90, 14, handle), `${px},${py} handle ${hx},${hy}: ${JSON.stringify(box)}`);
      }
    }
  }
});
