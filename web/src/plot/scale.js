// Linear and logarithmic scales with "nice" ticks, as small pure functions
// of a domain and a range (the d3-scale idea without the dependency).

export function linearScale([d0, d1], [r0, r1]) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const scale = (x) => r0 + (x - d0) * k;
  scale.invert = (y) => d0 + (y - r0) / k;
  scale.domain = [d0, d1];
  scale.ticks = (count = 5) => linearTicks(d0, d1, count);
  scale.log = false;
  return scale;
}

export function logScale([d0, d1], [r0, r1]) {
  const l0 = Math.log10(d0), l1 = Math.log10(d1);
  const k = (r1 - r0) / (l1 - l0 || 1);
  const scale = (x) => r0 + (Math.log10(x) - l0) * k;
  scale.invert = (y) => 10 ** (l0 + (y - r0) / k);
  scale.domain = [d0, d1];
  scale.ticks = (count = 5) => {
    const first = Math.ceil(l0), last = Math.floor(l1);
    const stride = Math.max(1, Math.ceil((last - first + 1) / count));
    const out = [];
    for (let e = first; e <= last; e += stride) out.push(10 ** e);
    return out;
  };
  scale.log = true;
  return scale;
}

function linearTicks(a, b, count) {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/**
 * Short labels for the ticks of one axis. A log axis within 0.01..1000
 * reads as decimals (0.01, 1, 100); one that reaches further is labelled
 * in powers of ten throughout (10⁻², 10⁻⁶), never "0.01" beside "10⁻⁶".
 * A linear axis gets trimmed decimals.
 */
export function formatTicks(values, log) {
  if (!log) return values.map((v) => String(Number(v.toPrecision(6))));
  const exponents = values.map((v) => Math.round(Math.log10(v)));
  const decimals = exponents.every((e) => e >= -2 && e <= 3);
  return exponents.map((e) => (decimals ? (e >= 0 ? String(10 ** e) : (10 ** e).toFixed(-e)) : `10${superscript(e)}`));
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function superscript(n) {
  return String(n).split('').map((c) => SUPERSCRIPT[c]).join('');
}
