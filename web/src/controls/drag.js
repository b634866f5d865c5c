// Pointing at a canvas to move what it shows (a start point, the map's
// (γ, β), the sweep's γ), with a mouse or a finger.
//
// A mouse press moves the point at once and drags it. A finger must not
// take the page's scrolling away: on a phone the figures fill most of the
// screen. So these canvases let vertical swipes scroll the page
// (touch-action: pan-y, class "draggable" in optlab.css), and a finger
// moves the point by a tap, or drags it when the gesture starts sideways
// (the browser then leaves the whole gesture to the page). A swipe that
// starts upright is the browser's scroll: Chromium still hands the page its
// first move, then pointercancel, so that move is not followed either.
//
// onPoint(event) gets every event that should move the point (use its
// clientX and clientY).
export function dragPoint(canvas, onPoint) {
  canvas.classList.add('draggable');
  let active = null; // the pointer being followed
  let dragging = false;
  let x0 = 0, y0 = 0;
  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    active = e.pointerId;
    dragging = e.pointerType === 'mouse';
    [x0, y0] = [e.clientX, e.clientY];
    if (dragging) {
      canvas.setPointerCapture(e.pointerId);
      onPoint(e);
    }
  });
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerId !== active) return;
    if (!dragging) {
      if (Math.abs(e.clientY - y0) > Math.abs(e.clientX - x0)) return; // the page scrolls
      dragging = true;
    }
    onPoint(e);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (e.pointerId !== active) return;
    if (!dragging && Math.hypot(e.clientX - x0, e.clientY - y0) < 16) onPoint(e); // a tap
    active = null;
  });
  canvas.addEventListener('pointercancel', (e) => {
    if (e.pointerId === active) active = null;
  });
}
