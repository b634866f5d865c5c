// Axis tick labels: one notation per axis.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatTicks, logScale } from '../../web/src/plot/scale.js';

test('a log axis within 0.01..1000 reads as decimals', () => {
  assert.deepEqual(formatTicks([0.01, 0.1, 1, 10, 100, 1000], true), ['0.01', '0.1', '1', '10', '100', '1000']);
});

test('a log axis that reaches further is in powers of ten throughout', () => {
  // Figure 4's loss axis: a tick every fourth decade, 10⁻¹⁴ to 10⁻².
  assert.deepEqual(formatTicks([1e-14, 1e-10, 1e-6, 0.01], true), ['10⁻¹⁴', '10⁻¹⁰', '10⁻⁶', '10⁻²']);
  const ticks = logScale([1e-15, 0.5], [300, 0]).ticks(4);
  assert.deepEqual(formatTicks(ticks, true), ['10⁻¹⁵', '10⁻¹¹', '10⁻⁷', '10⁻³']);
  assert.deepEqual(formatTicks([1, 1e4], true), ['10⁰', '10⁴']);
});

test('a linear axis gets trimmed decimals', () => {
  assert.deepEqual(formatTicks([-1, 0, 0.30000000000000004, 2.5], false), ['-1', '0', '0.3', '2.5']);
});

test('viridis: the 1024-entry table the heatmap is coloured from', async () => {
  const { viridisTable } = await import('../../web/src/plot/colormap.js');
  const lut = viridisTable();
  assert.equal(lut.length, 4 * 1024);
  const entry = (i) => [...lut.subarray(4 * i, 4 * i + 4)];
  assert.deepEqual(entry(0), [68, 1, 84, 255]); // viridis's ends
  assert.deepEqual(entry(1023), [253, 231, 37, 255]);
  assert.deepEqual(entry(64), [70, 23, 103, 255]); // t = 0.0626: half way from the first stop to the second
  assert.deepEqual(entry(700), [64, 186, 115, 255]); // t = 0.684: about half way from the sixth stop to the seventh
  for (let i = 0; i < 1024; i++) assert.equal(lut[4 * i + 3], 255);
});
