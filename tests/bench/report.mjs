// `./build.sh bench`, last step: turns build/bench/core.json,
// build/bench/page.json, phone.json and python.json into the one table of measured figures that the
// docs link to (docs/benchmarks.md), so that no number is copied by hand.
// Usage: node tests/bench/report.mjs OUTPUT.md
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { root } from '../js/helpers.mjs';

const out = process.argv[2];
if (!out) throw new Error('usage: node tests/bench/report.mjs OUTPUT.md');
const read = (name) => JSON.parse(readFileSync(join(root, 'build', 'bench', name), 'utf8'));
const core = read('core.json');
const page = read('page.json');

const num = (x, digits = 3) => (x >= 100 ? x.toFixed(0) : x.toPrecision(digits));
const ms = (x) => `${num(x)} ms`;
const met = (ok) => (ok ? 'met' : '**missed**');
const lines = [];
const say = (...xs) => lines.push(...xs);

const cpu = cpus();
say('# Benchmarks',
  '',
  '<!-- Written by `./build.sh bench` (tests/bench/report.mjs); edit those, not this file. -->',
  '',
  `Measured by \`./build.sh bench\` on ${cpu.length} cores of ${cpu[0]?.model.trim() ?? 'an unknown CPU'},`,
  `node ${core.node}, ${page.browser ? `Chromium ${page.browser}` : 'Chromium'}. How these are measured, and`,
  'why one run is not a verdict on a change: [performance.md](performance.md).',
  '');

const W = core.workloads;
say('## The core',
  '',
  '| workload | native | wasm | plain JS | wasm / native | JS / wasm |',
  '|---|---:|---:|---:|---:|---:|');
for (const w of Object.values(W)) {
  say(`| ${w.label} | ${ms(w.nativeMs)} | ${ms(w.wasmMs)} | ${ms(w.jsMs)} | ${(w.wasmMs / w.nativeMs).toFixed(2)} | ${(w.jsMs / w.wasmMs).toFixed(2)} |`);
}
say('', '| goal | |', '|---|---|');
for (const [goal, ok] of Object.entries(core.goals)) say(`| ${goal} | ${met(ok)} |`);
if (core.escaped) {
  const e = core.escaped;
  say('', `Runs of the Monte Carlo that leave the shallow basin: ${e.native} of ${e.runs} natively, ${e.wasm} in wasm (the same runs, bit for bit), ${e.js} in the plain-JS peer (its own generator).`);
}

const figures = {
  'step-sizes': 'figure 1 (step sizes)', 'sgd-cloud': 'figure 2 (SGD)', annealing: 'figure 3 (annealing)',
  momentum: 'figure 4 (momentum)', 'beta-effect': 'figure 5 (β)', 'noise-smoothing': 'figure 7 (noise)', lbfgs: 'figure 8 (L-BFGS)',
};
const phase = (f) => {
  const xs = page.loadPhases.map(f).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
};
say('', '## The page', '',
  '| measure | median | p95 | goal |',
  '|---|---:|---:|---|',
  `| navigation to every figure drawn | ${ms(page.loadMs)} | ${page.loadP95Ms ? ms(page.loadP95Ms) : ''} | median ≤ 400 ms |`,
  `| of which: to the core's start | ${ms(phase((p) => p.coreStart))} | | |`,
  `| of which: loading the core | ${ms(phase((p) => p.mountStart - p.coreStart))} | | |`,
  `| of which: building the 10 figures | ${ms(phase((p) => p.lastMount - p.mountStart))} | | |`,
  `| of which: layout and every canvas's first picture | ${ms(phase((p) => p.ready - p.lastMount))} | | |`,
  `| this machine's floor (a blank page, one script) | ${ms(page.floorMs)} | ${page.floorP95Ms ? ms(page.floorP95Ms) : ''} | |`);
for (const [id, l] of Object.entries(page.latency)) {
  say(`| input to frame, ${figures[id] ?? id} | ${ms(l.medianMs)} | ${ms(l.p95Ms)} | median ≤ 8, p95 ≤ 16 ms |`);
}
if (page.playgroundKey) say(`| keystroke to frame, the playground (contours and six runs of 500 steps) | ${ms(page.playgroundKey.medianMs)} | ${ms(page.playgroundKey.p95Ms)} | median ≤ 16 ms |`);
say(`| (γ, β) map while its point is dragged | ${page.mapDragFps.toFixed(0)} frames/s | ${page.mapDragP95Fps ? `${page.mapDragP95Fps.toFixed(0)} frames/s` : ''} | ≥ 20 frames/s |`);
say('', '| goal | |', '|---|---|');
for (const [goal, ok] of Object.entries(page.goals)) say(`| ${goal} | ${met(ok)} |`);

let phone = null;
try {
  phone = read('phone.json');
} catch {
  // page.mjs ran without phone.mjs: no phone table
}
if (phone) {
  say('', '## The page on a phone', '',
    `The same page in a ${phone.viewport} viewport, with the CPU throttled ${phone.throttle}× and the display's 60 Hz`,
    'frame clock: an input arrives just after a frame, so 16.7 ms (the next frame) is the floor.', '',
    '| measure | median | p95 | goal |',
    '|---|---:|---:|---|',
    `| navigation to the first screen's figures drawn | ${ms(phone.firstScreenMs)} | | ≤ 300 ms |`,
    `| navigation to every figure drawn | ${ms(phone.readyMs)} | | ≤ 600 ms |`);
  for (const [name, l] of Object.entries(phone.latency)) say(`| input to next frame, ${name} | ${ms(l.medianMs)} | ${ms(l.p95Ms)} | median ≤ 20, p95 ≤ 33 ms |`);
  say('', '| goal | |', '|---|---|');
  for (const [goal, ok] of Object.entries(phone.goals)) say(`| ${goal} | ${met(ok)} |`);
  if (phone.slowest) {
    const parts = Object.entries(phone.slowest.breakdown);
    const all = parts.reduce((sum, [, v]) => sum + v, 0);
    say('', `Where the time goes for the slowest control (${phone.slowest.control}): the main thread's work per input,`,
      'from a trace and a CPU profile of the same inputs (both slow the page, so read the shares, not the sum).', '',
      '| part | per input | share |', '|---|---:|---:|');
    for (const [part, v] of parts) say(`| ${part} | ${ms(v)} | ${Math.round((100 * v) / all)} % |`);
  }
}

const python = read('python.json');
const us = (x) => `${(x * 1000).toFixed(1)} µs`;
say('', '## The Python module', '',
  `One \`optlab.run\` of ${python.scenario}, on Debian's Python ${python.python}: the median call against the`,
  'median of the core\'s own run (timed inside C++), and against starting the CLI for it as a process.', '',
  '| measure | median | goal |', '|---|---:|---|',
  `| the core's own run | ${us(python.coreMs)} | |`,
  `| \`optlab.run\` (dict in, numpy arrays out) | ${us(python.moduleMs)} | |`,
  `| of which the module's own | ${us(python.overheadMs)} | ≤ 100 µs |`,
  `| \`optlab run -\` as a process, its JSON read back | ${ms(python.cliMs)} | |`);
say('', '| goal | |', '|---|---|');
for (const [goal, ok] of Object.entries(python.goals)) say(`| ${goal} | ${met(ok)} |`);

const described = {
  'optlab_core.js': '`optlab_core.js` (the wasm inlined as Latin-1 characters)',
  'optlab-math.js': '`optlab-math.js` (KaTeX and its three fonts, loaded after the figures)',
  'optlab.js': '`optlab.js` (the page and its figures)',
};
say('', '## Weight', '', 'Every file the lesson page loads, gzip -9:', '', '| file | bytes |', '|---|---:|');
const weight = Object.entries(page.weight).sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of weight) say(`| ${described[file] ?? `\`${file}\``} | ${bytes.toLocaleString('en-US')} |`);
say(`| total (goal 350 KB) | ${page.totalGzipBytes.toLocaleString('en-US')} |`, '');

writeFileSync(out, lines.join('\n'));
console.log(`written: ${out}`);
