// A canvas that fills its box at any width, sharp at any devicePixelRatio.
// draw(ctx, width, height) is called in CSS pixels whenever the box resizes
// or redraw() is asked for; redraws are batched to one per animation frame.

export function responsiveCanvas(canvas, draw, { aspect = 0.62, minHeight = 140, maxHeight = 420 } = {}) {
  const ctx = canvas.getContext('2d');
  let width = 0;
  let height = 0;
  let queued = false;

  function resize() {
    const w = Math.max(1, Math.round(canvas.clientWidth));
    const h = Math.round(Math.min(maxHeight, Math.max(minHeight, w * aspect)));
    const ratio = window.devicePixelRatio || 1;
    canvas.style.height = `${h}px`;
    if (w !== width || h !== height || canvas.width !== Math.round(w * ratio)) {
      width = w;
      height = h;
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    }
  }

  function paint() {
    queued = false;
    resize();
    ctx.clearRect(0, 0, width, height);
    draw(ctx, width, height);
  }

  const observer = new ResizeObserver(() => redraw());
  observer.observe(canvas);

  function redraw() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(paint);
  }

  return {
    redraw,
    /** Draw now, synchronously (for the first frame and for tests). */
    paintNow: paint,
    size: () => ({ width, height }),
    dispose: () => observer.disconnect(),
  };
}
