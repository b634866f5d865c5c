// The page on a phone-class CPU (`./build.sh bench`, after page.mjs): the
// same served dist/ in a 375 × 812 touch viewport at device pixel ratio 2,
// with Chromium's CPU throttled 4× (Emulation.setCPUThrottlingRate, a common
// stand-in for a mid-range phone) and the display's 60 Hz frame clock, as a
// phone has it. Measures navigation (to the first screen's figures drawn and
// to every figure drawn), and for every slider and every draggable point the
// time from an input to the next frame. An input arrives just after a frame,
// as a finger's does, so 16.7 ms is the floor: the next vsync. Writes
// build/bench/phone.json (report.mjs puts it in docs/benchmarks.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { launchChromium } from '../browser/chromium.mjs';

import { root } from '../js/helpers.mjs';
import { serve } from '../../web/serve.mjs';

const THROTTLE = 4;
const INPUTS = 40; // per control, after 5 to warm up
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

// For A/B runs of one change: OPTLAB_DIST serves another build, and
// OPTLAB_ONLY (a regular expression) measures only the controls it matches,
// without the loads and without writing phone.json.
const only = process.env.OPTLAB_ONLY ? new RegExp(process.env.OPTLAB_ONLY) : null;
const server = await serve({ root: process.env.OPTLAB_DIST ?? join(root, 'dist'), base: '/' });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchChromium();
const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return cdp;
}

// 1. Navigation, in a tab that is already up (page.mjs says why).
const loads = [];
for (let i = 0; i < (only ? 0 : 5); i++) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.waitForTimeout(1000);
  await throttled(context, page);
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  loads.push(await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    // The first screen's figures are drawn when the page paints its first
    // pictures; until the page draws them sooner that is every figure's mark.
    return { firstScreen: at('optlab-first-screen') ?? at('optlab-ready'), ready: at('optlab-ready') };
  }));
  await context.close();
}

// 2. Input to the next frame, for every slider and draggable point.
const context = await browser.newContext(phone);
const page = await context.newPage();
await page.goto(url);
await page.waitForSelector('html[data-settled]', { state: 'attached' });
await page.waitForTimeout(2000);
await throttled(context, page);
const controls = await page.evaluate(() => [
  ...[...document.querySelectorAll('main input[type=range]')].map((input) => ({ kind: 'slider', id: input.id, figure: input.closest('main > .figure').id })),
  ...[...document.querySelectorAll('main canvas.draggable')].map((canvas, i) => ({ kind: 'drag', index: i, figure: canvas.closest('main > .figure').id })),
]);
// Drives one control as a finger would, n inputs after 5 to warm up.
const drive = (control, n) => page.evaluate(async ({ control, n }) => {
  const target = control.kind === 'slider' ? document.getElementById(control.id) : document.querySelectorAll('main canvas.draggable')[control.index];
  target.scrollIntoView({ block: 'center' });
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  for (let i = 0; i < 5; i++) await frame();
  const times = [];
  const changes = new Set();
  const caption = target.closest('main > .figure').querySelector('.caption');
  let input;
  if (control.kind === 'slider') {
    const lo = Number(target.min), hi = Number(target.max);
    // Steps of a twentieth of the range, back and forth, as a thumb moves.
    input = (i) => {
      target.value = String(lo + ((hi - lo) * (10 + Math.round(9 * Math.sin(i / 3)))) / 20);
      target.dispatchEvent(new Event('input', { bubbles: true }));
    };
  } else {
    const rect = target.getBoundingClientRect();
    const at = (i) => ({ clientX: rect.left + rect.width * (0.3 + 0.4 * ((i % 20) / 20)), clientY: rect.top + rect.height * (0.4 + 0.1 * ((i % 13) / 13)), pointerId: 7, pointerType: 'touch', isPrimary: true, button: 0, buttons: 1, bubbles: true });
    target.dispatchEvent(new PointerEvent('pointerdown', at(0)));
    input = (i) => target.dispatchEvent(new PointerEvent('pointermove', at(i)));
  }
  for (let i = 1; i <= n + 5; i++) {
    await frame(); // the input arrives at the start of a frame
    const t0 = performance.now();
    input(i);
    await frame();
    if (i > 5) times.push(performance.now() - t0);
    changes.add(caption?.textContent);
  }
  if (control.kind === 'drag') target.dispatchEvent(new PointerEvent('pointerup', { pointerId: 7, pointerType: 'touch', bubbles: true }));
  return { times, changes: changes.size };
}, { control, n });

const latency = {};
const named = new Map();
for (const control of controls) {
  const name = control.kind === 'slider' ? `${control.figure}: ${control.id.replace(`${control.figure}-`, '')}` : `${control.figure}: drag ${control.index}`;
  if (only && !only.test(name)) continue;
  named.set(name, control);
  const result = await drive(control, INPUTS);
  if (result.changes < 5) throw new Error(`${name}: the caption changed on only ${result.changes} of ${INPUTS} inputs; is the control still driven this way?`);
  latency[name] = { medianMs: median(result.times), p95Ms: p95(result.times) };
}

// 3. Where the time goes for the slowest control: a trace of its inputs
// (the renderer's main thread, each event's own time without its
// children's) and a CPU profile beside it, which tells the core's wasm from
// the page's JavaScript inside the trace's function calls. Per input, in
// throttled milliseconds.
const slowest = Object.entries(latency).sort((x, y) => y[1].medianMs - x[1].medianMs)[0][0];
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
await cdp.send('Profiler.start');
await drive(named.get(slowest), INPUTS);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await traced;
const own = new Map();
const calls = new Map();
for (const e of events) if (e.name === 'FunctionCall') calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const mainThread = [...calls].sort((x, y) => y[1] - x[1])[0][0];
const open = [];
for (const e of events.filter((x) => `${x.pid}:${x.tid}` === mainThread && x.ph === 'X' && x.dur).sort((x, y) => x.ts - y.ts || y.dur - x.dur)) {
  while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
  if (open.length) own.set(open.at(-1).name, (own.get(open.at(-1).name) ?? 0) - e.dur);
  own.set(e.name, (own.get(e.name) ?? 0) + e.dur);
  open.push(e);
}
let wasmUs = 0;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
profile.samples.forEach((id, i) => { if (nodes.get(id).callFrame.functionName.startsWith('wasm-function')) wasmUs += profile.timeDeltas[i]; });
const perInput = (us) => us / 1000 / (INPUTS + 5);
const sum = (...names) => perInput(names.reduce((total, name) => total + (own.get(name) ?? 0), 0));
const script = sum('FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'EventDispatch', 'TimerFire', 'V8.Execute', 'EvaluateScript');
const breakdown = {
  'the core (wasm)': perInput(wasmUs),
  'the page\'s JavaScript': Math.max(0, script - perInput(wasmUs)),
  'style and layout': sum('UpdateLayoutTree', 'Layout', 'RecalculateStyles'),
  'paint (recording, layers)': sum('Paint', 'PrePaint', 'Layerize', 'UpdateLayer'),
  'commit (the canvases\' pixels to the compositor)': sum('Commit'),
};
breakdown.other = Math.max(0, perInput([...own.values()].reduce((x, y) => x + y, 0)) - Object.values(breakdown).reduce((x, y) => x + y, 0));
await context.close();
await browser.close();
server.close();

const ms = (x) => x.toFixed(1);
if (only) {
  for (const [name, l] of Object.entries(latency)) console.log(`${name}: ${ms(l.medianMs)} / ${ms(l.p95Ms)} ms`);
  console.log(`where the time goes, ${slowest}:`, Object.entries(breakdown).map(([k, v]) => `${k} ${ms(v)}`).join(', '));
  process.exit(0);
}
const results = {
  throttle: THROTTLE, viewport: '375 × 812, touch, device pixel ratio 2',
  firstScreenMs: median(loads.map((l) => l.firstScreen)), readyMs: median(loads.map((l) => l.ready)), loads, latency,
  slowest: { control: slowest, breakdown },
};
console.log(`\nphone (375 × 812, touch, ${THROTTLE}× CPU throttling, 60 Hz)`);
console.log(`| navigation to the first screen's figures drawn | ${ms(results.firstScreenMs)} ms | goal <= 300 ms |`);
console.log(`| navigation to every figure drawn | ${ms(results.readyMs)} ms | goal <= 600 ms |`);
let latencyOk = true;
for (const [name, l] of Object.entries(latency)) {
  latencyOk &&= l.medianMs <= 20 && l.p95Ms <= 33;
  console.log(`| input to next frame, ${name} | ${ms(l.medianMs)} ms | ${ms(l.p95Ms)} ms | median <= 20, p95 <= 33 ms |`);
}
const goals = [
  ['phone: navigation to the first screen\'s figures drawn, median <= 300 ms', results.firstScreenMs <= 300],
  ['phone: navigation to every figure drawn, median <= 600 ms', results.readyMs <= 600],
  ['phone: every slider and draggable point, input to next frame median <= 20 ms and p95 <= 33 ms', latencyOk],
];
console.log('\ngoals:');
for (const [goal, met] of goals) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${goal}`);
results.goals = Object.fromEntries(goals);
mkdirSync(join(root, 'build', 'bench'), { recursive: true });
writeFileSync(join(root, 'build', 'bench', 'phone.json'), JSON.stringify(results, null, 2));
console.log('\nwritten: build/bench/phone.json');
