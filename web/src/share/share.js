// Share and export, the same on the lesson page and in embedded figures:
// copy a link that restores the figure, copy its embed code (element and
// iframe), and download it as a PNG at 2× (for slides), its data as CSV and
// the scenario JSON that the CLI (`optlab run`) reproduces it from.
import { el } from '../controls/controls.js';
import { renderAt } from '../plot/canvas.js';
import { theme } from '../plot/theme.js';
import { toCsv } from './table.js';
import { paramText, stateParams } from './url-state.js';

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

/** Every visible canvas of the figure drawn again at `scale`, composed as on screen. */
export function figurePicture(box, scale = 2) {
  const canvases = [...box.querySelectorAll('canvas')].filter((c) => c.getClientRects().length > 0);
  const rects = canvases.map((c) => c.getBoundingClientRect());
  if (!canvases.length) return null;
  const x0 = Math.min(...rects.map((r) => r.left)), y0 = Math.min(...rects.map((r) => r.top));
  const x1 = Math.max(...rects.map((r) => r.right)), y1 = Math.max(...rects.map((r) => r.bottom));
  const pad = 8;
  const out = document.createElement('canvas');
  out.width = Math.round((x1 - x0 + 2 * pad) * scale);
  out.height = Math.round((y1 - y0 + 2 * pad) * scale);
  const ctx = out.getContext('2d');
  const paper = theme(box).paper || '#ffffff';
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, out.width, out.height);
  canvases.forEach((canvas, i) => {
    const picture = renderAt(canvas, scale, paper);
    if (picture) ctx.drawImage(picture, Math.round((rects[i].left - x0 + pad) * scale), Math.round((rects[i].top - y0 + pad) * scale));
  });
  return out;
}

/**
 * The row of buttons. figure: the mount's result ({state, table, scenario});
 * link(): the URL that restores it; site: the base URL of the built site.
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
  const button = (text, action, name) => {
    const b = el('button', { type: 'button', text, 'data-share': name });
    b.addEventListener('click', action);
    return b;
  };
  const base = `optlab-${scene}`;
  // The iframe is what "Copy embed code" copies: one paste works on any
  // page that allows iframes (most course sites and LMSs strip scripts).
  // Once it is copied, the element form is offered next to the message.
  const code = () => embedCode(scene, figure.state(), site(), {
    lang: t.lang,
    theme: seenTheme(box),
    title: box.querySelector('.figure-title')?.textContent,
    // The standalone page measured 0-50 px shorter than the page's figure
    // at the same width, except figure 2 (7 px taller): a little room more.
    height: Math.ceil(box.getBoundingClientRect().height / 10) * 10 + 20,
  });
  const asElement = button(s.copyElement, () => copy(code().element, s.copiedElement), 'element');
  asElement.hidden = true;
  const bar = el('div', { class: 'share', role: 'group', 'aria-label': s.label }, [
    button(s.copyLink, () => copy(link()), 'link'),
    button(s.copyEmbed, async () => {
      await copy(code().iframe, s.copiedIframe);
      asElement.hidden = false;
    }, 'embed'),
    button(s.png, () => figurePicture(box, 2)?.toBlob((blob) => download(`${base}.png`, blob), 'image/png'), 'png'),
    button(s.csv, () => {
      // A CSV of some of the runs would pass for all of them: say so instead.
      const table = figure.table();
      if (table.complete === false) status.textContent = s.csvPending;
      else download(`${base}.csv`, new Blob([toCsv(table)], { type: 'text/csv' }));
    }, 'csv'),
    button(s.json, () => download(`${base}.json`, new Blob([`${JSON.stringify(figure.scenario(), null, 2)}\n`], { type: 'application/json' })), 'json'),
    status,
    asElement,
  ]);
  const holder = el('div', {}, [bar]);
  return holder;
}
