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

// Inline formulas (./inline.js). They are typeset once the figures are
// drawn: an embedded figure, which carries KaTeX, after its first frame
// (typesetInSlices); on the lesson page KaTeX arrives after the figures,
// and a formula shows its Unicode until then. Swapping it for KaTeX's wider
// or narrower version re-wraps its paragraph, and the text would jump
// under the reader's eyes (a layout shift). So a formula on
// the screen at that moment keeps its Unicode until it leaves the screen
// and is typeset then, unseen; the others are typeset at once. A formula
// made later (a caption following a slider) is typeset as it is made.
let inlineReady = false;
let inlineQueue = null;
const inlineCache = new Map(); // TeX → a typeset span, least recently used first
const INLINE_CACHE = 600;

function renderInline(element, tex) {
  let rendered = inlineCache.get(tex);
  if (rendered) {
    inlineCache.delete(tex);
  } else {
    rendered = document.createElement('span');
    renderer(rendered, tex, {});
    if (inlineCache.size >= INLINE_CACHE) inlineCache.delete(inlineCache.keys().next().value);
  }
  inlineCache.set(tex, rendered);
  element.replaceChildren(...rendered.cloneNode(true).childNodes);
}

// Formulas that were on the screen when KaTeX arrived, typeset as they
// leave it. The observer's first report on each formula, a frame later,
// typesets the ones off the screen; typesetIdle() waits for that report, so
// that the page lays them out before it lets the browser skip far figures
// (main.js), whose remembered heights would otherwise be their Unicode ones.
// (Reading the boxes here instead forces a layout in this task, and the
// browser then counted the typesetting above a linked figure as a shift.)
let offScreen = null;
let firstReports = null; // formulas not yet reported, and what to call when none is left
function typesetWhenUnseen(elements) {
  if (typeof IntersectionObserver !== 'function') {
    for (const element of elements) renderInline(element, wanted.get(element));
    return;
  }
  offScreen ??= new IntersectionObserver((entries) => {
    // The first report names every formula off the screen at once, a few
    // hundred on the lesson page: typeset a few milliseconds at a time, as
    // one task they held the page for 150-200 ms.
    const leaving = [];
    for (const entry of entries) {
      firstReports?.waiting.delete(entry.target);
      if (entry.isIntersecting) continue;
      offScreen.unobserve(entry.target);
      if (entry.target.isConnected && wanted.has(entry.target)) leaving.push(entry.target);
    }
    if (leaving.length) typesetInSlices(leaving);
    if (firstReports && firstReports.waiting.size === 0) {
      firstReports.done();
      firstReports = null;
    }
  });
  if (elements.length === 0) return;
  // A second's bound, should a report never come (a formula removed from
  // the page at once may not get one): the page settles anyway.
  const reported = new Promise((done) => {
    firstReports = { waiting: new Set(elements), done };
    setTimeout(done, 1000);
  });
  waiting = Promise.all([waiting, reported]);
  for (const element of elements) offScreen.observe(element);
}

// An embedded figure typesets every formula after its first frame, all of
// them (the figure may fit the screen and never leave it), a few
// milliseconds at a time so that no task holds the host page for long.
function typesetInSlices(elements) {
  let next = 0;
  const slice = () => {
    const until = performance.now() + 8;
    while (next < elements.length && performance.now() < until) {
      const element = elements[next++];
      if (element.isConnected && wanted.has(element)) renderInline(element, wanted.get(element));
    }
    if (next < elements.length) return new Promise((done) => setTimeout(done)).then(slice);
    return undefined;
  };
  waiting = Promise.all([waiting, slice()]);
}

/** Typeset the inline formula `tex` into element, which shows `unicode` until then. */
export function typesetInline(element, unicode, tex) {
  wanted.set(element, tex);
  if (renderer && inlineReady) {
    renderInline(element, tex);
    return;
  }
  element.textContent = unicode;
  if (inlineQueue) {
    inlineQueue.push(element);
    return;
  }
  inlineQueue = [element];
  typesetAfterFrame(() => {
    if (held) {
      const go = held.then(startInline);
      waiting = Promise.all([waiting, go]);
    } else {
      startInline();
    }
  });
}

function startInline() {
  const typesetAll = () => {
    const queue = inlineQueue;
    inlineQueue = null;
    inlineReady = true;
    // A formula replaced meanwhile (a caption rewritten) is out of the page.
    const live = queue.filter((queued) => queued.isConnected && wanted.get(queued) !== undefined);
    if (loader) typesetWhenUnseen(live);
    else typesetInSlices(live);
  };
  if (renderer) {
    typesetAll();
    return;
  }
  if (!loader) { // no KaTeX at all: the Unicode stays
    inlineQueue = null;
    return;
  }
  loading ??= loader().then((render) => {
    renderer = render;
  });
  const done = loading.then(typesetAll, () => { inlineQueue = null; });
  waiting = Promise.all([waiting, done]);
}

let held = null;

/**
 * Hold the first inline typesetting until the returned function is called
 * (the lesson page: until every figure is drawn, when the page is built a
 * figure per task and frames come between them).
 */
export function holdInlineTypesetting() {
  let release;
  held = new Promise((done) => { release = done; });
  return () => {
    release();
    held = null;
  };
}

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
