// The lesson page on a phone-sized touch screen: swipes scroll, taps and
// sideways drags move a plot's point.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { browser, servedUrl, lessonPage } from './page-helpers.mjs';

lessonPage();

describe('touch', () => {
  test('on a phone a vertical swipe scrolls the page, also over the draggable plots; a tap or a sideways drag moves the point', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(servedUrl);
    await page.waitForSelector('html[data-ready="true"]');
    const cdp = await context.newCDPSession(page);
    const swipe = async (x, y, dx, dy) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrolled = async (gesture) => {
      const before = await page.evaluate(() => scrollY);
      await gesture();
      await page.waitForTimeout(300); // the hash follows a change 200 ms later
      return (await page.evaluate(() => scrollY)) - before;
    };
    const start = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('momentum.w0'));
    // Only the canvases one points at keep sideways gestures.
    const actions = await page.$$eval('canvas', (cs) => cs.map((c) => [c.classList.contains('draggable'), getComputedStyle(c).touchAction, getComputedStyle(c).cursor]));
    assert.equal(actions.filter(([d]) => d).length, 8); // six start points, the map, the sweep
    assert.equal(await page.locator('#rate-map .map-readout').isVisible(), false); // no mouse to point with
    for (const [draggable, action, cursor] of actions) assert.deepEqual([action, cursor], draggable ? ['pan-y pinch-zoom', 'crosshair'] : ['auto', 'auto']);
    const plot = page.locator('#momentum canvas.draggable');
    const loss = page.locator('#momentum canvas:not(.draggable)');
    await plot.scrollIntoViewIfNeeded();
    let box = await plot.boundingBox();
    assert.ok(await scrolled(() => swipe(box.x + box.width / 2, box.y + box.height * 0.8, 0, -250)) > 100);
    assert.equal(await start(), null); // the start point stayed
    await plot.scrollIntoViewIfNeeded();
    box = await plot.boundingBox();
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.waitForFunction(() => /momentum\.w0=/.test(location.hash));
    const tapped = await start();
    box = await plot.boundingBox();
    assert.equal(await scrolled(() => swipe(box.x + box.width * 0.3, box.y + box.height * 0.5, 80, 30)), 0);
    assert.notEqual(await start(), tapped);
    await loss.scrollIntoViewIfNeeded();
    box = await loss.boundingBox();
    assert.ok(await scrolled(() => swipe(box.x + box.width / 2, Math.min(650, box.y + box.height / 2), 0, -200)) > 100);
    await context.close();
  });

  test('hints name the input the device has: taps on a phone, clicks and keys on a computer, in both languages', async () => {
    const hints = async (options, lang) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${servedUrl}?lang=${lang}`);
      await page.waitForSelector('html[data-ready="true"]');
      const text = await page.$$eval('.hint', (all) => all.map((h) => h.textContent));
      await context.close();
      return text;
    };
    const phone = { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true };
    const computer = { viewport: { width: 1280, height: 900 } };
    for (const text of await hints(phone, 'en')) assert.doesNotMatch(text, /click|mouse|arrow keys|focus/i, text);
    assert.ok((await hints(phone, 'en')).some((text) => /tap/.test(text)));
    for (const text of await hints(phone, 'ko')) assert.doesNotMatch(text, /마우스|화살표 키/, text);
    const desktop = await hints(computer, 'en');
    assert.ok(desktop.some((text) => /click/.test(text)) && desktop.some((text) => /mouse/.test(text)) && !desktop.some((text) => /\btap\b/.test(text)));
  });

  test('on a phone the (γ, β) map is a plot, not a strip: at least 200 px tall, with every region named, in both languages', async () => {
    for (const lang of ['en', 'ko']) {
      const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(`${servedUrl}?lang=${lang}#rate-map`);
      await page.waitForSelector('html[data-ready="true"]');
      await page.waitForFunction(() => document.querySelector('#rate-map canvas').dataset.named !== undefined);
      assert.ok((await page.locator('#rate-map canvas').boundingBox()).height >= 260);
      assert.deepEqual((await page.getAttribute('#rate-map canvas', 'data-named')).split(' ').sort(), ['divergent', 'monotone', 'ripples'], lang);
      await context.close();
    }
  });
});
