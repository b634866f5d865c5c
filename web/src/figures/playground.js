// The playground, beyond the lecture: a function the reader types, f(x, y),
// and up to six runs racing on it from one start, each an optimizer of the
// core's registry with its own step size and parameters. The core reads the
// text (never JavaScript's eval), differentiates it, and runs every
// optimizer; this file only draws: the contours of f, the paths, and how
// far above the lowest value found each run is, step by step.
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, viewScales } from '../plot/path-view.js';
import { drawLogPlot, legend, relabelLegend } from '../plot/series.js';
import { contourLines } from '../plot/contours.js';
import { theme, cssColors } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { el, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { seedControl } from '../controls/seed.js';
import { dragPoint } from '../controls/drag.js';
import { formatNumber } from '../i18n/en.js';
import { traceTable } from '../share/table.js';
import { runsText } from '../embed/params.js';

// Six runs told apart by colour and by dash, in print and for colour-blind readers.
const STYLES = [
  { colour: 1, dash: [] }, { colour: 0, dash: [7, 3] }, { colour: 2, dash: [4, 2] },
  { colour: 3, dash: [9, 2, 2, 2] }, { colour: 4, dash: [1, 3] }, { colour: 'ink', dash: [10, 3, 2, 3] },
];
const styleOf = (i, colors) => ({ color: STYLES[i].colour === 'ink' ? colors.ink : colors.series[STYLES[i].colour], dash: STYLES[i].dash });
const cssStyleOf = (i) => ({ color: STYLES[i].colour === 'ink' ? cssColors.ink : cssColors.series[STYLES[i].colour], dash: STYLES[i].dash });

// Contour grid points per side: a finer grid when the map is still, a
// coarser one while a function is typed (a keystroke then redraws in about
// 12 ms instead of 16 on the bench machine); the finer one follows once
// the typing pauses.
const GRID = 101;
const TYPING_GRID = 61;
// A long function costs more per point: the grid shrinks so that it holds
// at most this many operations (101² points of a 40-operation function; a
// function of 210 operations with 70 sines took 160 ms on the finest grid).
const GRID_OPERATIONS = 101 * 101 * 40;
const MIN_GRID = 41;
const TYPING_PAUSE_MS = 250;
const RUNS_SLICE_MS = 16; // the most a task spends on runs before it lets the page go on
const NO_CONTOURS = () => {};
// The symbols the lecture and torch.optim's documentation write for the
// registry's parameters, the same in every language.
const SYMBOLS = { lr: 'γ', beta: 'β', alpha: 'α', beta1: 'β₁', beta2: 'β₂', eps: 'ε' };
const LEVELS = 14;
const LOSS_FLOOR = 1e-12;

// Whether x is within a registry parameter's range ({min, max, minOpen, maxOpen, integer}).
const inRange = (x, p) => Number.isFinite(x) && (p.minOpen ? x > p.min : x >= p.min) && (p.maxOpen ? x < p.max : x <= p.max)
  && (!p.integer || Number.isInteger(x));

/** Contour levels at quantiles of the grid's finite values, closer together near the lowest. */
function quantileLevels(values) {
  const sample = new Float64Array(Math.ceil(values.length / 3));
  let n = 0;
  for (let i = 0; i < values.length; i += 3) if (Number.isFinite(values[i])) sample[n++] = values[i];
  if (n < 2) return [];
  const finite = sample.subarray(0, n).sort(); // a typed array sorts by value
  const levels = [];
  for (let i = 1; i <= LEVELS; i++) {
    const q = (i / (LEVELS + 1)) ** 2;
    const v = finite[Math.min(finite.length - 1, Math.floor(q * finite.length))];
    if (levels.length === 0 || v > levels[levels.length - 1]) levels.push(v);
  }
  return levels;
}

export function playgroundFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.playground;
  const id = root.id || 'playground';
  const registry = new Map(core.optimizers().map((o) => [o.name, o]));
  const presetNames = Object.keys(scene.presets);
  const start = scene.presets[scene.preset];
  let text = scene.f ?? start.f;
  const view = { x: [...(scene.view ?? start.view).slice(0, 2)], y: [...(scene.view ?? start.view).slice(2, 4)] };
  let w0 = [...(scene.w0 ?? start.w0)];
  let noise = scene.noise, seed = scene.seed, steps = scene.steps, shown = steps;
  const notes = []; // runs of a link that could not be used, in words
  let runs = (scene.runs ?? start.runs).map((run) => ({ ...run })).filter((run, i) => {
    const problem = runProblem(run);
    if (problem) notes.push(s.runNotUsed(i + 1, problem));
    return !problem;
  }).slice(0, scene.maxRuns);
  let checked = null; // the core's answer for the text
  let grid = null, contours = null, undefinedCells = null;
  let traces = []; // per run: {trace} or {error}

  // What keeps a run of a link from being drawn, in words (null: nothing).
  function runProblem(run) {
    const info = registry.get(run.kind);
    if (!info) return s.notAnOptimizer(run.kind, [...registry.keys()]);
    for (const key of Object.keys(run)) {
      if (key === 'kind' || (key === 'lr' && info.lr)) continue;
      const param = info.params.find((p) => p.name === key);
      if (!param) return s.notAParameter(key, info.name, [...(info.lr ? ['lr'] : []), ...info.params.map((p) => p.name)]);
      if (!inRange(run[key], param)) return s.outOfRange(key, param);
    }
    if (info.lr && !(run.lr > 0 && run.lr <= 1e6)) return s.outOfRange('lr', { min: 0, max: 1e6, minOpen: true });
    return null;
  }

  const problem = () => ({ kind: 'expression', f: text, noise });
  // The least value of f when the text is a preset's that knows it.
  const knownMinimum = () => {
    const name = presetNames.find((n) => scene.presets[n].f === text);
    return name && typeof scene.presets[name].fmin === 'number' ? scene.presets[name].fmin : null;
  };
  let gridMin = Infinity; // the least value of f on the map's grid
  const usable = () => checked?.ok;

  let finer = 0; // the timer that traces the finer grid once typing pauses
  function recontour(most = GRID) {
    clearTimeout(finer);
    contours = null;
    undefinedCells = null;
    if (!usable()) return;
    const n = Math.max(MIN_GRID, Math.min(most, Math.floor(Math.sqrt(GRID_OPERATIONS / Math.max(1, checked.operations)))));
    const g = { nx: n, ny: n, x: [...view.x], y: [...view.y] };
    const values = core.valueGrid({ kind: 'expression', f: text }, g);
    const levels = quantileLevels(values);
    // Where f is undefined (log of a negative number…) the grid holds NaN:
    // those cells are shaded, and the iso-lines are traced through a value
    // above every level.
    let holes = 0;
    let top = -Infinity;
    gridMin = Infinity;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) continue;
      if (values[i] > top) top = values[i];
      if (values[i] < gridMin) gridMin = values[i];
    }
    const above = Number.isFinite(top) ? top + 1 : 0;
    for (let i = 0; i < values.length; i++) {
      if (Number.isFinite(values[i])) continue;
      undefinedCells ??= new Uint8Array(values.length);
      undefinedCells[i] = 1;
      holes++;
    }
    const lifted = holes ? values.map((v) => (Number.isFinite(v) ? v : above)) : values;
    grid = g;
    if (levels.length) contours = contourLines(core, { ...g, values: lifted }, levels);
  }

  // The runs, in order. A heavy function's runs (a link may ask for six of
  // 1000 steps of 200 operations) are computed a few at a time, in tasks of
  // their own, and drawn when all are there: one task holding them all took
  // 240 ms. A typed function's usual runs take a few milliseconds and are
  // drawn at once.
  let generation = 0;
  function runOne(run) {
    if (!usable()) return { error: null };
    // The refusals a reader meets while playing, in the page's words; any
    // other is the core's own message.
    if (registry.get(run.kind).batch === 'stochastic' && noise === 0) return { error: s.needsNoise };
    try {
      return { trace: core.trace({ problem: problem(), optimizer: { ...run }, w0, steps, seed }) };
    } catch (error) {
      const message = String(error.message);
      if (message.startsWith('w0: f is undefined')) return { error: s.startUndefined };
      if (message.startsWith('w0: f or its gradient overflows')) return { error: s.startOverflows };
      return { error: message };
    }
  }
  function rerun() {
    const mine = ++generation;
    traces = runs.map(() => ({ pending: true }));
    let next = 0;
    const some = () => {
      const started = performance.now();
      while (next < runs.length) {
        if (mine !== generation) return false;
        traces[next] = runOne(runs[next]);
        next++;
        if (next < runs.length && performance.now() - started > RUNS_SLICE_MS) {
          setTimeout(() => {
            if (some()) draw();
          });
          return false;
        }
      }
      return mine === generation;
    };
    some();
  }
  const pending = () => traces.some((tr) => tr.pending);

  // The view that holds the start and every run's path (outliers of a
  // diverging run aside), with a margin.
  function fit() {
    const xs = [w0[0]], ys = [w0[1]];
    for (const { trace } of traces) {
      if (!trace) continue;
      const last = trace.divergedAt === null ? trace.rows : Math.max(1, Math.min(trace.rows, trace.divergedAt - 1));
      for (let k = 0; k < last; k++) {
        const a = trace.w[2 * k], b = trace.w[2 * k + 1];
        if (Math.abs(a - w0[0]) < 1e3 && Math.abs(b - w0[1]) < 1e3) {
          xs.push(a);
          ys.push(b);
        }
      }
    }
    const span = (v) => {
      const lo = Math.min(...v), hi = Math.max(...v);
      return within((lo + hi) / 2, (hi - lo) / 2 + Math.max((hi - lo) * 0.15, 0.25));
    };
    setView(span(xs), span(ys));
  }

  // [centre − half, centre + half], kept inside the views a link may hold.
  function within(centre, half) {
    const h = Math.min(scene.viewLimit, Math.max(scene.viewLeast / 2, half));
    const c = Math.min(scene.viewLimit - h, Math.max(-scene.viewLimit + h, centre));
    return [Number((c - h).toPrecision(6)), Number((c + h).toPrecision(6))];
  }

  // Whether the start and every run's path (a diverging run's escape
  // aside) lie in the view.
  function pathsInView() {
    const inside = (a, b) => a >= view.x[0] && a <= view.x[1] && b >= view.y[0] && b <= view.y[1];
    if (!inside(w0[0], w0[1])) return false;
    for (const { trace } of traces) {
      if (!trace || trace.divergedAt !== null) continue;
      for (let k = 0; k < trace.rows; k++) if (!inside(trace.w[2 * k], trace.w[2 * k + 1])) return false;
    }
    return true;
  }

  function setView(x, y) {
    view.x = x;
    view.y = y;
    recontour();
  }

  function zoom(factor, at = [(view.x[0] + view.x[1]) / 2, (view.y[0] + view.y[1]) / 2]) {
    setView(...[[view.x, at[0]], [view.y, at[1]]].map(([[lo, hi], c]) => within((lo + hi) / 2 + ((c - (lo + hi) / 2) * (1 - factor)), ((hi - lo) / 2) * factor)));
    draw();
    queueMicrotask(changed);
  }

  const shell = figureShell(root);
  shell.hold(() => clearTimeout(finer));
  shell.hold(() => { generation++; }); // runs still to compute are dropped
  const { caption } = shell;
  const mapCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const lossCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const map = shell.canvas(mapCanvas, drawMap, { aspect: 1, maxHeight: 460 });
  const losses = shell.canvas(lossCanvas, drawLosses, { aspect: 1, maxHeight: 460 });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; draw(); }, last: () => steps, fps: 30 });
  shell.hold(controls.dispose);

  // The function: a preset, or the reader's own text.
  const presetSelect = el('select', { id: `${id}-preset` });
  const custom = el('option', { value: '', text: s.custom });
  presetSelect.append(custom, ...presetNames.map((name) => el('option', { value: name, text: s.presets[name] ?? name })));
  const fInput = el('input', {
    type: 'text', id: `${id}-f`, class: 'expression', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
    maxlength: String(core.limits.maxExpressionLength), 'aria-describedby': `${id}-f-error`,
  });
  fInput.value = text;
  const fError = el('p', { class: 'field-error expression-error', id: `${id}-f-error`, role: 'alert' });
  const showPreset = () => {
    const name = presetNames.find((n) => scene.presets[n].f === text) ?? '';
    presetSelect.value = name;
  };
  presetSelect.addEventListener('change', () => {
    const p = scene.presets[presetSelect.value];
    if (!p) return;
    text = p.f;
    fInput.value = text;
    w0 = [...p.w0];
    runs = p.runs.map((run) => ({ ...run }));
    check();
    setView(p.view.slice(0, 2), p.view.slice(2, 4));
    rebuildRuns();
    recompute({ contour: false });
  });
  fInput.addEventListener('input', () => {
    text = fInput.value;
    showPreset();
    check();
    recontour(TYPING_GRID);
    recompute();
    if (usable()) {
      // Once the typing pauses: the finer grid, and a view that holds the
      // runs if they left the one there was (a new function may live at
      // another scale).
      finer = setTimeout(() => {
        if (!pending() && !pathsInView()) {
          fit();
          draw();
          queueMicrotask(changed);
        } else {
          recontour();
          map.redraw();
        }
      }, TYPING_PAUSE_MS);
    }
  });

  function check() {
    checked = core.checkExpression(text);
    if (checked.ok) {
      fInput.removeAttribute('aria-invalid');
      fError.replaceChildren();
      return;
    }
    fInput.setAttribute('aria-invalid', 'true');
    const { column } = checked.error;
    // The text with a mark under the column the message names.
    const chars = Array.from(text);
    const mark = column > 0 ? el('code', { class: 'expression-at' }, [
      chars.slice(0, column - 1).join(''), el('mark', {}, [chars[column - 1] ?? ' ']), chars.slice(column).join(''),
    ]) : null;
    fError.replaceChildren(s.exprError(checked.error), ...(mark && text.length <= 120 ? [el('br'), mark] : []));
  }

  // The runs: one row each, with its optimizer, γ and the optimizer's own parameters.
  const runList = el('ol', { class: 'runs', id: `${id}-runs` });
  const addButton = el('button', { type: 'button', text: s.addRun });
  addButton.addEventListener('click', () => {
    if (runs.length >= scene.maxRuns) return;
    const kind = ['gd', 'momentum', 'adam', 'nesterov', 'rmsprop', 'adagrad'].find((k) => !runs.some((r) => r.kind === k)) ?? 'gd';
    runs.push(defaultRun(kind, runs[0]?.lr));
    rebuildRuns();
    recompute();
  });
  function defaultRun(kind, lr) {
    const info = registry.get(kind);
    const run = { kind };
    if (info.lr) run.lr = lr ?? info.lrDefault ?? 0.01;
    for (const p of info.params) if (p.name !== 'eps' && p.default !== null) run[p.name] = p.default;
    return run;
  }

  function numberField(runIndex, name, value, range, onValue) {
    const fieldId = `${id}-run${runIndex}-${name}`;
    const input = el('input', { type: 'text', inputmode: 'decimal', id: fieldId, class: 'run-number', 'aria-describedby': `${fieldId}-error` });
    input.value = String(value);
    const message = el('span', { class: 'field-error', id: `${fieldId}-error`, role: 'alert' });
    input.addEventListener('input', () => {
      const x = Number(input.value);
      if (input.value.trim() === '' || !inRange(x, range)) {
        input.setAttribute('aria-invalid', 'true');
        message.textContent = s.outOfRange(name, range);
        return;
      }
      input.removeAttribute('aria-invalid');
      message.textContent = '';
      onValue(x);
      recompute();
    });
    const label = Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : s.paramNames[name] ?? name;
    return el('span', { class: 'run-field' }, [el('label', { for: fieldId, text: label }), input, message]);
  }

  function rebuildRuns() {
    runList.replaceChildren(...runs.map((run, i) => {
      const info = registry.get(run.kind);
      const select = el('select', { id: `${id}-run${i}-kind`, 'aria-label': s.runLabel(i + 1) });
      select.append(...[...registry.keys()].map((name) => el('option', { value: name, text: s.names[name] ?? name })));
      select.value = run.kind;
      select.addEventListener('change', () => {
        runs[i] = defaultRun(select.value, run.lr);
        rebuildRuns();
        recompute();
      });
      const fields = [];
      if (info.lr) fields.push(numberField(i, 'lr', run.lr, { min: 0, max: 1e6, minOpen: true }, (x) => { run.lr = x; }));
      for (const p of info.params) {
        if (!(p.name in run)) continue;
        fields.push(numberField(i, p.name, run[p.name], p, (x) => { run[p.name] = x; }));
      }
      const remove = el('button', { type: 'button', class: 'remove', 'aria-label': s.removeRun(i + 1), text: '×' });
      remove.disabled = runs.length === 1;
      remove.addEventListener('click', () => {
        runs.splice(i, 1);
        rebuildRuns();
        recompute();
      });
      const { color, dash } = cssStyleOf(i);
      const swatch = legend([{ label: '', color, dash }]);
      swatch.classList.add('run-swatch');
      return el('li', { class: 'run' }, [swatch, select, ...fields, remove]);
    }));
    addButton.disabled = runs.length >= scene.maxRuns;
    relabel();
  }

  const noiseSlider = linearSlider({
    id: `${id}-noise`, label: s.noiseLabel, lo: 0, hi: 10, step: 0.1, value: noise,
    format: (x) => `σ = ${formatNumber(x)}`, onInput: (x) => { noise = x; recompute(); },
  });
  const seeds = seedControl({ id: `${id}-seed`, strings: t, value: seed, onChange: (n) => { seed = n; recompute(); } });
  const stepsSlider = linearSlider({
    id: `${id}-steps`, label: s.stepsLabel, lo: 1, hi: scene.maxSteps, step: 1, value: steps,
    format: (x) => s.stepsValue(x), onInput: (x) => { steps = x; shown = x; recompute(); },
  });
  const zoomIn = el('button', { type: 'button', 'aria-label': s.zoomIn, text: '+' });
  const zoomOut = el('button', { type: 'button', id: `${id}-view`, 'aria-label': s.zoomOut, text: '−' });
  const fitButton = el('button', { type: 'button', text: s.fit });
  zoomIn.addEventListener('click', () => zoom(1 / 1.5));
  zoomOut.addEventListener('click', () => zoom(1.5));
  fitButton.addEventListener('click', () => { fit(); draw(); queueMicrotask(changed); });

  // The start: dragged or tapped on the map, or moved by the arrow keys.
  const pointAt = (event) => {
    const { width, height } = map.size();
    const { x, y } = viewScales(view, width, height);
    const rect = mapCanvas.getBoundingClientRect();
    return [Number(x.invert(event.clientX - rect.left).toPrecision(4)), Number(y.invert(event.clientY - rect.top).toPrecision(4))];
  };
  const inView = ([a, b]) => a >= view.x[0] && a <= view.x[1] && b >= view.y[0] && b <= view.y[1];
  dragPoint(mapCanvas, (event) => {
    const p = pointAt(event);
    if (!inView(p)) return;
    w0 = p;
    recompute();
  });
  mapCanvas.addEventListener('keydown', (event) => {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
    if (d) {
      event.preventDefault();
      const step = [(view.x[1] - view.x[0]) / 80, (view.y[1] - view.y[0]) / 80];
      w0 = [Number((w0[0] + d[0] * step[0]).toPrecision(4)), Number((w0[1] + d[1] * step[1]).toPrecision(4))];
      recompute();
    } else if (event.key === '+' || event.key === '=') {
      zoom(1 / 1.5);
    } else if (event.key === '-') {
      zoom(1.5);
    }
  });
  // The wheel zooms about the point under the pointer (and only over the map).
  mapCanvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, pointAt(event));
  }, { passive: false });

  const legendBox = el('div', { class: 'legend-box' });
  function relabel() {
    // "Adam (γ = 0.05)": a run's name and its settings, ε left out.
    const labels = runs.map((run) => {
      const name = s.names[run.kind] ?? run.kind;
      const shown = Object.entries(run).filter(([key]) => key !== 'eps' && key !== 'kind')
        .map(([key, x]) => (Object.hasOwn(SYMBOLS, key) ? `$${SYMBOLS[key]} = ${formatNumber(x)}$` : `${s.paramNames[key] ?? key} ${formatNumber(x)}`));
      return shown.length ? `${name} (${shown.join(', ')})` : name;
    });
    if (!relabelLegend(legendBox.firstChild, labels)) legendBox.replaceChildren(legend(runs.map((run, i) => ({ label: labels[i], ...cssStyleOf(i) }))));
  }

  function recompute({ contour = false } = {}) {
    queueMicrotask(changed);
    if (contour) recontour();
    rerun();
    relabel();
    shown = Math.min(shown, steps);
    controls.showAll();
  }

  function draw() {
    map.redraw();
    losses.redraw();
    root.classList.toggle('stale', !usable());
    const k = Math.min(shown, steps);
    if (!usable()) {
      setRich(caption, s.notYet);
    } else {
      const outcomes = traces.map((tr, i) => {
        const name = s.names[runs[i].kind] ?? runs[i].kind;
        if (tr.pending) return { name, pending: true };
        if (!tr.trace) return { name, error: tr.error ?? '' };
        const { trace } = tr;
        const last = Math.min(k, trace.rows - 1);
        const out = { name, loss: trace.loss[last], step: last };
        if (trace.divergedAt !== null && trace.divergedAt <= k) out.diverged = trace.divergedAt;
        if (trace.stopReason === 'undefined' && trace.stoppedAt < k) out.undefined = { ...trace.undefined, step: trace.stoppedAt };
        else if (trace.stopReason && trace.stoppedAt < k) out.stopped = { reason: trace.stopReason, step: trace.stoppedAt };
        return out;
      });
      setRich(caption, s.caption({ k, outcomes, noise, seed }));
    }
    const words = plainText(caption);
    mapCanvas.setAttribute('aria-label', words);
    lossCanvas.setAttribute('aria-label', words);
  }

  function drawMap(ctx, width, height) {
    const colors = theme(root);
    const paths = traces.map((tr, i) => (tr.trace ? {
      w: tr.trace.w, count: Math.min(shown + 1, tr.trace.rows), ...styleOf(i, colors), width: 1, dots: false,
    } : null)).filter(Boolean);
    drawPathView(ctx, width, height, { colors, view, contours: contours ?? NO_CONTOURS, paths, start: w0 });
    if (undefinedCells && grid) shadeUndefined(ctx, width, height, colors);
  }

  function shadeUndefined(ctx, width, height, colors) {
    const { area, x, y } = viewScales(view, width, height);
    const { nx, ny } = grid;
    const cw = (grid.x[1] - grid.x[0]) / (nx - 1), ch = (grid.y[1] - grid.y[0]) / (ny - 1);
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
    ctx.clip();
    ctx.fillStyle = colors.muted;
    ctx.globalAlpha = 0.25;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        if (!undefinedCells[j * nx + i]) continue;
        const cx = grid.x[0] + i * cw, cy = grid.y[0] + j * ch;
        const px = x(cx - cw / 2), py = y(cy + ch / 2);
        ctx.fillRect(px, py, x(cx + cw / 2) - px, y(cy - ch / 2) - py);
      }
    }
    ctx.restore();
  }

  function drawLosses(ctx, width, height) {
    const colors = theme(root);
    // Each run's f(wₖ) above f's least value where the preset knows it,
    // else above the lowest value seen on the map or by any run: on a log
    // axis, whatever the sign of f.
    const known = knownMinimum();
    let low = known ?? gridMin;
    if (known === null) for (const { trace } of traces) if (trace) for (let k = 0; k < trace.rows; k++) if (trace.loss[k] < low) low = trace.loss[k];
    const series = traces.map((tr, i) => (tr.trace ? {
      y: Float64Array.from(tr.trace.loss, (v) => v - low), count: Math.min(shown + 1, tr.trace.rows), ...styleOf(i, colors), width: 1,
      divergedAt: tr.trace.divergedAt,
    } : null)).filter(Boolean);
    drawLogPlot(ctx, width, height, {
      colors, K: steps, floor: LOSS_FLOOR, series, xLabel: t.momentum.stepAxis, yLabel: known === null ? s.lossAxis : s.lossAxisKnown,
      floorLabel: t.atFloor(formatNumber(LOSS_FLOOR)),
    });
  }

  shell.fill({
    title: s.title,
    text: s.text,
    before: notes.map((note) => el('p', { class: 'error', role: 'alert', text: note })),
    // Each group is a .control found by its first input's id, so that an
    // author's controls="…" can hide it (mount.js).
    toolbars: [
      [el('div', { class: 'control function-control' }, [
        el('span', { class: 'preset' }, [el('label', { for: `${id}-preset`, text: s.presetLabel }), presetSelect]),
        el('span', { class: 'expression-row' }, [el('label', { for: `${id}-f`, class: 'expression-label', text: s.fLabel }), fInput]),
        fError,
      ])],
      [el('div', { class: 'control runs-control' }, [runList, addButton])],
      [noiseSlider.element, seeds.element, stepsSlider.element],
      [el('span', { class: 'control view-control' }, [zoomOut, zoomIn, fitButton]), controls.element],
    ],
    legend: legendBox,
    plots: [el('div', { class: 'pair' }, [mapCanvas, lossCanvas])],
    notes: [hint(touchFirst() ? s.touchHint : s.hint)],
    after: s.after,
  });
  check();
  showPreset();
  recontour();
  rebuildRuns();
  rerun();
  draw();
  root.dataset.ready = 'true';

  return {
    state: () => ({
      preset: presetSelect.value || scene.preset, f: text, view: [...view.x, ...view.y], w0, runs: runsText(runs), noise, seed, steps,
    }),
    // Every run, each a scenario of its own: `optlab run` takes the array
    // and prints each run's output in order (one run: the scenario alone).
    scenario: () => {
      const all = runs.map((run) => ({ problem: problem(), optimizer: { ...run }, w0, steps, seed }));
      return all.length === 1 ? all[0] : all;
    },
    table: () => {
      const done = traces.map((tr, i) => ({ name: `${i + 1}-${runs[i].kind}`, trace: tr.trace })).filter((r) => r.trace);
      return { ...traceTable(done), complete: !pending() };
    },
    dispose: shell.dispose,
  };
}
