// Colours come from CSS custom properties, so the light and dark themes
// (prefers-color-scheme) live in one stylesheet. The series palette is
// Okabe–Ito, which readers with colour-vision deficiencies can tell apart.

export function theme(element) {
  const css = getComputedStyle(element);
  const v = (name) => css.getPropertyValue(name).trim();
  return {
    ink: v('--ink'),
    muted: v('--muted'),
    grid: v('--grid'),
    paper: v('--paper'),
    danger: v('--danger'),
    series: [v('--c1'), v('--c2'), v('--c3'), v('--c4'), v('--c5')],
    font: `12px ${css.fontFamily}`,
  };
}
