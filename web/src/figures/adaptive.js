// Figure 9, beyond the lecture: RMSProp and Adam beside momentum on the
// lecture's bowl, with the course notebook's noise or without. The first
// steps show the rescaling (each coordinate's step divided by the root mean
// square of its gradients), Adam's path shows momentum plus that rescaling,
// and momentum tuned for the bowl shows where the adaptive methods lose.
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, problemContours, startPointControl } from '../plot/path-view.js';
import { drawLogPlot, legend, relabelLegend } from '../plot/series.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { el, player } from '../controls/controls.js';
import { seedControl } from '../controls/seed.js';
import { formatNumber } from '../i18n/en.js';
import { traceTable } from '../share/table.js';

const METHODS = ['momentum', 'rmsprop', 'adam'];

export function adaptiveFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.adaptive;
  const { scenario, view } = scene;
  const K = scenario.steps;
  const id = root.id || 'adaptive';
  const sigma = scenario.problem.noise > 0 ? scenario.problem.noise : 1;
  let noisy = scenario.problem.noise > 0, best = scene.tuning === 'best';
  let seed = scenario.seed, w0 = scenario.w0, shown = K, runs, optimum;
  const eigenvalues = [scenario.problem.A[0][0], scenario.problem.A[1][1]]; // the bowl is diagonal (params.js)
  const [mu, L] = [Math.min(...eigenvalues), Math.max(...eigenvalues)];
  const tuned = core.optimalMomentum(mu, L); // the best (γ, β) for the bowl: the core's
  const contours = problemContours(core, scenario.problem, view);
  const shell = figureShell(root);

  const adamSettings = Object.fromEntries(Object.entries(scenario.optimizer).filter(([key]) => key !== 'kind')); // the scene's scenario runs Adam
  const settings = () => ({
    momentum: best ? { lr: tuned.lr, beta: tuned.beta } : scene.momentum,
    rmsprop: scene.rmsprop,
    adam: adamSettings,
  });
  const problem = () => ({ ...scenario.problem, noise: noisy ? sigma : 0 });
  const dist = {}; // ‖w_k − w*‖ of each run
  function compute() {
    const all = settings();
    runs = Object.fromEntries(METHODS.map((kind) => [kind, core.trace({ ...scenario, problem: problem(), w0, seed, optimizer: { kind, ...all[kind] } })]));
    optimum = runs.momentum.optimum;
    firstRatios();
    for (const kind of METHODS) {
      const tr = runs[kind];
      dist[kind] = Float64Array.from({ length: tr.rows }, (_, k) => Math.hypot(tr.w[2 * k] - optimum[0], tr.w[2 * k + 1] - optimum[1]));
    }
  }

  const pathCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const distCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const { caption } = shell;
  const paths = shell.canvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const distances = shell.canvas(distCanvas, drawDistances, { aspect: 1, maxHeight: 460 });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; update(); }, last: () => K, fps: 20 });
  shell.hold(controls.dispose);
  const checkbox = (suffix, checked, label, onChange) => {
    const input = el('input', { type: 'checkbox', id: `${id}-${suffix}` });
    input.checked = checked;
    input.addEventListener('change', () => onChange(input.checked));
    return el('label', { class: 'check', for: `${id}-${suffix}` }, [input, el('span', { text: label })]);
  };
  const noiseBox = checkbox('noise', noisy, s.noiseLabel(sigma), (on) => { noisy = on; rerun(); });
  const bestBox = checkbox('best', best, s.bestLabel, (on) => { best = on; rerun(); });
  const seeds = seedControl({ id: `${id}-seed`, strings: t, value: seed, onChange: (n) => { seed = n; rerun(); } });
  startPointControl(pathCanvas, { view, size: paths.size, get: () => w0, onMove: (p) => { w0 = p; rerun(); } });

  const legendBox = el('div', { class: 'legend-box' });
  function relabel() {
    const all = settings();
    const labels = METHODS.map((kind) => s.legend[kind]({ ...all[kind], best }));
    if (!relabelLegend(legendBox.firstChild, labels)) legendBox.replaceChildren(legend(METHODS.map((kind, i) => methodLegend(kind, labels[i]))));
  }

  function rerun() {
    queueMicrotask(changed);
    relabel();
    compute();
    controls.showAll();
  }

  // Each method's first step from w0 without noise, coordinate by
  // coordinate: |Δw₂| / |Δw₁| (null when the first coordinate does not move).
  // With noise the first step is mostly noise; the rescaling shows without.
  let ratios;
  function firstRatios() {
    const all = settings();
    ratios = Object.fromEntries(METHODS.map((kind) => {
      const tr = core.trace({ ...scenario, problem: { ...scenario.problem, noise: 0 }, w0, steps: 1, optimizer: { kind, ...all[kind] } });
      if (tr.rows < 2) return [kind, null];
      const d1 = Math.abs(tr.w[2] - tr.w[0]), d2 = Math.abs(tr.w[3] - tr.w[1]);
      return [kind, d1 > 1e-12 * (1 + Math.abs(tr.w[0])) ? d2 / d1 : null];
    }));
  }

  function update() {
    paths.redraw();
    distances.redraw();
    const k = Math.min(shown, K);
    const outcome = Object.fromEntries(METHODS.map((kind) => {
      const tr = runs[kind];
      if (tr.divergedAt !== null && tr.divergedAt <= k) return [kind, { diverged: tr.divergedAt }];
      const last = Math.min(k, tr.rows - 1);
      // Noisy runs bounce: their distance averaged over the caption's window; exact ones: where they are.
      const from = noisy ? Math.max(0, last - scene.tail + 1) : last;
      let sum = 0;
      for (let j = from; j <= last; j++) sum += dist[kind][j];
      return [kind, { distance: sum / (last - from + 1), ratio: ratios[kind] }];
    }));
    setRich(caption, s.caption({ k, noisy, sigma, seed, best, tail: Math.min(scene.tail, k + 1), outcome }));
    pathCanvas.setAttribute('aria-label', plainText(caption));
    distCanvas.setAttribute('aria-label', plainText(caption));
  }

  shell.fill({
    title: s.title,
    text: s.text,
    toolbars: [[noiseBox, bestBox, seeds.element], [controls.element]],
    legend: legendBox,
    plots: [el('div', { class: 'pair' }, [pathCanvas, distCanvas])],
    notes: [hint(touchFirst() ? t.touch.momentumDrag : t.momentum.dragHint)],
  });
  relabel();
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    drawPathView(ctx, width, height, {
      colors, view, contours, start: w0,
      // Hairlines: three noisy dashed paths of hundreds of steps are cheap to
      // draw at one pixel and took most of a frame at 1.5.
      paths: METHODS.map((kind) => ({ w: runs[kind].w, count: Math.min(shown + 1, runs[kind].rows), ...methodStyle(kind, colors), width: 1 })),
    });
  }

  function drawDistances(ctx, width, height) {
    const colors = theme(root);
    drawLogPlot(ctx, width, height, {
      colors, K, floor: scene.distanceFloor, top: 3, xLabel: t.momentum.stepAxis, yLabel: t.noise.distanceAxis,
      floorLabel: t.atFloor(formatNumber(scene.distanceFloor)),
      series: METHODS.map((kind) => ({
        y: dist[kind], count: Math.min(shown + 1, dist[kind].length), ...methodStyle(kind, colors), width: 1.5, divergedAt: runs[kind].divergedAt,
      })),
    });
  }

  return {
    state: () => ({ noise: noisy ? sigma : 0, momentum: best ? 'best' : 'course', w0, seed, steps: K }),
    scenario: () => ({ ...scenario, problem: problem(), w0, seed, optimizer: scenario.optimizer }),
    table: () => traceTable(METHODS.map((kind) => ({ name: kind, trace: runs[kind] }))),
    dispose: shell.dispose,
  };
}
