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

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';
import { residentRoutes, signedOutRoutes, staffRoutes } from './routes.mjs';

const PHONE = { width: 390, height: 844 };
const failures = [];
const titles = new Map();

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

async function main() {
  const browser = await launch(PHONE);
  const { page, problems } = browser;
  try {
    step('signed out: the sign-in pages and the public 阳光社区 pages');
    const { routes: signedOut, community } = await signedOutRoutes();
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
    const staff = await staffRoutes();
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
    const mine = await residentRoutes();
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
