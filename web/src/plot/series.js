// Lines for several runs on shared axes, and their legend.
import { clipTo, drawAxes, haloText, plotArea } from './axes.js';
import { drawLayers } from './layers.js';
import { linearScale, logScale } from './scale.js';
import { richNodes, setRich } from '../math/inline.js';

// Points far outside the canvas (a diverging run's iterates reach 10¹⁰)
// would make a dashed stroke lay down billions of dashes: a 270 ms frame.
// Each segment is cut to a box a little larger than any canvas first
// (Liang–Barsky), which the clip region hides anyway.
const BOX = [-400, 2400];
function clipped(x0, y0, x1, y1) {
  let t0 = 0, t1 = 1;
  const dx = x1 - x0, dy = y1 - y0;
  for (const [p, q] of [[-dx, x0 - BOX[0]], [dx, BOX[1] - x0], [-dy, y0 - BOX[0]], [dy, BOX[1] - y0]]) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy, t0 > 0, t1 < 1];
}

/** A polyline through point(0) … point(count − 1) ([px, py]), each segment cut to the box. */
function tracePolyline(ctx, count, point) {
  let [px, py] = count ? point(0) : [0, 0];
  let open = false; // whether the path's pen is at (px, py)
  if (count === 1) ctx.moveTo(px, py);
  for (let i = 1; i < count; i++) {
    const [qx, qy] = point(i);
    const cut = Number.isFinite(qx) && Number.isFinite(qy) ? clipped(px, py, qx, qy) : null;
    if (cut) {
      if (!open || cut[4]) ctx.moveTo(cut[0], cut[1]);
      ctx.lineTo(cut[2], cut[3]);
      open = !cut[5];
    } else {
      open = false;
    }
    [px, py] = [qx, qy];
  }
}

/**
 * series: [{x: (i) => number, y: Float64Array | number[], count, color, dash, width}]
 * values below `floor` are drawn at the floor (log axes cannot show 0).
 */
export function drawLines(ctx, xScale, yScale, series, floor = -Infinity) {
  for (const s of series) {
    ctx.save();
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    tracePolyline(ctx, s.count, (i) => [xScale(s.x(i)), yScale(Math.max(floor, s.y[i]))]);
    ctx.stroke();
    ctx.restore();
  }
}

/** A path of 2D iterates (row-major w with 2 columns) with a dot at the end. */
export function drawPath(ctx, x, y, w, count, { color, dash = [], width = 2, dots = true }) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  tracePolyline(ctx, count, (k) => [x(w[2 * k]), y(w[2 * k + 1])]);
  ctx.stroke();
  ctx.setLineDash([]);
  if (dots && count) {
    ctx.beginPath();
    ctx.arc(x(w[2 * (count - 1)]), y(w[2 * (count - 1) + 1]), 4, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}

/**
 * A legend as HTML (readable, translatable, selectable): [{label, color,
 * dash}], dash a canvas dash pattern (or true for a plain dashed line).
 * Each swatch is a short SVG line with the plot's own dash pattern.
 */
export function legend(items) {
  const list = document.createElement('ul');
  list.className = 'legend';
  const svg = 'http://www.w3.org/2000/svg';
  for (const item of items) {
    const li = document.createElement('li');
    const swatch = document.createElementNS(svg, 'svg');
    swatch.setAttribute('class', 'swatch');
    swatch.setAttribute('viewBox', '0 0 22 6');
    swatch.setAttribute('aria-hidden', 'true');
    if (item.marker === 'dot' || item.marker === 'ring') {
      // Points drawn as dots or rings are shown as such, not as a line: two
      // kinds of marks in one colour are told apart by their shape.
      const mark = document.createElementNS(svg, 'circle');
      mark.setAttribute('cx', '11');
      mark.setAttribute('cy', '3');
      mark.setAttribute('r', item.marker === 'dot' ? '3' : '3.4');
      if (item.marker === 'dot') mark.style.fill = item.color;
      else Object.assign(mark.style, { fill: 'none', stroke: item.color, strokeWidth: '1.3' });
      swatch.append(mark);
    } else {
      const line = document.createElementNS(svg, 'line');
      line.setAttribute('x1', '0');
      line.setAttribute('y1', '3');
      line.setAttribute('x2', '22');
      line.setAttribute('y2', '3');
      line.setAttribute('stroke-width', '3');
      line.style.stroke = item.color;
      const dash = item.dash === true ? [5, 3] : item.dash || [];
      if (dash.length) line.setAttribute('stroke-dasharray', dash.join(' '));
      swatch.append(line);
    }
    const label = document.createElement('span');
    label.className = 'label';
    label.append(...richNodes(item.label));
    labelOf.set(label, item.label);
    li.append(swatch, label);
    list.append(li);
  }
  return list;
}

const labelOf = new WeakMap(); // a legend item's label span → the text it shows

/**
 * Give a legend (from legend()) new labels in place: its items stay, as
 * new elements on every input cost a style and layout pass, and a label is
 * rewritten only when it changes. False when the number of items differs.
 */
export function relabelLegend(list, labels) {
  const items = list?.children;
  if (!items || items.length !== labels.length) return false;
  labels.forEach((text, i) => {
    const label = items[i].lastElementChild;
    if (labelOf.get(label) === text) return;
    labelOf.set(label, text);
    setRich(label, text);
  });
  return true;
}

// A plot's quiet label (a level's name, a range's, the floor's): muted,
// haloed, ending at x on the baseline y.
function noteAt(ctx, colors, text, x, y, align = 'right') {
  ctx.save();
  ctx.fillStyle = colors.muted;
  ctx.font = colors.font;
  ctx.textAlign = align;
  ctx.textBaseline = 'alphabetic';
  haloText(ctx, text, x, y, colors.paper);
  ctx.restore();
}

/**
 * Says so where values below a log plot's floor are drawn on it (a log axis
 * cannot show 0; a run that reached 10⁻³⁰ would look stalled at 10⁻¹⁶):
 * `label` in the bottom right (or `side` 'left') corner, just above the floor.
 */
export function floorNote(ctx, area, colors, label, side = 'right') {
  if (side === 'left') noteAt(ctx, colors, label, area.x0 + 4, area.y1 - 5, 'left');
  else noteAt(ctx, colors, label, area.x1 - 4, area.y1 - 5);
}

/**
 * Values against step k on a log axis, several runs: the loss (or distance)
 * plot of the figures. series: [{y, count, color, dash}]; values under
 * `floor` sit on the floor. guide: {value, label}, a dashed level the
 * caption speaks of (the target); band: {from, to, label}, a shaded range of
 * steps it speaks of; floorLabel: said where a value is drawn on the floor
 * (floorNote). Returns nothing; draws axes, lines and a marker where a run
 * was stopped as diverged.
 */
export function drawLogPlot(ctx, width, height, { colors, K, floor, series, xLabel, yLabel, top, guide, band, floorLabel }) {
  const area = plotArea(width, height);
  let max = top ?? 0;
  if (top === undefined) for (const s of series) for (let i = 0; i < s.count; i++) if (s.y[i] > max) max = s.y[i];
  const x = linearScale([0, K], [area.x0, area.x1]);
  const y = logScale([floor, Math.max(max * 10, floor * 1e3)], [area.y1, area.y0]);
  drawAxes(ctx, area, x, y, colors, { xLabel, yLabel });
  ctx.save();
  clipTo(ctx, area);
  if (band) {
    // Half the grid's colour: the grid lines stay visible through it.
    ctx.fillStyle = colors.grid;
    ctx.globalAlpha = 0.5;
    ctx.fillRect(x(band.from), area.y0, x(band.to) - x(band.from), area.y1 - area.y0);
    ctx.globalAlpha = 1;
  }
  const guideY = guide && guide.value > floor ? y(guide.value) : null;
  if (guideY !== null) {
    ctx.strokeStyle = colors.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(area.x0, guideY);
    ctx.lineTo(area.x1, guideY);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // Each run's line is a layer: a slider that moves one run leaves the
  // others blitted. The scales follow from the canvas's size, K and the y range.
  const [lo, hi] = y.domain;
  drawLayers(ctx, width, height, series.map((s) => ({
    key: [s.y, s.count, s.color, String(s.dash ?? ''), s.width, floor, K, lo, hi],
    draw: (c) => drawLines(c, x, y, [{ ...s, x: (k) => k }], floor),
  })), (c) => clipTo(c, area));
  if (guideY !== null) noteAt(ctx, colors, guide.label, area.x1 - 4, guideY - 5);
  const onFloor = (s) => {
    for (let i = 0; i < s.count; i++) if (s.y[i] <= floor) return true;
    return false;
  };
  if (floorLabel && series.some(onFloor)) floorNote(ctx, area, colors, floorLabel);
  if (band) {
    // Right-aligned at the band's end, unless the band is too near the left edge for it.
    ctx.font = colors.font;
    noteAt(ctx, colors, band.label, Math.max(x(band.to) - 4, area.x0 + 4 + ctx.measureText(band.label).width), area.y0 + 14);
  }
  // A × at each run's divergent step, in the run's colour; runs that diverge
  // at about the same step get a row each, so that every × shows.
  ctx.font = `bold ${colors.font}`;
  const placed = [];
  for (const s of series)
    if (s.divergedAt !== undefined && s.divergedAt !== null) {
      const px = x(s.divergedAt) - 4;
      let row = 0;
      while (placed.some((p) => p.row === row && Math.abs(p.x - px) < 12)) row++;
      placed.push({ x: px, row });
      ctx.fillStyle = s.color;
      ctx.fillText('×', px, area.y0 + 12 + 13 * row);
    }
  ctx.restore();
}
