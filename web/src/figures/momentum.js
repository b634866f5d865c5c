// Figure 4: gradient descent, momentum and Nesterov on the bowl
// f(w) = ½ wᵀ diag(1, 5) w, with γ and β shared with the (γ, β) map
// (figure 6). The heavy-ball form can be drawn over the momentum path to
// show that the two forms are one method.
import { clipTo, drawAxes, plotArea } from '../plot/axes.js';
import { responsiveCanvas } from '../plot/canvas.js';
import { contourLines, logLevels } from '../plot/contours.js';
import { linearScale, logScale } from '../plot/scale.js';
import { drawLines, drawPath, legend } from '../plot/series.js';
import { theme } from '../plot/theme.js';
import { el, logSlider, player } from '../controls/controls.js';
import { linearSlider } from '../controls/linear-slider.js';
import { formatNumber } from '../i18n/en.js';

export function momentumFigure(root, { core, t, scene, shared }) {
  const s = t.momentum;
  const { scenario, view } = scene;
  const K = scenario.steps;
  const floor = scene.lossFloor;
  const id = root.id || 'momentum';
  let showHeavyBall = false;
  let runs;
  let shown = K;

  const grid = { nx: 121, ny: 121, x: view.x, y: view.y };
  grid.values = core.valueGrid(scenario.problem, grid);
  const maxF = Math.max(...grid.values);
  const drawContours = contourLines(grid, logLevels(maxF / 4000, maxF, 12));

  const methods = [
    { key: 'gd', color: 2 },
    { key: 'momentum', color: 0 },
    { key: 'nesterov', color: 1 },
  ];

  function compute() {
    const { lr, beta, w0 } = shared.get();
    const run = (kind) => core.trace({ ...scenario, w0, optimizer: kind === 'gd' ? { kind, lr } : { kind, lr, beta } });
    runs = Object.fromEntries(['gd', 'momentum', 'nesterov', 'heavy_ball'].map((k) => [k, run(k)]));
  }

  const pathCanvas = el('canvas', { class: 'main-canvas', tabindex: '0', role: 'img' });
  const lossCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const caption = el('p', { class: 'caption', 'aria-live': 'polite' });
  const equations = el('div', { class: 'equations' });
  const paths = responsiveCanvas(pathCanvas, drawPaths, { aspect: 1, maxHeight: 460 });
  const losses = responsiveCanvas(lossCanvas, drawLosses, { aspect: 1, maxHeight: 460 });

  const lrSlider = logSlider({
    id: `${id}-lr`, label: s.lrLabel, lo: scene.lrRange[0], hi: scene.lrRange[1], positions: scene.lrPositions,
    value: shared.get().lr, format: (x) => `γ = ${formatNumber(x)}`, onInput: (lr) => shared.set({ lr }, 'momentum'),
  });
  const betaSlider = linearSlider({
    id: `${id}-beta`, label: s.betaLabel, lo: scene.betaRange[0], hi: scene.betaRange[1], step: 0.01,
    value: shared.get().beta, format: (x) => `β = ${x.toFixed(2)}`, onInput: (beta) => shared.set({ beta }, 'momentum'),
  });
  const heavyBall = el('input', { type: 'checkbox', id: `${id}-hb` });
  heavyBall.addEventListener('change', () => {
    showHeavyBall = heavyBall.checked;
    paths.redraw();
  });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; update(); }, last: () => K });

  function update() {
    paths.redraw();
    losses.redraw();
    const { lr, beta } = shared.get();
    const g = formatNumber(lr), b = beta.toFixed(2);
    equations.replaceChildren(
      el('p', { class: 'equation', text: `${s.names.momentum}:  p ← ${b}·p + g,   w ← w − ${g}·p` }),
      el('p', { class: 'equation', text: `${s.names.heavy_ball}:  w⁺ = w − ${g}·g + ${b}·(w − w⁻)` }),
      el('p', { class: 'equation', text: `${s.names.nesterov}:  p ← ${b}·p + g,   w ← w − ${g}·(g + ${b}·p)` }),
    );
    const reach = (tr) => {
      if (tr.divergedAt !== null) return { diverged: tr.divergedAt };
      const goal = scene.target * tr.loss[0];
      const k = tr.loss.findIndex((f) => f <= goal);
      return k < 0 ? { never: true } : { step: k };
    };
    caption.textContent = s.caption({ lr, beta, K, target: scene.target, gd: reach(runs.gd), momentum: reach(runs.momentum), nesterov: reach(runs.nesterov) });
    pathCanvas.setAttribute('aria-label', caption.textContent);
    lossCanvas.setAttribute('aria-label', caption.textContent);
  }

  // Dragging (or arrow keys on the focused plot) moves the start point.
  const fromPointer = (event) => {
    const { width, height } = paths.size();
    const area = plotArea(width, height);
    const rect = pathCanvas.getBoundingClientRect();
    const x = linearScale(view.x, [area.x0, area.x1]), y = linearScale(view.y, [area.y1, area.y0]);
    const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));
    return [clamp(x.invert(event.clientX - rect.left), view.x), clamp(y.invert(event.clientY - rect.top), view.y)].map((v) => Number(v.toFixed(3)));
  };
  let dragging = false;
  pathCanvas.addEventListener('pointerdown', (e) => {
    dragging = true;
    pathCanvas.setPointerCapture(e.pointerId);
    shared.set({ w0: fromPointer(e) }, 'momentum');
  });
  pathCanvas.addEventListener('pointermove', (e) => dragging && shared.set({ w0: fromPointer(e) }, 'momentum'));
  pathCanvas.addEventListener('pointerup', () => (dragging = false));
  pathCanvas.addEventListener('keydown', (e) => {
    const d = { ArrowLeft: [-0.05, 0], ArrowRight: [0.05, 0], ArrowUp: [0, 0.05], ArrowDown: [0, -0.05] }[e.key];
    if (!d) return;
    e.preventDefault();
    const [a, b] = shared.get().w0;
    const clamp = (v, [lo, hi]) => Number(Math.min(hi, Math.max(lo, v)).toFixed(3));
    shared.set({ w0: [clamp(a + d[0], view.x), clamp(b + d[1], view.y)] }, 'momentum');
  });

  shared.subscribe((state, source) => {
    if (source !== 'momentum') {
      lrSlider.set(state.lr);
      betaSlider.set(state.beta);
    }
    compute();
    controls.showAll();
  });

  const names = s.names;
  root.replaceChildren(
    el('h2', { text: s.title }),
    ...s.text.map((p) => el('p', { text: p })),
    el('div', { class: 'toolbar' }, [lrSlider.element, betaSlider.element]),
    el('div', { class: 'toolbar' }, [
      controls.element,
      el('label', { class: 'check', for: `${id}-hb` }, [heavyBall, el('span', { text: s.heavyBallToggle })]),
    ]),
    legend([
      { label: names.gd, color: theme(root).series[2] },
      { label: names.momentum, color: theme(root).series[0] },
      { label: names.nesterov, color: theme(root).series[1] },
    ]),
    el('div', { class: 'pair' }, [pathCanvas, lossCanvas]),
    el('p', { class: 'hint', text: s.dragHint }),
    equations,
    caption,
  );
  compute();
  update();
  paths.paintNow();
  losses.paintNow();
  root.dataset.ready = 'true';

  function drawPaths(ctx, width, height) {
    const colors = theme(root);
    const area = plotArea(width, height);
    const x = linearScale(view.x, [area.x0, area.x1]);
    const y = linearScale(view.y, [area.y1, area.y0]);
    drawAxes(ctx, area, x, y, colors, { xLabel: 'w₁', yLabel: 'w₂' });
    ctx.save();
    clipTo(ctx, area);
    drawContours(ctx, x, y, colors.grid);
    const count = (tr) => Math.min(shown + 1, tr.rows);
    for (const m of methods) drawPath(ctx, x, y, runs[m.key].w, count(runs[m.key]), { color: colors.series[m.color] });
    if (showHeavyBall)
      drawPath(ctx, x, y, runs.heavy_ball.w, count(runs.heavy_ball), { color: colors.ink, dash: [2, 4], width: 1.5, dots: false });
    // The start point, to drag.
    const [a, b] = shared.get().w0;
    ctx.fillStyle = colors.paper;
    ctx.strokeStyle = colors.ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x(a), y(b), 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }

  function drawLosses(ctx, width, height) {
    const colors = theme(root);
    const area = plotArea(width, height);
    const top = Math.max(...methods.map((m) => Math.max(...runs[m.key].loss))) * 10;
    const x = linearScale([0, K], [area.x0, area.x1]);
    const y = logScale([floor, Math.max(top, 1)], [area.y1, area.y0]);
    drawAxes(ctx, area, x, y, colors, { xLabel: s.stepAxis, yLabel: 'f(wₖ)' });
    ctx.save();
    clipTo(ctx, area);
    drawLines(ctx, x, y, methods.map((m) => ({
      x: (k) => k, y: runs[m.key].loss, count: Math.min(shown + 1, runs[m.key].rows), color: colors.series[m.color],
    })), floor);
    ctx.restore();
  }

  return { dispose: () => controls.dispose() };
}
