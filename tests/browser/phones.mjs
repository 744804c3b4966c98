// The whole dashboard on a phone (390×844, headless Chromium): every route of web/src/app.rs, with
// real ids from the demo data — staff routes as the platform admin, /m pages as the demo resident,
// the public 阳光社区 pages and the sign-in pages signed out. A route fails when the document is
// wider than the screen, when the page shows an error, or when its tab title is not its own.
// Also checked: the staff menu folds behind the menu button and opens with it; a resident who opens
// /needs lands on /m; the volunteer sees status and deadline of 我的任务 at 390 px; the public
// programs filter by community; a need that does not exist says so without a 重试 button. The resident's
// taking-part pages (议题, 问卷, 积分, 积分商城) and the 议题公示 board are among the routes.
//
//   BASE_URL  server to test (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary (default /usr/bin/chromium)
//
// Writes target/browser/phones-*.png for the failing routes and exits non-zero listing every failure.

import { BASE_URL, PASSWORD, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const failures = [];
const titles = new Map();

async function api(path, token) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
const tokenOf = async (username) => {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).access_token;
};
const items = (body) => (Array.isArray(body) ? body : body.items);
/** The first id a list endpoint returns; fails the run when the demo data has none. */
async function firstId(path, token, key = 'id') {
  const list = items(await api(path, token));
  if (!list?.length) throw new Error(`the demo data has nothing at ${path}`);
  return list[0][key];
}

/** The first id of `path`, after creating one with `body` (as `token`) when the demo data has none. */
async function firstOrNew(path, token, body) {
  const list = items(await api(path, token));
  if (list?.length) return list[0].id;
  const res = await fetch(`${BASE_URL}/api/v1${path.split('?')[0]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  const made = await res.json();
  return made.id ?? made.plan?.id ?? made.webhook?.id;
}

/** Waits for the app to have rendered the route and every loading state to be gone. */
async function settle(page) {
  await page.waitForFunction(() => !document.getElementById('boot'));
  await waitUntilSettled(page);
  await page.waitForTimeout(250);
  await waitUntilSettled(page);
}

/** The deepest elements sticking out past the right edge, to say where an overflow comes from. */
function widest(page) {
  return page.evaluate((width) => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 || r.width === 0) continue;
      if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      out.push(`${name} (right ${Math.round(r.right)} px) "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      if (out.length >= 4) break;
    }
    return out;
  }, PHONE.width);
}

/** Opens `path` and records what is wrong with it; `expect` is the pathname it must end on. */
async function visit(page, path, { expect = path.split('?')[0], allowError = false } = {}) {
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
  try {
    await settle(page);
  } catch {
    failures.push(`${path}: still loading after 15 s`);
  }
  const state = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    title: document.title,
    pathname: location.pathname,
    errors: [...document.querySelectorAll('[data-testid="error"]')].map((e) => e.innerText.trim()),
    notFound: !!document.querySelector('[data-testid="not-found"]'),
  }));
  const problems = [];
  if (state.scroll > PHONE.width) problems.push(`${state.scroll} px wide: ${(await widest(page)).join('; ')}`);
  if (!allowError && state.errors.length) problems.push(`shows an error: ${state.errors.join(' | ')}`);
  if (!allowError && state.notFound) problems.push('shows the not-found page');
  if (state.pathname !== expect) problems.push(`ended on ${state.pathname}, not ${expect}`);
  if (!/ · (幸福家园|Happy Home)$/.test(state.title)) problems.push(`title "${state.title}" does not name the page`);
  if (problems.length) {
    failures.push(`${path}: ${problems.join('; ')}`);
    await screenshot(page, `phones-${path.replace(/[^a-z0-9]+/gi, '_')}.png`).catch(() => {});
  }
  // Keyed by where the visit ended (a resident's /needs ends on /m, which is that page's title).
  titles.set(state.pathname, state.title);
  step(`${path} — ${state.title}${problems.length ? ' ✗' : ''}`);
  return state;
}

/** The one page two roles reach by two paths: the inbox (站内信). */
const SAME_PAGE = new Set(['/notifications', '/m/notifications']);

/** Titles must tell routes apart: no two of these share one. */
function expectDistinctTitles(paths) {
  const seen = new Map();
  for (const path of paths) {
    const title = titles.get(path);
    if (title === undefined) continue;
    if (seen.has(title) && SAME_PAGE.has(path) && SAME_PAGE.has(seen.get(title))) continue;
    if (seen.has(title)) failures.push(`${path} and ${seen.get(title)} share the title "${title}"`);
    else seen.set(title, path);
  }
}

async function staffRoutes(page) {
  const admin = await tokenOf('admin');
  const need = await firstId('/needs?limit=1', admin);
  const program = await firstId('/programs?limit=1', admin);
  const provider = await firstId('/providers?limit=1', admin);
  const service = await firstId('/services?limit=1', admin);
  const person = await firstId('/service-people?limit=1', admin);
  const space = await firstId('/service-spaces?limit=1', admin);
  const district = await tokenOf('district');
  const home = (await api('/me', district)).area.id;
  const plan = await firstOrNew('/matching/plans?limit=1', district, { area_id: home });
  const indicator = await firstId('/kpis/indicators', admin, 'code');
  const area = await firstId('/areas/roots', admin);
  const client = await firstId('/integration-clients', admin);
  const webhook = await firstOrNew('/webhooks', admin, { url: 'https://example.org/happyhome/hooks', secret: 'phones-test-signing-key' });
  const topic = await firstId('/topics?limit=1', admin);
  const survey = await firstId('/surveys?limit=1&status=open', admin);
  const account = await firstId('/ledger/accounts?limit=1', admin);
  const activity = await firstId('/activities?limit=1', admin);
  const volunteer = (await api('/me', await tokenOf('volunteer'))).user.id;
  return [
    '/needs', `/needs/${need}`, '/tasks', '/overdue',
    '/matching/plans', `/matching/plans/${plan}`, '/matching/gaps',
    '/kpis', '/kpis/report', '/kpis/import', `/kpis/${indicator}`,
    '/areas', `/areas/${area}`, '/users', '/audit',
    '/admin/clients', `/admin/clients/${client}`, '/admin/webhooks', `/admin/webhooks/${webhook}`,
    '/residents', '/notifications', '/catalogue',
    '/programs', '/programs/new', '/programs/rollup', `/programs/${program}/edit`, `/programs/${program}`,
    '/resources',
    '/resources/providers/new', `/resources/providers/${provider}`,
    '/resources/services/new', `/resources/services/${service}`,
    '/resources/people/new', `/resources/people/${person}`,
    '/resources/spaces/new', `/resources/spaces/${space}`,
    '/topics', `/topics/${topic}`, '/surveys', '/surveys/new', `/surveys/${survey}`, `/surveys/${survey}/edit`,
    '/ledger', `/ledger/accounts/${account}`, '/shop', '/shop/orders',
    '/activities', '/activities/new', `/activities/${activity}`, `/activities/${activity}/edit`,
    `/volunteers/${volunteer}`, `/volunteers/${volunteer}/certificate`,
  ];
}

async function main() {
  const browser = await launch(PHONE);
  const { page, problems } = browser;
  try {
    step('signed out: the sign-in pages and the public 阳光社区 pages');
    const publicProgram = items(await api('/public/programs'))[0]?.id;
    if (!publicProgram) throw new Error('the demo data discloses no program');
    const community = (await api('/public/communities'))[0].id;
    const publicTopic = items(await api('/public/topics'))[0]?.id;
    if (!publicTopic) throw new Error('the demo data has no topic on public notice');
    const signedOut = [
      '/login', '/m/sign-in', '/public/programs', `/public/programs/${publicProgram}`, '/public/nearby', `/public/nearby?community=${community}`,
      '/public/topics', `/public/topics/${publicTopic}`, `/public/topics?community=${community}`,
    ];
    for (const path of signedOut) await visit(page, path);

    step('the public programs filter by community, kept in the URL');
    await visit(page, '/public/programs');
    await page.getByTestId('community-filter').selectOption(String(community));
    await page.waitForURL((url) => url.searchParams.get('community') === String(community));
    await settle(page);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > PHONE.width) failures.push(`/public/programs?community=${community}: ${scroll} px wide`);

    step('the platform admin: every staff route');
    await signIn(page, 'admin');
    const staff = await staffRoutes(page);
    for (const path of staff) await visit(page, path);
    await visit(page, '/', { expect: '/areas' });

    step('the menu folds behind the menu button and opens with it');
    await visit(page, '/needs');
    if (await page.getByTestId('sidenav').isVisible()) failures.push('the staff menu is open on a phone before the menu button is pressed');
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-programs').waitFor({ state: 'visible' });
    if ((await page.getByTestId('menu-button').getAttribute('aria-expanded')) !== 'true') failures.push('the menu button does not say the menu is open');
    await page.getByTestId('nav-programs').click();
    await page.waitForURL(`${BASE_URL}/programs`);
    await page.getByTestId('sidenav').waitFor({ state: 'hidden' });
    const user = await page.getByTestId('current-user').locator('strong').evaluate((el) => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().right]);
    if (user[0] > user[1] || user[2] > PHONE.width) failures.push(`the user's name is clipped in the header: ${user}`);

    step('a need that does not exist: said so, nothing to retry');
    await visit(page, '/needs/987654321', { allowError: true });
    const missing = page.locator('[data-testid="error"][data-not-found="true"]');
    await missing.waitFor({ state: 'visible' });
    if (await missing.locator('button').count()) failures.push('a need that does not exist offers 重试');
    await visit(page, '/no-such-page', { allowError: true });
    if (!(await page.getByTestId('not-found').isVisible())) failures.push('/no-such-page does not show the not-found page');
    if (await page.getByRole('button', { name: '重试' }).count()) failures.push('the not-found page offers 重试');
    // The not-found page has no header: sign out from a page that has one.
    await visit(page, '/needs');
    await signOut(page);

    step('the volunteer: 我的任务 shows status and deadline at 390 px');
    await signIn(page, 'volunteer');
    await visit(page, '/tasks');
    const rows = page.getByTestId('need-row');
    if (!(await rows.count())) failures.push('the demo volunteer has no tasks to look at');
    for (const cell of [rows.first().locator('.need-status'), rows.first().locator('td').nth(6)]) {
      if (!(await rows.count())) break;
      const box = await cell.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > PHONE.width) failures.push(`我的任务: a status or deadline cell is out of sight (${JSON.stringify(box)})`);
    }
    await signOut(page);

    step('the resident: /m pages, and /needs sends them to /m');
    await signIn(page, 'resident');
    const resident = await tokenOf('resident');
    const topic = await firstId('/topics?limit=1', resident);
    const survey = await firstId('/surveys?status=open&limit=1', resident);
    const mine = [
      '/m', '/m/needs', '/m/community', '/m/me', '/m/notifications', '/m/nearby',
      '/m/topics', '/m/topics/new', `/m/topics/${topic}`, '/m/surveys', `/m/surveys/${survey}`,
      '/m/points', '/m/shop', '/m/shop/orders',
    ];
    for (const path of mine) await visit(page, path);
    await visit(page, '/m/needs');
    const own = await page.getByTestId('my-need').first().getAttribute('href').catch(() => null);
    if (own) await visit(page, own);
    else failures.push('the demo resident has no need to open');
    const sent = await visit(page, '/needs', { expect: '/m' });
    if (await page.getByTestId('sidenav').count()) failures.push('a resident on /needs sees the staff menu');
    if (sent.pathname !== '/m') failures.push(`a resident on /needs stays on ${sent.pathname}`);

    expectDistinctTitles([...signedOut.filter((p) => !p.includes('?')), ...staff, ...mine]);
    const crashes = problems.filter((p) => p.startsWith('page error') || p.includes('panicked'));
    if (crashes.length) failures.push(`the page crashed: ${crashes.join('; ')}`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`\n${failures.length} problem(s) at 390 px:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`phones: ${titles.size} routes fit 390 px, each with its own title`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
