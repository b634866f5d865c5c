// Figure 2: SGD's step is noisy but unbiased. From the current point w,
// every per-example step −γ∇f_i(w) (dots) averages exactly to the full
// step −γ∇f(w) (arrow); mini-batch steps (rings, one-step SGD runs from the
// core) spread less as the batch grows, with variance σ²/B · (n − B)/(n − 1).
// The variance is measured over many more draws (scene.draws) than are drawn
// as rings (scene.rings): with 200, its standard error is a seventh of the
// law at B = 1, and the default measurement sat 1.8 errors below it. Steps
// that land outside the view are marked by triangles at its edge.
import { clipTo } from '../plot/axes.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, problemContours, startPointControl, viewScales } from '../plot/path-view.js';
import { cssColors, theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { el, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { seedControl } from '../controls/seed.js';
import { formatNumber } from '../i18n/en.js';
import { traceTable } from '../share/table.js';

export function sgdCloudFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.sgd;
  const { scenario, view } = scene;
  const { problem } = scenario;
  const lr = scenario.optimizer.lr;
  const n = problem.n;
  const id = root.id || 'sgd';
  let w = scenario.w0, batch = scenario.optimizer.batch, seed = scenario.seed;
  let parts, outside, draws, full, batchSteps, measured, standardError, law, gd, sgd, shown = scenario.steps;
  const out = (p) => p[0] < view.x[0] || p[0] > view.x[1] || p[1] < view.y[0] || p[1] > view.y[1];
  const contours = problemContours(core, problem, view);
  const shell = figureShell(root);

  // What depends on w alone: the per-example steps and the GD path. Moving
  // the batch slider or the seed keeps them.
  function computeAtPoint() {
    byBatch.clear();
    const g = core.partGradients(problem, w);
    parts = Array.from({ length: n }, (_, i) => [w[0] - lr * g[2 * i], w[1] - lr * g[2 * i + 1]]);
    outside = parts.filter(out).length;
    gd = core.trace({ problem, w0: w, steps: scenario.steps, optimizer: { kind: 'gd', lr } });
  }

  // What the batch size and the seed change: the mini-batch steps, the
  // gradient noise and the SGD path.
  // A thumb on the batch slider goes back and forth over the same values;
  // what each (B, seed) gave at this w is kept (at most n batch sizes per
  // seed, forgotten when w moves), the very numbers the core gave.
  const byBatch = new Map();
  function computeBatches() {
    const key = `${batch} ${seed}`;
    const kept = byBatch.get(key);
    if (kept) {
      ({ batchSteps, draws, full, law, measured, standardError, sgd } = kept);
      return;
    }
    if (byBatch.size >= 4 * n) byBatch.clear();
    // Mini-batch steps: `rings` one-step SGD runs of the core, each with its
    // own derived seed.
    const ends = core.finalPositions({ problem, optimizer: { kind: 'sgd', lr, batch }, w0: w, steps: 1, seed }, scene.rings).w;
    batchSteps = Array.from({ length: scene.rings }, (_, d) => [ends[2 * d], ends[2 * d + 1]]);
    // The full gradient (the mean of the parts'), the law σ²/B · (n − B)/(n − 1)
    // and the variance that `draws` such runs' gradients g_B measure (the
    // rings are the first of them), with its standard error: how far from
    // the law the measurement may fairly land.
    // Large batches of a large n (a link may ask for n = 200) take fewer
    // draws: at most drawExamples examples in all, never fewer than the rings.
    draws = Math.max(scene.rings, Math.min(scene.draws, Math.floor(scene.drawExamples / batch)));
    ({ mean: full, law, measured, standardError } = core.batchNoise({ problem, w, batch, seed, draws }));
    sgd = core.trace({ problem, w0: w, steps: scenario.steps, seed, optimizer: { kind: 'sgd', lr, batch } });
    byBatch.set(key, { batchSteps, draws, full, law, measured, standardError, sgd });
  }

  const stepCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const pathCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const { caption } = shell;
  const steps = shell.canvas(stepCanvas, drawSteps, { aspect: 1, maxHeight: 460 });
  const paths = shell.canvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const batchSlider = linearSlider({
    id: `${id}-batch`, label: s.batchLabel, lo: 1, hi: n, step: 1, value: batch,
    format: (b) => `B = ${b}`, onInput: (b) => { batch = b; rerun(false); },
  });
  const seeds = seedControl({ id: `${id}-seed`, strings: t, value: seed, onChange: (x) => { seed = x; rerun(false); } });
  startPointControl(stepCanvas, { view, size: steps.size, get: () => w, onMove: (p) => { w = p; rerun(); } });

  // Play animates the two paths on the right, step by step.
  const controls = player({ strings: t, onFrame: (k) => { shown = k; paths.redraw(); }, last: () => scenario.steps, fps: 20 });
  shell.hold(controls.dispose);

  function rerun(moved = true) {
    if (moved) computeAtPoint();
    computeBatches();
    update();
    controls.showAll();
    changed();
  }

  function update() {
    steps.redraw();
    paths.redraw();
    setRich(caption, s.caption({ w, n, batch, draws, rings: scene.rings, measured, standardError, law, lr, outside }));
    stepCanvas.setAttribute('aria-label', plainText(caption));
    pathCanvas.setAttribute('aria-label', plainText(caption));
    root.dataset.variance = String(measured);
    root.dataset.varianceError = String(standardError);
    root.dataset.law = String(law);
    root.dataset.outside = String(outside);
  }

  shell.fill({
    title: s.title,
    text: s.text,
    toolbars: [[batchSlider.element, seeds.element], [controls.element]],
    legend: [
      { ...methodLegend('sgd', s.names.parts), marker: 'dot' },
      { label: s.names.full, color: cssColors.ink },
      { ...methodLegend('sgd', s.names.batches), marker: 'ring' },
      methodLegend('gd', s.names.gd),
    ],
    plots: [el('div', { class: 'pair' }, [stepCanvas, pathCanvas])],
    notes: [hint(touchFirst() ? t.touch.sgdDrag : s.dragHint)],
  });
  computeAtPoint();
  computeBatches();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function drawSteps(ctx, width, height) {
    const colors = theme(root);
    drawPathView(ctx, width, height, { colors, view, contours, paths: [], start: null });
    const { area, x, y } = viewScales(view, width, height);
    ctx.save();
    clipTo(ctx, area);
    const dot = (p, r, fill, stroke) => {
      ctx.beginPath();
      ctx.arc(x(p[0]), y(p[1]), r, 0, 2 * Math.PI);
      if (fill) { ctx.fillStyle = fill; ctx.fill(); }
      if (stroke) { ctx.strokeStyle = stroke; ctx.lineWidth = 1; ctx.stroke(); }
    };
    // Many circles of one style as one path: one stroke or fill call for
    // the 200 rings instead of 200 (each call costs a rasterisation pass).
    const circles = (points, r) => {
      ctx.beginPath();
      for (const p of points) {
        ctx.moveTo(x(p[0]) + r, y(p[1]));
        ctx.arc(x(p[0]), y(p[1]), r, 0, 2 * Math.PI);
      }
    };
    circles(batchSteps, 3);
    ctx.strokeStyle = methodStyle('sgd', colors).color;
    ctx.lineWidth = 1;
    ctx.stroke();
    circles(parts, 2.5);
    ctx.fillStyle = methodStyle('sgd', colors).color;
    ctx.fill();
    // The full step: the mean of the per-example steps.
    const end = [w[0] - lr * full[0], w[1] - lr * full[1]];
    ctx.strokeStyle = colors.ink;
    ctx.fillStyle = colors.ink;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(x(w[0]), y(w[1]));
    ctx.lineTo(x(end[0]), y(end[1]));
    ctx.stroke();
    const angle = Math.atan2(y(end[1]) - y(w[1]), x(end[0]) - x(w[0]));
    ctx.beginPath();
    ctx.moveTo(x(end[0]), y(end[1]));
    ctx.lineTo(x(end[0]) - 10 * Math.cos(angle - 0.4), y(end[1]) - 10 * Math.sin(angle - 0.4));
    ctx.lineTo(x(end[0]) - 10 * Math.cos(angle + 0.4), y(end[1]) - 10 * Math.sin(angle + 0.4));
    ctx.fill();
    dot(w, 6, colors.paper, colors.ink);
    ctx.restore();
    // Steps beyond the view: a triangle on its edge, pointing to where each lies.
    const edgeMarks = (points, paint) => {
      ctx.beginPath();
      for (const p of points) {
        if (!out(p)) continue;
        const px = x(p[0]), py = y(p[1]);
        const ex = Math.min(area.x1 - 7, Math.max(area.x0 + 7, px)), ey = Math.min(area.y1 - 7, Math.max(area.y0 + 7, py));
        const angle = Math.atan2(py - ey, px - ex);
        ctx.moveTo(ex + 7 * Math.cos(angle), ey + 7 * Math.sin(angle));
        ctx.lineTo(ex + 6 * Math.cos(angle + 2.4), ey + 6 * Math.sin(angle + 2.4));
        ctx.lineTo(ex + 6 * Math.cos(angle - 2.4), ey + 6 * Math.sin(angle - 2.4));
        ctx.closePath();
      }
      paint();
    };
    edgeMarks(batchSteps, () => { ctx.strokeStyle = methodStyle('sgd', colors).color; ctx.lineWidth = 1; ctx.stroke(); });
    edgeMarks(parts, () => { ctx.fillStyle = methodStyle('sgd', colors).color; ctx.fill(); });
  }

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    drawPathView(ctx, width, height, {
      colors, view, contours, start: w,
      paths: [
        { w: sgd.w, count: Math.min(shown + 1, sgd.rows), ...methodStyle('sgd', colors), width: 1.5 },
        { w: gd.w, count: Math.min(shown + 1, gd.rows), ...methodStyle('gd', colors), width: 2.5 },
      ],
    });
  }

  return {
    state: () => ({ n, condition: problem.condition, noise: problem.noise, data_seed: problem.data_seed, lr, batch, w0: w, seed, steps: scenario.steps }),
    scenario: () => ({ problem, optimizer: { kind: 'sgd', lr, batch }, w0: w, steps: scenario.steps, seed }),
    table: () => traceTable([{ name: 'gd', trace: gd }, { name: 'sgd', trace: sgd }]),
    dispose: shell.dispose,
  };
}
