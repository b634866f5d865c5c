// Figure 3: annealing. On the double well, gradient descent started in the
// shallow basin stays there; SGD's noise carries many of its runs over the
// ridge into the deeper minimum. Histogram of where `runs` seeded SGD runs
// (core.finalPositions) are after k steps, over the curve f(w).
import { clipTo, drawAxes, haloText, plotArea } from '../plot/axes.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell } from '../plot/figure-shell.js';
import { linearScale } from '../plot/scale.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { cssColors, theme } from '../plot/theme.js';
import { el, logSlider, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { seedControl } from '../controls/seed.js';
import { formatNumber } from '../i18n/en.js';

export function annealingFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.annealing;
  const { scenario } = scene;
  const { problem } = scenario;
  const K = scenario.steps;
  const id = root.id || 'annealing';
  const [v0, v1] = scene.view;
  let lr = scenario.optimizer.lr, batch = scenario.optimizer.batch, seed = scenario.seed;
  let frame = scene.frames, finals, gdFinal;
  const shell = figureShell(root);

  // f along the view, and the ridge between the two minima, from the core.
  const curveN = 400;
  const curve = core.valueGrid(problem, { x: [v0, v1], nx: curveN });
  const at = (i) => v0 + ((v1 - v0) * i) / (curveN - 1);
  const { deep: deepMinimum, ridge } = core.doubleWellPoints(problem);
  const deepSide = (w) => (deepMinimum < ridge ? w < ridge : w > ridge);

  const stepsAt = (f) => Math.round((K * f) / scene.frames);
  // A link may ask for 2000 runs of 5000 steps with batch 16, about a second
  // of work: the runs are computed a few at a time, in slices of at most
  // SLICE_MS, so that the page answers the reader in between; the bars show
  // the runs done so far. The runs of a slice are the very runs of one call
  // (the core seeds run r from seed and r), so the result does not depend on
  // how the work was sliced.
  const SLICE_MS = 8;
  let job = null;
  shell.hold(() => {
    if (job) clearTimeout(job.timer);
    job = null;
  });
  // A slice that throws (the core refused) ends the job and the caption says
  // why: a job left half done would keep Play waiting for it for good.
  let failure = null;
  const running = () => job !== null && finals.done < scene.runs;
  function compute() {
    const steps = stepsAt(frame);
    // The runs of the previous settings stop first, whatever happens below.
    if (job) clearTimeout(job.timer);
    job = null;
    failure = null;
    const sgd = { ...scenario, steps, seed, optimizer: { kind: 'sgd', lr, batch } };
    finals = { w: new Float64Array(scene.runs), diverged: new Uint8Array(scene.runs), done: 0 };
    root.dataset.busy = 'false';
    // Gradient descent's last iterate only (no trace arrays on every input).
    try {
      gdFinal = core.finalPositions({ ...scenario, steps, optimizer: { kind: 'gd', lr } }, 1).w[0];
    } catch (error) {
      failure = error.message;
      gdFinal = null;
      return;
    }
    job = { sgd, timer: null, perRun: 0 }; // ms per run, measured on this job's runs
    advance(job);
  }
  function advance(mine) {
    try {
      slice(mine);
    } catch (error) {
      failure = error.message;
      job = null;
    }
    root.dataset.busy = String(running());
    if (running()) mine.timer = setTimeout(() => {
      if (job !== mine) return;
      advance(mine);
      update();
    });
  }
  function slice(mine) {
    const start = performance.now();
    while (finals.done < scene.runs) {
      // As many runs as fit in what is left of the slice, by the time runs took so far.
      const left = SLICE_MS - (performance.now() - start);
      if (finals.done > 0 && left <= 0) break;
      const n = Math.min(scene.runs - finals.done, mine.perRun > 0 ? Math.max(1, Math.floor(left / mine.perRun)) : 8);
      const t0 = performance.now();
      const part = core.finalPositions(mine.sgd, n, finals.done);
      mine.perRun = (performance.now() - t0) / n;
      finals.w.set(part.w, finals.done);
      finals.diverged.set(part.diverged, finals.done);
      finals.done += n;
    }
  }

  const canvas = el('canvas', { class: 'wide-canvas', role: 'img' });
  const { caption } = shell;
  const painter = shell.canvas(canvas, draw, { aspect: 0.5, minHeight: 240, maxHeight: 400 });
  const lrSlider = logSlider({
    id: `${id}-lr`, label: t.stepSizes.gammaLabel, lo: scene.lrRange[0], hi: scene.lrRange[1], positions: scene.lrPositions, value: lr,
    format: (x) => `γ = ${formatNumber(x)}`, onInput: (x) => { lr = x; rerun(); },
  });
  const batchSlider = linearSlider({
    id: `${id}-batch`, label: t.sgd.batchLabel, lo: 1, hi: problem.n, step: 1, value: batch,
    format: (b) => `B = ${b}`, onInput: (b) => { batch = b; rerun(); },
  });
  const seeds = seedControl({ id: `${id}-seed`, strings: t, value: seed, onChange: (x) => { seed = x; rerun(); } });
  const controls = player({
    strings: t, onFrame: (f) => { frame = f; compute(); update(); }, last: () => scene.frames, fps: 5,
    busy: running,
  });
  shell.hold(controls.dispose);

  function rerun() {
    controls.showAll();
    changed();
  }

  // Where the runs are: counts per bin of the view, for the histogram.
  let counts;
  function histogram() {
    counts = new Array(scene.bins).fill(0);
    for (let r = 0; r < finals.done; r++) {
      if (finals.diverged[r]) continue;
      const b = Math.floor(((finals.w[r] - v0) / (v1 - v0)) * scene.bins);
      if (b >= 0 && b < scene.bins) counts[b]++;
    }
    root.dataset.peak = String(Math.max(...counts));
  }

  function update() {
    histogram();
    painter.redraw();
    let deep = 0, diverged = 0;
    for (let r = 0; r < finals.done; r++) {
      if (finals.diverged[r]) diverged++;
      else if (deepSide(finals.w[r])) deep++;
    }
    caption.classList.toggle('error', failure !== null);
    setRich(caption, failure !== null
      ? `${t.cannotDraw}: ${failure}`
      : running()
        ? s.computing({ steps: stepsAt(frame), runs: scene.runs, done: finals.done })
        : s.caption({ lr, batch, steps: stepsAt(frame), runs: scene.runs, deep, diverged, gd: gdFinal, gdDeep: deepSide(gdFinal), seed }));
    canvas.setAttribute('aria-label', plainText(caption));
    root.dataset.deep = String(deep);
  }

  shell.fill({
    title: s.title,
    text: s.text,
    toolbars: [[lrSlider.element, batchSlider.element], [controls.element, seeds.element]],
    legend: [
      { label: s.names.curve, color: cssColors.ink },
      methodLegend('sgd', s.names.runs(scene.runs)),
    ],
    plots: [canvas],
  });
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function draw(ctx, width, height) {
    const colors = theme(root);
    const area = plotArea(width, height);
    let fmax = -Infinity, fmin = Infinity;
    for (const f of curve) {
      fmax = Math.max(fmax, f);
      fmin = Math.min(fmin, f);
    }
    const x = linearScale([v0, v1], [area.x0, area.x1]);
    const y = linearScale([fmin - 0.05, Math.min(fmax, 1.2)], [area.y1, area.y0]);
    drawAxes(ctx, area, x, y, colors, { xLabel: 'w', yLabel: 'f(w)' });
    ctx.save();
    clipTo(ctx, area);
    // Histogram of the final positions, scaled to the plot's height.
    const peak = Math.max(1, ...counts);
    const barWidth = (area.x1 - area.x0) / scene.bins;
    ctx.fillStyle = methodStyle('sgd', colors).color;
    ctx.globalAlpha = 0.55;
    counts.forEach((c, b) => {
      const h = ((area.y1 - area.y0) * 0.85 * c) / peak;
      ctx.fillRect(area.x0 + b * barWidth + 0.5, area.y1 - h, barWidth - 1, h);
    });
    ctx.globalAlpha = 1;
    // The bars' scale: the tallest carries its count.
    const tallest = counts.indexOf(peak);
    if (counts[tallest] > 0) {
      ctx.fillStyle = colors.ink;
      ctx.font = colors.font;
      ctx.textAlign = 'center';
      haloText(ctx, s.peakLabel(peak), area.x0 + (tallest + 0.5) * barWidth, area.y1 - (area.y1 - area.y0) * 0.85 - 6, colors.paper);
    }
    ctx.strokeStyle = colors.ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i < curveN; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, x(at(i)), y(curve[i]));
    ctx.stroke();
    // The ridge, the start and where gradient descent is.
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = colors.muted;
    ctx.beginPath();
    ctx.moveTo(x(ridge), area.y0);
    ctx.lineTo(x(ridge), area.y1);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colors.ink;
    ctx.font = colors.font;
    ctx.textAlign = 'center';
    haloText(ctx, s.ridgeLabel, x(ridge), area.y0 + 14, colors.paper);
    if (gdFinal !== null) {
      ctx.fillStyle = methodStyle('gd', colors).color;
      ctx.strokeStyle = colors.paper;
      ctx.beginPath();
      ctx.arc(x(gdFinal), y(problemValue(gdFinal)), 7, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colors.ink;
      haloText(ctx, s.gdLabel, x(gdFinal), y(problemValue(gdFinal)) - 14, colors.paper);
    }
    ctx.restore();
  }

  function problemValue(w) {
    const i = Math.round(((w - v0) / (v1 - v0)) * (curveN - 1));
    return curve[Math.min(curveN - 1, Math.max(0, i))];
  }

  return {
    state: () => ({ lr, batch, runs: scene.runs, seed, steps: K }),
    // Run r of the table is the scenario with the seed derived from (seed, r) (optlab finals FILE RUNS).
    scenario: () => ({ ...scenario, seed, optimizer: { kind: 'sgd', lr, batch } }),
    table: () => ({
      columns: ['run', 'w_final', 'diverged', 'steps'],
      rows: Array.from({ length: finals.done }, (_, r) => [r, finals.w[r], finals.diverged[r] ? 1 : 0, stepsAt(frame)]),
      // While the runs are computed (or after the core refused some), the
      // rows are the runs done so far, not all `runs`.
      complete: finals.done === scene.runs,
    }),
    dispose: shell.dispose,
  };
}
