// Colours come from CSS custom properties, so the light and dark themes
// (prefers-color-scheme) live in one stylesheet. The series palette is
// Okabe–Ito, which readers with colour-vision deficiencies can tell apart.
//
// Reading computed style forces the browser to resolve styles, and the
// canvases are painted right after their heights were set, so the colours
// are read once per element and kept until the theme changes.

const cache = new WeakMap();
const listeners = new Set();
let generation = 0;

/** Forget the colours read so far and tell every listener (e.g. canvases to repaint). */
export function themeChanged() {
  generation++;
  for (const listener of listeners) listener();
}

/** Call listener whenever the theme changes; returns a function that stops it. */
export function onThemeChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof matchMedia === 'function') {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener?.('change', themeChanged);
}

/**
 * The same colours as CSS values, for HTML (legend swatches): they follow
 * the theme by themselves, and reading them forces no style resolution
 * while a figure is being built.
 */
export const cssColors = {
  ink: 'var(--ink)',
  muted: 'var(--muted)',
  series: ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)'],
  betas: ['var(--b1)', 'var(--b2)', 'var(--b3)', 'var(--b4)', 'var(--b5)'],
};

export function theme(element) {
  const hit = cache.get(element);
  if (hit?.generation === generation) return hit.colors;
  const css = getComputedStyle(element);
  const v = (name) => css.getPropertyValue(name).trim();
  const colors = {
    ink: v('--ink'),
    muted: v('--muted'),
    grid: v('--grid'),
    paper: v('--paper'),
    danger: v('--danger'),
    series: [v('--c1'), v('--c2'), v('--c3'), v('--c4'), v('--c5')],
    betas: [v('--b1'), v('--b2'), v('--b3'), v('--b4'), v('--b5')],
    font: `12px ${css.fontFamily}`,
  };
  cache.set(element, { generation, colors });
  return colors;
}
