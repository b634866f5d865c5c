// Drawing a plot's lines as layers, so that what did not change since the
// canvas was last drawn is blitted instead of stroked again.
//
// A slider usually changes one run of a figure: figure 7's β moves the
// momentum run while SGD, its average and the contours stay. Stroking a
// wide or dashed line of a few hundred points is most of a canvas's raster
// time (on a phone, most of a frame), while blitting a bitmap of the whole
// canvas costs next to nothing. So each layer names what it depends on
// (`key`, compared entry by entry with ===), and consecutive layers whose
// keys are the same as on the canvas's previous drawing are drawn once
// into a bitmap of their own and blitted from then on, in their place in
// the stack: the picture keeps its order (a run above the one that moved
// stays above it). A layer that changes is stroked directly, as is
// everything on a canvas's first drawing: most canvases are drawn once, and
// a bitmap each would only cost memory.
import { pixelRatio } from './canvas.js';

const states = new WeakMap(); // target canvas → {frame, keys, cache}

const sameKey = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameKeys = (a, b) => a.length === b.length && a.every((k, i) => sameKey(k, b[i]));

/**
 * Draw `layers` ([{key: any[], draw(ctx)}], bottom first) on ctx, whose
 * canvas is width × height CSS px at the current pixel ratio. clip(ctx),
 * if given, is the clip the layers are drawn under (applied to the
 * bitmaps too, so a blit covers exactly what the strokes would).
 */
export function drawLayers(ctx, width, height, layers, clip) {
  const ratio = pixelRatio();
  const frame = `${width}x${height}@${ratio}`;
  let state = states.get(ctx.canvas);
  if (!state || state.frame !== frame) states.set(ctx.canvas, state = { frame, keys: [], cache: [] });
  const keys = layers.map((layer) => layer.key);
  const stable = keys.map((key, i) => state.keys[i] !== undefined && sameKey(key, state.keys[i]));
  const cache = [];
  for (let i = 0; i < layers.length;) {
    if (!stable[i]) {
      layers[i].draw(ctx);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < layers.length && stable[j]) j++;
    const run = keys.slice(i, j);
    let entry = state.cache.find((e) => sameKeys(e.keys, run));
    if (!entry) entry = { keys: run, bitmap: paintBitmap(layers.slice(i, j), width, height, ratio, clip) };
    ctx.drawImage(entry.bitmap, 0, 0, width, height);
    cache.push(entry);
    i = j;
  }
  state.keys = keys;
  state.cache = cache; // bitmaps not blitted this time are let go
}

function paintBitmap(layers, width, height, ratio, clip) {
  const bitmap = document.createElement('canvas');
  bitmap.width = Math.round(width * ratio);
  bitmap.height = Math.round(height * ratio);
  const ctx = bitmap.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  clip?.(ctx);
  for (const layer of layers) layer.draw(ctx);
  return bitmap;
}
