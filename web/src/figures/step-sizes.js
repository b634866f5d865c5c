// Figure 1: gradient descent on the 1D quadratic f(w) = a/2 · w².
// Four fixed panels show the regimes; an interactive panel (γ on a log
// slider, the iterates on the parabola, f(w_k) on a log axis) is linked to a
// sweep of f after a few steps against γ, where the current γ can be dragged.
// The sweep also runs a bowl with a second, flatter curvature: on one
// parabola the dip at 1/a is symmetric, and the lecture's "a little larger
// than the optimum" only shows once there are several curvatures.
// Every number drawn comes from the core (core.trace, and core.valueGrid for
// the parabola), never from JS math.
import { clipTo, drawAxes, haloText, placeLabel, plotArea } from '../plot/axes.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { linearScale, logScale } from '../plot/scale.js';
import { floorNote, legend } from '../plot/series.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { methodLegend, methodStyle } from '../plot/methods.js';
import { el, holdLargest, logSlider, player } from '../controls/controls.js';
import { dragPoint } from '../controls/drag.js';

import { formatNumber } from '../i18n/en.js';
import { traceTable } from '../share/table.js';

export function stepSizesFigure(root, { core, t, scene, changed = () => {} }) {
  const s = t.stepSizes;
  const a = scene.scenario.problem.a;
  const w0 = scene.scenario.w0[0];
  const K = scene.scenario.steps;
  const [ratioLo, ratioHi] = scene.ratioRange;
  const floor = scene.lossFloor;
  const shell = figureShell(root);
  // The parabola drawn under the iterates: f from the core at 101 points
  // evenly spread over [−span, span], the same for every panel (from w0 = 0,
  // which gives no span, as from w0 = 1: the core takes no empty interval).
  const span = 1.6 * Math.abs(w0) || 1.6;
  const curveN = 101;
  const curve = core.valueGrid(scene.scenario.problem, { x: [-span, span], nx: curveN });
  const curveTop = Math.max(curve[0], curve[curveN - 1]);
  const run = (ratio, steps = K) => core.trace({ ...scene.scenario, optimizer: { kind: 'gd', lr: ratio / a }, steps });

  // --- the static part: text and four regime panels -----------------------
  const panels = scene.panels.map((ratio) => {
    const trace = run(ratio, scene.panelSteps);
    const canvas = el('canvas', { class: 'panel-canvas', role: 'img' });
    const label = el('figcaption', { text: `$${s.gammaOverA(ratio)}$ — ${s.regime[trace.regime]}` });
    canvas.setAttribute('aria-label', plainText(label));
    const figure = el('figure', { class: 'panel' }, [canvas, label]);
    const painter = shell.canvas(canvas, (ctx, width, height) => drawParabola(ctx, width, height, trace, trace.rows, true), {
      aspect: 0.75,
      minHeight: 200, // a plot, not a thumbnail, on a phone too
      maxHeight: 200,
    });
    return { figure, painter };
  });

  // --- the interactive part ------------------------------------------------
  let ratio = scene.ratio;
  let trace = run(ratio);
  let shown = trace.rows - 1;

  const parabolaCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const lossCanvas = el('canvas', { class: 'main-canvas', role: 'img' });
  const sweepHint = touchFirst() ? t.touch.sweep : s.sweepHint;
  const sweepCanvas = el('canvas', { class: 'sweep-canvas', role: 'img' });
  const regimeBadge = el('p', { class: 'regime-badge' });
  holdLargest(regimeBadge, Object.values(s.regime)); // the slider beside it keeps its width
  const { caption } = shell;

  const parabola = shell.canvas(parabolaCanvas, (ctx, w, h) => drawParabola(ctx, w, h, trace, shown + 1, false));
  const loss = shell.canvas(lossCanvas, drawLoss);

  // The sweep depends only on the scene: computed once, from the core. It
  // counts fewer steps than the run (sweepSteps): after 20 steps every γ
  // from 0.6/a to 1.4/a is below 10⁻¹⁶ and the dip at 1/a is a flat floor;
  // after 5 only γ = 1/a itself reaches it (the log grid holds 1/a exactly).
  const sweepK = Math.min(scene.sweepSteps ?? K, K);
  const sweepRatios = core.logspace(ratioLo, ratioHi, scene.sweepPoints);
  const lrs = sweepRatios.map((r) => r / a);
  const swept = core.lossSweep({ ...scene.scenario, steps: sweepK }, lrs);
  const sweep = Array.from(sweepRatios, (r, i) => ({ ratio: r, loss: swept.loss[i] }));
  // The bowl diag(c·a, a) from (w0, w0): the same steepest curvature a, and
  // a flatter one c·a that 1/a undershoots.
  const flat = scene.flatterCurvature * a;
  const bowl = { kind: 'quadratic', A: [[flat, 0], [0, a]] };
  const bowlSwept = core.lossSweep({ problem: bowl, optimizer: { kind: 'gd', lr: 1 / a }, w0: [w0, w0], steps: sweepK }, lrs);
  const bowlSweep = Array.from(sweepRatios, (r, i) => ({ ratio: r, loss: bowlSwept.loss[i] }));
  const bowlLowest = bowlSweep.reduce((best, p) => (p.loss < best.loss ? p : best));
  const sweepTop = Math.max(...sweep.map((p) => p.loss), ...bowlSweep.map((p) => p.loss)) * 100;
  // From w0 = 0 every run stays at the minimum: no lowest point to name.
  const hasLowest = bowlLowest.loss > 0;
  sweepCanvas.setAttribute('aria-label', hasLowest ? s.sweepLabel({ steps: sweepK, c: scene.flatterCurvature, lowest: bowlLowest.ratio }) : sweepHint);
  const sweepPainter = shell.canvas(sweepCanvas, drawSweep, { aspect: 0.5, minHeight: 260, maxHeight: 320 });

  const slider = logSlider({
    id: `${root.id || 'step-sizes'}-gamma`,
    label: s.gammaLabel,
    lo: ratioLo,
    hi: ratioHi,
    value: ratio,
    positions: scene.sliderPositions,
    snaps: [1, 2],
    format: (r) => s.gammaOverA(r),
    onInput: (r) => setRatio(r, false),
  });
  const controls = player({ strings: t, onFrame: (k) => { shown = k; redrawRun(); }, last: () => trace.rows - 1 });
  shell.hold(controls.dispose);

  function setRatio(r, fromSweep) {
    ratio = r;
    trace = run(ratio);
    if (fromSweep) slider.set(r);
    controls.showAll();
    sweepPainter.redraw();
    changed();
  }

  function redrawRun() {
    parabola.redraw();
    loss.redraw();
    const k = Math.min(shown, trace.rows - 1);
    if (regimeBadge.dataset.regime !== trace.regime) { // rewriting it unchanged costs a layout
      regimeBadge.textContent = s.regime[trace.regime];
      regimeBadge.dataset.regime = trace.regime;
    }
    setRich(caption, s.caption({ gamma: ratio / a, ratio, regime: trace.regime, k, loss: trace.loss[k], divergedAt: trace.divergedAt }));
    parabolaCanvas.setAttribute('aria-label', plainText(caption));
    lossCanvas.setAttribute('aria-label', `${s.lossAxisF}: ${plainText(caption)}`);
    root.dataset.regime = trace.regime;
  }

  // Dragging the current γ along the sweep.
  const ratioAt = (event) => {
    const { width, height } = sweepPainter.size();
    const area = plotArea(width, height);
    const x = logScale([ratioLo, ratioHi], [area.x0, area.x1]);
    const rect = sweepCanvas.getBoundingClientRect();
    return Math.min(ratioHi, Math.max(ratioLo, x.invert(event.clientX - rect.left)));
  };
  dragPoint(sweepCanvas, (e) => setRatio(ratioAt(e), true));

  // The first screen holds the live run: the first paragraph, a line of
  // instruction, the slider and the run; the regimes' panels, the sweep and
  // the prose that explains them follow its caption.
  const [lead, ...rest] = s.text;
  shell.fill({
    title: s.title,
    text: [lead],
    before: [hint(t.lead.stepSizes, 'instruction')],
    toolbars: [[slider.element, controls.element, regimeBadge]],
    plots: [el('div', { class: 'pair' }, [parabolaCanvas, lossCanvas])],
    after: [
      el('div', { class: 'panels', role: 'group', 'aria-label': s.panelsLabel }, panels.map((p) => p.figure)),
      ...rest,
      legend([
        methodLegend('gd', s.sweepOne),
        { ...methodLegend('gd', s.sweepBowl(scene.flatterCurvature)), dash: [6, 4] },
      ]),
      sweepCanvas,
      hint(sweepHint),
    ],
  });
  redrawRun();
  for (const p of panels) p.painter.redraw();
  parabola.redraw();
  loss.redraw();
  sweepPainter.redraw();
  root.dataset.ready = 'true';

  // --- drawing -------------------------------------------------------------
  function drawParabola(ctx, width, height, tr, count, small) {
    const colors = theme(root);
    const area = plotArea(width, height, small ? { top: 6, right: 6, bottom: 20, left: 8 } : undefined);
    const x = linearScale([-span, span], [area.x0, area.x1]);
    const y = linearScale([0, curveTop * 1.05], [area.y1, area.y0]);
    if (small) {
      ctx.strokeStyle = colors.muted;
      ctx.strokeRect(area.x0 + 0.5, area.y0 + 0.5, area.x1 - area.x0, area.y1 - area.y0);
    } else {
      drawAxes(ctx, area, x, y, colors, { xLabel: s.parabolaAxisW, yLabel: s.parabolaAxisF });
    }
    ctx.save();
    clipTo(ctx, area);
    ctx.strokeStyle = colors.muted;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < curveN; i++) {
      const w = -span + (2 * span * i) / (curveN - 1);
      i ? ctx.lineTo(x(w), y(curve[i])) : ctx.moveTo(x(w), y(curve[i]));
    }
    ctx.stroke();
    // The zig-zag: from (w_k, f(w_k)) to (w_{k+1}, f(w_{k+1})).
    ctx.strokeStyle = methodStyle('gd', colors).color;
    ctx.fillStyle = methodStyle('gd', colors).color;
    ctx.lineWidth = small ? 1.5 : 2;
    ctx.beginPath();
    for (let k = 0; k < count; k++) {
      const px = x(tr.w[k]), py = y(tr.loss[k]);
      k ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
    }
    ctx.stroke();
    // The iterates as dots, one fill for all; the last one larger.
    ctx.beginPath();
    for (let k = 0; k < count; k++) {
      const r = k === count - 1 ? (small ? 3 : 5) : small ? 2 : 3;
      ctx.moveTo(x(tr.w[k]) + r, y(tr.loss[k]));
      ctx.arc(x(tr.w[k]), y(tr.loss[k]), r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.restore();
    if (small) {
      ctx.fillStyle = colors.ink;
      ctx.font = colors.font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText('w*', x(0), area.y1 + 3);
    }
  }

  function drawLoss(ctx, width, height) {
    const colors = theme(root);
    const area = plotArea(width, height);
    const top = Math.max(10, ...Array.from(trace.loss)) * 10;
    const x = linearScale([0, K], [area.x0, area.x1]);
    const y = logScale([floor, top], [area.y1, area.y0]);
    drawAxes(ctx, area, x, y, colors, { xLabel: s.lossAxisK, yLabel: s.lossAxisF });
    ctx.save();
    clipTo(ctx, area);
    ctx.strokeStyle = methodStyle('gd', colors).color;
    ctx.fillStyle = methodStyle('gd', colors).color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    const count = Math.min(shown + 1, trace.rows);
    for (let k = 0; k < count; k++) {
      const py = y(Math.max(floor, trace.loss[k]));
      k ? ctx.lineTo(x(k), py) : ctx.moveTo(x(k), py);
    }
    ctx.stroke();
    if (count) {
      ctx.beginPath();
      ctx.arc(x(count - 1), y(Math.max(floor, trace.loss[count - 1])), 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    if (trace.loss.subarray(0, count).some((f) => f <= floor)) floorNote(ctx, area, colors, t.atFloor(formatNumber(floor)));
    if (trace.divergedAt !== null) {
      ctx.fillStyle = colors.danger;
      ctx.font = `bold ${colors.font}`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'top';
      ctx.fillText(`${s.diverged} (k = ${trace.divergedAt})`, area.x1 - 6, area.y0 + 6);
    }
  }

  function drawSweep(ctx, width, height) {
    const colors = theme(root);
    const area = plotArea(width, height);
    const x = logScale([ratioLo, ratioHi], [area.x0, area.x1]);
    const y = logScale([floor, sweepTop], [area.y1, area.y0]);
    drawAxes(ctx, area, x, y, colors, { xLabel: s.sweepAxisGamma, yLabel: s.sweepAxisLoss(sweepK), xTickValues: [] });
    // Ticks in units of 1/a, with 1/a and 2/a marked.
    ctx.save();
    ctx.font = colors.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const r of [0.01, 0.1, 1, 2, 4].filter((v) => v >= ratioLo && v <= ratioHi)) {
      const px = Math.round(x(r)) + 0.5;
      const marked = r === 1 || r === 2;
      ctx.strokeStyle = marked ? colors.ink : colors.grid;
      ctx.setLineDash(marked ? [4, 3] : []);
      ctx.beginPath();
      ctx.moveTo(px, area.y0);
      ctx.lineTo(px, area.y1);
      ctx.stroke();
      ctx.fillStyle = marked ? colors.ink : colors.muted;
      ctx.fillText(r === 1 ? s.oneOverA : r === 2 ? s.twoOverA : `${r}/a`, px, area.y1 + 4);
    }
    ctx.setLineDash([]);
    clipTo(ctx, area);
    const line = (points, color, dash) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      points.forEach((p, i) => {
        const px = x(p.ratio), py = y(Math.max(floor, p.loss));
        i ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
      });
      ctx.stroke();
    };
    line(bowlSweep, methodStyle('gd', colors).color, [6, 4]);
    line(sweep, methodStyle('gd', colors).color, []);
    ctx.setLineDash([]);
    ctx.restore();
    // The current γ, a handle to drag: whole even at the ends of the sweep,
    // at f after the sweep's steps.
    const current = trace.loss[Math.min(sweepK, trace.rows - 1)];
    const handle = { x: x(ratio), y: y(Math.min(sweepTop, Math.max(floor, current))), r: 9 };
    // The bowl's lowest point: above 1/a, labelled on the side the handle is not.
    if (hasLowest) {
      const lx = x(bowlLowest.ratio), ly = y(Math.max(floor, bowlLowest.loss));
      ctx.fillStyle = methodStyle('gd', colors).color;
      ctx.beginPath();
      ctx.arc(lx, ly, 4, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = colors.ink;
      ctx.font = colors.font;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      const lowest = s.sweepLowest(bowlLowest.ratio);
      const box = placeLabel({ px: lx, py: ly, width: ctx.measureText(lowest).width, height: 14, area, avoid: [handle] });
      haloText(ctx, lowest, box.x, box.y, colors.paper);
    }
    // Bottom left: the sweep's floor is reached at 1/a, on the right, where the note would sit on the dip.
    if (sweep.some((p) => p.loss <= floor)) floorNote(ctx, area, colors, t.atFloor(formatNumber(floor)), 'left');
    ctx.fillStyle = methodStyle('gd', colors).color;
    ctx.strokeStyle = colors.paper;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(handle.x, handle.y, 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  return {
    setRatio: (r) => setRatio(r, true),
    state: () => ({ a, lr: ratio / a, w0, steps: K }),
    scenario: () => ({ ...scene.scenario, optimizer: { kind: 'gd', lr: ratio / a } }),
    table: () => traceTable([{ name: 'gd', trace }]),
    dispose: shell.dispose,
  };
}
