// Numbers in captions: shares that never overstate, values in 3 digits.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatNumber, formatPercent } from '../../web/src/i18n/en.js';

test('a share says 100% only when all are, and 0% only when none are', () => {
  assert.equal(formatPercent(400, 400), '100');
  assert.equal(formatPercent(399, 400), '99.8');
  assert.equal(formatPercent(398, 400), '99.5');
  assert.equal(formatPercent(396, 400), '99');
  assert.equal(formatPercent(0, 400), '0');
  assert.equal(formatPercent(1, 400), '0.3');
  assert.equal(formatPercent(1, 2000), '0.1');
  assert.equal(formatPercent(1999, 2000), '99.9');
  assert.equal(formatPercent(1, 20000), '0.1');
  assert.equal(formatPercent(19999, 20000), '99.9');
  assert.equal(formatPercent(2, 400), '1');
  assert.equal(formatPercent(200, 400), '50');
});

test('numbers keep three significant digits, in powers of ten outside 0.001..10⁴', () => {
  assert.equal(formatNumber(0.05), '0.05');
  assert.equal(formatNumber(0.38196601125), '0.382');
  assert.equal(formatNumber(1e-6), '1·10⁻⁶');
  assert.equal(formatNumber(6.08e18), '6.08·10¹⁸');
  assert.equal(formatNumber(0), '0');
});
