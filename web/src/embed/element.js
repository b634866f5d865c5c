// <optlab-figure>: one figure of the lesson, embeddable in any page.
//
//   <optlab-figure scene="momentum" lr="0.02" beta="0.9" lang="ko" controls="lr,beta"></optlab-figure>
//
// Importing this module has no side effects; define() registers the tag
// (under another name if asked). Every figure on a page shares one core
// (one wasm instance). The figure lives in a shadow root, so the host page's
// CSS cannot break it; its colours follow prefers-color-scheme unless
// theme="light" or "dark" is set. Changing an attribute redraws it; a bad
// attribute shows a message in the figure's box naming it and its range.
// Taken out of the page, the figure lets go of all it holds (its painters'
// observers and listeners, its timers, the runs it was computing); put
// back, it draws again.
import embedCss from 'optlab-embed-css';
import coreFactory from 'optlab-core-factory';

import { loadCore } from '../../core/optlab-core.js';
import { render } from '../math/katex-render.js';
import { useRenderer } from '../math/typeset.js';
import { strings, tables } from '../i18n/index.js';
import { mountFigure, readSettings, usableSettings } from '../mount.js';
import { painted, paintQueuedNow } from '../plot/canvas.js';
import { themeChanged } from '../plot/theme.js';
import { figurePageUrl } from '../share/share.js';
import { allAttributes } from './params.js';

let corePromise = null;
/** The one core every embedded figure uses (loaded on first use). */
export function sharedCore() {
  useRenderer(render); // KaTeX travels inside the embed script
  corePromise ??= loadCore(coreFactory);
  return corePromise;
}

// The figures of one page take turns: each is built, then painted, in
// tasks of their own, the first after the core's task. All together, in
// the task that loaded the core, four figures held a page for 200 ms on a
// slow machine, and input waited for all of them.
let turns = Promise.resolve();
function inTurn(work) {
  const mine = turns.then(() => new Promise((next) => setTimeout(next))).then(work);
  turns = mine.catch(() => {});
  return mine;
}

let sheet = null;
function styles() {
  // A constructed stylesheet is CSSOM, so a strict style-src allows it.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(embedCss);
  }
  return sheet;
}

let serial = 0;
let site = null;
/** Where the built site lives (links and iframe code point there); set by the builds from their own URL. */
export function setSite(url) {
  site = url;
}
const Base = globalThis.HTMLElement ?? class {};

function decodeKey(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class OptlabFigure extends Base {
  static get observedAttributes() {
    return allAttributes;
  }

  constructor() {
    super();
    this._pending = false;
    this._settings = null;
    this._figure = null;
    this._lang = null; // the language it is drawn in
  }

  connectedCallback() {
    this._schedule();
  }

  disconnectedCallback() {
    this._figure?.dispose?.();
    this._figure = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this._schedule();
  }

  /** The figure's parameters as they stand now, e.g. {lr, beta, w0, steps} (null before it is drawn). */
  get state() {
    return this._figure?.state?.() ?? null;
  }

  /** The figure's data as {columns, rows} (what the CSV export writes); complete: false while runs are still computed. */
  table() {
    return this._figure?.table?.() ?? null;
  }

  /** The scenario (the core's contract) the figure's main run comes from. */
  scenario() {
    return this._figure?.scenario?.() ?? null;
  }

  /** The standalone page of this figure in this state and language (restores the same trajectories). */
  link() {
    return figurePageUrl(this._settings.name, this.state, site ?? location.href, this._lang);
  }

  /** A promise settled when the figure (re)drew after its latest attribute change. */
  get ready() {
    return this._ready ?? Promise.resolve();
  }

  // Attribute changes arrive one by one; redraw once after all of them.
  _schedule() {
    if (this._pending) return;
    this._pending = true;
    this._ready = new Promise((resolve) => {
      queueMicrotask(() => {
        this._pending = false;
        // Taken out again before it was drawn: it draws when it is back.
        if (!this.isConnected) return resolve();
        this._render().then(resolve, resolve);
      });
    });
  }

  _language() {
    const own = this.getAttribute('lang');
    if (own && Object.hasOwn(tables, own)) return own;
    const inherited = this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en';
    const code = inherited.toLowerCase().split('-')[0];
    return Object.hasOwn(tables, code) ? code : 'en';
  }

  async _render() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    // Only names that are some figure's settings are checked: any element
    // also carries id, class, aria-* and the like. A standalone figure page
    // (embed/<scene>.html) lists its URL's keys in data-url-keys and sets
    // only those that are settings: the others are named, and a setting
    // is checked while it is still set.
    const fromUrl = (this.dataset.urlKeys ?? '').split(',').map(decodeKey).filter((name) => name && (!allAttributes.includes(name) || this.hasAttribute(name)));
    const given = [...new Set([...this.getAttributeNames().filter((name) => allAttributes.includes(name)), ...fromUrl])];
    const settings = readSettings((name) => this.getAttribute(name), { given });
    this._settings = settings;
    const t = strings(settings.lang ?? this._language());
    this._lang = t.lang;
    const box = document.createElement('div');
    box.className = 'figure';
    box.id = `optlab-figure-${++serial}`;
    // The figure says which language it speaks, whatever the page around it
    // does: screen readers, and Korean's line breaking (:lang(ko)), go by it.
    box.lang = t.lang;
    this.style.width = settings.width && settings.width !== 'auto' ? `${settings.width}px` : '';
    themeChanged(); // theme attribute or a new root: colours are read again
    const usable = usableSettings(settings.name, settings, t);
    if (usable.messages) return this._fail(shadow, box, t, usable.messages);
    let core;
    try {
      core = await sharedCore();
    } catch (error) {
      return this._fail(shadow, box, t, [t.coreFailed(error.message)]);
    }
    return inTurn(() => this._mount(shadow, box, settings, core, t));
  }

  async _mount(shadow, box, settings, core, t) {
    // A newer change is on its way, or the figure left the page meanwhile.
    if (this._settings !== settings || !this.isConnected) return;
    // The old figure is released while it is still in the shadow root:
    // its radios leave their group only from there (plot/figure-shell.js).
    this._figure?.dispose?.();
    this._figure = null;
    shadow.replaceChildren(box);
    const mounted = mountFigure(box, {
      settings, core, t,
      changed: () => this.dispatchEvent(new CustomEvent('optlab-change', { bubbles: true, composed: true, detail: { state: this.state } })),
      share: { link: () => this.link(), site: () => site ?? location.href },
    });
    if (mounted.messages) return this._fail(shadow, box, t, mounted.messages);
    this._figure = mounted.figure;
    // Painted in a task of its own (or by a frame that comes first), still
    // in this figure's turn: with the building, a first picture took 100 ms.
    await new Promise((next) => setTimeout(next));
    paintQueuedNow();
    await painted();
    this.dataset.ready = 'true';
    this.dispatchEvent(new CustomEvent('optlab-ready', { bubbles: true, composed: true }));
  }

  _fail(shadow, box, t, messages) {
    const error = document.createElement('div');
    error.className = 'optlab-error';
    error.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = t.cannotDraw;
    error.append(title);
    for (const m of messages) {
      const line = document.createElement('div');
      line.textContent = m;
      error.append(line);
    }
    this._figure?.dispose?.();
    this._figure = null;
    box.replaceChildren(error);
    shadow.replaceChildren(box);
    this.dataset.ready = 'error';
    this.dispatchEvent(new CustomEvent('optlab-error', { bubbles: true, composed: true, detail: { messages } }));
  }
}

/** Register the element (as tag, default "optlab-figure"); returns the class used. */
export function define(tag = 'optlab-figure') {
  const existing = customElements.get(tag);
  if (existing) return existing;
  // A subclass per tag: one class can be defined under one name only.
  const named = class extends OptlabFigure {};
  customElements.define(tag, named);
  return named;
}
