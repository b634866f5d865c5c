// dist/index.html from web/index.html. Its footer offers the notebook two
// ways; the build keeps the link to the rendered notebook when there is one
// (./build.sh notebooks, ./build.sh test), else the .ipynb download, so the
// page never links to a file the build did not make.
// Usage: node web/build-index.mjs SOURCE OUT rendered|file
import { readFileSync, writeFileSync } from 'node:fs';

const [source, out, keep] = process.argv.slice(2);
if (keep !== 'rendered' && keep !== 'file') throw new Error(`build-index: the notebook's form must be "rendered" or "file", not "${keep}"`);
const drop = keep === 'rendered' ? 'file' : 'rendered';
const html = readFileSync(source, 'utf8');
const paragraph = new RegExp(`\\n *<p data-notebook="${drop}">[\\s\\S]*?</p>`);
if (!paragraph.test(html) || !html.includes(`<p data-notebook="${keep}">`)) throw new Error(`build-index: ${source} lacks a <p data-notebook="..."> for each form`);
writeFileSync(out, html.replace(paragraph, '').replace(` data-notebook="${keep}"`, ''));
