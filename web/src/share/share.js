// Share and export, the same on the lesson page and in embedded figures:
// copy a link that restores the figure, copy its embed code (element and
// iframe), and download it as a PNG at 2× (for slides), its data as CSV and
// the scenario JSON that the CLI (`optlab run`) reproduces it from.
import { el } from '../controls/controls.js';
import { plainText } from '../math/inline.js';
import { renderAt } from '../plot/canvas.js';
import { theme } from '../plot/theme.js';
import { toCsv } from './table.js';
import { paramText, stateParams } from './url-state.js';

const plainOf = (element) => (element ? plainText(element) : '');

const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The standalone page of a figure in this state, in language `lang` (an
 * iframe cannot inherit the language of the page around it) and, if given,
 * theme `theme`.
 */
export function figurePageUrl(scene, state, site, lang, theme) {
  const params = stateParams(state ?? {});
  if (lang) params.set('lang', lang);
  if (theme) params.set('theme', theme);
  return new URL(`embed/${scene}.html${params.size ? `?${params}` : ''}`, site).href;
}

/**
 * The theme the figure in `box` is seen in: the one its element states,
 * else the reader's colour scheme.
 */
export function seenTheme(box) {
  const stated = box.getRootNode().host?.getAttribute('theme');
  if (stated === 'light' || stated === 'dark') return stated;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Two ways to put a figure in this state into other pages, each complete
 * when pasted alone. iframe: the standalone figure page, in the language
 * the reader saw, named by the figure's title, and `height` px tall (the
 * figure's height where it was copied: an iframe does not take its
 * content's height, and a host without the height listener would show a
 * 150 px sliver). element: <optlab-figure> after the script that defines
 * it; it takes the language and width of the notes it is put in. Both
 * state `theme`, the one the copier saw: a course page is light or dark
 * whatever its reader's scheme, and a figure following the scheme (auto)
 * would put dark boxes on a white page for readers in dark mode.
 */
export function embedCode(scene, state, site, { lang, title, height, theme } = {}) {
  const attrs = Object.entries(state).map(([k, v]) => ` ${k}="${escapeAttr(paramText(v))}"`).join('')
    + (theme ? ` theme="${theme}"` : '');
  const src = figurePageUrl(scene, state, site, lang, theme);
  const size = height > 0 ? ` height: ${Math.ceil(height)}px;` : '';
  return {
    iframe: `<iframe src="${escapeAttr(src)}" title="optlab: ${escapeAttr(title ?? scene)}" style="width: 100%;${size} border: 0;" loading="lazy"></iframe>\n`,
    element: `<script src="${escapeAttr(new URL('optlab-embed.js', site).href)}" defer></script>\n`
      + `<optlab-figure scene="${scene}"${attrs}></optlab-figure>\n`,
  };
}

function download(name, blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// Text wrapped to `width` px in ctx's font: the lines.
function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The figure as one picture for slides, at `scale`: its title and legend
 * above the plots (every visible canvas drawn again, composed as on
 * screen), and below them its caption and `settings` (a line such as
 * "lr = 0.05 · beta = 0.8"), so that a slide says what it shows.
 */
export function figurePicture(box, scale = 2, settings = '') {
  const canvases = [...box.querySelectorAll('canvas')].filter((c) => c.getClientRects().length > 0);
  const rects = canvases.map((c) => c.getBoundingClientRect());
  if (!canvases.length) return null;
  const x0 = Math.min(...rects.map((r) => r.left)), y0 = Math.min(...rects.map((r) => r.top));
  const x1 = Math.max(...rects.map((r) => r.right)), y1 = Math.max(...rects.map((r) => r.bottom));
  const pad = 12;
  const width = Math.max(x1 - x0, 320);
  const colors = theme(box);
  const family = getComputedStyle(box).fontFamily;
  const paper = colors.paper || '#ffffff';
  const measure = document.createElement('canvas').getContext('2d');
  const font = (size, weight = '') => `${weight} ${size}px ${family}`.trim();
  // The text blocks, laid out in CSS px before anything is drawn.
  const title = plainOf(box.querySelector('.figure-title'));
  measure.font = font(16, 'bold');
  const titleLines = title ? wrap(measure, title, width) : [];
  const items = [...box.querySelectorAll('.legend li')].filter((li) => li.getClientRects().length > 0).map((li) => {
    const line = li.querySelector('.swatch line');
    const mark = li.querySelector('.swatch circle');
    const dash = line?.getAttribute('stroke-dasharray');
    if (mark) {
      const style = getComputedStyle(mark);
      const ring = style.fill === 'none';
      return { label: plainText(li), color: ring ? style.stroke : style.fill, marker: ring ? 'ring' : 'dot', dash: [] };
    }
    return { label: plainText(li), color: line ? getComputedStyle(line).stroke : colors.ink, dash: dash ? dash.split(' ').map(Number) : [] };
  });
  measure.font = font(12);
  const legendRows = [];
  let row = [], used = 0;
  for (const item of items) {
    const w = 26 + measure.measureText(item.label).width + 16;
    if (row.length && used + w > width) {
      legendRows.push(row);
      row = [];
      used = 0;
    }
    row.push({ ...item, x: used });
    used += w;
  }
  if (row.length) legendRows.push(row);
  const caption = plainOf(box.querySelector('.caption'));
  const captionLines = caption ? wrap(measure, caption, width) : [];
  measure.font = font(11);
  const settingLines = settings ? wrap(measure, settings, width) : [];
  const head = titleLines.length * 22 + legendRows.length * 18 + (titleLines.length || legendRows.length ? 8 : 0);
  const foot = (captionLines.length ? 8 + captionLines.length * 17 : 0) + (settingLines.length ? 4 + settingLines.length * 15 : 0);

  const out = document.createElement('canvas');
  out.width = Math.round((width + 2 * pad) * scale);
  out.height = Math.round((head + (y1 - y0) + foot + 2 * pad) * scale);
  const ctx = out.getContext('2d');
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';
  let y = pad;
  ctx.fillStyle = colors.ink;
  ctx.font = font(16, 'bold');
  for (const line of titleLines) {
    ctx.fillText(line, pad, y + 11);
    y += 22;
  }
  ctx.font = font(12);
  for (const items of legendRows) {
    for (const item of items) {
      ctx.strokeStyle = item.color;
      ctx.fillStyle = item.color;
      ctx.setLineDash(item.dash);
      ctx.beginPath();
      if (item.marker) {
        ctx.lineWidth = 1.5;
        ctx.arc(pad + item.x + 10, y + 9, 4, 0, 2 * Math.PI);
        if (item.marker === 'dot') ctx.fill();
        else ctx.stroke();
      } else {
        ctx.lineWidth = 3;
        ctx.moveTo(pad + item.x, y + 9);
        ctx.lineTo(pad + item.x + 20, y + 9);
        ctx.stroke();
      }
      ctx.fillStyle = colors.ink;
      ctx.fillText(item.label, pad + item.x + 26, y + 9);
    }
    y += 18;
  }
  ctx.setLineDash([]);
  if (head) y += 8;
  canvases.forEach((canvas, i) => {
    const picture = renderAt(canvas, scale, paper);
    if (picture) ctx.drawImage(picture, pad + rects[i].left - x0, y + rects[i].top - y0, rects[i].width, rects[i].height);
  });
  y += y1 - y0;
  if (captionLines.length) {
    y += 8;
    ctx.fillStyle = colors.ink;
    ctx.font = font(12);
    for (const line of captionLines) {
      ctx.fillText(line, pad, y + 8);
      y += 17;
    }
  }
  if (settingLines.length) {
    y += 4;
    ctx.fillStyle = colors.muted || colors.ink;
    ctx.font = font(11);
    for (const line of settingLines) {
      ctx.fillText(line, pad, y + 7);
      y += 15;
    }
  }
  return out;
}

/** A figure's state as one line for a picture: "lr = 0.05 · beta = 0.8 · w0 = (1, 1)". */
export function settingsLine(state) {
  return Object.entries(state ?? {})
    .map(([key, value]) => `${key} = ${Array.isArray(value) ? `(${value.map(String).join(', ')})` : String(value)}`)
    .join(' · ');
}

let menus = 0; // ids for each figure's menu

/**
 * One compact menu per figure: a "Share" button that opens the list of
 * actions above it (copy link, copy embed code, PNG, CSV, scenario JSON).
 * A disclosure, not an ARIA menu: Tab walks its buttons, Escape or focus
 * leaving it closes it, and an action closes it once done; the message
 * ("Copied.") stays beside the button. It opens upwards, over the page,
 * so nothing moves (and a figure in an iframe, where the button is the
 * last thing, does not clip it). figure: the mount's result ({state,
 * table, scenario}); link(): the URL that restores it; site: the base URL
 * of the built site.
 */
export function shareBar({ t, box, scene, figure, link, site }) {
  const s = t.share;
  const status = el('span', { class: 'done', role: 'status' });
  let manual = null; // made the first time the clipboard refuses
  async function copy(text, done = s.copied) {
    // A page opened from disk hands out file: addresses, which work on this
    // computer only: say so rather than let them fail in someone's notes.
    const note = /(^|")file:/.test(text) ? ` ${s.localOnly}` : '';
    try {
      await navigator.clipboard.writeText(text);
      if (manual) manual.hidden = true;
      status.textContent = done + note;
    } catch {
      // No clipboard (permissions, old browser): show the text, selected.
      if (!manual) {
        manual = el('textarea', { class: 'manual-copy', readonly: '', rows: '3', 'aria-label': s.copyBy });
        holder.append(manual);
      }
      manual.value = text;
      manual.hidden = false;
      manual.select();
      status.textContent = s.copyBy + note;
    }
  }
  const id = `optlab-share-${++menus}`;
  const toggle = el('button', { type: 'button', class: 'share-toggle', 'aria-expanded': 'false', 'aria-controls': id },
    [s.menu, el('span', { class: 'share-arrow', 'aria-hidden': 'true', text: '▾' })]);
  const menu = el('div', { class: 'share-menu', id, role: 'group', 'aria-label': s.label });
  menu.hidden = true;
  const open = (yes) => {
    menu.hidden = !yes;
    toggle.setAttribute('aria-expanded', String(yes));
  };
  toggle.addEventListener('click', () => {
    open(menu.hidden);
    if (!menu.hidden) menu.querySelector('button')?.focus();
  });
  const bar = el('div', { class: 'share' });
  bar.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || menu.hidden) return;
    open(false);
    toggle.focus();
  });
  // Focus leaving the menu and its button (a click elsewhere, Tab past the
  // last action) closes it; no listener on the document is needed.
  bar.addEventListener('focusout', (event) => {
    if (!bar.contains(event.relatedTarget)) open(false);
  });
  const button = (text, action, name) => {
    const b = el('button', { type: 'button', text, 'data-share': name });
    b.addEventListener('click', async () => {
      await action();
      open(false);
      if (document.activeElement === b || !document.activeElement || document.activeElement === document.body) toggle.focus();
    });
    return b;
  };
  const base = `optlab-${scene}`;
  // The iframe is what "Copy embed code" copies: one paste works on any
  // page that allows iframes (most course sites and LMSs strip scripts).
  // Once it is copied, the element form is offered next to the message.
  const code = () => embedCode(scene, figure.state(), site(), {
    lang: t.lang,
    theme: seenTheme(box),
    title: box.querySelector('.figure-title') ? plainText(box.querySelector('.figure-title')) : undefined,
    // The standalone page measured 0-50 px shorter than the page's figure
    // at the same width, except figure 2 (7 px taller): a little room more.
    height: Math.ceil(box.getBoundingClientRect().height / 10) * 10 + 20,
  });
  const asElement = el('button', { type: 'button', text: s.copyElement, 'data-share': 'element' });
  asElement.addEventListener('click', () => copy(code().element, s.copiedElement));
  asElement.hidden = true;
  menu.append(
    button(s.copyLink, () => copy(link()), 'link'),
    button(s.copyEmbed, async () => {
      await copy(code().iframe, s.copiedIframe);
      asElement.hidden = false;
    }, 'embed'),
    button(s.png, () => figurePicture(box, 2, settingsLine(figure.state()))?.toBlob((blob) => download(`${base}.png`, blob), 'image/png'), 'png'),
    button(s.csv, () => {
      // A CSV of some of the runs would pass for all of them: say so instead.
      const table = figure.table();
      if (table.complete === false) status.textContent = s.csvPending;
      else download(`${base}.csv`, new Blob([toCsv(table)], { type: 'text/csv' }));
    }, 'csv'),
    button(s.json, () => download(`${base}.json`, new Blob([`${JSON.stringify(figure.scenario(), null, 2)}\n`], { type: 'application/json' })), 'json'),
  );
  bar.append(toggle, menu, status, asElement);
  const holder = el('div', {}, [bar]);
  return holder;
}
