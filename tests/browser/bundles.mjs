// The dashboard's bundles in headless Chromium: which one a path starts, and the hand-over.
//   /login loads the sign-in bundle alone; /public/programs and the resident's /m/needs load the
//   resident bundle and never the whole dashboard's files; a link between resident pages stays in it;
//   an unknown /m path is its own 404 (no reload loop). Signing in as staff on /login loads the whole
//   dashboard and shows the worker's landing page; signing in as a resident on /login loads the
//   resident bundle; a staff URL opened directly loads only the whole dashboard.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Exits non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, PASSWORD, api, launch, screenshot, step } from './helpers.mjs';

const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

/** Records which bundle files (`web…` = the whole dashboard, `resident…`, `login…`) the page requests. */
function recordBundles(page) {
  const seen = [];
  page.on('request', (req) => {
    const match = new URL(req.url()).pathname.match(/^\/(web|resident|login)(_bg)?-[0-9a-f]{16}\.(js|wasm)$/);
    if (match) seen.push(`${match[1]}.${match[3]}`);
  });
  return {
    /** The bundle files requested since the last call, sorted and without repeats. */
    take() {
      const files = [...new Set(seen.splice(0))].sort();
      return files.join(' ');
    },
  };
}

async function main() {
  const browser = await launch({ width: 390, height: 844 });
  const { page } = browser;
  const bundles = recordBundles(page);
  // Every load asks the server again, so each page's bundle shows as a request even when cached.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  try {
    step('/login starts the sign-in bundle only');
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-form').waitFor({ state: 'visible' });
    const atLogin = bundles.take();
    check(atLogin === 'login.js login.wasm', `/login loaded ${atLogin || 'no bundle'}, not just the sign-in bundle`);

    step('a resident signing in with a password on /login lands in the resident bundle');
    await page.getByTestId('login-username').fill('resident');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/m'));
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    check(bundles.take() === 'resident.js resident.wasm', 'a resident\'s sign-in did not load the resident bundle');
    await page.evaluate(() => localStorage.removeItem('hh.tokens'));

    step('a public page starts the resident bundle only');
    await page.goto(`${BASE_URL}/public/programs`);
    await page.locator('main').first().waitFor({ state: 'visible' });
    check(bundles.take() === 'resident.js resident.wasm', '/public/programs did not load just the resident bundle');

    step('an unknown /m path is the resident bundle\'s own 404');
    await page.goto(`${BASE_URL}/m/no-such-page`);
    await page.getByTestId('not-found').waitFor({ state: 'visible' });
    check(new URL(page.url()).pathname === '/m/no-such-page', 'the 404 moved away from its URL');
    check(bundles.take() === 'resident.js resident.wasm', 'the /m 404 loaded more than the resident bundle');

    step('the resident\'s /m/needs, then a tab, stay in the resident bundle');
    const tokens = await api('POST', '/auth/login', null, { username: 'resident', password: PASSWORD });
    await page.evaluate((t) => localStorage.setItem('hh.tokens', t), JSON.stringify(tokens));
    await page.goto(`${BASE_URL}/m/needs`);
    await page.getByTestId('my-need').first().waitFor({ state: 'visible' });
    await page.getByTestId('tab-take-part').click();
    await page.waitForURL(`${BASE_URL}/m/topics`);
    await page.locator('main').first().waitFor({ state: 'visible' });
    check(bundles.take() === 'resident.js resident.wasm', 'the resident\'s pages loaded more than the resident bundle');
    await page.evaluate(() => localStorage.removeItem('hh.tokens'));

    step('a worker signing in on /login lands on the whole dashboard');
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-form').waitFor({ state: 'visible' });
    bundles.take();
    await page.getByTestId('login-username').fill('street');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    check(!new URL(page.url()).pathname.startsWith('/login'), 'still on /login after signing in');
    check(bundles.take() === 'web.js web.wasm', 'signing in did not load the whole dashboard');

    step('a staff URL opened directly loads only the whole dashboard');
    await page.goto(`${BASE_URL}/needs`);
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    check(bundles.take() === 'web.js web.wasm', '/needs did not load just the whole dashboard');

    const { problems } = browser;
    if (problems.length > 0) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
    console.log('bundles: ok');
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    console.error(`bundles: FAILED: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
