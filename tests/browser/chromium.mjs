// Debian's Chromium, driven by playwright-core (no browser is ever
// downloaded), with the flags every browser test and benchmark shares:
// no sandbox (CI runs as root), no GPU, no background traffic.
import { chromium } from 'playwright-core';

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * Record, in the returned list, everything that goes wrong in a page:
 * console errors, page errors, failed requests, and requests that leave
 * the site (anything not under `inside` or data:; blob: too when the page
 * makes downloads, which are blob: URLs of its own).
 */
export function watchProblems(page, inside, { blobs = false } = {}) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(inside) && !u.startsWith('data:') && !(blobs && u.startsWith('blob:'))) problems.push(`request outside the site: ${u}`);
  });
  return problems;
}
