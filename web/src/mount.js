// The one way a figure is put on a page, for the lesson page (main.js) and
// the element (embed/element.js) alike: settings in, and out come the
// figure, its share row, the notes about settings that could not be used,
// and the presentation an author chose (hidden controls, the title's
// level, no prose).
//
// Where the two differ is one choice, orDefaults. The element is an
// author's: a bad attribute is a mistake to show in its place, so nothing
// is drawn but the message. The lesson page's settings come from a link,
// anyone's to write: its bad part is named above the figure, which draws
// its defaults.
import { parseSettings } from './embed/params.js';
import { mounts } from './figures/index.js';
import { followerOf, followerTitle } from './figures/linked.js';
import { releaseFigure } from './plot/figure-shell.js';
import { shareBar } from './share/share.js';
import { createState } from './state.js';

export { sceneNames } from './embed/params.js';

/**
 * A figure's settings read with get(key) → string | null (attributes or
 * URL parameters); see parseSettings for `given` and `common`.
 */
export const readSettings = (get, options) => parseSettings(get, options);

/** Figure `name`'s own defaults (web/scenes), as if nothing were set. */
export const defaultSettings = (name) => parseSettings((key) => (key === 'scene' ? name : null));

/**
 * The settings to draw figure `name` with, and what to say about those
 * that were given: {settings, notes} (notes: texts, in t's words), or
 * {messages} when nothing is drawn (not orDefaults).
 */
export function usableSettings(name, settings, t, { orDefaults = false } = {}) {
  if (!settings.errors.length) return { settings, notes: [] };
  const messages = settings.errors.map((error) => error.text(t));
  if (!orDefaults) return { messages };
  return { settings: defaultSettings(name), notes: [t.share.stateError(name, messages.join('; '))] };
}

const alert = (text) => Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: text });

/**
 * Draw figure settings.name into box. settings: usable ones (see
 * usableSettings), with `notes` about them to show above the figure.
 * state: the shared state of a linked figure (linked.js), or none for one
 * of its own; present: the figures drawn on the same page (a linked
 * figure's hint names the one that follows it); changed(): called on every
 * change the reader makes; share: {link(), site()} for the share row, or
 * null for none. Returns {figure} or {messages} (nothing could be drawn).
 */
export function mountFigure(box, { settings, notes = [], core, t, state, present = [], changed = () => {}, share = null, orDefaults = false }) {
  const { name } = settings;
  const follower = followerOf(name, present);
  const draw = (scene, shared) => mounts[name](box, {
    core, t, scene, changed,
    shared: shared ? state ?? createState(shared) : undefined,
    linked: follower ? followerTitle(follower, t) : false,
  });
  let figure;
  try {
    figure = draw(settings.scene, settings.shared);
  } catch (error) {
    releaseFigure(box);
    // Settings within their ranges that the core still refuses (ranges
    // that depend on one another, such as γ's on a, can combine into
    // values past the core's limits) are treated like a value out of range.
    if (!orDefaults) return { messages: [error.message] };
    notes = [...notes, t.share.stateError(name, error.message)];
    const defaults = defaultSettings(name);
    try {
      figure = draw(defaults.scene, defaults.shared);
    } catch (again) {
      releaseFigure(box);
      return { messages: [again.message] };
    }
  }
  if (notes.length) box.prepend(...notes.map(alert));
  if (share && settings.share !== 'off' && figure?.state) {
    box.append(shareBar({ t, box, scene: name, figure, link: share.link, site: share.site }));
  }
  hideControls(box, settings);
  if (settings.heading !== 2) retitle(box, settings.heading);
  if (settings.text === 'none') {
    // The author's own notes explain: keep the figure, its caption and hints.
    for (const node of box.children) if (node.matches('.figure-title, p:not(.caption):not(.hint)')) node.hidden = true;
  }
  return { figure };
}

// The figure's title at another level (heading="1" on a page that is only
// this figure), looking as it does at level 2.
function retitle(box, level) {
  const title = box.querySelector(':scope > h2');
  if (!title) return;
  const heading = document.createElement(`h${level}`);
  heading.className = title.className;
  heading.append(...title.childNodes);
  title.replaceWith(heading);
}

// Hide the controls an author left out: each control is found by the id
// suffix the figure gives it, and its row (slider, seed field, checkbox) is hidden.
function hideControls(box, { spec, controls }) {
  for (const [name, suffix] of Object.entries(spec.controls)) {
    if (controls.includes(name)) continue;
    const nodes = [];
    if (name === 'player') nodes.push(...box.querySelectorAll('.player'));
    else if (name === 'best') nodes.push(...box.querySelectorAll('.toolbar'));
    else if (name === 'problem') nodes.push(...box.querySelectorAll('.choices'));
    else {
      const input = box.querySelector(`#${box.id}-${suffix}`);
      const row = input?.closest('.slider, .seed-control, .check, .control');
      if (row) nodes.push(row);
    }
    for (const node of nodes) node.hidden = true;
  }
  for (const bar of box.querySelectorAll('.toolbar')) {
    if ([...bar.children].every((c) => c.hidden)) bar.hidden = true;
  }
}
