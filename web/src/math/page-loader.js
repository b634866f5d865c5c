// The lesson page's KaTeX: a classic script next to optlab.js
// (dist/optlab-math.js, built from ./math-script.js), added to the page the
// first time an equation is typeset. A classic script loads from file:// and
// under `script-src 'self'`, as the page's own scripts do.

const here = typeof document !== 'undefined' ? document.currentScript?.src : undefined;

/** Loader for useRendererLoader(): resolves to KaTeX's render function. */
export function loadMathScript() {
  return new Promise((resolve, reject) => {
    if (globalThis.OptlabMath) {
      resolve(globalThis.OptlabMath.render);
      return;
    }
    const script = document.createElement('script');
    script.src = new URL('optlab-math.js', here ?? document.baseURI).href;
    script.onload = () => (globalThis.OptlabMath ? resolve(globalThis.OptlabMath.render) : reject(new Error('optlab-math.js did not define OptlabMath')));
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
}
