// The share row: Copy link and Copy embed code, served and from disk, in
// English and Korean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { shareAction } from './chromium.mjs';
import { fileUrl, browser, servedUrl, lessonPage } from './page-helpers.mjs';

lessonPage();

describe('copying', () => {
  test('Copy link puts the link on the clipboard; where the clipboard refuses, the link is shown selected', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.locator('textarea.manual-copy').count(), 0); // none until one is needed
    await shareAction(page.locator('#momentum'), 'link');
    await page.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    // A browser that refuses the clipboard (no permission, or no API).
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await shareAction(page.locator('#lbfgs'), 'link');
    const manual = page.locator('#lbfgs textarea.manual-copy');
    await manual.waitFor();
    assert.equal(await manual.inputValue(), page.url());
    assert.deepEqual(await manual.evaluate((m) => [m.selectionStart, m.selectionEnd, m.value.length]), [0, page.url().length, page.url().length]);
    assert.equal(await page.textContent('#lbfgs .share .done'), 'Copy this text:');
    assert.equal(await page.locator('textarea.manual-copy').count(), 1); // only where it was needed
    await context.close();
  });

  test('opened from disk, a copied link or embed code says it works on this computer only (in the page\'s language)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fileUrl}?lang=ko`);
    await page.waitForSelector('html[data-ready="true"]');
    for (const kind of ['link', 'embed']) {
      await shareAction(page.locator('#momentum'), kind);
      await page.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
      assert.match(await page.textContent('#momentum .share .done'), /이 컴퓨터에서만 동작합니다/, kind);
      await page.evaluate(() => { document.querySelector('#momentum .share .done').textContent = ''; });
    }
    await context.close();
    // Served, no such note.
    const served = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await served.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const other = await served.newPage();
    await other.goto(servedUrl);
    await other.waitForSelector('html[data-ready="true"]');
    await shareAction(other.locator('#momentum'), 'embed');
    await other.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
    assert.doesNotMatch(await other.textContent('#momentum .share .done'), /this computer only/);
    await served.close();
  });

  test('Copy embed code on the Korean page: an iframe in Korean, named by the figure\'s Korean title, as tall as the figure; then the element with its script', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const page = await context.newPage();
    await page.goto(`${servedUrl}?lang=ko`);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.isVisible('#annealing button[data-share=element]'), false);
    const section = await page.$eval('#annealing', (s) => s.getBoundingClientRect());
    await shareAction(page.locator('#annealing'), 'embed');
    await page.waitForFunction(() => document.querySelector('#annealing .share .done').textContent !== '');
    assert.match(await page.textContent('#annealing .share .done'), /아이프레임/);
    const iframe = (await page.evaluate(() => navigator.clipboard.readText())).trim();
    assert.equal(iframe.split('\n').length, 1, iframe);
    assert.match(iframe, /embed\/annealing\.html\?lr=0\.1&amp;batch=1&amp;runs=400&amp;seed=1&amp;steps=1000&amp;lang=ko&amp;theme=light" title="optlab: 담금질: 더 좋은 최소점을 찾아 주는 노이즈" /);
    const height = Number(/height: (\d+)px;/.exec(iframe)?.[1]);
    assert.ok(height >= section.height + 20 && height <= section.height + 30, `iframe ${height}px for a ${section.height}px figure`);
    // Pasted alone into a column as wide as the figure was, with no script to size it, the iframe shows the whole figure.
    const host = await context.newPage();
    await host.setContent(`<div style="width: ${section.width}px">${iframe}</div>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    const fit = await frame.evaluate(() => [document.documentElement.scrollHeight, innerHeight, document.documentElement.lang]);
    assert.ok(fit[0] <= fit[1], `the figure page is ${fit[0]}px tall in a ${fit[1]}px frame`);
    assert.equal(fit[2], 'ko');
    // In a narrower column the figure grows taller than the frame: the frame scrolls, nothing is cut off.
    await host.setContent(`<div style="width: 360px">${iframe}</div>`);
    const narrow = await (await host.waitForSelector('iframe')).contentFrame();
    await narrow.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    assert.ok(await narrow.evaluate(() => { scrollTo(0, 1e6); return scrollY > 0; }), 'the narrow frame does not scroll');
    await host.close();
    // The element form, offered once the iframe is copied: the script first, then the tag.
    await page.click('#annealing button[data-share=element]');
    await page.waitForFunction(() => /스크립트/.test(document.querySelector('#annealing .share .done').textContent));
    const [script, tag] = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
    assert.equal(script, `<script src="${servedUrl}optlab-embed.js" defer></script>`);
    assert.match(tag, /^<optlab-figure scene="annealing" lr="0\.1" batch="1" runs="400" seed="1" steps="1000" theme="light"><\/optlab-figure>$/);
    await context.close();
  });

  test('each figure has one Share menu: a keyboard opens it, Escape and leaving close it, and opening it moves nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.locator('.share-toggle').count(), await page.locator('main > .figure').count());
    assert.equal(await page.locator('.share-menu button:visible').count(), 0);
    const toggle = page.locator('#momentum .share-toggle');
    await toggle.scrollIntoViewIfNeeded();
    // The formulas that left the screen are typeset (page-math.test) before anything is measured.
    await page.waitForFunction(() => [...document.querySelectorAll('.math')].every((m) => {
      const r = m.getBoundingClientRect();
      return m.querySelector('.katex') || (r.bottom > 0 && r.top < innerHeight);
    }));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const caption = await page.locator('#momentum .caption').boundingBox();
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // The first action has the focus; the menu sits above the button, over the page: the caption has not moved.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.share), 'link');
    const menu = await page.locator('#momentum .share-menu').boundingBox();
    assert.ok(menu.y + menu.height <= (await toggle.boundingBox()).y + 1);
    assert.deepEqual(await page.locator('#momentum .caption').boundingBox(), caption);
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('share-toggle')), true);
    // A tap elsewhere closes it too.
    await toggle.tap();
    assert.equal(await page.locator('#momentum .share-menu').isVisible(), true);
    await page.locator('#momentum canvas').first().tap();
    await page.waitForFunction(() => document.querySelector('#momentum .share-menu').hidden);
    await context.close();
});

  test('copied by a reader in dark mode, the embed code states theme=dark: pasted into a white page for a reader in light mode, the figure looks as it did where it was copied', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servedUrl).origin });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    await shareAction(page.locator('#momentum'), 'embed');
    await page.waitForFunction(() => document.querySelector('#momentum .share .done').textContent !== '');
    const iframe = (await page.evaluate(() => navigator.clipboard.readText())).trim();
    assert.match(iframe, /embed\/momentum\.html\?[^"]*&amp;lang=en&amp;theme=dark"/);
    await page.click('#momentum button[data-share=element]');
    await page.waitForFunction(() => /script/.test(document.querySelector('#momentum .share .done').textContent));
    const tag = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n')[1];
    assert.match(tag, /^<optlab-figure scene="momentum" [^>]* theme="dark"><\/optlab-figure>$/);
    await context.close();
    const light = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const host = await light.newPage();
    await host.setContent(`<body style="background: white">${iframe}</body>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('optlab-figure')?.dataset.ready === 'true');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('optlab-figure')).getPropertyValue('--paper').trim()), '#15171a');
    await light.close();
  });
});
