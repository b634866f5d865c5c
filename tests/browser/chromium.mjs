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
