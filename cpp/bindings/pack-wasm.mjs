// Post-link step of optlab_core.js (CMakeLists.txt): the wasm travels inside
// the script (the only way it loads from file://), and Emscripten 3.1.6
// writes it as base64. Base64 hides the bytes from gzip: 181 KB gzipped,
// where the same bytes as a string of Latin-1 characters (one character per
// byte, written as UTF-8) gzip to 137 KB. Here the base64 payload is taken
// out of the glue and put back as such a string, and the glue is handed the
// bytes as Module.wasmBinary (decoded natively, or by one charCodeAt loop:
// Emscripten's atob loop took 20-30 ms).
//
// The file starts with a byte order mark: a script inherits the encoding of
// the page that loads it, and a course page in EUC-KR would otherwise read
// the characters above 0x7F as Korean. esbuild keeps the characters as they
// are (--charset=utf8) and the builds put the mark back (build.sh).
// Usage: node cpp/bindings/pack-wasm.mjs build/wasm/optlab_core.js
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const BOM = '\ufeff';
let text = readFileSync(file, 'utf8');
if (text.startsWith(BOM)) process.exit(0); // already packed
const fail = (what) => {
  throw new Error(`${file}: ${what} is not where expected; update cpp/bindings/pack-wasm.mjs`);
};

const prefix = 'wasmBinaryFile="data:application/octet-stream;base64,';
const at = text.indexOf(prefix);
if (at < 0 || text.indexOf(prefix, at + 1) >= 0) fail('the inlined wasm');
const end = text.indexOf('"', at + prefix.length);
const bytes = Buffer.from(text.slice(at + prefix.length, end), 'base64');
if (bytes.readUInt32BE(0) !== 0x0061736d) fail('the wasm magic number');
// The data URI stays, empty: the glue still takes the wasm as inlined (no
// fetch), and finds its bytes in wasmBinary first.
text = text.slice(0, at + prefix.length) + text.slice(end);

const hook = 'if(Module["wasmBinary"])wasmBinary=Module["wasmBinary"];';
if (text.indexOf(hook) < 0 || text.indexOf(hook) !== text.lastIndexOf(hook)) fail('the wasmBinary option');
text = text.split(hook).join('wasmBinary=Module["wasmBinary"]||optlabWasmBytes();');

// One character per byte. Escaped: what ends or escapes a string literal,
// and NUL, written \x00 (a "\0" before a digit would be an octal escape).
let literal = '';
for (const b of bytes) {
  if (b === 0x5c) literal += '\\\\';
  else if (b === 0x22) literal += '\\"';
  else if (b === 0x0a) literal += '\\n';
  else if (b === 0x0d) literal += '\\r';
  else if (b === 0) literal += '\\x00';
  else literal += String.fromCharCode(b);
}
// Where the browser has Uint8Array.fromBase64, btoa and it turn the
// string into bytes natively (4-6 ms against 6-10 for the loop).
const decoder = `function optlabWasmBytes(){var s="${literal}";if(typeof Uint8Array.fromBase64=="function"&&typeof btoa=="function")return Uint8Array.fromBase64(btoa(s));var b=new Uint8Array(s.length);for(var i=0;i<s.length;i++)b[i]=s.charCodeAt(i);return b}`;
// Inside the factory, beside the glue's own functions.
// (Spliced, not String.replace: "$$" in the bytes would be read as "$".)
const anchor = text.indexOf('function isDataURI(filename)');
if (anchor < 0) fail('isDataURI');
text = text.slice(0, anchor) + decoder + text.slice(anchor);
writeFileSync(file, BOM + text);
