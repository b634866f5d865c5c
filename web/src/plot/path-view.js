// A 2D view of iterates on the contours of f: the plot shared by the bowl
// and Rosenbrock figures. The contour grid comes from the core.
import { dragPoint } from '../controls/drag.js';
import { clipTo, drawAxes, plotArea } from './axes.js';
import { contourLines, logLevels } from './contours.js';
import { drawLayers } from './layers.js';
import { linearScale } from './scale.js';
import { drawPath } from './series.js';

// Several figures contour the same bowl over the same view: trace it once.
const cache = new Map();

/**
 * Contours of a 2D problem over view = {x: [..], y: [..]}, traced once per
 * (problem, view, options). Gradient noise does not change f, so it is not
 * part of the key.
 */
export function problemContours(core, problem, view, { levels = 12, spread = 4000, n = 81 } = {}) {
  const { noise, ...exact } = problem;
  const key = JSON.stringify([exact, view, levels, spread, n]);
  if (!cache.has(key)) cache.set(key, traceContours(core, exact, view, { levels, spread, n }));
  return cache.get(key);
}

function traceContours(core, problem, view, { levels, spread, n }) {
  const grid = { nx: n, ny: n, x: view.x, y: view.y };
  grid.values = core.valueGrid(problem, grid);
  // An index loop: this runs once per figure, as cold code, where for...of
  // over the grid's typed array allocated an iterator result per value
  // (1.3 MB of the 7.7 MB the page allocated while loading).
  const values = grid.values;
  let max = -Infinity, min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return contourLines(core, grid, logLevels(Math.max(min, max / spread), max, levels));
}

export function viewScales(view, width, height) {
  const area = plotArea(width, height);
  return { area, x: linearScale(view.x, [area.x0, area.x1]), y: linearScale(view.y, [area.y1, area.y0]) };
}

/**
 * paths: [{w, count, color, dash, width, dots}]; start: [w1, w2] or null.
 */
export function drawPathView(ctx, width, height, { colors, view, contours, paths, start }) {
  const { area, x, y } = viewScales(view, width, height);
  drawAxes(ctx, area, x, y, colors, { xLabel: 'w₁', yLabel: 'w₂' });
  ctx.save();
  const clip = (c) => clipTo(c, area);
  clip(ctx);
  // The scales follow from the canvas's size (the layers' frame) and the view.
  drawLayers(ctx, width, height, [
    { key: [contours, colors.grid, ...view.x, ...view.y], draw: (c) => contours(c, x, y, colors.grid) },
    ...paths.map((p) => ({ key: [p.w, p.count, p.color, String(p.dash ?? ''), p.width, p.dots, ...view.x, ...view.y], draw: (c) => drawPath(c, x, y, p.w, p.count, p) })),
  ], clip);
  ctx.restore();
  // The start point is a handle to drag: drawn whole even on the frame.
  if (start) {
    ctx.save();
    ctx.fillStyle = colors.paper;
    ctx.strokeStyle = colors.ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x(start[0]), y(start[1]), 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }
}

/**
 * Let the reader move a start point: drag on the canvas (or tap it, by
 * touch), or arrow keys when it has focus. onMove([w1, w2]) gets points clamped to the view.
 */
export function startPointControl(canvas, { view, size, get, onMove, step = 0.05 }) {
  const clamp = (v, [lo, hi]) => Number(Math.min(hi, Math.max(lo, v)).toFixed(3));
  const fromPointer = (event) => {
    const { width, height } = size();
    const { x, y } = viewScales(view, width, height);
    const rect = canvas.getBoundingClientRect();
    return [clamp(x.invert(event.clientX - rect.left), view.x), clamp(y.invert(event.clientY - rect.top), view.y)];
  };
  dragPoint(canvas, (e) => onMove(fromPointer(e)));
  canvas.addEventListener('keydown', (e) => {
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
    if (!d) return;
    e.preventDefault();
    const [a, b] = get();
    onMove([clamp(a + d[0], view.x), clamp(b + d[1], view.y)]);
  });
}
