// A figure's state in a URL, written and read in one way for every link
// optlab makes: the lesson page's hash (every figure, its keys under its
// name: #momentum.lr=0.02&sgd-cloud.batch=4), a standalone figure page's
// query and hash (?lr=0.02&beta=0.9) and the embed code's attributes.
// Values: numbers as their shortest round-trip text, points as "x,y".
// Reading only finds values: which keys a figure takes, and their ranges,
// are the parser's (web/src/embed/params.js).
import { keyOwner } from '../figures/linked.js';

/** A parameter value as attribute / URL text: numbers shortest round-trip, points "x,y". */
export function paramText(value) {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/** A figure's state as URL parameters, each key after `prefix`, added to `into`. */
export function stateParams(state, { prefix = '', into = new URLSearchParams() } = {}) {
  for (const [key, value] of Object.entries(state)) into.set(`${prefix}${key}`, paramText(value));
  return into;
}

/**
 * The lesson page's hash for the figures `written` (names), from
 * stateOf(name) (null for a figure not drawn): each figure's keys under the
 * name that owns them (a figure sharing another's state writes none).
 */
export function pageHash(written, stateOf) {
  const params = new URLSearchParams();
  for (const name of new Set(written)) {
    if (keyOwner(name) !== name) continue;
    const state = stateOf(name);
    if (state) stateParams(state, { prefix: `${name}.`, into: params });
  }
  return params;
}

/** The figure a page hash's key is written for, or null for a key without a dot (an anchor). */
export function hashFigure(key) {
  const dot = key.indexOf('.');
  return dot < 0 ? null : key.slice(0, dot);
}

/**
 * Figure `name`'s part of a page hash: get(key) as the parser reads it, and
 * the keys written under the figure's own name (none for a figure whose
 * state is another's: its keys are that figure's).
 */
export function figureInHash(hash, name) {
  const owner = keyOwner(name);
  const prefix = `${name}.`;
  const given = owner === name ? [...hash.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)) : [];
  return { get: (key) => (key === 'scene' ? name : hash.get(`${owner}.${key}`)), given };
}

/**
 * The keys of a page hash that no figure of the page (`names`) reads: a
 * typo, a figure the page does not have, or one whose keys are another's.
 * Each as {key, figure, owner}: owner is the figure whose key it should
 * be, or null when the page has no such figure.
 */
export function unreadKeys(hash, names) {
  const unread = [];
  for (const key of new Set(hash.keys())) {
    const figure = hashFigure(key);
    if (figure === null) continue;
    const owner = keyOwner(figure);
    if (names.includes(figure) && owner === figure) continue; // checked with the figure's settings
    unread.push({ key, figure, owner: names.includes(figure) ? owner : null, setting: key.slice(figure.length + 1) });
  }
  return unread;
}

/**
 * The figures a page hash names (by the names that own their keys), among
 * `known`; an anchor (#momentum) counts, so that the page's next write
 * keeps that figure's state in the link.
 */
export function hashFigures(hash, known) {
  return [...hash.keys()].map((key) => keyOwner(key.split('.')[0])).filter((name) => Object.hasOwn(known, name));
}

/** A standalone figure page's parameters: its query, then its hash (which wins). */
export function pageParams(url) {
  const params = new URLSearchParams(url.search);
  new URLSearchParams(url.hash.slice(1)).forEach((value, key) => params.set(key, value));
  return params;
}
