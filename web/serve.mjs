// A small static server for dist/: `./build.sh serve` and the browser tests.
//   node web/serve.mjs [--port 8000] [--base /sub/path/] [--csp]
// --csp sends the strict policy course sites use, to prove the page obeys it
// (serve() also takes a policy string).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'";
// Rendered notebooks carry nbconvert's inline CSS (and no script at all).
export const NOTEBOOK_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ipynb': 'application/json',
};

export function serve({ root, port = 0, base = '/', csp = false, host = '127.0.0.1' }) {
  const top = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let path = normalize(join(top, decodeURIComponent(url.pathname.slice(base.length))));
    if (!path.startsWith(top)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      statSync(path);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (csp) headers['Content-Security-Policy'] = typeof csp === 'string' ? csp : STRICT_CSP;
    res.writeHead(200, headers);
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
  const server = await serve({ root, port: Number(arg('--port', 8000)), base: arg('--base', '/'), csp: process.argv.includes('--csp') });
  const { port } = server.address();
  console.log(`optlab: serving dist/ at http://127.0.0.1:${port}${arg('--base', '/')}  (Ctrl+C stops)`);
  console.log('         or open dist/index.html straight from disk');
}
