// Lines for several runs on shared axes, and their legend.

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
    for (let i = 0; i < s.count; i++) {
      const px = xScale(s.x(i)), py = yScale(Math.max(floor, s.y[i]));
      i ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
    }
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
  for (let k = 0; k < count; k++) k ? ctx.lineTo(x(w[2 * k]), y(w[2 * k + 1])) : ctx.moveTo(x(w[0]), y(w[1]));
  ctx.stroke();
  ctx.setLineDash([]);
  if (dots && count) {
    ctx.beginPath();
    ctx.arc(x(w[2 * (count - 1)]), y(w[2 * (count - 1) + 1]), 4, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}

/** A legend as HTML (readable, translatable, selectable): [{label, color, dash}]. */
export function legend(items) {
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const item of items) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.borderTopColor = item.color;
    swatch.style.borderTopStyle = item.dash ? 'dashed' : 'solid';
    li.append(swatch, item.label);
    list.append(li);
  }
  return list;
}
