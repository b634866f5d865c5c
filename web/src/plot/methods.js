// Each method's colour and dash pattern (methods.json, which the notebook
// reads too): gradient descent is blue and solid in every figure, momentum
// vermillion and dashed, and so on, on screen, in the legends and in the
// PNG exports.
import table from './methods.json';
import { cssColors } from './theme.js';

const pick = (colour, palette, ink) => (colour === 'ink' ? ink : palette[colour]);

/** A method's style for a canvas: {color, dash} in the theme's colours (theme(root)). */
export function methodStyle(name, colors) {
  const m = table.methods[name];
  return { color: pick(m.colour, colors.series, colors.ink), dash: m.dash };
}

/** A legend item for a method: {label, color, dash} in CSS colours (they follow the theme). */
export function methodLegend(name, label) {
  const m = table.methods[name];
  return { label, color: pick(m.colour, cssColors.series, cssColors.ink), dash: m.dash };
}
