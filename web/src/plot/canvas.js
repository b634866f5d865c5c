// A canvas that fills its box at any width, sharp at any devicePixelRatio.
// draw(ctx, width, height) is called in CSS pixels whenever the box resizes
// or redraw() is asked for.
//
// Every canvas of the page (and of every embedded figure) is painted from
// one shared animation-frame queue, in two passes: first all the widths are
// read, then the heights are set and the pictures drawn. Reading a width
// after a height was written forces the browser to lay the page out again;
// interleaving them for twenty canvases cost more than drawing them.
//
// A canvas far from the screen is drawn once (so the whole page is drawn
// when it loads) and then only when it comes near the screen again: moving
// γ in figure 4 need not repaint the (γ, β) map three screens away on
// every input.

import { onThemeChange, themeChanged } from './theme.js';

const pending = new Set();
let scheduled = false;
const drawers = new WeakMap(); // canvas → draw(ctx, width, height)
let ratioOverride = null;

/** The pixel ratio pictures are drawn at now (the screen's, or an export's). */
export function pixelRatio() {
  return ratioOverride ?? (window.devicePixelRatio || 1);
}

/**
 * A copy of a figure canvas drawn afresh at `scale` device pixels per CSS
 * pixel (e.g. 2 for slides), on the given background; null for a canvas
 * that is not one of ours.
 */
export function renderAt(canvas, scale, background) {
  const entry = drawers.get(canvas);
  if (!entry) return null;
  const { width, height } = entry.size();
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d');
  const before = ratioOverride;
  ratioOverride = scale;
  try {
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    entry.draw(ctx, width, height);
  } finally {
    ratioOverride = before;
  }
  return out;
}

function flush() {
  scheduled = false;
  const batch = [...pending];
  pending.clear();
  // A canvas taken out of the page (a figure redrawn elsewhere) is dropped.
  const live = batch.filter((painter) => painter.connected());
  for (const painter of live) painter.measure();
  for (const painter of live) painter.paint();
}

// Canvases within a screen's height of the viewport count as visible.
const visible = new WeakSet();
const waiting = new Map(); // canvas → painter, redraws held until it is near the screen
const nearScreen = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        visible.add(entry.target);
        const painter = waiting.get(entry.target);
        waiting.delete(entry.target);
        if (painter) schedule(painter);
      } else {
        visible.delete(entry.target);
      }
    }
  }, { rootMargin: '100% 0px' })
  : null;

function schedule(painter) {
  if (nearScreen && painter.painted() && !visible.has(painter.canvas)) {
    waiting.set(painter.canvas, painter);
    return;
  }
  pending.add(painter);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(flush);
  }
}

/**
 * Paint every queued canvas now, in one pass (one layout), without waiting
 * for the next animation frame; the frame that follows shows them.
 */
export function paintQueuedNow() {
  if (scheduled) flush();
}

/** A promise settled once every redraw asked for so far has been painted. */
export function painted() {
  return new Promise((done) => {
    if (!scheduled) done();
    else requestAnimationFrame(() => done()); // queued after flush: runs after it
  });
}

// Printing (or saving as PDF): every canvas, those far from the screen
// included, is drawn again at twice the screen's resolution at least, so
// that paper gets sharp lines and letters, and in the light colours
// (data-printing on the page and on each embedded figure's host: see
// optlab.css); and back once printing is over.
const everyPainter = new Set();
function printing(on) {
  ratioOverride = on ? Math.max(2, window.devicePixelRatio || 1) : null;
  document.documentElement.toggleAttribute('data-printing', on);
  for (const painter of everyPainter) {
    if (!painter.connected()) {
      everyPainter.delete(painter);
      continue;
    }
    painter.canvas.getRootNode().host?.toggleAttribute('data-printing', on);
    pending.add(painter);
  }
  themeChanged(); // the colours are read again
  waiting.clear();
  flush();
}
if (typeof addEventListener === 'function') {
  addEventListener('beforeprint', () => printing(true));
  addEventListener('afterprint', () => printing(false));
}

export function responsiveCanvas(canvas, draw, { aspect = 0.62, minHeight = 140, maxHeight = 420 } = {}) {
  const ctx = canvas.getContext('2d');
  // The height the first picture will give it, from the first layout on
  // (a canvas is otherwise half as tall as wide until it is painted), so
  // nothing under it moves when it is painted.
  Object.assign(canvas.style, { aspectRatio: String(1 / aspect), minHeight: `${minHeight}px`, maxHeight: `${maxHeight}px` });
  let width = 0;
  let height = 0;
  let measured = 0;

  let paints = 0;
  const painter = {
    canvas,
    connected: () => canvas.isConnected,
    painted: () => paints > 0,
    measure() {
      measured = Math.max(1, Math.round(canvas.clientWidth));
    },
    paint() {
      const w = measured;
      const h = Math.round(Math.min(maxHeight, Math.max(minHeight, w * aspect)));
      const ratio = pixelRatio();
      if (canvas.style.height !== `${h}px`) canvas.style.height = `${h}px`;
      // Printed, the canvas may be narrower than on screen: its height then
      // follows its width (optlab.css), not the fixed height above.
      const proportions = `${w} / ${h}`;
      if (canvas.style.aspectRatio !== proportions) canvas.style.aspectRatio = proportions;
      if (w !== width || h !== height || canvas.width !== Math.round(w * ratio)) {
        width = w;
        height = h;
        canvas.width = Math.round(w * ratio);
        canvas.height = Math.round(h * ratio);
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      draw(ctx, width, height);
      paints++;
    },
  };

  // The first observation of every canvas arrives after its first paint;
  // only a real change of width needs another one.
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) if (Math.round(entry.contentRect.width) !== width) schedule(painter);
  });
  observer.observe(canvas);
  const stopTheme = onThemeChange(() => schedule(painter));
  nearScreen?.observe(canvas);
  drawers.set(canvas, { draw, size: () => ({ width, height }) });
  everyPainter.add(painter);

  return {
    redraw: () => schedule(painter),
    /** Draw now, synchronously (forces a layout if the page changed). */
    paintNow() {
      pending.delete(painter);
      painter.measure();
      painter.paint();
    },
    size: () => ({ width, height }),
    dispose: () => {
      everyPainter.delete(painter);
      observer.disconnect();
      stopTheme();
      nearScreen?.unobserve(canvas);
      waiting.delete(canvas);
      pending.delete(painter);
    },
  };
}
