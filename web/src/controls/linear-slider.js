import { el, samplePositions, sliderRow, valueText } from './controls.js';

/** A native range input over [lo, hi] with a visible, announced value. */
export function linearSlider({ id, label, lo, hi, step, value, format, onInput }) {
  const input = el('input', { type: 'range', min: lo, max: hi, step, id, 'aria-label': label });
  const values = samplePositions(Math.round((hi - lo) / step)).map((i) => Math.min(hi, lo + i * step));
  const { output, element } = sliderRow({ id, label, input, shown: values.map(format) });
  input.value = value;
  const show = () => {
    const text = format(Number(input.value));
    input.setAttribute('aria-valuetext', text);
    output.textContent = valueText(text);
  };
  show();
  input.addEventListener('input', () => {
    show();
    onInput(Number(input.value));
  });
  return {
    element,
    input,
    set(x) {
      input.value = x;
      show();
    },
  };
}
