// The stylesheets, from web/styles/optlab.css and KaTeX's:
//   node web/build-css.mjs page OUT   the lesson page's optlab.css
//   node web/build-css.mjs embed OUT  the inside of an embedded figure (shadow DOM)
// KaTeX's @font-face rules are dropped: they load fonts by URL, which file://
// pages cannot do (Chromium wants CORS for fonts) and strict CSPs may forbid;
// the two faces the equations use come from the script as FontFace objects
// (web/src/math/typeset.js).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const katexCss = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8').replace(/@font-face\{[^}]*\}/g, '');
if (/@font-face|url\(/.test(katexCss)) throw new Error('katex.min.css: a font URL survived the stripping');
const katex = `/* KaTeX ${require('katex/package.json').version} (MIT), fonts supplied by the script */\n${katexCss}\n`;
const own = readFileSync(join(here, 'styles', 'optlab.css'), 'utf8');

function embedCss() {
  const block = (re, what) => {
    const m = re.exec(own);
    if (!m) throw new Error(`optlab.css: ${what} not found`);
    return m[1];
  };
  const light = block(/^:root, html\[data-printing\] \{([^}]*)\}/m, 'the light colours (:root)');
  const dark = block(/@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/, 'the dark colours');
  // The page's font stack, with the Korean faces it names.
  const font = block(/^body \{[^}]*?^  (font: [^;]*;)/m, "the body's font");
  const marker = '/* --- figure components';
  const at = own.indexOf(marker);
  if (at < 0) throw new Error('optlab.css: the figure components marker is missing');
  // Inside a course page the figure's width is its container's, not the window's.
  const components = own.slice(at).replace(/@media \(max-width:/g, '@container (max-width:');
  return `/* An embedded optlab figure (shadow DOM). */
:host {${light}  display: block; container-type: inline-size; background: var(--paper); color: var(--ink);
  ${font}
  padding: 0.25rem 0.75rem 0.75rem; border-radius: 8px; text-align: left; }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) {${dark}} }
:host([theme="dark"]) {${dark}  color-scheme: dark; }
:host([theme="light"]) { color-scheme: light; }
:host([data-printing]) {${light}  color-scheme: light; }
:host([hidden]) { display: none; }
.figure > .figure-title:first-child { margin-top: 0.5rem; }
.optlab-error { color: var(--danger); border: 1px solid var(--danger); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.5rem 0; }
.optlab-error strong { display: block; }
${components}
${katex}`;
}

const [mode, out] = process.argv.slice(2);
if (mode === 'page') writeFileSync(out, `${own}\n${katex}`);
else if (mode === 'embed') writeFileSync(out, embedCss());
else {
  console.error('usage: node web/build-css.mjs page|embed OUT');
  process.exit(2);
}
