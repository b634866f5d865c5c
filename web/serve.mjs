// A small static server for dist/: `./build.sh serve` and the browser tests.
//   node web/serve.mjs [--host 127.0.0.1] [--port 8000] [--base /sub/path/] [--csp]
// --csp sends the strict policy course sites use, to prove the page obeys it
// (serve() also takes a policy string).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
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
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
  const host = arg('--host', '127.0.0.1');
  const base = arg('--base', '/');
  const port = Number(arg('--port', 8000));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`optlab: the port must be a whole number from 0 to 65535, not "${arg('--port')}"`);
    process.exit(2);
  }
  let running;
  try {
    running = await serve({ root, port, base, csp: process.argv.includes('--csp'), host });
  } catch (error) {
    const reasons = new Map([
      ['EADDRINUSE', 'it is in use (PORT=8001 ./build.sh serve picks another)'],
      ['EACCES', 'this user may not use it'],
      ['EADDRNOTAVAIL', `this machine has no address ${host} (HOST=0.0.0.0 serves on every interface)`],
      ['ENOTFOUND', `no address is known for "${host}"`],
    ]);
    const why = reasons.get(error.code);
    console.error(`optlab: cannot serve on ${host} port ${port}: ${why ?? error.message}`);
    process.exit(1);
  }
  const shown = (address) => (address.includes(':') ? `[${address}]` : address);
  const at = running.address().port + base;
  if (host === '0.0.0.0' || host === '::') {
    // Every interface: name the addresses a browser elsewhere can use.
    const addresses = Object.values(networkInterfaces()).flat()
      .filter((a) => !a.internal && (host === '::' || a.family === 'IPv4'))
      .map((a) => `http://${shown(a.address)}:${at}`);
    console.log(`optlab: serving dist/ at http://127.0.0.1:${at}  (Ctrl+C stops)`);
    for (const address of addresses) console.log(`         and at ${address}`);
  } else {
    console.log(`optlab: serving dist/ at http://${shown(host)}:${at}  (Ctrl+C stops)`);
  }
  console.log('         or open dist/index.html straight from disk');
}
