// The service worker (web/sw.js) in headless Chromium, on a phone-sized screen:
//   - after a first visit it controls the page, and a return visit's page comes from it, not the server;
//   - with the network gone, a return visit still shows the login form;
//   - when the server has a newer build than the copy kept, the page opens from the kept copy, a bar
//     says so in the dashboard's language within the screen's width, and its button reloads into the
//     new build, after which the kept copy is the server's;
//   - a navigation to the API (a file download, the spec) is the server's own answer.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Exits non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, step } from './helpers.mjs';

const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

const WIDTH = 390;
const MARK = '<!-- an older build -->';

/** Puts a copy of index.html that differs from the server's in the worker's cache: an older build. */
async function keepOlderBuild(page) {
  await page.evaluate(async (mark) => {
    const cache = await caches.open('hh-shell-v1');
    const kept = await cache.match('/index.html');
    if (!kept) throw new Error('the service worker keeps no index.html');
    const html = (await kept.text()).replace('</body>', `${mark}</body>`);
    await cache.put('/index.html', new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  }, MARK);
}

/** Whether the worker's copy of index.html is the server's. */
const keptIsCurrent = (page) =>
  page.evaluate(async () => {
    const kept = await (await caches.match('/index.html'))?.text();
    const served = await (await fetch('/index.html', { cache: 'no-store' })).text();
    return kept === served;
  });

const { context, page, problems, close } = await launch({ width: WIDTH, height: 844 });
try {
  step('a first visit registers the service worker, which then controls the page');
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  check(await keptIsCurrent(page), 'the service worker did not keep the server\'s index.html');

  step('a return visit\'s page comes from the service worker');
  const again = await page.reload();
  check(again?.fromServiceWorker(), 'the return visit\'s page came from the server, not the service worker');
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  check(!(await page.getByTestId('new-version').isVisible()), 'the new-build bar shows though the build is the same');

  step('offline, a return visit still shows the login form');
  await context.setOffline(true);
  const offline = await page.reload();
  check(offline?.fromServiceWorker(), 'offline, the page did not come from the service worker');
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  await context.setOffline(false);

  step('a newer build on the server: the kept page opens, a bar offers the new one (Chinese)');
  await keepOlderBuild(page);
  await page.reload();
  check((await page.content()).includes(MARK), 'the page did not open from the kept copy');
  const bar = page.getByTestId('new-version');
  await bar.waitFor({ state: 'visible' });
  const text = await bar.innerText();
  check(text.includes('平台已更新') && text.includes('刷新'), `the bar reads "${text}"`);
  check(!/[A-Za-z]/.test(text), `English in the Chinese bar: "${text}"`);
  const box = await bar.boundingBox();
  check(box && box.x >= 0 && box.x + box.width <= WIDTH, `the bar leaves the screen: ${JSON.stringify(box)}`);
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page overflows sideways with the bar');
  await screenshot(page, 'shell-new-version.png', { fullPage: false });

  step('its button reloads into the new build, and the kept copy is then the server\'s');
  await Promise.all([page.waitForEvent('framenavigated'), bar.getByRole('button').click()]);
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  check(!(await page.content()).includes(MARK), 'the reload still shows the older build');
  await page.waitForFunction(async () => {
    const kept = await (await caches.match('/index.html'))?.text();
    return kept !== undefined && !kept.includes('<!-- an older build -->');
  }, null, { polling: 200 });
  check(await keptIsCurrent(page), 'after the reload the kept copy is not the server\'s');
  check(!(await page.getByTestId('new-version').isVisible()), 'the bar shows again after reloading into the new build');

  step('in English the bar is in English');
  await page.evaluate(() => localStorage.setItem('hh.locale', JSON.stringify('en')));
  await keepOlderBuild(page);
  await page.reload();
  await bar.waitFor({ state: 'visible' });
  const english = await bar.innerText();
  check(english.includes('A new version is available') && english.includes('Reload'), `the English bar reads "${english}"`);
  await page.evaluate(() => localStorage.removeItem('hh.locale'));

  step('a navigation to the API is the server\'s own answer');
  const spec = await page.goto(`${BASE_URL}/api/openapi.json`);
  check(!spec?.fromServiceWorker(), 'the service worker answered a navigation to the API');
  check(spec?.ok() && (spec.headers()['content-type'] ?? '').includes('json'), `the spec answered ${spec?.status()} ${spec?.headers()['content-type']}`);

  check(problems.length === 0, `errors in the page:\n${problems.join('\n')}`);
  console.log('shell: service worker passed');
} catch (err) {
  await screenshot(page, 'failure.png').catch(() => {});
  console.error(err);
  process.exitCode = 1;
} finally {
  await close();
}
