// Contour lines of f over a plot area. The values come from the core
// (core.valueGrid), and so do the iso-lines (core.isolines).

/** Levels spaced evenly in log between lo and hi. */
export function logLevels(lo, hi, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(lo * (hi / lo) ** (i / (count - 1)));
  return out;
}

/**
 * Trace the iso-lines once per grid, in the core (marching squares, each
 * line followed from cell to cell: it runs while the page starts, when
 * JavaScript would still be cold);
 * returns draw(ctx, x, y, color) for the current scales, with the traced
 * segments as draw.segments (level, u0, v0, u1, v1 in grid units).
 * grid = {values, nx, ny, x: [x0, x1], y: [y0, y1]}.
 */
export function contourLines(core, grid, levels) {
  const { nx, ny } = grid;
  // Each line keeps only the points that move it by more than 1/4000 of the
  // grid: 0.1 px on a 400 px plot, 0.2 px printed at twice that; a fifth of
  // Rosenbrock's points, the same picture.
  const segments = core.isolines(grid.values, nx, ny, levels, (Math.max(nx, ny) - 1) / 4000);
  // Grid point i is at x0 + i / (nx − 1) · (x1 − x0).
  const gx = (u) => grid.x[0] + (u / (nx - 1)) * (grid.x[1] - grid.x[0]);
  const gy = (v) => grid.y[0] + (v / (ny - 1)) * (grid.y[1] - grid.y[0]);
  function draw(ctx, x, y, color) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    // The core gives each line's segments in order: a segment that starts
    // where the last one ended continues the same path.
    let u = NaN, v = NaN;
    for (let k = 0; k < segments.length; k += 5) {
      if (segments[k + 1] !== u || segments[k + 2] !== v) ctx.moveTo(x(gx(segments[k + 1])), y(gy(segments[k + 2])));
      u = segments[k + 3];
      v = segments[k + 4];
      ctx.lineTo(x(gx(u)), y(gy(v)));
    }
    ctx.stroke();
    ctx.restore();
  }
  draw.segments = segments;
  return draw;
}
