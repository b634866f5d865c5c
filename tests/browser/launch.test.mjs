// The browser every test and benchmark launches (chromium.mjs): its own
// --disable-features switch replaces Playwright's, so it must keep every
// feature Playwright turns off, and it must keep the address bar's hidden
// popups from starting.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { chromium } from 'playwright-core';

import { chromiumPath, launchChromium, omniboxPopupFeatures } from './chromium.mjs';

// The renderers of the browser this test process started last (its
// processes: the browser, then zygotes and renderers below it).
function newestBrowsersRenderers() {
  const table = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { parent: Number(fields[1]), start: Number(fields[19]), command: readFileSync(`/proc/${pid}/cmdline`, 'utf8') });
    } catch { /* gone */ }
  }
  const browsers = [...table].filter(([, info]) => info.parent === process.pid && !info.command.includes('--type='));
  const browser = browsers.sort((a, b) => b[1].start - a[1].start)[0]?.[0];
  const below = (pid) => {
    for (let up = table.get(pid)?.parent, depth = 0; up && depth < 4; up = table.get(up)?.parent, depth++) if (up === browser) return true;
    return false;
  };
  return [...table].filter(([pid, info]) => below(pid) && info.command.includes('--type=renderer')).map(([, info]) => info.command);
}

// The features the renderers of a freshly launched browser run with
// (Chromium hands its child processes the effective list). One browser
// at a time, so that no other browser's renderer is read.
async function disabledFeatures(launch) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto('data:text/html,<p>hello</p>');
    const renderers = newestBrowsersRenderers();
    assert.ok(renderers.length > 0, 'no renderer of this browser found under /proc');
    const lists = new Set(renderers.map((command) => /--disable-features=([^\s\0]*)/.exec(command)?.[1] ?? ''));
    assert.equal(lists.size, 1, `this browser's renderers disagree: ${[...lists].join(' | ')}`);
    return new Set([...lists][0].split(',').filter(Boolean));
  } finally {
    await browser.close();
  }
}

// The browser-UI targets (the omnibox popups are such pages) a moment after a new tab.
async function browserUi(launch) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.waitForTimeout(1500);
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url);
  } finally {
    await browser.close();
  }
}

const launchPlain = () => chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });

test("the shared launch keeps every feature Playwright disables, and disables the omnibox popups", async () => {
  const playwrights = await disabledFeatures(launchPlain);
  assert.ok(playwrights.size > 5, `Playwright's own list looks wrong: ${[...playwrights]}`);
  const shared = await disabledFeatures(launchChromium);
  const lost = [...playwrights].filter((feature) => !shared.has(feature));
  assert.deepEqual(lost, [], `chromium.mjs's --disable-features drops what Playwright disables: ${lost.join(', ')}; add them to playwrightDisabledFeatures`);
  for (const feature of omniboxPopupFeatures) assert.ok(shared.has(feature), `${feature} is not disabled`);
});

test('a new tab starts no address-bar popup', async (t) => {
  const withPopups = await browserUi(launchPlain);
  if (!withPopups.some((url) => url.includes('omnibox'))) t.diagnostic(`this Chromium preloads no omnibox popup even by default (${withPopups.join(', ') || 'no browser_ui target'}); chromium.mjs's omniboxPopupFeatures may no longer be needed`);
  const left = await browserUi(launchChromium);
  assert.deepEqual(left.filter((url) => url.includes('omnibox')), [], 'the omnibox popups still start: were their features renamed?');
});
