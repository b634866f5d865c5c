// Small DOM helpers for the figures' controls: every control is a native
// element (button, range input), so keyboard, touch and screen readers work
// without extra code.
import { setRich } from '../math/inline.js';

/**
 * A slider's shown value: "β = 0.80, γ = 0.02" may wrap only after a comma,
 * never beside an equals sign (a 320 px phone wraps the value).
 */
export const valueText = (text) => text.replace(/ = /g, '\u00a0=\u00a0');

export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') setRich(node, value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * Keep node as large as the largest of the texts it may show, so that a
 * text that changes while a control is used (a slider's value, a regime,
 * Play and Pause) moves nothing beside it: optlab.css lays the texts out,
 * hidden and unread, in node's ::after (class "steady").
 */
export function holdLargest(node, texts) {
  node.classList.add('steady');
  node.dataset.largest = [...new Set(texts)].join('\n');
}

// The values a slider may show, one of each shape: digits are set as
// tabular figures (optlab.css), all one width, so values that differ only
// in their digits are as wide as one another.
const shapes = (texts) => [...new Set(texts.map((text) => text.replace(/[0-9]/g, '0')))];

/**
 * About `count` of the positions 0 … last, both ends included: enough to
 * meet every shape a slider's value takes (a shape holds over a run of
 * positions, such as a decade of a log slider), at a tenth of the cost of
 * formatting every position while the page starts.
 */
export const samplePositions = (last, count = 40) => {
  const stride = Math.max(1, Math.floor(last / count));
  const positions = [];
  for (let p = 0; p < last; p += stride) positions.push(p);
  positions.push(last);
  return positions;
};

/**
 * A slider's row: its label, the range input and its value. The value is
 * written in a box as wide as the widest text it may show (`shown`: every
 * value the slider can take, written in every way it may be written), so
 * the track never moves or resizes under the pointer.
 */
export function sliderRow({ id, label, input, shown }) {
  const output = el('output', { for: id, class: 'slider-value' });
  holdLargest(output, shapes(shown.map(valueText)));
  return { output, element: el('label', { class: 'slider', for: id }, [el('span', { text: label }), input, output]) };
}

/**
 * A slider over [lo, hi] on a log scale with `positions` stops, so arrow
 * keys move by a constant factor. `snaps` are values the thumb takes exactly
 * when it comes within 1.5% (so γ = 1/a and 2/a can be hit exactly: choose
 * lo, hi and positions so that they fall on stops). `formats`: every way
 * the value may be written (format is one of them), for the readout's width.
 */
export function logSlider({ label, lo, hi, value, positions = 200, snaps = [], format, formats = [format], onInput, id }) {
  const resolution = positions;
  const toValue = (p) => {
    const x = lo * (hi / lo) ** (p / resolution);
    const snap = snaps.find((s) => Math.abs(x / s - 1) < 0.015);
    return snap ?? x;
  };
  const toPosition = (x) => Math.round((resolution * Math.log(x / lo)) / Math.log(hi / lo));
  const input = el('input', { type: 'range', min: 0, max: resolution, step: 1, id, 'aria-label': label });
  const stops = [...samplePositions(resolution).map(toValue), ...snaps.filter((x) => x >= lo && x <= hi)];
  const { output, element } = sliderRow({ id, label, input, shown: formats.flatMap((f) => stops.map(f)) });
  let current = value;
  const show = () => {
    const text = format(current);
    output.textContent = valueText(text);
    input.setAttribute('aria-valuetext', text);
  };
  input.value = toPosition(value);
  show();
  input.addEventListener('input', () => {
    current = toValue(Number(input.value));
    show();
    onInput(current);
  });
  return {
    element,
    input,
    get value() {
      return current;
    },
    set(x) {
      current = Math.min(hi, Math.max(lo, x));
      input.value = toPosition(current);
      show();
    },
  };
}

/** Play / pause / step / reset over frames 0..last of an animation. */
// busy(): the frame shown is still being computed (in pieces, between
// frames); the player waits for it before it moves on.
export function player({ strings, onFrame, last, fps = 6, busy = () => false }) {
  let frame = last();
  let timer = null;
  const play = el('button', { type: 'button', class: 'play' });
  holdLargest(play, [strings.play, strings.pause]);
  const step = el('button', { type: 'button', text: strings.step });
  const reset = el('button', { type: 'button', text: strings.reset });
  // Written only when it changes: every slider input stops the player, and
  // rewriting an unchanged label still costs the page a layout.
  let labelled = null;
  const label = () => {
    const playing = timer !== null;
    if (playing === labelled) return;
    labelled = playing;
    play.textContent = playing ? strings.pause : strings.play;
    play.setAttribute('aria-pressed', playing ? 'true' : 'false');
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    label();
  };
  const show = (f) => {
    frame = f;
    onFrame(frame);
  };
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (frame >= last()) show(0);
    timer = setInterval(() => {
      if (busy()) return;
      if (frame >= last()) return stop();
      show(frame + 1);
    }, 1000 / fps);
    label();
  });
  step.addEventListener('click', () => {
    stop();
    show(frame >= last() ? 0 : frame + 1);
  });
  reset.addEventListener('click', () => {
    stop();
    show(0);
  });
  label();
  return {
    element: el('div', { class: 'player' }, [play, step, reset]),
    get frame() {
      return frame;
    },
    /** Show every frame again (after the run changed). */
    showAll() {
      stop();
      show(last());
    },
    dispose: stop,
  };
}
