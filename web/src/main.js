// The lesson page's entry: choose the language, load the wasm core, mount
// every figure found in the page. Bundled by esbuild into one classic script
// (dist/optlab.js), so the page also works from file:// and under a strict
// Content-Security-Policy.
import { loadCore } from '../core/optlab-core.js';
import { mounts } from './figures/index.js';
import { keyOwner, linkStates } from './figures/linked.js';
import { chooseLanguage, strings } from './i18n/index.js';
import { loadMathScript } from './math/page-loader.js';
import { typesetIdle, useRendererLoader, holdInlineTypesetting } from './math/typeset.js';
import { mountFigure, readSettings, usableSettings } from './mount.js';
import { paintQueuedNow } from './plot/canvas.js';
import { figureInHash, hashFigures, pageHash, unreadKeys } from './share/url-state.js';
import { plainText } from './math/inline.js';

// The page's state lives in its URL hash, one key per figure parameter:
//   #momentum.lr=0.02&momentum.beta=0.9&sgd-cloud.batch=4
// (share/url-state.js). Opening such a link draws exactly the same
// trajectories. A bad part of it is named above its figure, which draws its
// defaults (mount.js).
function settingsFromHash(name, hash, t) {
  const { get, given } = figureInHash(hash, name);
  return usableSettings(name, readSettings(get, { given, common: false }), t, { orDefaults: true });
}

// Keys of the hash that no figure of the page reads: a typo, or a figure
// whose settings are another's. A key without a dot is an anchor
// (#momentum), not a setting.
function strayKeys(hash, names, t) {
  const owners = names.filter((name) => keyOwner(name) === name);
  return unreadKeys(hash, names).map(({ key, figure, owner, setting }) => t.share.keyNotUsed(key, owner
    ? t.share.sharedKeys(figure, `${owner}.${setting}`)
    : t.share.noSuchFigure(figure, owners)));
}

function applyStrings(t) {
  document.documentElement.lang = t.lang;
  document.title = t.pageTitle;
  for (const node of document.querySelectorAll('[data-text]')) {
    const value = t[node.dataset.text];
    if (typeof value === 'string') node.textContent = value;
  }
  const other = document.querySelector('[data-language-switch]');
  if (other) {
    const target = t.lang === 'ko' ? 'en' : 'ko';
    const url = new URL(location.href);
    url.searchParams.set('lang', target);
    other.href = url.search + url.hash;
    other.textContent = t.otherLanguage;
    other.lang = target;
  }
}

// The lecture the page follows, on video: where each of its sections
// starts (seconds), and the section each figure belongs to.
const LECTURE = 'https://www.youtube.com/watch?v=--NZb480zlg';
const SECTION_STARTS = [88, 898, 1672];
const FIGURE_SECTION = { 'step-sizes': 0, 'sgd-cloud': 1, annealing: 1, lbfgs: 1, momentum: 2, 'beta-effect': 2, 'rate-map': 2, 'noise-smoothing': 2 };
const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const videoLink = (section, t, text = clock(SECTION_STARTS[section])) => Object.assign(document.createElement('a'), {
  href: `${LECTURE}&t=${SECTION_STARTS[section]}s`, textContent: text, className: 'video',
  title: t.lecture.at(t.lecture.sections[section], clock(SECTION_STARTS[section])),
});

// The header's line of the lecture's sections on video.
function listLecture(t) {
  const line = document.querySelector('[data-lecture]');
  if (!line) return;
  line.replaceChildren(`${t.lecture.label} `, ...SECTION_STARTS.flatMap((_, i) => [
    ...(i ? [' · '] : []), `${t.lecture.sections[i]} `, videoLink(i, t),
  ]));
}

// The header's list of the figures, by their titles (in the page's
// language), numbered as the titles are (optlab.css), linking to each
// and to where the lecture covers it.
function listFigures(slots, t) {
  const nav = document.querySelector('nav.contents');
  if (!nav) return;
  nav.setAttribute('aria-label', t.contents);
  const list = nav.querySelector('ol');
  list.replaceChildren(...slots.flatMap((slot, i) => {
    const heading = slot.querySelector('.figure-title');
    const title = heading ? plainText(heading) : undefined;
    if (!title || !slot.id) return [];
    const item = document.createElement('li');
    item.value = i + 1; // a figure that could not be drawn keeps its number
    item.append(Object.assign(document.createElement('a'), { href: `#${slot.id}`, textContent: title }));
    const section = FIGURE_SECTION[slot.dataset.figure];
    if (section !== undefined) item.append(' ', videoLink(section, t, `▶ ${clock(SECTION_STARTS[section])}`));
    return [item];
  }));
  // Open where there is room; on a phone the list would push the first
  // figure two screens down, so it waits behind its summary.
  nav.querySelector('details').open = matchMedia('(min-width: 40rem)').matches;
  nav.hidden = !list.children.length;
}

// A link to one figure (#momentum) shows it while the page builds: each
// step that changes the height of what is above it (a figure built, the
// list of figures) is followed, in the same task, by a scroll of as much,
// so the figure stays where the reader sees it. The browser's scroll
// anchoring often does this already, but not when its anchor is a
// placeholder that is replaced. A reader who scrolls, taps or presses a key
// takes the page back.
// The figure the link points at (#momentum), if any. Figure ids are plain
// words: a hash that is anything else links to none.
function linkedFigure() {
  const target = /^#[\w-]+$/.test(location.hash) ? document.getElementById(location.hash.slice(1)) : null;
  return target?.matches('[data-figure]') ? target : null;
}

function holdLinkedFigure() {
  const target = linkedFigure();
  if (!target) return (change) => change();
  let held = true;
  const letGo = () => { held = false; };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, letGo, { once: true, passive: true, capture: true });
  return (change) => {
    if (!held) return change();
    const top = target.getBoundingClientRect().top;
    const result = change();
    const moved = target.getBoundingClientRect().top - top;
    if (held && moved) scrollBy(0, moved);
    return result;
  };
}

// Figure 1's build and first picture take ~40 ms on a desktop CPU and ~180 ms
// at a quarter of its speed (a mid-range phone, ./build.sh bench).
const SLOW_BUILD_MS = 80;

async function start() {
  useRendererLoader(loadMathScript);
  const releaseTypesetting = holdInlineTypesetting();
  const t = strings(chooseLanguage());
  applyStrings(t);
  listLecture(t);
  const slots = [...document.querySelectorAll('[data-figure]')];
  for (const slot of slots) slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'loading', textContent: t.loading }));
  let core;
  try {
    performance.mark('optlab-core-start');
    core = await loadCore(globalThis.OptlabCoreFactory);
    performance.measure('optlab-core', 'optlab-core-start');
  } catch (error) {
    for (const slot of slots) slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: t.coreFailed(error.message) }));
    return;
  }
  const held = holdLinkedFigure();
  const hash = new URLSearchParams(location.hash.slice(1));
  const names = slots.map((slot) => slot.dataset.figure);
  const settings = Object.fromEntries(names.map((name) => [name, settingsFromHash(name, hash, t)]));
  const stray = strayKeys(hash, names, t);
  if (stray.length) slots[0]?.before(...stray.map((text) => Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: text })));
  const states = linkStates(names, (name) => settings[name]?.settings);
  const mounted = {};
  // Figures written to the hash: those the link set, and those the reader changed.
  const touched = new Set(hashFigures(hash, mounts));
  const writeHash = () => {
    const params = pageHash(touched, (name) => mounted[name]?.state?.());
    history.replaceState(null, '', `${location.pathname}${location.search}${params.size ? `#${params}` : ''}`);
    const other = document.querySelector('[data-language-switch]');
    if (other) other.href = new URL(other.getAttribute('href'), location.href).search + location.hash;
  };
  const site = () => new URL('.', location.href).href;
  let hashTimer = 0;
  // A link may make each figure's first picture heavy (the most runs, the
  // finest grid): the eight together would hold the page for longer than a
  // reader waits for an answer. So when the link sets anything, each figure
  // is built in a task of its own. The defaults are light, and the page
  // builds them in one task: each yield lets the browser lay out and paint
  // the page so far, which makes the load of the whole page slower.
  const oneTaskEach = touched.size > 0;
  // The first screen shows the linked figure, or else figure 1: each is
  // taller than a screen. On a slow CPU (a phone's: figure 1 alone then
  // takes longer than SLOW_BUILD_MS) it is drawn before the other figures
  // are built, one yield, so that the reader does not wait for figure 8 to
  // see it. On a fast one the yield's extra layout and paint would only
  // delay the whole page, which is ready a few frames later anyway.
  const firstScreenSlot = linkedFigure() ?? slots[0];
  const buildStart = performance.now();
  let firstScreen = 'building'; // then 'built', then 'drawn'
  for (const slot of slots) {
    const name = slot.dataset.figure;
    if (!Object.hasOwn(mounts, name)) continue;
    if (firstScreen === 'built') {
      firstScreen = 'drawn';
      paintQueuedNow();
      performance.mark('optlab-first-screen');
      if (!oneTaskEach && performance.now() - buildStart > SLOW_BUILD_MS) await new Promise((next) => setTimeout(next));
    }
    if (oneTaskEach) {
      paintQueuedNow();
      await new Promise((next) => setTimeout(next));
    }
    performance.mark(`optlab-mount-${name}`);
    const owner = keyOwner(name);
    const result = held(() => mountFigure(slot, {
      ...settings[name], core, t, state: states.get(name), present: names, orDefaults: true,
      // The hash follows a dragged slider a moment later: history.replaceState
      // on every input would slow the frames, and browsers throttle it anyway.
      changed: () => {
        touched.add(owner);
        clearTimeout(hashTimer);
        hashTimer = setTimeout(writeHash, 200);
      },
      share: {
        site,
        link: () => {
          touched.add(owner);
          clearTimeout(hashTimer);
          writeHash();
          return location.href;
        },
      },
    }));
    if (result.messages) {
      slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: `${t.cannotDraw}: ${result.messages.join('; ')}` }));
      continue;
    }
    mounted[name] = result.figure;
    performance.measure(`optlab-figure-${name}`, `optlab-mount-${name}`);
    if (slot === firstScreenSlot) firstScreen = 'built'; // drawn before the next figure is built
  }
  // The list of figures goes in above a linked figure once that figure is
  // on screen in full: in the same frame, the scroll that keeps the figure
  // in place would count the footer under its placeholder as shifted.
  if (oneTaskEach) {
    paintQueuedNow();
    await new Promise((next) => setTimeout(next));
  }
  held(() => listFigures(slots, t));
  // The last figure's first pictures are painted now rather than in the
  // next animation frame, which would first wait for the frame clock.
  paintQueuedNow();
  document.documentElement.dataset.ready = 'true';
  if (firstScreen !== 'drawn') performance.mark('optlab-first-screen'); // the first screen's figure was the last
  performance.mark('optlab-ready'); // read by the page benchmark
  releaseTypesetting();
  // Once the equations are in, in their fonts, and a frame has recorded
  // each section's height, the browser may skip the figures far from the
  // screen (optlab.css).
  await typesetIdle();
  await document.fonts?.ready;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.settled = 'true';
  }));
}

// A link pasted into this tab, or Back to an earlier state, changes only
// the hash, which loads nothing: load it, so that the figures draw what it
// says. (The page's own writes use history.replaceState, which fires no
// hashchange; a plain anchor such as #lbfgs only scrolls.)
addEventListener('hashchange', () => {
  if ([...new URLSearchParams(location.hash.slice(1)).keys()].some((key) => key.includes('.'))) location.reload();
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
