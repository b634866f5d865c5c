// Figure 7: noise smoothing. On the bowl with Gaussian gradient noise
// (σ = 1), SGD bounces around the floor; momentum with β and γ = 0.1(1 − β)
// averages the noise inside p; the running average w̄ of the SGD iterates
// smooths it after the fact. Distances to the minimum on a log axis.
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, problemContours, startPointControl } from '../plot/path-view.js';
import { drawLogPlot } from '../plot/series.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { el, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { seedControl } from '../controls/seed.js';
import { formatNumber } from '../i18n/en.js';

import { paragraphs } from '../i18n/index.js';
import { traceTable } from '../share/table.js';

export function noiseSmoothingFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.noise;
  const { scenario, view } = scene;
  const K = scenario.steps;
  const id = root.id || 'noise';
  const sgdLr = scenario.optimizer.lr;
  let seed = scenario.seed, beta = scene.beta, w0 = scenario.w0, shown = K;
  let sgd, mom, averagePath;
  const contours = problemContours(core, scenario.problem, view);
  const eigenvalues = [scenario.problem.A[0][0], scenario.problem.A[1][1]]; // the bowl is diagonal (params.js)
  const shell = figureShell(root);
  let optimum; // the bowl's minimiser, as the core reports it with each run

  const d = (w, k) => Math.hypot(w[2 * k] - optimum[0], w[2 * k + 1] - optimum[1]);
  const dist = {}; // distances to the minimum: sgd, average, momentum
  // SGD and its running average depend on w0 and the seed; β changes only
  // the momentum run, so its slider reruns only that.
  function computeSgd() {
    // With σ = 0 (a link may ask for it, to show the paths without noise)
    // SGD's gradient is the exact one, which the core calls gd.
    const optimizer = scenario.problem.noise > 0 ? scenario.optimizer : { kind: 'gd', lr: scenario.optimizer.lr };
    sgd = core.trace({ ...scenario, w0, seed, optimizer });
    optimum = sgd.optimum;
    const avg = new Float64Array(sgd.rows);
    avg[0] = d(sgd.w, 0);
    for (let k = 1; k < sgd.rows; k++) avg[k] = d(sgd.wAvg, k - 1); // w̄_k is row k − 1 of wAvg
    dist.sgd = Float64Array.from({ length: sgd.rows }, (_, k) => d(sgd.w, k));
    dist.average = avg;
    // The average path starts at w0 then follows w̄_1, w̄_2, …
    averagePath = new Float64Array(2 + sgd.wAvg.length);
    averagePath.set(w0);
    averagePath.set(sgd.wAvg, 2);
  }
  function computeMomentum() {
    mom = core.trace({ ...scenario, w0, seed, optimizer: { kind: 'momentum', lr: sgdLr * (1 - beta), beta } });
    dist.momentum = Float64Array.from({ length: mom.rows }, (_, k) => d(mom.w, k));
  }
  function compute() {
    computeSgd();
    computeMomentum();
  }

  const pathCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const distCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const { caption } = shell;
  const paths = shell.canvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const distances = shell.canvas(distCanvas, drawDistances, { aspect: 1, maxHeight: 460 });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; update(); }, last: () => K, fps: 30 });
  shell.hold(controls.dispose);
  const betaSlider = linearSlider({
    id: `${id}-beta`, label: s.betaLabel, lo: 0, hi: 0.99, step: 0.01, value: beta,
    format: (b) => `β = ${b.toFixed(2)}, γ = ${formatNumber(sgdLr * (1 - b))}`, onInput: (b) => { beta = b; rerun(computeMomentum); },
  });
  const seeds = seedControl({ id: `${id}-seed`, strings: t, value: seed, onChange: (n) => { seed = n; rerun(); } });
  startPointControl(pathCanvas, { view, size: paths.size, get: () => w0, onMove: (p) => { w0 = p; rerun(); } });

  function rerun(recompute = compute) {
    queueMicrotask(changed);
    recompute();
    controls.showAll();
  }

  // The step on screen: Play's, or the last of the shorter run.
  const shownStep = () => Math.min(shown, sgd.rows - 1, mom.rows - 1);

  function update() {
    paths.redraw();
    distances.redraw();
    const k = shownStep();
    // Over the caption's window: how far each run stays from the minimum,
    // and how long its path is (momentum's smoothing shows in the second).
    const from = Math.max(0, k - scene.tail + 1);
    const over = (run) => core.pathStats(run.w, 2, optimum, from, k);
    if (sgd.divergedAt !== null || mom.divergedAt !== null) {
      // A run that diverged has no floor to bounce about: the caption says
      // which run diverged and where; of a run that did not, how far it stays.
      const last = (run) => Math.min(shown, run.rows - 1);
      const stays = (run) => run.divergedAt === null ? core.pathStats(run.w, 2, optimum, Math.max(0, last(run) - scene.tail + 1), last(run)).distance : null;
      setRich(caption, s.divergedCaption({
        seed, lr: sgdLr, momentumLr: sgdLr * (1 - beta),
        sgdDiverged: sgd.divergedAt, momentumDiverged: mom.divergedAt, sgd: stays(sgd), momentum: stays(mom),
      }));
    } else {
      const [sgdTail, momentumTail] = [over(sgd), over(mom)];
      setRich(caption, s.caption({
        k, tail: k - from + 1, seed,
        sgd: sgdTail.distance, momentum: momentumTail.distance, average: dist.average[k],
        sgdPath: sgdTail.length, momentumPath: momentumTail.length,
      }));
    }
    pathCanvas.setAttribute('aria-label', plainText(caption));
    distCanvas.setAttribute('aria-label', plainText(caption));
  }

  shell.fill({
    title: s.title,
    // SGD's step against the bowl's steepest curvature: past 2/L it diverges, noise or not.
    text: paragraphs(s.text, { sigma: scenario.problem.noise, lr: sgdLr, diverges: core.momentumRate(eigenvalues, sgdLr, 0) >= 1 }),
    toolbars: [[betaSlider.element, seeds.element], [controls.element]],
    legend: ['sgd', 'momentum', 'average'].map((name) => methodLegend(name, s.names[name])),
    plots: [el('div', { class: 'pair' }, [pathCanvas, distCanvas])],
    notes: [hint(touchFirst() ? t.touch.momentumDrag : t.momentum.dragHint)],
  });
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    const count = (rows) => Math.min(shown + 1, rows);
    drawPathView(ctx, width, height, {
      colors, view, contours, start: w0,
      paths: [
        { w: sgd.w, count: count(sgd.rows), ...methodStyle('sgd', colors), width: 1 },
        { w: mom.w, count: count(mom.rows), ...methodStyle('momentum', colors), width: 1.5 },
        { w: averagePath, count: count(sgd.rows), ...methodStyle('average', colors), width: 2.5 },
      ],
    });
  }

  function drawDistances(ctx, width, height) {
    const colors = theme(root);
    const series = [
      { y: dist.sgd, ...methodStyle('sgd', colors), width: 1, divergedAt: sgd.divergedAt },
      { y: dist.momentum, ...methodStyle('momentum', colors), width: 1.5, divergedAt: mom.divergedAt },
      { y: dist.average, ...methodStyle('average', colors), width: 2.5 },
    ].map((x) => ({ ...x, count: Math.min(shown + 1, x.y.length) }));
    // The caption's window: the last `tail` steps up to the one shown.
    const k = shownStep();
    const from = Math.max(0, k - scene.tail + 1);
    const band = k > 0 && sgd.divergedAt === null && mom.divergedAt === null ? { from, to: k, label: s.tailLabel(k - from + 1) } : undefined;
    drawLogPlot(ctx, width, height, { colors, K, floor: scene.distanceFloor, series, xLabel: t.momentum.stepAxis, yLabel: s.distanceAxis, top: 3, band, floorLabel: t.atFloor(formatNumber(scene.distanceFloor)) });
  }

  return {
    state: () => ({ curvature: [...eigenvalues], lr: sgdLr, beta, noise: scenario.problem.noise, w0, seed, steps: K }),
    scenario: () => ({ ...scenario, w0, seed }),
    table() {
      const table = traceTable([{ name: 'sgd', trace: sgd }, { name: 'momentum', trace: mom }]);
      table.columns.push('average_w1', 'average_w2');
      table.rows.forEach((row, k) => row.push(...(k < sgd.rows ? [averagePath[2 * k], averagePath[2 * k + 1]] : ['', ''])));
      return table;
    },
    dispose: shell.dispose,
  };
}
