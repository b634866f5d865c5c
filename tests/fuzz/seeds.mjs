// The fuzzers' seed inputs, from what the project itself runs: every
// scenario of tests/scenarios and every scenario and problem of web/scenes,
// in the input format of fuzz_core.cpp (a first byte for the entry point);
// and for fuzz_expression.cpp, every typed function among them and the
// playground's presets, as text.
// Usage: node tests/fuzz/seeds.mjs OUTDIR [EXPRESSION_OUTDIR]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [out, expressionOut] = process.argv.slice(2);
if (!out) throw new Error('usage: node tests/fuzz/seeds.mjs OUTDIR [EXPRESSION_OUTDIR]');
mkdirSync(out, { recursive: true });

const scenarios = [], problems = [];
// Every object in a scene file with a problem: a scenario when it has an optimizer too.
function collect(value) {
  if (Array.isArray(value)) return value.forEach(collect);
  if (value === null || typeof value !== 'object') return;
  if (value.problem && value.optimizer) scenarios.push(value);
  if (value.problem && typeof value.problem === 'object') problems.push(value.problem);
  Object.values(value).forEach(collect);
}
for (const dir of ['tests/scenarios', 'web/scenes']) {
  for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.json'))) collect(JSON.parse(readFileSync(join(root, dir, file), 'utf8')));
}

let count = 0;
const write = (bytes) => writeFileSync(join(out, `seed-${String(count++).padStart(3, '0')}`), bytes);
const text = (mode, prefix, value) => write(Buffer.concat([Buffer.from([mode, ...prefix]), Buffer.from(JSON.stringify(value))]));
for (const s of scenarios) text(0, [4], s);
// The eight bytes Bytes::in(lo, hi) reads as x: the top 53 bits of a word
// are x's fraction of the range.
const word = (x, lo, hi) => {
  const bits = BigInt(Math.round(((x - lo) / (hi - lo)) * 2 ** 53)) << 11n;
  return Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(8 * (7 - i))) & 0xffn));
};
// A double's eight bytes as Bytes::raw reads them (big-endian).
const raw = (x) => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return [...b];
};
// A problem's grid: 20 x 20 points over [-2, 2] in x and in y.
const M = 1e6;
const grid = [18, 18, ...word(-2, -M, M), ...word(2, -2, M), ...word(-2, -10, 10), ...word(2, -2, 10)];
for (const p of problems) text(1, grid, p);
// Isolines over a 10 x 10 grid of small integers (saddles and flat cells) at
// four levels between them, then the momentum analysis over spread-out numbers.
write(Buffer.from([2, 8, 8, ...Array.from({ length: 100 }, (_, i) => (i * 7) % 5), 3, ...[0.5, 1.5, 2.5, 3.5].flatMap(raw), 128]));
write(Buffer.from([4, 2, ...Array.from({ length: 40 }, (_, i) => (i * 37) % 256)]));
// The shared requests: a grid, both rate maps, a finite sum's gradients.
text(3, [0, 0], { problem: { kind: 'rosenbrock' }, x: [-2, 2], nx: 12, y: [-1, 3], ny: 9 });
const map = { eigenvalues: [0.5, 4], lr: [0.01, 1], nLr: 12, beta: [0, 0.95], nBeta: 8 };
text(3, [1, 0], map);
text(3, [1, 1], { ...map, steps: 40 });
text(3, [2, 0], { problem: { kind: 'least_squares', n: 8, dim: 2 }, w: [0.5, -1] });
console.log(`${count} seeds in ${out}`);

if (expressionOut) {
  mkdirSync(expressionOut, { recursive: true });
  const texts = new Set(problems.filter((p) => p.kind === 'expression' && typeof p.f === 'string').map((p) => p.f));
  texts.add('sin(x))').add('sinn(x) + 2x').add('((((x))))^-2').add('log(x) - sqrt(y) / (x - y)').add('w\u2081\u00b2 \u2212 w\u2082\u00b3');
  let n = 0;
  for (const f of texts) writeFileSync(join(expressionOut, `seed-${String(n++).padStart(3, '0')}`), Buffer.concat([Buffer.from([0]), Buffer.from(f)]));
  // A token stream: "(", "x", "^", "2", ")" and the like, then points.
  writeFileSync(join(expressionOut, `seed-${String(n++).padStart(3, '0')}`), Buffer.from([1, 23, 0, 28, 42, 24, 26, 11, 23, 1, 24, 0xff, 3, 1, 4, 1, 5, 9, 2, 6]));
  console.log(`${n} seeds in ${expressionOut}`);
}
