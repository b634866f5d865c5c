// Figure 4: gradient descent, momentum and Nesterov on the bowl
// f(w) = ½ wᵀ diag(1, 5) w, with γ and β shared with the (γ, β) map
// (figure 6). The heavy-ball form can be drawn over the momentum path to
// show that the two forms are one method.
import { settledBelow } from './settle.js';
import { texNumber, typeset, typesetAfterFrame } from '../math/typeset.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { drawPathView, problemContours, startPointControl } from '../plot/path-view.js';
import { drawLogPlot, legend } from '../plot/series.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { el, logSlider, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { formatNumber } from '../i18n/en.js';
import { paragraphs } from '../i18n/index.js';

import { traceTable } from '../share/table.js';

export function momentumFigure(root, { core, t, scene, shared, changed = () => {} }) {
  const s = t.momentum;
  const { scenario, view } = scene;
  const K = scenario.steps;
  const floor = scene.lossFloor;
  const id = root.id || 'momentum';
  let showHeavyBall = false;
  // Gradient descent at momentum's γ (the lecture's comparison: what β adds),
  // or at its own best step 2/(μ + L) (the acceleration of figure 6: the best
  // GD against the best momentum).
  let gdAtBest = scene.gd === 'best';
  // The bowl is fixed for the figure's life: its best step is asked once.
  const bestGdLr = core.optimalGradientDescent([scenario.problem.A[0][0], scenario.problem.A[1][1]]).lr;
  const gdLr = (lr) => (gdAtBest ? bestGdLr : lr);
  let runs;
  let shown = K;
  const shell = figureShell(root);

  const drawContours = problemContours(core, scenario.problem, view);

  const methods = ['gd', 'momentum', 'nesterov'].map((key) => ({ key }));

  // The heavy-ball run is the momentum run in its other form: it is traced
  // only when the overlay or the table asks for it, not on every input.
  let heavyBallRun;
  function compute() {
    const { lr, beta, w0 } = shared.get();
    const run = (kind) => core.trace({ ...scenario, w0, optimizer: kind === 'gd' ? { kind, lr: gdLr(lr) } : { kind, lr, beta } });
    runs = Object.fromEntries(['gd', 'momentum', 'nesterov'].map((k) => [k, run(k)]));
    heavyBallRun = () => (runs.heavy_ball ??= run('heavy_ball'));
  }

  const pathCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const lossCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const { caption } = shell;
  const equations = el('div', { class: 'equations' });
  const paths = shell.canvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const losses = shell.canvas(lossCanvas, drawLosses, { aspect: 1, maxHeight: 460 });

  const lrSlider = logSlider({
    id: `${id}-lr`, label: s.lrLabel, lo: scene.lrRange[0], hi: scene.lrRange[1], positions: scene.lrPositions,
    value: shared.get().lr, format: (x) => `γ = ${formatNumber(x)}`, onInput: (lr) => shared.set({ lr }, 'momentum'),
  });
  const betaSlider = linearSlider({
    id: `${id}-beta`, label: s.betaLabel, lo: scene.betaRange[0], hi: scene.betaRange[1], step: 0.01,
    value: shared.get().beta, format: (x) => `β = ${x.toFixed(2)}`, onInput: (beta) => shared.set({ beta }, 'momentum'),
  });
  const heavyBall = el('input', { type: 'checkbox', id: `${id}-hb` });
  // The legend names every drawn series: the heavy-ball overlay while it is on.
  const legendSlot = el('div');
  const showLegend = () => legendSlot.replaceChildren(legend([
    ...methods.map((m) => methodLegend(m.key, s.names[m.key])),
    ...(showHeavyBall ? [methodLegend('heavy_ball', s.names.heavy_ball)] : []),
  ]));
  showLegend();
  heavyBall.addEventListener('change', () => {
    showHeavyBall = heavyBall.checked;
    showLegend();
    paths.redraw();
  });
  const gdBest = el('input', { type: 'checkbox', id: `${id}-gd` });
  gdBest.checked = gdAtBest;
  gdBest.addEventListener('change', () => {
    gdAtBest = gdBest.checked;
    compute();
    update();
    changed();
  });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; update(); }, last: () => K });
  shell.hold(controls.dispose);

  // The lecture's update rules with the live γ and β (g_k = ∇f(w_k)). KaTeX
  // takes ~10 ms for the four rules, too slow for every frame of a drag, so
  // while a slider moves only the numbers inside the typeset rules change,
  // and the rules are typeset afresh (MathML for screen readers included)
  // once the values rest. Even the numbers cost ~2 ms of a frame (the rules
  // are laid out and painted again), so during a drag they follow at most
  // ten times a second, and the last value always lands; the slider's own
  // label and the plots follow every frame. A narrow screen wraps a
  // two-equation rule between its equations (each is a brace group, which
  // KaTeX does not break), and the heavy-ball rule before its β term, never
  // inside a bracket.
  let typesetFor = '';
  let typesetTimer = 0;
  shell.hold(() => clearTimeout(typesetTimer));
  function typesetRules(lr, beta) {
    typesetFor = `${lr}:${beta}:${gdAtBest}`;
    const g = `\\htmlClass{optlab-lr}{${texNumber(formatNumber(lr))}}`, b = `\\htmlClass{optlab-beta}{${beta.toFixed(2)}}`;
    const gGd = `\\htmlClass{optlab-gd-lr}{${texNumber(formatNumber(gdLr(lr)))}}`;
    const rules = [
      [s.names.gd, `w_{k+1} = w_k - ${gGd}\\,g_k`],
      [s.names.momentum, `{p_{k+1} = ${b}\\,p_k + g_k},\\quad\\allowbreak {w_{k+1} = w_k - ${g}\\,p_{k+1}}`],
      [s.names.heavy_ball, `w_{k+1} = w_k - ${g}\\,g_k + {${b}\\,(w_k - w_{k-1})}`],
      [s.names.nesterov, `{p_{k+1} = ${b}\\,p_k + g_k},\\quad\\allowbreak {w_{k+1} = w_k - ${g}\\,(g_k + ${b}\\,p_{k+1})}`],
    ];
    equations.replaceChildren(...rules.map(([name, tex]) => {
      const math = el('span', { class: 'equation' });
      typeset(math, tex);
      return el('div', { class: 'rule' }, [el('span', { class: 'rule-name', text: name }), math]);
    }));
  }
  // The first typesetting (KaTeX's cold start and fonts, ~100 ms) waits
  // until the figure's first frame is on screen.
  let firstTypeset = false;
  let disposed = false;
  shell.hold(() => { disposed = true; });
  let numbersAt = -Infinity;
  let numbersTimer = 0;
  shell.hold(() => clearTimeout(numbersTimer));
  function showRules(lr, beta) {
    if (`${lr}:${beta}:${gdAtBest}` === typesetFor) return;
    if (!typesetFor) {
      if (!firstTypeset) {
        firstTypeset = true;
        typesetAfterFrame(() => {
          if (disposed) return; // taken off the page before its first frame
          const now = shared.get();
          typesetRules(now.lr, now.beta);
        });
      }
      return;
    }
    const wait = numbersAt + 100 - performance.now();
    clearTimeout(numbersTimer);
    if (wait > 0) {
      numbersTimer = setTimeout(() => {
        const now = shared.get();
        showRules(now.lr, now.beta);
      }, wait);
      return;
    }
    numbersAt = performance.now();
    // Only the number that moved is rewritten (γ's slider leaves β's alone).
    const lrText = formatNumber(lr), betaText = beta.toFixed(2), gdText = formatNumber(gdLr(lr));
    for (const n of equations.querySelectorAll('.optlab-lr > .mord')) if (n.textContent !== lrText) n.textContent = lrText;
    for (const n of equations.querySelectorAll('.optlab-gd-lr > .mord')) if (n.textContent !== gdText) n.textContent = gdText;
    for (const n of equations.querySelectorAll('.optlab-beta > .mord')) if (n.textContent !== betaText) n.textContent = betaText;
    clearTimeout(typesetTimer);
    typesetTimer = setTimeout(() => {
      const now = shared.get();
      typesetRules(now.lr, now.beta);
    }, 300);
  }

  function update() {
    paths.redraw();
    losses.redraw();
    const { lr, beta } = shared.get();
    showRules(lr, beta);
    const reach = (tr) => {
      if (tr.divergedAt !== null) return { diverged: tr.divergedAt };
      // A rate above 1 diverges, however slowly the loss has grown by step K.
      if (tr.rate !== null && tr.rate > 1) {
        const above = tr.loss.findIndex((f) => f > tr.loss[0]);
        return { growing: tr.rate, above: above < 0 ? null : above };
      }
      const goal = scene.target * tr.loss[0];
      const k = settledBelow(tr.loss, goal);
      return k < 0 ? { never: true } : { step: k };
    };
    setRich(caption, s.caption({
      lr, beta, K, target: scene.target, gdLr: gdAtBest ? gdLr(lr) : null,
      gd: reach(runs.gd), momentum: reach(runs.momentum), nesterov: reach(runs.nesterov),
    }));
    pathCanvas.setAttribute('aria-label', plainText(caption));
    lossCanvas.setAttribute('aria-label', plainText(caption));
  }

  // Dragging (or arrow keys on the focused plot) moves the start point.
  startPointControl(pathCanvas, { view, size: paths.size, get: () => shared.get().w0, onMove: (w0) => shared.set({ w0 }, 'momentum') });

  shell.hold(shared.subscribe((state, source) => {
    if (source !== 'momentum') {
      lrSlider.set(state.lr);
      betaSlider.set(state.beta);
    }
    compute();
    controls.showAll();
    changed();
  }));

  const names = s.names;
  shell.fill({
    title: s.title,
    text: paragraphs(s.text, { A: scenario.problem.A }),
    toolbars: [
      [lrSlider.element, betaSlider.element],
      [
        controls.element,
        el('label', { class: 'check', for: `${id}-hb` }, [heavyBall, el('span', { text: s.heavyBallToggle })]),
        el('label', { class: 'check', for: `${id}-gd` }, [gdBest, el('span', { text: s.gdBestToggle })]),
      ],
    ],
    legend: legendSlot,
    plots: [el('div', { class: 'pair' }, [pathCanvas, lossCanvas])],
    notes: [hint(touchFirst() ? t.touch.momentumDrag : s.dragHint), equations],
  });
  compute();
  update(); // queues the first pictures
  root.dataset.ready = 'true';

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    const count = (tr) => Math.min(shown + 1, tr.rows);
    const drawn = methods.map((m) => ({ w: runs[m.key].w, count: count(runs[m.key]), ...methodStyle(m.key, colors) }));
    if (showHeavyBall) {
      const hb = heavyBallRun();
      drawn.push({ w: hb.w, count: count(hb), ...methodStyle('heavy_ball', colors), width: 1.5, dots: false });
    }
    drawPathView(ctx, width, height, { colors, view, contours: drawContours, paths: drawn, start: shared.get().w0 });
  }

  function drawLosses(ctx, width, height) {
    const colors = theme(root);
    drawLogPlot(ctx, width, height, {
      colors, K, floor, xLabel: s.stepAxis, yLabel: 'f(wₖ)',
      // The caption's target: every run starts at the same w₀.
      guide: { value: scene.target * runs.gd.loss[0], label: `${formatNumber(scene.target)} · f(w₀)` },
      floorLabel: t.atFloor(formatNumber(floor)),
      series: methods.map((m) => ({
        y: runs[m.key].loss, count: Math.min(shown + 1, runs[m.key].rows), ...methodStyle(m.key, colors), divergedAt: runs[m.key].divergedAt,
      })),
    });
  }

  return {
    state: () => ({
      curvature: [scenario.problem.A[0][0], scenario.problem.A[1][1]], lr: shared.get().lr, beta: shared.get().beta, w0: shared.get().w0, steps: K,
      gd: gdAtBest ? 'best' : 'same',
    }),
    scenario: () => ({ ...scenario, w0: shared.get().w0, optimizer: { kind: 'momentum', lr: shared.get().lr, beta: shared.get().beta } }),
    table: () => traceTable(['gd', 'momentum', 'nesterov', 'heavy_ball'].map((name) => ({ name, trace: name === 'heavy_ball' ? heavyBallRun() : runs[name] }))),
    dispose: shell.dispose,
  };
}
