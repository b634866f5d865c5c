// Figure 5: the effect of β. Momentum on the bowl for several β at once.
// With the lock on, each run gets γ = η(1 − β), so γ/(1 − β) stays fixed and
// moving β from 0.9 to 0.99 divides γ by 10, as the lecture advises.
import { settledBelow } from './settle.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell } from '../plot/figure-shell.js';
import { drawLogPlot, legend, relabelLegend } from '../plot/series.js';
import { cssColors, theme } from '../plot/theme.js';
import { el, logSlider, player } from '../controls/controls.js';
import { formatNumber } from '../i18n/en.js';

import { traceTable } from '../share/table.js';

export function betaEffectFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.betaEffect;
  const { scenario, betas } = scene;
  const K = scenario.steps;
  const id = root.id || 'beta-effect';
  let eta = scene.eta, locked = scene.lock !== 'off', runs, shown = K;
  // The lecture's advice (β = 0.9 or 0.99) is for hard problems: a steep
  // valley, κ = L/μ = 100, in place of the scene's bowl, shows it.
  const bowl = scenario.problem.A;
  const steepA = [[1, 0], [0, 100]];
  let steep = bowl[0][0] === steepA[0][0] && bowl[1][1] === steepA[1][1];
  const problem = () => ({ ...scenario.problem, A: steep ? steepA : bowl });
  const shell = figureShell(root);

  const lrFor = (beta) => (locked ? eta * (1 - beta) : eta);
  // Run i's shade of the five: spread over them when there are fewer runs.
  const shade = (i) => (betas.length < 2 ? 2 : Math.round((i * 4) / (betas.length - 1)));
  function compute() {
    runs = betas.map((beta) => ({ beta, lr: lrFor(beta), trace: core.trace({ ...scenario, problem: problem(), optimizer: { kind: 'momentum', lr: lrFor(beta), beta } }) }));
  }

  const canvas = el('canvas', { class: 'wide-canvas', role: 'img' });
  const { caption } = shell;
  const painter = shell.canvas(canvas, draw, { aspect: 0.5, minHeight: 220, maxHeight: 380 });
  const plain = (x) => `γ = ${formatNumber(x)}`;
  const scaled = (x) => `γ = ${formatNumber(x)}·(1 − β)`;
  const slider = logSlider({
    id: `${id}-eta`, label: s.etaLabel, lo: scene.etaRange[0], hi: scene.etaRange[1], positions: scene.etaPositions, value: eta,
    format: (x) => (locked ? scaled(x) : plain(x)), formats: [plain, scaled], onInput: (x) => { eta = x; rerun(); },
  });
  const lock = el('input', { type: 'checkbox', id: `${id}-lock` });
  lock.checked = locked;
  const steepBox = el('input', { type: 'checkbox', id: `${id}-steep` });
  steepBox.checked = steep;
  steepBox.addEventListener('change', () => {
    steep = steepBox.checked;
    rerun();
  });
  lock.addEventListener('change', () => {
    locked = lock.checked;
    slider.set(eta);
    rerun();
  });
  const legendSlot = el('div');
  const controls = player({ strings: t, onFrame: (k) => { shown = k; painter.redraw(); }, last: () => K, fps: 30 });
  shell.hold(controls.dispose);

  function rerun() {
    compute();
    update();
    controls.showAll();
    changed();
  }

  function update() {
    painter.redraw();
    // The legend's labels change with γ; its items stay (rebuilding them on
    // every input cost a style and layout pass of new elements).
    // Every run is momentum: one hue, darker as β grows (the shade of β's
    // place among the figure's β, from the lightest to the darkest).
    const series = cssColors.betas;
    const labels = runs.map((r) => `β = ${r.beta}, γ = ${formatNumber(r.lr)}`);
    if (!relabelLegend(legendSlot.firstChild, labels)) {
      legendSlot.replaceChildren(legend(labels.map((label, i) => ({ label, color: series[shade(i)] }))));
    }
    const outcome = runs.map((r) => {
      if (r.trace.divergedAt !== null) return { beta: r.beta, diverged: r.trace.divergedAt };
      const goal = scene.target * r.trace.loss[0];
      const k = settledBelow(r.trace.loss, goal);
      return { beta: r.beta, step: k < 0 ? null : k };
    });
    setRich(caption, s.caption({ locked, eta, K, target: scene.target, outcome }));
    canvas.setAttribute('aria-label', plainText(caption));
  }

  shell.fill({
    title: s.title,
    text: [...s.text, t.betaSteep.text],
    toolbars: [
      [slider.element, el('label', { class: 'check', for: `${id}-lock` }, [lock, el('span', { text: s.lockLabel })])],
      [controls.element, el('label', { class: 'check', for: `${id}-steep` }, [steepBox, el('span', { text: t.betaSteep.label })])],
    ],
    legend: legendSlot,
    plots: [canvas],
  });
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function draw(ctx, width, height) {
    const colors = theme(root);
    drawLogPlot(ctx, width, height, {
      colors, K, floor: scene.lossFloor, xLabel: t.momentum.stepAxis, yLabel: 'f(wₖ)',
      // The caption's target: every run starts at the same w₀.
      guide: { value: scene.target * runs[0].trace.loss[0], label: `${formatNumber(scene.target)} · f(w₀)` },
      floorLabel: t.atFloor(formatNumber(scene.lossFloor)),
      series: runs.map((r, i) => ({
        y: r.trace.loss, count: Math.min(shown + 1, r.trace.rows), color: colors.betas[shade(i)], divergedAt: r.trace.divergedAt,
      })),
    });
  }

  return {
    state: () => ({ curvature: [problem().A[0][0], problem().A[1][1]], lr: eta, lock: locked ? 'on' : 'off', steps: K }),
    scenario: () => ({ ...scenario, problem: problem(), optimizer: { kind: 'momentum', lr: lrFor(0.9), beta: 0.9 } }),
    table: () => traceTable(runs.map((r) => ({ name: `beta${r.beta}`, trace: r.trace }))),
    dispose: shell.dispose,
  };
}
