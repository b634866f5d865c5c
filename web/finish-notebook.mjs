// A notebook rendered by nbconvert's optlab template, finished for readers:
//  - its formulas ($…$ and $$…$$ in the Markdown) typeset by KaTeX as
//    MathML, which every current browser draws with no script and no font
//    of ours: the page needs nothing to show them;
//  - its policy (script-src 'none' in the template) admitting optlab.figure()'s
//    embed script and nothing else: kept once (a cell run again carries it
//    again) and admitted by its SHA-256, or (site: true, for dist/notebooks/)
//    swapped for the site's own optlab-embed.js beside it, which `'self'`
//    admits, so the page is a megabyte lighter and the site's CSP header
//    holds for it. Any other script fails the build;
//  - its icon, a file beside it on the site, written into the page, so
//    that opened from anywhere it requests nothing else.
// Usage: node web/finish-notebook.mjs [--site] PAGE.html [more.html ...] (in place)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import katex from 'katex';

const icon = `data:image/svg+xml;base64,${readFileSync(new URL('favicon.svg', import.meta.url)).toString('base64')}`;
const EMBED = /<script>if\(!globalThis\.optlab\)\{[\s\S]*?<\/script>/g;

const unescapeHtml = (text) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]);

// Formulas in text only: never inside a tag, a script, a style, a <pre> or
// a <code> (code cells, printed output and code in prose, where a $ is a $).
function typeset(html) {
  let skip = null;
  return html.split(/(<[^>]*>)/).map((part) => {
    if (part.startsWith('<')) {
      const tag = /^<(\/?)(script|style|pre|code)\b/i.exec(part);
      if (tag && !tag[1] && !skip) skip = tag[2].toLowerCase();
      else if (tag && tag[1] && skip === tag[2].toLowerCase()) skip = null;
      return part;
    }
    if (skip || !part.includes('$')) return part;
    const out = part
      .replace(/\$\$([^$]+)\$\$/g, (_, tex) => katex.renderToString(unescapeHtml(tex), { output: 'mathml', displayMode: true, throwOnError: true }))
      .replace(/\$([^$\n]+)\$/g, (_, tex) => katex.renderToString(unescapeHtml(tex), { output: 'mathml', throwOnError: true }));
    if (out.replace(/<annotation[\s\S]*?<\/annotation>/g, '').includes('$')) throw new Error(`an unpaired $ in the notebook's text: ${part.slice(0, 120)}`);
    return out;
  }).join('');
}

/** The page finished; throws when it is not one of the optlab template's. */
export function finishNotebook(html, { site = false } = {}) {
  const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )'none'/;
  if (!policy.test(html)) throw new Error('the page has no Content-Security-Policy with script-src \'none\' (notebooks/templates/optlab)');
  let kept = false;
  const once = (script) => {
    const first = !kept;
    kept = true;
    return first ? script : '';
  };
  let page = typeset(html).replace(EMBED, (script) => once(site ? '<script src="../optlab-embed.js"></script>' : script));
  const hashes = new Set();
  let external = false;
  for (const [, attributes, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) {
      if (!site || !/\bsrc="\.\.\/optlab-embed\.js"/.test(attributes)) throw new Error(`the page loads a script from elsewhere: ${attributes}`);
      external = true;
      continue;
    }
    if (/\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attributes)) continue; // data, never run
    if (!body.startsWith('if(!globalThis.optlab){')) throw new Error(`the page holds a script that is not optlab's: ${body.slice(0, 80)}`);
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  const sources = [...(external ? ["'self'"] : []), ...hashes];
  const scripts = sources.length ? `${sources.join(' ')} 'wasm-unsafe-eval'` : "'none'";
  return page.replace(policy, (_, head) => head + scripts).replaceAll('href="../favicon.svg"', `href="${icon}"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const site = args[0] === '--site';
  for (const file of site ? args.slice(1) : args) writeFileSync(file, finishNotebook(readFileSync(file, 'utf8'), { site }));
}
