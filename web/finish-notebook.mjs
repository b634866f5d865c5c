// A notebook rendered by nbconvert's optlab template, made to stand alone:
// its policy (script-src 'none' in the template) admits exactly the inline
// scripts the page holds, by their SHA-256 (optlab.figure()'s outputs: the
// embed script, once), with the wasm compilation they need; and its icon,
// a file beside it on the site, is written into the page, so that opened
// from anywhere it requests nothing.
// Usage: node web/finish-notebook.mjs PAGE.html [more.html ...] (in place)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const icon = `data:image/svg+xml;base64,${readFileSync(new URL('favicon.svg', import.meta.url)).toString('base64')}`;

/** The page with its policy and icon set; throws when it has no policy to set. */
export function finishNotebook(html) {
  const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )'none'/;
  if (!policy.test(html)) throw new Error('the page has no Content-Security-Policy with script-src \'none\' (notebooks/templates/optlab)');
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) throw new Error('the page loads a script from elsewhere');
    if (/\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attributes)) continue; // data, never run
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  const scripts = hashes.size ? `${[...hashes].join(' ')} 'wasm-unsafe-eval'` : "'none'";
  return html.replace(policy, (_, head) => head + scripts).replaceAll('href="../favicon.svg"', `href="${icon}"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) writeFileSync(file, finishNotebook(readFileSync(file, 'utf8')));
}
