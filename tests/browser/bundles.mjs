// The dashboard's bundles in headless Chromium: which one a path starts, the hand-over, and pages
// fetched a group at a time when first visited (web/src/lazy_page.rs). Which files form a group is
// read from each bundle's loader (__wasm_split.js); a visit must fetch its group's module and no
// chunk outside that group.
//   - /login loads the sign-in bundle alone, and no page chunk.
//   - A resident signing in there with a password lands in the resident bundle.
//   - /public/programs loads the resident bundle and its public_pages group; an unknown /m path is
//     the resident bundle's own 404 (no reload loop); the resident's /m/needs fetches resident_needs,
//     /m resident_submit (the 点单 form), and a tab to /m/topics resident_participation, never the
//     whole dashboard's files.
//   - A worker signing in on /login lands on the whole dashboard, whose landing page fetches
//     staff_work; a menu link to /topics fetches staff_participation and renders with no reload; a
//     page of a group already fetched (/programs) fetches nothing; a staff URL opened directly loads
//     only the whole dashboard and its page's group.
//   - A URL opened directly (/m/needs, /m, /needs) has index.html fetch its page's group itself, as
//     one pack beside the main module (web/route-groups.mjs, web/assemble.mjs); /login preloads
//     nothing but its module.
//   - Such a URL's first API reads (/me; the categories and the list on /m/needs) go out from
//     index.html before the main module has arrived, and the page takes each answer instead of
//     asking again (web/src/common/early.rs).
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Exits non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { splitGroups } from '../../web/split-groups.mjs';
import { BASE_URL, PASSWORD, api, launch, screenshot, step } from './helpers.mjs';

const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

/** The files of each split point of a bundle, read from its loader: its module and chunks. */
async function groupsOf(loaderUrl) {
  check(loaderUrl, 'the bundle did not fetch its chunk loader');
  const groups = splitGroups(await (await fetch(loaderUrl)).text());
  check(groups.size > 0, 'the loader names no split point: is the build split?');
  return groups;
}

/**
 * Records which files of the bundles the page requests. Each bundle is a folder `<bundle>-<hash>/`
 * (`web` = the whole dashboard, `resident`, `login`); its main files (glue and module) are recorded
 * as `<bundle>.js` and `<bundle>.wasm`, the page chunks apart.
 */
function recordBundles(page) {
  const seen = [];
  const chunks = [];
  const loaders = {};
  page.on('request', (req) => {
    const url = new URL(req.url());
    const match = url.pathname.match(/^\/(web|resident|login)-[0-9a-f]{16}\/(.+)$/);
    if (!match) return;
    const [, bundle, file] = match;
    const pack = file.match(/^pack_(\w+)\.bin$/);
    if (pack) chunks.push(`pack:${pack[1]}`);
    else if (file === `${bundle}.js`) seen.push(`${bundle}.js`);
    else if (file === `${bundle}_bg.wasm`) seen.push(`${bundle}.wasm`);
    else if (file === '__wasm_split.js') loaders[bundle] = url.href;
    else if (file.endsWith('.wasm')) chunks.push(file);
  });
  return {
    /** The URL of a bundle's chunk loader, once the page fetched it. */
    loaderUrl: (bundle) => loaders[bundle],
    /** The bundle files requested since the last call, sorted and without repeats. */
    take() {
      const files = [...new Set(seen.splice(0))].sort();
      return files.join(' ');
    },
    /** The chunk files requested since the last call; a group's pack as `pack:<group>`. */
    takeChunks: () => [...new Set(chunks.splice(0))],
  };
}

/** Records the API reads (GETs) the page sends, as paths under /api/v1; `take` returns those since the last call. */
function recordReads(page) {
  const reads = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (req.method() === 'GET' && url.pathname.startsWith('/api/v1/')) reads.push(url.pathname.slice('/api/v1'.length) + url.search);
  });
  return { take: () => reads.splice(0) };
}

/**
 * Checks that a page opened directly took every read index.html asked for early (`hhEarly`) and
 * asked none of them a second time; `early`: the reads it must have asked before the page ran.
 */
async function tookEarly(page, reads, early, where) {
  const left = await page.evaluate(() => window.hhEarly.left());
  check(left.length === 0, `${where}: index.html asked for ${left.join(', ')}, which no page took`);
  const twice = reads.filter((r, i) => reads.indexOf(r) !== i);
  check(twice.length === 0, `${where} asked the API twice for ${[...new Set(twice)].join(', ')}`);
  const missing = early.filter((r) => !reads.includes(r));
  check(missing.length === 0, `${where} never asked for ${missing.join(', ')}`);
  const timings = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/api\/v1\//.test(e.name) || /_bg\.wasm$/.test(e.name))
    .map((e) => ({ name: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })));
  const wasm = timings.find((e) => e.name.endsWith('_bg.wasm'));
  const late = early.filter((r) => !(timings.find((e) => e.name === `/api/v1${r}`)?.start < wasm.end));
  check(late.length === 0, `${where}: ${late.join(', ')} went out only after the main module arrived`);
}

/**
 * Checks that `chunks` hold the group's own module and nothing outside the group; a pack stands for
 * the files of its group.
 */
function fromGroup(groups, name, fetched, where) {
  const group = groups.get(name);
  check(group, `no split point named ${name}; the loader has ${[...groups.keys()].join(', ')}`);
  const chunks = fetched.flatMap((c) => (c.startsWith('pack:') ? groups.get(c.slice(5))?.files ?? [c] : [c]));
  check(chunks.includes(group.module), `${where} rendered without fetching the ${name} module`);
  const foreign = chunks.filter((c) => !group.files.includes(c));
  check(foreign.length === 0, `${where} fetched chunks outside ${name}: ${foreign.join(', ')}`);
}

/**
 * Checks that a URL opened directly had index.html fetch its page's group as one pack, beside the
 * main module, and no file of the group on its own (`fetched`: the chunks requested by that load).
 */
function packedGroup(name, fetched, where) {
  check(fetched.length === 1 && fetched[0] === `pack:${name}`, `${where}: fetched [${fetched.join(', ')}], not the ${name} group's pack alone`);
}

async function main() {
  const browser = await launch({ width: 390, height: 844 });
  const { page } = browser;
  const bundles = recordBundles(page);
  const reads = recordReads(page);
  // Every load asks the server again, so each page's bundle shows as a request even when cached.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  try {
    step('/login starts the sign-in bundle only');
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-form').waitFor({ state: 'visible' });
    const atLogin = bundles.take();
    check(atLogin === 'login.js login.wasm', `/login loaded ${atLogin || 'no bundle'}, not just the sign-in bundle`);
    check((await page.locator('link[rel=preload]').count()) === 1, '/login preloads more than its module');
    check(bundles.takeChunks().length === 0 && !bundles.loaderUrl('web') && !bundles.loaderUrl('resident'), '/login fetched page chunks');

    step('a resident signing in with a password on /login lands in the resident bundle');
    await page.getByTestId('login-username').fill('resident');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/m'));
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    check(bundles.take() === 'resident.js resident.wasm', 'a resident\'s sign-in did not load the resident bundle');
    bundles.takeChunks();
    await page.evaluate(() => localStorage.removeItem('hh.tokens'));

    step('a public page starts the resident bundle only');
    await page.goto(`${BASE_URL}/public/programs`);
    await page.locator('main').first().waitFor({ state: 'visible' });
    check(bundles.take() === 'resident.js resident.wasm', '/public/programs did not load just the resident bundle');
    const residentGroups = await groupsOf(bundles.loaderUrl('resident'));
    fromGroup(residentGroups, 'public_pages', bundles.takeChunks(), '/public/programs');

    step('an unknown /m path is the resident bundle\'s own 404');
    await page.goto(`${BASE_URL}/m/no-such-page`);
    await page.getByTestId('not-found').waitFor({ state: 'visible' });
    check(new URL(page.url()).pathname === '/m/no-such-page', 'the 404 moved away from its URL');
    check(bundles.take() === 'resident.js resident.wasm', 'the /m 404 loaded more than the resident bundle');
    bundles.takeChunks();

    step('the resident\'s /m/needs, then a tab, stay in the resident bundle');
    const tokens = await api('POST', '/auth/login', null, { username: 'resident', password: PASSWORD });
    await page.evaluate((t) => localStorage.setItem('hh.tokens', t), JSON.stringify(tokens));
    reads.take();
    await page.goto(`${BASE_URL}/m/needs`);
    await page.getByTestId('my-need').first().waitFor({ state: 'visible' });
    await tookEarly(page, reads.take(), ['/me', '/need-categories', '/needs?limit=50&sort=-id'], '/m/needs');
    const needsChunks = bundles.takeChunks();
    fromGroup(residentGroups, 'resident_needs', needsChunks, '/m/needs');
    packedGroup('resident_needs', needsChunks, '/m/needs');

    step('the resident\'s /m opened directly fetches the 点单 form\'s group only');
    reads.take();
    await page.goto(`${BASE_URL}/m`);
    await page.getByTestId('need-form').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=need-category] option').length > 1);
    await tookEarly(page, reads.take(), ['/me', '/need-categories'], '/m');
    const submitChunks = bundles.takeChunks();
    fromGroup(residentGroups, 'resident_submit', submitChunks, '/m');
    packedGroup('resident_submit', submitChunks, '/m');
    await page.getByTestId('tab-take-part').click();
    await page.waitForURL(`${BASE_URL}/m/topics`);
    await page.getByTestId('topic-propose').waitFor({ state: 'visible' });
    fromGroup(residentGroups, 'resident_participation', bundles.takeChunks(), '/m/topics');
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

    step('the worker\'s landing page fetched its group\'s chunks');
    const groups = await groupsOf(bundles.loaderUrl('web'));
    fromGroup(groups, 'staff_work', bundles.takeChunks(), '/workbench');

    step('a menu link to another group\'s page fetches that group, then renders it');
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-topics').click();
    await page.waitForURL(`${BASE_URL}/topics`);
    await page.getByTestId('topic-board').waitFor({ state: 'visible' });
    fromGroup(groups, 'staff_participation', bundles.takeChunks(), '/topics');
    check(bundles.take() === '', 'moving to /topics reloaded a bundle');

    step('a page of a group already fetched fetches nothing');
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-programs').click();
    await page.waitForURL(`${BASE_URL}/programs`);
    await page.getByTestId('to-rollup').waitFor({ state: 'visible' });
    const again = bundles.takeChunks();
    check(again.length === 0, `/programs fetched ${again.join(', ')} though its group was here`);

    step('a staff URL opened directly loads only the whole dashboard and its page\'s group');
    reads.take();
    await page.goto(`${BASE_URL}/needs`);
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    await page.getByTestId('need-row').first().waitFor({ state: 'visible' });
    await tookEarly(page, reads.take(), ['/me'], '/needs');
    check(bundles.take() === 'web.js web.wasm', '/needs did not load just the whole dashboard');
    const staffChunks = bundles.takeChunks();
    fromGroup(groups, 'staff_work', staffChunks, '/needs');
    packedGroup('staff_work', staffChunks, '/needs');

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
