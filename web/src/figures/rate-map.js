// Figure 6: where momentum converges. The heatmap is the linear rate
// (spectral radius from the core, core.rateMap) over γ (log) and β; the
// lines separate the regions: divergent (rate ≥ 1) and, for each eigenvalue
// λ, critical damping β = (1 − √(γλ))², between monotone convergence and
// ripples (core.momentumBoundaries; which region a point is in,
// core.momentumRegion). The point is the (γ, β) of figure 4, and can be dragged.
import { drawAxes, haloText, plotArea } from '../plot/axes.js';
import { viridisCss, viridisTable } from '../plot/colormap.js';
import { plainText, setRich } from '../math/inline.js';
import { figureShell, hint } from '../plot/figure-shell.js';
import { deepestCells } from '../plot/region-labels.js';
import { linearScale, logScale } from '../plot/scale.js';
import { theme } from '../plot/theme.js';
import { touchFirst } from '../controls/input.js';
import { el } from '../controls/controls.js';
import { dragPoint } from '../controls/drag.js';
import { formatNumber } from '../i18n/en.js';

// Divergent cells, as the colour key says.
const divergentGrey = 'rgb(150, 150, 150)';

// linked: the title of a figure that follows the map's (γ, β), for its hint.
export function rateMapFigure(root, { core, t, scene, shared, linked = false, changed = () => {} }) {
  const s = t.rateMap;
  const A = scene.scenario.problem.A;
  const eigenvalues = [A[0][0], A[1][1]].sort((p, q) => p - q); // the scene's A is diagonal
  const [mu, L] = [eigenvalues[0], eigenvalues[eigenvalues.length - 1]];
  const { nLr, nBeta } = scene.map;
  const lrRange = scene.lrRange, betaRange = scene.betaRange;
  const out = new Float64Array(nLr * nBeta);
  // The heatmap's pixels come with the map: the core colours each cell
  // (viridis by −log10(1 − rate); divergent cells as the slowest, under the
  // exact divergent region drawn below), so no per-pixel loop runs in
  // still-cold JavaScript while the page starts.
  const map = core.rateMap({ eigenvalues, lr: lrRange, beta: betaRange, nLr, nBeta, colors: viridisTable() }, out);
  const best = core.optimalMomentum(mu, L);
  // Gradient descent's best (β = 0); the caption sets it against the star's
  // rate, the acceleration momentum buys.
  const bestGd = core.optimalGradientDescent(eigenvalues);
  // Nesterov's own rate at the star: above 1 when heavy ball's best lies
  // right of Nesterov's (dotted) edge, as it does for most bowls.
  const nesterovAtBest = core.nesterovRate(eigenvalues, best.lr, best.beta);
  // The divergent region's edge and the critical-damping curves, once: like
  // the map, they depend only on A.
  const boundaries = core.momentumBoundaries({ eigenvalues, lr: lrRange, beta: betaRange });
  const labels = regionLabels();
  const shell = figureShell(root);

  // The heatmap as an image, rendered once: the map depends only on A.
  const image = document.createElement('canvas');
  image.width = nLr;
  image.height = nBeta;
  image.getContext('2d').putImageData(new ImageData(map.image, nLr, nBeta), 0, 0);

  const canvas = el('canvas', { class: 'map-canvas', tabindex: '0', role: 'img' });
  const { caption } = shell;
  const painter = shell.canvas(canvas, draw, { aspect: 0.62, minHeight: 300, maxHeight: 440 });

  function scales() {
    const { width, height } = painter.size();
    const area = plotArea(width, height);
    return { area, x: logScale(lrRange, [area.x0, area.x1]), y: linearScale(betaRange, [area.y1, area.y0]) };
  }

  function describe() {
    const { lr, beta } = shared.get();
    const rate = core.momentumRate(eigenvalues, lr, beta);
    const stepsToTarget = core.stepsToTarget(rate, scene.target);
    setRich(caption, s.caption({ lr, beta, rate, stepsToTarget, target: scene.target, best, bestGd, nesterovAtBest }));
    canvas.setAttribute('aria-label', plainText(caption));
    root.dataset.rate = String(rate);
  }

  // Drag the point; arrow keys move it too (γ by a factor, β by 0.01).
  const set = (lr, beta) => {
    const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));
    shared.set({ lr: Number(clamp(lr, lrRange).toPrecision(4)), beta: Number(clamp(beta, betaRange).toFixed(3)) }, 'map');
  };
  // (γ, β) under a pointer event, and whether it falls inside the plot.
  // A mouse drag's move reaches both the drag and the readout below; the
  // drag moves the point first (new caption), so a second reading of the
  // canvas's box would force a layout: each event is read once.
  let lastEvent = null, lastUnder = null;
  const under = (event) => {
    if (event === lastEvent) return lastUnder;
    const { area, x, y } = scales();
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    lastEvent = event;
    lastUnder = { lr: x.invert(px), beta: y.invert(py), inside: px >= area.x0 && px <= area.x1 && py >= area.y0 && py <= area.y1 };
    return lastUnder;
  };
  dragPoint(canvas, (event) => {
    const { lr, beta } = under(event);
    set(lr, beta);
  });
  canvas.addEventListener('keydown', (e) => {
    const { lr, beta } = shared.get();
    const move = { ArrowLeft: [1 / 1.05, 0], ArrowRight: [1.05, 0], ArrowUp: [1, 0.01], ArrowDown: [1, -0.01] }[e.key];
    if (!move) return;
    e.preventDefault();
    set(lr * move[0], beta + move[1]);
  });
  shell.hold(shared.subscribe(() => {
    describe();
    painter.redraw();
  }));

  // A mouse over the map reads the rate there without moving the point
  // (a finger's tap moves it, and the caption says the same).
  const touch = touchFirst();
  const pointHint = touch ? t.touch.mapPoint : s.pointHint;
  const readout = hint(pointHint, 'map-readout');
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse') return;
    const { lr, beta, inside } = under(e);
    if (!inside) {
      setRich(readout, pointHint);
      return;
    }
    const rate = core.momentumRate(eigenvalues, lr, beta);
    setRich(readout, s.pointerAt({ lr, beta, rate, region: s.regions[core.momentumRegion(eigenvalues, lr, beta)] }));
  });
  canvas.addEventListener('pointerleave', () => {
    setRich(readout, pointHint);
  });

  const bestButton = el('button', { type: 'button', text: s.goToBest });
  bestButton.addEventListener('click', () => set(best.lr, best.beta));
  // Gradient descent's best, to compare with the star in figure 4: momentum with β = 0.
  const bestGdButton = el('button', { type: 'button', text: s.goToBestGd });
  bestGdButton.addEventListener('click', () => set(bestGd.lr, 0));

  shell.fill({
    title: s.title,
    text: s.text,
    toolbars: [[bestButton, bestGdButton, el('span', { class: 'hint', text: touch ? t.touch.mapDrag(linked) : s.dragHint(linked) })]],
    plots: [canvas],
    notes: [readout, colorKey()],
  });
  describe();
  painter.redraw();
  root.dataset.ready = 'true';

  // The colour key, drawn: the core colours a cell by how many digits per
  // step it gains, s = min(3, −log10(1 − rate))/3, viridis from purple
  // (rate ≥ 0.999) to yellow (rate 0); so the rates 0.99 and 0.9 sit at
  // a third and two thirds. Grey: the divergent region. Screen readers get
  // the sentence.
  function colorKey() {
    const bar = el('span', { class: 'color-bar' });
    bar.style.backgroundImage = `linear-gradient(to right, ${viridisCss()})`;
    const ticks = [['0.999', 0], ['0.99', 1 / 3], ['0.9', 2 / 3], ['0', 1]].map(([label, at]) => {
      const tick = el('span', { text: label });
      tick.style.left = `${(100 * at).toFixed(2)}%`;
      return tick;
    });
    const grey = el('span', { class: 'color-swatch' });
    grey.style.backgroundColor = divergentGrey;
    return el('div', { class: 'color-key', role: 'img', 'aria-label': s.colorKey }, [
      el('span', { text: s.rateKey }),
      el('span', { class: 'color-scale' }, [bar, el('span', { class: 'color-ticks' }, ticks)]),
      el('span', { class: 'color-diverges' }, [grey, s.divergesKey]),
    ]);
  }

  // Where to name each region: the cell of a coarse grid deepest inside it
  // (plot/region-labels.js), kept away from the optimum's star (the
  // regions move with the bowl's curvatures). Cells are half as wide as
  // tall, so horizontal room (labels are wide) counts half.
  function regionLabels() {
    const nu = 48, nv = 18;
    const lrAt = (a) => lrRange[0] * (lrRange[1] / lrRange[0]) ** ((a + 0.5) / nu);
    const betaAt = (b) => betaRange[0] + ((b + 0.5) / nv) * (betaRange[1] - betaRange[0]);
    const lrs = Array.from({ length: nu }, (_, a) => lrAt(a));
    const betas = Array.from({ length: nv }, (_, b) => betaAt(b));
    // Every coarse cell's region in one call to the core (864 calls would
    // each pay the crossing into wasm while the page starts).
    const regions = core.momentumRegions(eigenvalues, lrs, betas);
    // The coarse cell of the star, in the plot's own coordinates.
    const starA = Math.floor(logScale(lrRange, [0, nu])(best.lr));
    const starB = Math.floor(linearScale(betaRange, [0, nv])(best.beta));
    const cells = deepestCells({
      columns: nu,
      rows: nv,
      regionAt: (a, b) => regions[b * nu + a],
      clear: (a, b) => Math.abs(a - starA) <= 2 && Math.abs(b - starB) <= 1,
    });
    const at = (name) => (cells.has(name) ? [lrAt(cells.get(name)[0]), betaAt(cells.get(name)[1])] : null);
    return { monotone: at('monotone'), ripples: at('ripples'), divergent: at('divergent') };
  }

  function draw(ctx) {
    const colors = theme(root);
    const { area, x, y } = scales();
    // Axes first: the heatmap then covers their grid lines.
    drawAxes(ctx, area, x, y, colors, { xLabel: s.lrAxis, yLabel: s.betaAxis, yTicks: 5 });
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
    ctx.clip();
    // Pixel (i, row) of the image is the grid point (lr[i], β[nBeta − 1 − row]),
    // so pixel centres sit on the grid points, smoothed in between.
    const cellX = (area.x1 - area.x0) / (nLr - 1), cellY = (area.y1 - area.y0) / (nBeta - 1);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, area.x0 - cellX / 2, area.y0 - cellY / 2, area.x1 - area.x0 + cellX, area.y1 - area.y0 + cellY);
    // The divergent region, exactly: the rate reaches 1 where the largest
    // curvature L meets γL = 2(1 + β).
    const edge = [];
    for (let k = 0; k < boundaries.edge.length; k += 2) edge.push([x(boundaries.edge[k]), y(boundaries.edge[k + 1])]);
    ctx.beginPath();
    edge.forEach(([px, py], k) => (k ? ctx.lineTo(px, py) : ctx.moveTo(px, py)));
    ctx.lineTo(area.x1 + 1, area.y0);
    ctx.lineTo(area.x1 + 1, area.y1);
    ctx.closePath();
    ctx.fillStyle = divergentGrey;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    edge.forEach(([px, py], k) => (k ? ctx.lineTo(px, py) : ctx.moveTo(px, py)));
    ctx.stroke();
    // Critical damping for each eigenvalue, up to the divergent region.
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 1.5;
    for (const curve of boundaries.damping) {
      ctx.beginPath();
      for (let k = 0; k < curve.length; k += 2) (k ? ctx.lineTo(x(curve[k]), y(curve[k + 1])) : ctx.moveTo(x(curve[k]), y(curve[k + 1])));
      ctx.stroke();
    }
    // Nesterov's edge, dotted: right of it Nesterov's form diverges.
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    for (let k = 0; k < boundaries.nesterovEdge.length; k += 2) {
      const px = x(boundaries.nesterovEdge[k]), py = y(boundaries.nesterovEdge[k + 1]);
      k ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    // Region names, white on a dark ring: readable on viridis's yellow end too.
    ctx.font = `bold ${colors.font}`;
    ctx.textAlign = 'center';
    ctx.fillStyle = '#ffffff';
    const regionAt = (px, py) => core.momentumRegion(eigenvalues, x.invert(px), y.invert(py));
    const named = []; // the regions named on the plot, for the tests
    for (const [key, at] of Object.entries(labels)) {
      if (!at) continue;
      const half = ctx.measureText(s.regions[key]).width / 2 + 2;
      const ends = [x(at[0]) - half, x(at[0]) + half];
      if (ends[0] >= area.x0 && ends[1] <= area.x1 && ends.every((px) => regionAt(px, y(at[1])) === key)) {
        haloText(ctx, s.regions[key], x(at[0]), y(at[1]), 'rgba(0, 0, 0, 0.55)');
        named.push(key);
        continue;
      }
      // Too narrow across (the divergent strip on a phone): the name stands
      // upright at the bottom, where the strip is widest, if it fits there;
      // otherwise it is left out and the colour key says it.
      const py = area.y1 - half - 4;
      let left = area.x1 - 1;
      while (left > area.x0 && regionAt(left - 2, py) === key) left -= 2;
      const px = (left + area.x1) / 2;
      const inside = [[px - 8, py - half], [px + 8, py - half], [px - 8, py + half], [px + 8, py + half]];
      if (key !== 'divergent' || py - half < area.y0 || inside.some(([qx, qy]) => qx > area.x1 || regionAt(qx, qy) !== key)) continue;
      ctx.save();
      ctx.translate(px, py);
      ctx.rotate(-Math.PI / 2);
      haloText(ctx, s.regions[key], 0, 0, 'rgba(0, 0, 0, 0.55)');
      ctx.restore();
      named.push(key);
    }
    canvas.dataset.named = named.join(' ');
    // The optimum and the current point, whole even on the frame (β = 0.99
    // and γ = 1 are the map's edges).
    ctx.restore();
    const star = (px, py) => {
      ctx.beginPath();
      for (let k = 0; k < 10; k++) {
        const r = k % 2 ? 4 : 10, a = -Math.PI / 2 + (k * Math.PI) / 5;
        k ? ctx.lineTo(px + r * Math.cos(a), py + r * Math.sin(a)) : ctx.moveTo(px + r * Math.cos(a), py + r * Math.sin(a));
      }
      ctx.closePath();
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1;
      ctx.stroke();
    };
    star(x(best.lr), y(best.beta));
    const { lr, beta } = shared.get();
    ctx.fillStyle = colors.series[0];
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(x(lr), y(beta), 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  shell.hold(shared.subscribe(() => changed()));
  return {
    state: () => ({ curvature: [A[0][0], A[1][1]], lr: shared.get().lr, beta: shared.get().beta }),
    scenario: () => ({ ...scene.scenario, w0: shared.get().w0, optimizer: { kind: 'momentum', lr: shared.get().lr, beta: shared.get().beta } }),
    table() {
      // The map itself: one row per grid cell, lr log-spaced, beta linear.
      const rows = [];
      for (let j = 0; j < nBeta; j++) for (let i = 0; i < nLr; i++) rows.push([map.lr[i], map.beta[j], map.rate[j * nLr + i]]);
      return { columns: ['lr', 'beta', 'rate'], rows };
    },
    dispose: shell.dispose,
  };
}
