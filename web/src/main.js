// The lesson page's entry: choose the language, load the wasm core, mount
// every figure found in the page. Bundled by esbuild into one classic script
// (dist/optlab.js), so the page also works from file:// and under a strict
// Content-Security-Policy.
import { loadCore } from '../core/optlab-core.js';
import { parseSettings } from './embed/params.js';
import { mounts } from './figures/index.js';
import { chooseLanguage, strings } from './i18n/index.js';
import { loadMathScript } from './math/page-loader.js';
import { typesetIdle, useRendererLoader } from './math/typeset.js';
import { paintQueuedNow } from './plot/canvas.js';
import { queryOf, shareBar } from './share/share.js';
import { createState } from './state.js';

// The page's state lives in its URL hash, one key per figure parameter:
//   #momentum.lr=0.02&momentum.beta=0.9&sgd-cloud.batch=4
// Figures 4 and 6 share (γ, β, w0), so the map (rate-map) writes no keys of
// its own. Opening such a link draws exactly the same trajectories.
const hashKeys = (figure) => (figure === 'rate-map' ? 'momentum' : figure);

// A figure's own defaults (web/scenes), as if the link said nothing of it.
const defaultSettings = (name) => parseSettings((key) => (key === 'scene' ? name : null));

function settingsFromHash(name, hash, t, notes) {
  // The keys written under this figure's own name (figure 6 has none).
  const prefix = `${name}.`;
  const given = hashKeys(name) === name ? [...hash.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)) : [];
  const scoped = parseSettings((key) => (key === 'scene' ? name : hash.get(`${hashKeys(name)}.${key}`)), { given, common: false });
  if (!scoped.errors.length) return scoped;
  notes.set(name, t.share.stateError(name, scoped.errors.map((error) => error.text(t)).join('; ')));
  return defaultSettings(name);
}

// Keys of the hash that name no figure of the page: a typo, or figure 6
// (whose γ and β are figure 4's keys). A key without a dot is an anchor
// (#momentum), not a setting.
function strayKeys(hash, names, t) {
  const messages = [];
  for (const key of new Set(hash.keys())) {
    const dot = key.indexOf('.');
    if (dot < 0) continue;
    const figure = key.slice(0, dot);
    if (names.includes(figure) && hashKeys(figure) === figure) continue; // checked with the figure's settings
    const owner = hashKeys(figure);
    messages.push(t.share.keyNotUsed(key, names.includes(figure) && owner !== figure
      ? t.share.sharedKeys(figure, `${owner}.${key.slice(dot + 1)}`)
      : t.share.noSuchFigure(figure, names.filter((name) => hashKeys(name) === name))));
  }
  return messages;
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

// The header's list of the figures, by their titles (in the page's
// language), numbered as the titles are (optlab.css), linking to each.
function listFigures(slots, t) {
  const nav = document.querySelector('nav.contents');
  if (!nav) return;
  nav.setAttribute('aria-label', t.contents);
  nav.firstElementChild.replaceChildren(...slots.flatMap((slot, i) => {
    const title = slot.querySelector('.figure-title')?.textContent;
    if (!title || !slot.id) return [];
    const item = document.createElement('li');
    item.value = i + 1; // a figure that could not be drawn keeps its number
    item.append(Object.assign(document.createElement('a'), { href: `#${slot.id}`, textContent: title }));
    return [item];
  }));
  nav.hidden = !nav.firstElementChild.children.length;
}

async function start() {
  useRendererLoader(loadMathScript);
  const t = strings(chooseLanguage());
  applyStrings(t);
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
  const hash = new URLSearchParams(location.hash.slice(1));
  const notes = new Map();
  const settings = Object.fromEntries(slots.map((slot) => [slot.dataset.figure, settingsFromHash(slot.dataset.figure, hash, t, notes)]));
  const stray = strayKeys(hash, slots.map((slot) => slot.dataset.figure), t);
  if (stray.length) slots[0]?.before(...stray.map((text) => Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: text })));
  // Figures 4 and 6 share (γ, β, w0): the map drives the paths and follows the sliders.
  const bowl = createState((settings.momentum ?? settings['rate-map'])?.shared ?? {});
  const mounted = {};
  // Figures written to the hash: those the link set, and those the reader changed.
  const touched = new Set([...hash.keys()].map((key) => hashKeys(key.split('.')[0])).filter((name) => Object.hasOwn(mounts, name)));
  const writeHash = () => {
    const params = new URLSearchParams();
    for (const name of touched) {
      const state = mounted[name]?.state?.();
      if (state) for (const [key, value] of new URLSearchParams(queryOf(state))) params.set(`${name}.${key}`, value);
    }
    history.replaceState(null, '', `${location.pathname}${location.search}${params.size ? `#${params}` : ''}`);
    const other = document.querySelector('[data-language-switch]');
    if (other) other.href = new URL(other.getAttribute('href'), location.href).search + location.hash;
  };
  const site = () => new URL('.', location.href).href;
  let hashTimer = 0;
  // A link may make each figure's first picture heavy (the most runs, the
  // finest grid): the eight together, or one after the core's start, would
  // hold the page for longer than a reader waits for an answer. Each figure
  // is built in a task of its own.
  for (const slot of slots) {
    const name = slot.dataset.figure;
    const config = settings[name];
    if (!mounts[name] || config.errors.length) continue;
    paintQueuedNow();
    await new Promise((next) => setTimeout(next));
    performance.mark(`optlab-mount-${name}`);
    // The hash follows a dragged slider a moment later: history.replaceState
    // on every input slowed the frames, and browsers throttle it anyway.
    const changed = () => {
      touched.add(hashKeys(name));
      clearTimeout(hashTimer);
      hashTimer = setTimeout(writeHash, 200);
    };
    // The map's hint names the momentum figure only when it is on the page to follow the map.
    const linked = name === 'rate-map' && settings.momentum && !settings.momentum.errors.length && t.momentum.title;
    const mount = (scene) => mounts[name](slot, { core, t, scene, shared: config.shared ? bowl : undefined, linked, changed });
    let figure;
    try {
      figure = mount(config.scene);
    } catch (error) {
      // Settings within the link's ranges that the core still refuses (as
      // a = 1e-300 once did: γ up to 4/a passed its limit) are treated like
      // a value out of range: named above the figure, which draws its
      // defaults. Only a failure there leaves the figure out, never the page.
      notes.set(name, t.share.stateError(name, error.message));
      try {
        figure = mount(defaultSettings(name).scene);
      } catch (again) {
        slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: `${t.cannotDraw}: ${again.message}` }));
        continue;
      }
    }
    mounted[name] = figure;
    if (notes.has(name)) slot.prepend(Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: notes.get(name) }));
    if (figure?.state) {
      slot.append(shareBar({
        t, box: slot, scene: name, figure, site,
        link: () => {
          touched.add(hashKeys(name));
          clearTimeout(hashTimer);
          writeHash();
          return location.href;
        },
      }));
    }
    performance.measure(`optlab-figure-${name}`, `optlab-mount-${name}`);
  }
  listFigures(slots, t);
  // The figures queued their first pictures; they are painted together
  // now (one layout for the whole page) rather than in the next animation
  // frame, which first waited for the end of parsing and the frame clock
  // (in alternating loads, every figure was drawn 10-45 ms sooner).
  paintQueuedNow();
  document.documentElement.dataset.ready = 'true';
  performance.mark('optlab-ready'); // read by the page benchmark
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
