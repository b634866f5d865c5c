// Frames, ticks and labels for a plot area inside a canvas.
import { formatTicks } from './scale.js';

export const MARGIN = { top: 12, right: 12, bottom: 34, left: 56 };

/** The plot rectangle of a canvas of the given size. */
export function plotArea(width, height, margin = MARGIN) {
  return { x0: margin.left, x1: width - margin.right, y0: margin.top, y1: height - margin.bottom };
}

export function drawAxes(ctx, area, x, y, colors, { xLabel = '', yLabel = '', xTicks = 5, yTicks = 4, xTickValues } = {}) {
  ctx.save();
  ctx.font = colors.font;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  // Only the ticks inside the frame are drawn, and they decide the notation.
  const inside = (ticks, at, lo, hi) => ticks.filter((t) => {
    const p = Math.round(at(t)) + 0.5;
    return p >= lo - 1 && p <= hi + 1;
  });
  const xs = inside(xTickValues ?? x.ticks(xTicks), x, area.x0, area.x1);
  const xLabels = formatTicks(xs, x.log);
  // A label at either end of a narrow plot is kept inside the canvas.
  const canvasWidth = ctx.canvas.width / (ctx.getTransform().a || 1);
  for (const [i, t] of xs.entries()) {
    const px = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, area.y0);
    ctx.lineTo(px, area.y1);
    ctx.stroke();
    const half = ctx.measureText(xLabels[i]).width / 2;
    ctx.fillText(xLabels[i], Math.max(half + 1, Math.min(canvasWidth - half - 1, px)), area.y1 + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const ys = inside(y.ticks(yTicks), y, area.y0, area.y1);
  const yLabels = formatTicks(ys, y.log);
  for (const [i, t] of ys.entries()) {
    const py = Math.round(y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(area.x0, py);
    ctx.lineTo(area.x1, py);
    ctx.stroke();
    // A label on the bottom edge sits above it, clear of the x axis's first label.
    const bottom = py > area.y1 - 2;
    ctx.textBaseline = bottom ? 'bottom' : 'middle';
    ctx.fillText(yLabels[i], area.x0 - 4, bottom ? py + 2 : py);
  }
  ctx.strokeStyle = colors.muted;
  ctx.strokeRect(area.x0 + 0.5, area.y0 + 0.5, area.x1 - area.x0, area.y1 - area.y0);
  ctx.fillStyle = colors.ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  if (xLabel) ctx.fillText(xLabel, (area.x0 + area.x1) / 2, area.y1 + 32);
  if (yLabel) {
    ctx.translate(12, (area.y0 + area.y1) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'top';
    ctx.fillText(yLabel, 0, -10);
  }
  ctx.restore();
}

/**
 * Text over a plot, ringed by `halo` (the paper colour, or a dark one under
 * white text on a heatmap), so that the lines and colours it crosses (a
 * curve, a dashed marker, viridis's yellow end) do not swallow its letters.
 */
export function haloText(ctx, text, px, py, halo) {
  ctx.save();
  ctx.strokeStyle = halo;
  ctx.lineWidth = 4;
  ctx.lineJoin = 'round';
  ctx.strokeText(text, px, py);
  ctx.restore();
  ctx.fillText(text, px, py);
}

/**
 * Where a label of size {width, height} goes beside the point (px, py): the
 * first of above right, above left, below right and below left (4 px from
 * the point, then a line farther at a time) whose box stays inside area and clears every circle of
 * `avoid` ({x, y, r}: a handle the label must not cover). When none does,
 * the first inside area. Returns the box's top-left corner.
 */
export function placeLabel({ px, py, width, height, area, avoid = [], gap = 4 }) {
  // Then the same four sides farther from the point, in steps of a line.
  const candidates = [];
  for (let away = 0; away <= 60; away += 12) {
    candidates.push(
      [px + gap + 2, py - gap - height - away], [px - gap - 2 - width, py - gap - height - away],
      [px + gap + 2, py + gap + away], [px - gap - 2 - width, py + gap + away],
    );
  }
  const inside = ([x, y]) => x >= area.x0 && x + width <= area.x1 && y >= area.y0 && y + height <= area.y1;
  const clears = ([x, y]) => avoid.every((c) => {
    const nx = Math.max(x, Math.min(c.x, x + width));
    const ny = Math.max(y, Math.min(c.y, y + height));
    return (nx - c.x) ** 2 + (ny - c.y) ** 2 > c.r ** 2;
  });
  const clamp = ([x, y]) => [Math.min(Math.max(x, area.x0), area.x1 - width), Math.min(Math.max(y, area.y0), area.y1 - height)];
  const best = candidates.find((c) => inside(c) && clears(c)) ?? candidates.map(clamp).find(clears) ?? clamp(candidates[0]);
  return { x: best[0], y: best[1] };
}

/** Clip drawing to the plot area (divergent paths must not spill out). */
export function clipTo(ctx, area) {
  ctx.beginPath();
  ctx.rect(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
  ctx.clip();
}
