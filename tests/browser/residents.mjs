// Residents and the bell, end to end in headless Chromium:
//   a new resident signs up on /m by text code (read from the development sender's outbox in the
//   server's SQLite file) at 390 px, picks a community, finds 我的 with 待认证 → the community worker
//   verifies the residence on /residents → the resident's profile says 已认证; then the volunteer's
//   bell counts up after a need is dispatched to them through the API (admin token), and the inbox
//   links to the need. Every page visited is checked for horizontal overflow at 390 px.
//
//   BASE_URL     server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   HAPPYHOME_DB the server's SQLite file, where the outbox is (scripts/test-live.sh exports it)
//   CHROMIUM     browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/residents.png and exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { execFileSync } from 'node:child_process';
import { BASE_URL, api, launch, screenshot, signIn, signOut, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const NUMBER = `137${String(Date.now()).slice(-8)}`;
const NAME = `浏览器居民${NUMBER.slice(-4)}`;

let problems = [];

/** The last code the outbox holds for `phone`. */
function codeFromOutbox(phone) {
  const db = process.env.HAPPYHOME_DB;
  if (!db) throw new Error('HAPPYHOME_DB is not set: the test reads codes from the server\'s SQLite outbox');
  const script = [
    'import re, sqlite3, sys',
    'row = sqlite3.connect(sys.argv[1]).execute("SELECT body FROM sms_outbox WHERE phone = ? ORDER BY id DESC LIMIT 1", (sys.argv[2],)).fetchone()',
    'found = re.search(r"\\d{6}", row[0]) if row else None',
    'print(found.group(0) if found else "")',
  ].join('\n');
  const code = execFileSync('python3', ['-c', script, db, phone], { encoding: 'utf8' }).trim();
  if (!/^\d{6}$/.test(code)) throw new Error(`no code for ${phone} in the outbox`);
  return code;
}

/** Fails when the page is wider than the window (the phone view must not scroll sideways). */
async function expectNoOverflow(page, where) {
  await waitUntilSettled(page);
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scroll > width) throw new Error(`${where} overflows at ${width} px: ${scroll} px wide`);
}

async function main() {
  const browser = await launch(PHONE);
  const { page } = browser;
  problems = browser.problems;
  try {
    // 1. Sign-up by code from the staff login's link.
    step('the login page links residents to sign-up by code');
    await page.goto(`${BASE_URL}/m`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('resident-sign-in-link').click();
    await page.getByTestId('sms-sign-in').waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/m/sign-in');
    step('a bad number is refused in place');
    await page.getByTestId('phone').fill('12345');
    await page.getByTestId('send-code').click();
    await page.locator('[data-field="/phone"] [data-testid="field-error"]:not(:empty)').waitFor({ state: 'visible' });
    step(`code sent to ${NUMBER}`);
    await page.getByTestId('phone').fill(NUMBER);
    await page.getByTestId('send-code').click();
    await page.getByTestId('code-status').waitFor({ state: 'visible' });
    if (!(await page.getByTestId('send-code').isDisabled())) throw new Error('the resend button does not count down');
    await page.getByTestId('code').fill(codeFromOutbox(NUMBER));
    await page.getByTestId('sign-in-submit').click();
    step('a new number picks its community');
    await page.getByTestId('first-time').waitFor({ state: 'visible' });
    const community = page.getByTestId('community');
    await community.locator('option', { hasText: '缤纷社区' }).first().waitFor({ state: 'attached' });
    const value = await community.locator('option', { hasText: '缤纷社区' }).first().getAttribute('value');
    await community.selectOption(value);
    await page.getByTestId('display-name').fill(NAME);
    await expectNoOverflow(page, '/m/sign-in (first time)');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(`${BASE_URL}/m`);
    await page.getByTestId('current-user').waitFor({ state: 'visible' });

    step('我的 shows 待认证');
    await page.getByTestId('tab-me').click();
    await page.locator('[data-testid="verification"][data-state="pending"]').waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/m/me');
    await page.getByTestId('delete-account').click();
    const confirm = await page.getByTestId('delete-confirm').innerText();
    if (!confirm.includes('匿名')) throw new Error(`the deletion warning does not say needs are kept anonymised: ${confirm}`);
    await page.getByTestId('delete-confirm').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('bell').click();
    await page.waitForURL(`${BASE_URL}/m/notifications`);
    await expectNoOverflow(page, '/m/notifications');
    await signOut(page);

    // 2. The community worker verifies the residence.
    step('community worker verifies the new resident on /residents');
    await signIn(page, 'community');
    await page.goto(`${BASE_URL}/residents`);
    await waitUntilSettled(page);
    await expectNoOverflow(page, '/residents');
    await page.getByTestId('residents-search').fill(NAME);
    const card = page.locator('[data-testid="resident"]', { hasText: NAME });
    await card.waitFor({ state: 'visible' });
    const phone = await card.getByTestId('resident-phone').innerText();
    if (!phone.includes(NUMBER.slice(-4))) throw new Error(`the phone shown is ${phone}`);
    step('refusing needs a reason, given in place');
    await card.getByTestId('resident-refuse').click();
    await card.getByTestId('form-submit').click();
    await card.locator('[data-field="/reason"] [data-testid="field-error"]:not(:empty)').waitFor({ state: 'visible' });
    await card.getByRole('button', { name: '取消' }).click();
    step('the community worker records the resident\'s target groups (目标群体)');
    await card.getByTestId('resident-groups').filter({ hasText: '未登记' }).waitFor({ state: 'visible' });
    await card.getByTestId('resident-edit-groups').click();
    await card.getByTestId('groups-form').waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/residents with the target-group form open');
    await card.locator('[data-testid="resident-groups-picks"] label[data-tag="disabled"]').click();
    await card.getByTestId('form-submit').click();
    await card.getByTestId('resident-groups').filter({ hasText: '残疾人' }).waitFor({ state: 'visible' });
    await card.getByTestId('resident-verify').click();
    await page.getByTestId('residents-notice').waitFor({ state: 'visible' });
    await signOut(page);

    // 3. The volunteer's bell counts a dispatch.
    await page.setViewportSize(DESKTOP);
    step('volunteer signs in; the bell shows the unread count');
    await signIn(page, 'volunteer');
    await page.getByTestId('bell').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const countNow = async () => Number((await page.getByTestId('bell-count').innerText().catch(() => '0')).replace('+', ''));
    await page.waitForTimeout(1000);
    const before = await countNow();
    step(`a need is dispatched to the volunteer through the API (bell was ${before})`);
    const [admin, resident, volunteer] = await Promise.all([tokenOf('admin'), tokenOf('resident'), tokenOf('volunteer')]);
    const me = await api('GET', '/me', resident);
    const volunteerId = (await api('GET', '/me', volunteer)).user.id;
    const created = await api('POST', '/needs', resident, {
      category: 'elderly_care', text: `浏览器测试：铃铛计数（${new Date().toISOString()}）`, area_id: me.area.id,
      tags: ['elderly'], urgency: 'normal', channel: 'mini_program',
    });
    const id = created.need.id;
    await api('POST', `/needs/${id}/actions`, admin, { action: 'accept' });
    await api('POST', `/needs/${id}/actions`, admin, { action: 'dispatch', assignee_id: volunteerId });
    // The bell asks again when the window gets the focus back (and every 30 s).
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(
      (n) => Number((document.querySelector('[data-testid="bell-count"]')?.textContent ?? '0').replace('+', '')) > n,
      before,
      { timeout: 40_000 },
    );
    step(`bell now ${await countNow()}; the inbox links to need #${id}`);
    await page.getByTestId('bell').click();
    await page.waitForURL(`${BASE_URL}/notifications`);
    const item = page.locator('[data-testid="notification"][data-kind="need_assigned"][data-read="false"]').first();
    await item.waitFor({ state: 'visible' });
    await item.getByTestId('notification-open').click();
    await page.waitForURL(`${BASE_URL}/needs/${id}`);
    await page.setViewportSize(PHONE);
    await page.goto(`${BASE_URL}/notifications`);
    await page.getByTestId('inbox').waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/notifications');
    step(`screenshot: ${await screenshot(page, 'residents.png', { fullPage: false })}`);

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS resident ${NUMBER} signed up by code and verified; bell counted the dispatch of need #${id}`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
