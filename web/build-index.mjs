// dist/index.html from web/index.html. Its footer offers the notebook two
// ways; the build keeps the link to the rendered notebook when there is one
// (./build.sh notebooks, ./build.sh test), else the .ipynb download, so the
// page never links to a file the build did not make. An element left empty
// for a string (data-text) gets the English one, so that the page is laid
// out before its script runs as it is after (in English; Korean strings
// take the same lines at 375 and 1280 px): the script's first changes then
// move nothing, and a link to a figure lands where the figure stays.
// Usage: node web/build-index.mjs SOURCE OUT rendered|file
import { readFileSync, writeFileSync } from 'node:fs';

import en from './src/i18n/en.js';

const [source, out, keep] = process.argv.slice(2);
if (keep !== 'rendered' && keep !== 'file') throw new Error(`build-index: the notebook's form must be "rendered" or "file", not "${keep}"`);
const drop = keep === 'rendered' ? 'file' : 'rendered';
const html = readFileSync(source, 'utf8');
const paragraph = new RegExp(`\\n *<p data-notebook="${drop}">[\\s\\S]*?</p>`);
if (!paragraph.test(html) || !html.includes(`<p data-notebook="${keep}">`)) throw new Error(`build-index: ${source} lacks a <p data-notebook="..."> for each form`);
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const filled = html.replace(/(<(\w+)[^>]* data-text="(\w+)"[^>]*>)(<\/\2>)/g, (_, open, tag, key, close) => {
  if (typeof en[key] !== 'string') throw new Error(`build-index: no English string "${key}" for <${tag} data-text>`);
  return `${open}${escape(en[key])}${close}`;
});
writeFileSync(out, filled.replace(paragraph, '').replace(` data-notebook="${keep}"`, ''));
