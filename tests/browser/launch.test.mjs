// The browser every test and benchmark launches (chromium.mjs): its own
// --disable-features switch replaces Playwright's, so it must keep every
// feature Playwright turns off, and it must keep the address bar's hidden
// popups from starting.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { launchChromium, omniboxPopupFeatures } from './chromium.mjs';

// Processes started by this test process (browser, zygotes, renderers).
function ownProcesses() {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const mine = (pid) => {
    for (let up = parent.get(pid), depth = 0; up && depth < 6; up = parent.get(up), depth++) if (up === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter(mine);
}

// The features a renderer of this browser runs with (Chromium passes the
// effective list to its child processes).
async function disabledFeatures(browser) {
  const page = await browser.newPage();
  await page.goto('data:text/html,<p>hello</p>');
  for (const pid of ownProcesses()) {
    let command;
    try { command = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (!command.includes('--type=renderer')) continue;
    const list = /--disable-features=([^\s\0]*)/.exec(command);
    await page.close();
    return new Set(list ? list[1].split(',') : []);
  }
  await page.close();
  throw new Error('no renderer of this browser found under /proc');
}

// The browser-UI targets (the omnibox popups are such pages) a second after a new tab.
async function browserUi(browser) {
  const page = await browser.newPage();
  await page.waitForTimeout(1500);
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  await session.detach();
  await page.close();
  return targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url);
}

let plain;
let ours;
before(async () => {
  plain = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  ours = await launchChromium();
});
after(async () => {
  await plain?.close();
  await ours?.close();
});

test("the shared launch keeps every feature Playwright disables, and disables the omnibox popups", async () => {
  const playwrights = await disabledFeatures(plain);
  assert.ok(playwrights.size > 5, `Playwright's own list looks wrong: ${[...playwrights]}`);
  const shared = await disabledFeatures(ours);
  const lost = [...playwrights].filter((feature) => !shared.has(feature));
  assert.deepEqual(lost, [], `chromium.mjs's --disable-features drops what Playwright disables: ${lost.join(', ')}; add them to playwrightDisabledFeatures`);
  for (const feature of omniboxPopupFeatures) assert.ok(shared.has(feature), `${feature} is not disabled`);
});

test('a new tab starts no address-bar popup', async (t) => {
  const withPopups = await browserUi(plain);
  if (!withPopups.some((url) => url.includes('omnibox'))) t.diagnostic(`this Chromium preloads no omnibox popup even by default (${withPopups.join(', ') || 'no browser_ui target'}); chromium.mjs's omniboxPopupFeatures may no longer be needed`);
  const left = await browserUi(ours);
  assert.deepEqual(left.filter((url) => url.includes('omnibox')), [], 'the omnibox popups still start: were their features renamed?');
});
