import { el } from './controls.js';
import { maxSeed } from '../limits.js';

/**
 * A seed field with "new seed": accepts integers 0 … 2^53 − 1 and says so
 * beside the field otherwise (the figure keeps its last valid seed).
 */
export function seedControl({ id, strings, value, onChange }) {
  const input = el('input', { type: 'number', id, min: 0, max: maxSeed, step: 1, inputmode: 'numeric', class: 'seed' });
  const message = el('span', { class: 'field-error', role: 'alert' });
  const fresh = el('button', { type: 'button', text: strings.newSeed });
  input.value = value;
  const accept = (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > maxSeed) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = strings.seedInvalid(maxSeed);
      return;
    }
    input.removeAttribute('aria-invalid');
    message.textContent = '';
    onChange(n);
  };
  input.addEventListener('change', () => accept(input.value));
  fresh.addEventListener('click', () => {
    input.value = String(Math.floor(Math.random() * 1e6));
    accept(input.value);
  });
  return {
    element: el('span', { class: 'seed-control' }, [el('label', { for: id, text: strings.seed }), input, fresh, message]),
    input,
  };
}
