// Viridis (perceptually uniform, readable with colour-vision deficiencies and
// in greyscale), sampled at 9 points and interpolated linearly.
const STOPS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

/** [r, g, b] for t in [0, 1]. */
export function viridis(t) {
  const u = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  return STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
}

const LUT_SIZE = 1024;
let lut = null;
/**
 * Viridis sampled at 1024 points as packed RGBA bytes, for images of many
 * pixels: entry i is viridis(i / 1023), opaque.
 */
export function viridisTable() {
  if (!lut) {
    lut = new Uint8ClampedArray(4 * LUT_SIZE);
    for (let i = 0; i < LUT_SIZE; i++) {
      const [r, g, b] = viridis(i / (LUT_SIZE - 1));
      lut.set([r, g, b, 255], 4 * i);
    }
  }
  return lut;
}
