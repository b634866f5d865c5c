// Equations: figures call typeset(); who renders is decided by the entry.
// An embedded figure registers KaTeX at once (useRenderer); the lesson page
// registers a loader (useRendererLoader) that fetches KaTeX as a second
// script only when the first equation is wanted, so the 325 KB of KaTeX and
// its fonts are not parsed before the figures are drawn.

let renderer = null;
let loader = null;
let loading = null;

/** Render synchronously with this function from now on. */
export function useRenderer(render) {
  renderer = render;
}

/** Get the renderer on first use from loader(), a promise of the render function. */
export function useRendererLoader(load) {
  loader = load;
}

const wanted = new WeakMap(); // element → the TeX it should show

/** TeX as plain text: the source, with \htmlClass{…}{x} shown as x and no \allowbreak. */
const plainTex = (tex) => tex.replace(/\\htmlClass\{[^}]*\}\{([^}]*)\}/g, '$1').replace(/\\allowbreak/g, '');

/**
 * Typeset TeX into element (replacing its content); inline unless display.
 * Returns a promise settled once the element holds the equation. While the
 * renderer loads the element is empty; if it cannot be loaded the element
 * shows the TeX source.
 */
export function typeset(element, tex, options = {}) {
  if (renderer) {
    renderer(element, tex, options);
    return Promise.resolve();
  }
  wanted.set(element, tex);
  if (!loader) {
    element.textContent = plainTex(tex);
    return Promise.resolve();
  }
  loading ??= loader().then((render) => {
    renderer = render;
  });
  // Only the latest equation asked of an element is shown.
  const shown = loading.then(() => {
    if (wanted.get(element) === tex) renderer(element, tex, options);
  }, () => {
    if (wanted.get(element) === tex) element.textContent = plainTex(tex);
  });
  waiting = Promise.all([waiting, shown]);
  return shown;
}

let waiting = Promise.resolve();

/**
 * Run typesetting work after the next frame is on screen (KaTeX's first
 * use is slow); typesetIdle() waits for it too.
 */
export function typesetAfterFrame(run) {
  const ran = new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
    try {
      run();
    } finally {
      done();
    }
  })));
  waiting = Promise.all([waiting, ran]);
  return ran;
}

/** Settles once every equation asked for so far (or meanwhile) is shown, or shown as TeX. */
export async function typesetIdle() {
  let seen;
  do {
    seen = waiting;
    await seen;
  } while (seen !== waiting);
}

/** A number as TeX: plain decimals, exponents as ×10^{n}. */
export function texNumber(text) {
  const m = /^(-?[\d.]+)e([+-]?\d+)$/i.exec(text);
  return m ? `${m[1]}\\times 10^{${Number(m[2])}}` : text;
}
