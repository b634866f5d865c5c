// Contour lines of f over a plot area. The values come from the core
// (core.valueGrid); d3-contour traces the iso-lines (marching squares).
import { contours } from 'd3-contour';

/** Levels spaced evenly in log between lo and hi. */
export function logLevels(lo, hi, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(lo * (hi / lo) ** (i / (count - 1)));
  return out;
}

/**
 * Prepare the iso-lines once per grid: returns draw(ctx) for the current
 * scales. grid = {values, nx, ny, x: [x0, x1], y: [y0, y1]}.
 */
export function contourLines(grid, levels) {
  const { values, nx, ny } = grid;
  const shapes = contours().size([nx, ny]).smooth(true).thresholds(levels)(Array.from(values));
  // d3-contour puts grid point i at i + 0.5.
  const gx = (u) => grid.x[0] + ((u - 0.5) / (nx - 1)) * (grid.x[1] - grid.x[0]);
  const gy = (v) => grid.y[0] + ((v - 0.5) / (ny - 1)) * (grid.y[1] - grid.y[0]);
  return function draw(ctx, x, y, color) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    strokeShapes(ctx, shapes, (u) => x(gx(u)), (v) => y(gy(v)));
    ctx.restore();
  };
}

/**
 * Stroke d3-contour shapes; px and py map grid coordinates (grid point i at
 * i + 0.5) to canvas pixels.
 */
export function strokeShapes(ctx, shapes, px, py) {
  for (const shape of shapes) {
    ctx.beginPath();
    for (const polygon of shape.coordinates)
      for (const ring of polygon) ring.forEach(([u, v], i) => (i ? ctx.lineTo(px(u), py(v)) : ctx.moveTo(px(u), py(v))));
    ctx.stroke();
  }
}
