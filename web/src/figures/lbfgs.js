// Figure 8: full batch. L-BFGS, gradient descent and momentum from one start
// on Rosenbrock's curved valley (or on the bowl), paths and f against k.
// The legend shows each method's settings: hand-picked on Rosenbrock, each
// method's own best from theory on the bowl (the scene says which).
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, problemContours, startPointControl } from '../plot/path-view.js';
import { drawLogPlot, legend, relabelLegend } from '../plot/series.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { el, player } from '../controls/controls.js';

import { formatNumber } from '../i18n/en.js';
import { traceTable } from '../share/table.js';

export function lbfgsFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.lbfgs;
  const K = scene.steps;
  const id = root.id || 'lbfgs';
  let which = scene.show ?? 'rosenbrock';
  let setup = scene.problems[which];
  let w0 = setup.w0, shown = K, runs;
  const contourCache = {};
  const shell = figureShell(root);
  const contoursFor = (key) =>
    (contourCache[key] ??= problemContours(core, scene.problems[key].problem, scene.problems[key].view, { spread: scene.problems[key].contourSpread, n: scene.problems[key].contourGrid }));

  const methods = [
    { key: 'lbfgs', color: 1 },
    { key: 'gd', color: 2 },
    { key: 'momentum', color: 0 },
  ];
  function compute() {
    const base = { problem: setup.problem, w0, steps: K };
    runs = {
      lbfgs: core.trace({ ...base, optimizer: { kind: 'lbfgs', memory: scene.memory } }),
      gd: core.trace({ ...base, optimizer: { kind: 'gd', ...setup.gd } }),
      momentum: core.trace({ ...base, optimizer: { kind: 'momentum', ...setup.momentum } }),
    };
  }

  const pathCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const lossCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const { caption } = shell;
  const paths = shell.canvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const losses = shell.canvas(lossCanvas, drawLosses, { aspect: 1, maxHeight: 460 });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; update(); }, last: () => K, fps: 20 });
  shell.hold(controls.dispose);
  startPointControl(pathCanvas, { view: { get x() { return setup.view.x; }, get y() { return setup.view.y; } }, size: paths.size, get: () => w0, onMove: (p) => { w0 = p; rerun(); } });

  const choices = el('div', { class: 'choices', role: 'radiogroup', 'aria-label': s.problemLabel });
  for (const key of Object.keys(scene.problems)) {
    const input = el('input', { type: 'radio', name: `${id}-problem`, id: `${id}-${key}`, value: key });
    input.checked = key === which;
    input.addEventListener('change', () => {
      which = key;
      setup = scene.problems[key];
      w0 = setup.w0;
      rerun();
    });
    choices.append(el('label', { class: 'check', for: `${id}-${key}` }, [input, el('span', { text: s.problems[key] })]));
  }

  // The legend follows the problem: its settings change with it.
  const legendBox = el('div', { class: 'legend-box' });
  function relabel() {
    const best = setup.tuning === 'best';
    const labels = { lbfgs: s.legend.lbfgs(scene.memory), gd: s.legend.gd({ ...setup.gd, best }), momentum: s.legend.momentum({ ...setup.momentum, best }) };
    // In place: the methods stay, their settings change with the problem.
    if (!relabelLegend(legendBox.firstChild, methods.map((m) => labels[m.key]))) {
      legendBox.replaceChildren(legend(methods.map((m) => methodLegend(m.key, labels[m.key]))));
    }
  }

  function rerun() {
    relabel();
    compute();
    controls.showAll();
    changed();
  }

  function update() {
    paths.redraw();
    losses.redraw();
    const k = Math.min(shown, K);
    const at = (tr) => tr.loss[Math.min(k, tr.rows - 1)];
    const reach = (tr) => {
      const i = tr.loss.findIndex((f) => f <= scene.target);
      return i < 0 || i > k ? null : i;
    };
    const diverged = (tr) => (tr.divergedAt !== null && tr.divergedAt <= k ? tr.divergedAt : null);
    setRich(caption, s.caption({
      problem: s.problems[which], k, target: scene.target, memory: scene.memory, tuning: setup.tuning,
      lbfgs: { reach: reach(runs.lbfgs), f: at(runs.lbfgs), stoppedAt: runs.lbfgs.stoppedAt },
      gd: { reach: reach(runs.gd), f: at(runs.gd), diverged: diverged(runs.gd) },
      momentum: { reach: reach(runs.momentum), f: at(runs.momentum), diverged: diverged(runs.momentum) },
    }));
    pathCanvas.setAttribute('aria-label', plainText(caption));
    lossCanvas.setAttribute('aria-label', plainText(caption));
    root.dataset.problem = which;
  }

  shell.fill({
    title: s.title,
    text: s.text,
    toolbars: [[choices, controls.element]],
    legend: legendBox,
    plots: [el('div', { class: 'pair' }, [pathCanvas, lossCanvas])],
    notes: [hint(touchFirst() ? t.touch.momentumDrag : t.momentum.dragHint)],
  });
  relabel();
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    drawPathView(ctx, width, height, {
      colors, view: setup.view, contours: contoursFor(which), start: w0,
      paths: methods.map((m) => ({ w: runs[m.key].w, count: Math.min(shown + 1, runs[m.key].rows), ...methodStyle(m.key, colors) })),
    });
  }

  function drawLosses(ctx, width, height) {
    const colors = theme(root);
    drawLogPlot(ctx, width, height, {
      colors, K, floor: scene.lossFloor, xLabel: t.momentum.stepAxis, yLabel: 'f(wₖ)',
      guide: { value: scene.target, label: `f = ${formatNumber(scene.target)}` },
      floorLabel: t.atFloor(formatNumber(scene.lossFloor)),
      series: methods.map((m) => ({
        y: runs[m.key].loss, count: Math.min(shown + 1, runs[m.key].rows), ...methodStyle(m.key, colors), divergedAt: runs[m.key].divergedAt,
      })),
    });
  }

  return {
    state: () => ({ problem: which, memory: scene.memory, w0, steps: K }),
    scenario: () => ({ problem: setup.problem, optimizer: { kind: 'lbfgs', memory: scene.memory }, w0, steps: K }),
    table: () => traceTable(methods.map((m) => ({ name: m.key, trace: runs[m.key] }))),
    dispose: shell.dispose,
  };
}
