import { el, valueText } from './controls.js';

/** A native range input over [lo, hi] with a visible, announced value. */
export function linearSlider({ id, label, lo, hi, step, value, format, onInput }) {
  const input = el('input', { type: 'range', min: lo, max: hi, step, id, 'aria-label': label });
  const output = el('output', { for: id, class: 'slider-value' });
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
    element: el('label', { class: 'slider', for: id }, [el('span', { text: label }), input, output]),
    input,
    set(x) {
      input.value = x;
      show();
    },
  };
}
