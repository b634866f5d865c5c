// KaTeX with its fonts, offline and under a strict CSP.
//
// KaTeX's stylesheet loads its fonts by URL, which Chromium refuses from
// file:// (fonts need CORS) and a font-src policy may refuse elsewhere. The
// three faces these formulas use (Main for upright text and digits, Math for
// italic letters, Size1 for Σ) are bundled into the script instead and handed to the
// browser as FontFace objects built from bytes: no request at all. The
// build strips KaTeX's own @font-face rules from the stylesheet.
//
// The lesson page loads this as its own script (dist/optlab-math.js, see
// ./page-loader.js) once the figures are drawn; an embedded figure carries
// it inside its one script.
import katex from 'katex';

// KaTeX's own faces, cut down by the build to the characters formulas use
// (build.sh, katex_fonts).
import mainRegular from 'optlab-katex-fonts/KaTeX_Main-Regular.woff2';
import mathItalic from 'optlab-katex-fonts/KaTeX_Math-Italic.woff2';
import size1 from 'optlab-katex-fonts/KaTeX_Size1-Regular.woff2';

let fontsAdded = false;

function bytes(base64) {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function addFonts() {
  if (fontsAdded || typeof FontFace !== 'function' || !document.fonts) return;
  fontsAdded = true;
  for (const [family, data, style] of [['KaTeX_Main', mainRegular, 'normal'], ['KaTeX_Math', mathItalic, 'italic'], ['KaTeX_Size1', size1, 'normal']]) {
    const face = new FontFace(family, bytes(data), { style, weight: '400' });
    document.fonts.add(face);
  }
}

/** Typeset TeX into element (replacing its content); inline unless display. */
export function render(element, tex, { display = false } = {}) {
  addFonts();
  // \htmlClass marks numbers a figure updates in place; nothing else is trusted.
  katex.render(tex, element, {
    displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore',
    trust: (context) => context.command === '\\htmlClass',
  });
}
