// The page's one stylesheet: optlab.css followed by KaTeX's, without
// KaTeX's @font-face rules. Those load fonts by URL, which file:// pages
// cannot do (Chromium wants CORS for fonts) and strict CSPs may forbid; the
// two faces the equations use come from the script as FontFace objects
// (web/src/math/typeset.js). Usage: node web/build-css.mjs OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const katexCss = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8');
const withoutFonts = katexCss.replace(/@font-face\{[^}]*\}/g, '');
if (/@font-face|url\(/.test(withoutFonts)) throw new Error('katex.min.css: a font URL survived the stripping');
const own = readFileSync(join(here, 'styles', 'optlab.css'), 'utf8');
writeFileSync(process.argv[2], `${own}\n/* KaTeX ${require('katex/package.json').version} (MIT), fonts supplied by the script */\n${withoutFonts}\n`);
