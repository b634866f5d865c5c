// Post-link step of optlab_core.js (CMakeLists.txt): Emscripten 3.1.6 turns
// the inlined wasm back into bytes with atob() and a charCodeAt() loop,
// 20–30 ms of still-interpreted JavaScript on every page load. Where the
// browser has Uint8Array.fromBase64 (Chromium 140+, Firefox 133+, Safari
// 18.2+) the same bytes come from one native call (3–8 ms); elsewhere
// Emscripten's loop runs.
// Usage: node cpp/bindings/fast-base64.mjs build/wasm/optlab_core.js
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const marker = 'try{var decoded=decodeBase64(s);';
const fast = 'if(typeof Uint8Array.fromBase64=="function"){return Uint8Array.fromBase64(s)}';
if (text.includes(fast + marker)) process.exit(0); // already done
const at = text.indexOf(marker);
if (at < 0 || text.indexOf(marker, at + 1) >= 0 || !text.slice(Math.max(0, at - 300), at).includes('function intArrayFromBase64(s)')) {
  throw new Error(`${file}: Emscripten's intArrayFromBase64 is not where expected; update cpp/bindings/fast-base64.mjs`);
}
writeFileSync(file, text.slice(0, at) + fast + text.slice(at));
