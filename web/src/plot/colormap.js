// Viridis (perceptually uniform, readable with colour-vision deficiencies and
// in greyscale), sampled at 9 points and interpolated linearly.
const STOPS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

// Writes viridis at t in [0, 1] as r, g, b at out[at], out[at + 1], out[at + 2].
function viridisInto(t, out, at) {
  const u = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const a = STOPS[i], b = STOPS[i + 1];
  for (let k = 0; k < 3; k++) out[at + k] = Math.round(a[k] + (b[k] - a[k]) * f);
}

const LUT_SIZE = 1024;
let lut = null;
/**
 * Viridis sampled at 1024 points as packed RGBA bytes, for images of many
 * pixels: entry i is viridis at i / 1023, opaque.
 */
export function viridisTable() {
  if (!lut) {
    // Written in place: it is built while the page starts, in cold
    // JavaScript, where two small arrays per entry took ~3 ms.
    lut = new Uint8ClampedArray(4 * LUT_SIZE);
    for (let i = 0; i < LUT_SIZE; i++) {
      viridisInto(i / (LUT_SIZE - 1), lut, 4 * i);
      lut[4 * i + 3] = 255;
    }
  }
  return lut;
}

/** Viridis as CSS gradient stops ("rgb(…) 0%, …"), the same nine points, for colour keys. */
export function viridisCss() {
  return STOPS.map(([r, g, b], i) => `rgb(${r}, ${g}, ${b}) ${((100 * i) / (STOPS.length - 1)).toFixed(1)}%`).join(', ');
}
