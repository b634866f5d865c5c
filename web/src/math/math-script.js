// Entry of dist/optlab-math.js, the lesson page's KaTeX (see ./page-loader.js).
import { render } from './katex-render.js';

globalThis.OptlabMath = { render };
