// The skeleton every figure shares, and what a figure holds while it is on
// a page. A figure builds its controls and plots, hands them to fill(),
// and gets back the same DOM as every other figure: the title (h2), the
// prose, the toolbars, the legend, the plots, the notes under them and the
// caption that screen readers hear (aria-live). The share row is added by
// the mount (web/src/mount.js), which also calls dispose() when the figure
// leaves.
//
// What the figure takes from the page (painters with their ResizeObserver
// and theme listener, a player's interval, timers, subscriptions to a
// shared state) is registered with hold() or canvas(), and dispose()
// releases all of it, so that a figure removed from a page leaves nothing
// running there.
import { el } from '../controls/controls.js';
import { responsiveCanvas } from './canvas.js';
import { legend as legendOf } from './series.js';

/** A hint under a plot (what can be dragged, what a tap does). */
export const hint = (text, extraClass = '') => el('p', { class: extraClass ? `hint ${extraClass}` : 'hint', text });

// root → its figure's shell, so that what a figure held is released even
// when building it threw before it could return its dispose().
const shells = new WeakMap();

/** Release what the figure built in root holds (a figure that threw half-built included). */
export function releaseFigure(root) {
  shells.get(root)?.dispose();
}

export function figureShell(root) {
  releaseFigure(root);
  const releases = [];
  const caption = el('p', { class: 'caption', 'aria-live': 'polite' });
  const shell = {
    caption,
    /** A canvas that fills its box and repaints itself (plot/canvas.js), released with the figure. */
    canvas(canvas, draw, options) {
      const painter = responsiveCanvas(canvas, draw, options);
      releases.push(painter.dispose);
      return painter;
    },
    /** Something to release with the figure: a player's dispose, a timer's clear, an unsubscribe. */
    hold(release) {
      releases.push(release);
    },
    /**
     * Put the figure into root, in the order every figure uses. toolbars:
     * one list of controls per row; legend: its items ([{label, color}]) or
     * an element of the figure's own; plots: canvases or their rows; notes:
     * what sits between the plots and the caption (hints, equations, keys);
     * before: what sits between the prose and the toolbars; after: what
     * reads best once the plots are seen (below the caption: paragraphs as
     * strings, and elements), so that a figure's first screen holds its
     * controls and plots.
     */
    fill({ title, text, before = [], toolbars = [], legend, plots = [], notes = [], after = [] }) {
      root.replaceChildren(
        el('h2', { class: 'figure-title', text: title }),
        ...text.map((p) => el('p', { text: p })),
        ...before,
        ...toolbars.map((items) => el('div', { class: 'toolbar' }, items)),
        ...(legend === undefined ? [] : [Array.isArray(legend) ? legendOf(legend) : legend]),
        ...plots,
        ...notes,
        caption,
        ...after.map((p) => (typeof p === 'string' ? el('p', { text: p }) : p)),
      );
    },
    /** Release everything held, newest first; a second call does nothing. */
    dispose() {
      while (releases.length) releases.pop()();
      // Chromium (156) keeps a named radio button in its shadow root's
      // radio group when the radio leaves that root inside a removed
      // subtree, as an element's old figure does when a new one replaces
      // it (by then the radio looks for its group in the document). The
      // group then holds the radio, and through it the whole old figure,
      // for as long as the element lives: 30 KB for every L-BFGS figure
      // replaced. A radio without a name is in no group.
      for (const radio of root.querySelectorAll('input[type="radio"][name]')) radio.removeAttribute('name');
    },
  };
  shells.set(root, shell);
  return shell;
}
