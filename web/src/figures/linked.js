// Figures that show one state. Figures 4 and 6 draw the same (γ, β, w0):
// the (γ, β) map (rate-map) drives the momentum figure's paths and follows
// its sliders. This file is the only one that knows it: the parser reads
// those settings into the shared state, the lesson page makes one state for
// both and writes it to its URL under the momentum figure's name only, and
// the map's hint names the figure it drives.
import { createState } from '../state.js';

const groups = [
  {
    // Whose name the state's URL keys carry: the map writes none of its own.
    owner: 'momentum',
    members: ['momentum', 'rate-map'],
    // The settings held in the shared state, and their values in a scene.
    keys: ['lr', 'beta', 'w0'],
    initial: ({ scenario }) => ({ lr: scenario.optimizer.lr, beta: scenario.optimizer.beta, w0: [...scenario.w0] }),
    // The owner's title in string table t, for the hints that name it.
    title: (t) => t.momentum.title,
  },
];

const groupOf = (name) => groups.find((group) => group.members.includes(name));

/** The figure under whose name `name`'s settings are written in a URL (itself, unless it shares). */
export const keyOwner = (name) => groupOf(name)?.owner ?? name;

/** The settings of figure `name` held in a shared state (none for a figure that shares nothing). */
export const sharedKeys = (name) => groupOf(name)?.keys ?? [];

/** The shared part of a scene's defaults, or null for a figure that shares nothing. */
export function sharedDefaults(name, scene) {
  const group = groupOf(name);
  return group ? group.initial(scene) : null;
}

/** The figure that follows `name`'s shared state, among those on a page (`present`), or null. */
export function followerOf(name, present) {
  const group = groupOf(name);
  if (!group || name === group.owner) return null;
  return present.includes(group.owner) ? group.owner : null;
}

/** The title of `follower` (a name followerOf gave) in string table t. */
export const followerTitle = (follower, t) => groupOf(follower).title(t);

/**
 * One state per group for figures mounted together (the lesson page):
 * figure name → state store, seeded from the owner's settings when it is
 * there, else from the first member's. settingsOf(name) gives a figure's
 * parsed settings ({shared}) or undefined when the figure is not there.
 */
export function linkStates(names, settingsOf) {
  const states = new Map();
  for (const group of groups) {
    const present = group.members.filter((name) => names.includes(name));
    if (!present.length) continue;
    const seed = [group.owner, ...present].map(settingsOf).find((settings) => settings?.shared);
    const state = createState(seed.shared);
    for (const name of present) states.set(name, state);
  }
  return states;
}
