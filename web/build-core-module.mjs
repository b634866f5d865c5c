// Emscripten's module (a classic script defining OptlabCoreFactory, wasm
// inlined) as an ES module the embed builds can import. Its UMD footer is
// dropped: it would call a host page's AMD define() (Jupyter Book and many
// LMS pages load RequireJS) and refers to CommonJS globals.
// Usage: node web/build-core-module.mjs build/wasm/optlab_core.js OUT
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const text = readFileSync(input, 'utf8');
const footer = text.lastIndexOf("if (typeof exports === 'object' && typeof module === 'object')");
if (footer < 0 || !/var OptlabCoreFactory\b/.test(text)) throw new Error(`${input}: not the expected Emscripten MODULARIZE output`);
writeFileSync(output, `${text.slice(0, footer)}\nexport default OptlabCoreFactory;\n`);
