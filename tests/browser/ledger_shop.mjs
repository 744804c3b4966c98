// The staff pages of 时间银行 · 积分, 积分商城 and 志愿活动, at 1440 px and at 390 px:
// - ledger: the community worker narrows /ledger to residents' accounts, opens the demo resident's
//   points statement and reverses a grant made for the test (reason, then confirmation), after which
//   the grant reads 已冲正 and offers no second reversal; the
//   district admin runs the ledger check and the books balance, and sets points per survey at
//   /ledger/rules (a negative value is named under its box; the saved one reads back as set here);
// - shop: the merchant offers an item at /shop (an empty save names every missing field at once),
//   the demo resident redeems it through the API, and the merchant hands the order over at
//   /shop/orders against the pick-up code (a wrong code is refused on the code box); a second order
//   is cancelled by the community worker with a reason;
// - activities: the community worker organises an activity at /activities/new (an empty save names
//   the missing fields), publishes it, shows the check-in code, and once the demo volunteer has
//   signed up checks them in and out (hours credited) and takes the hours back with a reason; the
//   volunteer's profile shows the star level and the certificate prints;
// - volunteers: /volunteers lists the roster with its totals, a search by one volunteer's name
//   lists only them, and their name opens the profile.
// No page may be wider than the screen.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/ledger_shop-<page>-<width>.png; exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, signOut, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const STAMP = new Date().toISOString();
let problems = [];

async function noWiderThan(page, width, where) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) throw new Error(`${where} is ${scroll} px wide at ${width} px`);
}

/** A JSON call as `token`, with an Idempotency-Key when given; throws on an error. */
async function call(method, path, token, body, key) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`${BASE_URL}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** `datetime-local` value `minutes` from now, in the browser's time zone. */
function localIn(page, minutes) {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutes);
}

async function ledger(page, width) {
  const staff = await tokenOf('community');
  const mine = await call('GET', '/me/ledger', await tokenOf('resident'));
  const account = mine.accounts.find((a) => a.unit === 'points');
  if (!account) throw new Error('the demo resident has no points account');
  const reason = `浏览器测试发放 ${width}（${STAMP}）`;
  await call('POST', '/ledger/transfers', staff, { kind: 'adjustment', to_account_id: account.id, amount: 5, reason }, `browser-${width}-${STAMP}`);

  step(`${width} px: /ledger narrowed to residents, with the totals`);
  await signIn(page, 'community');
  await page.goto(`${BASE_URL}/ledger`);
  await page.getByTestId('ledger-accounts').waitFor({ state: 'visible' });
  await page.getByTestId('ledger-holder-kind').selectOption('resident');
  await page.getByTestId('ledger-unit').selectOption('points');
  await page.getByTestId('ledger-total').first().waitFor({ state: 'visible' });
  await page.getByTestId('ledger-account').first().waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  const kinds = await page.getByTestId('ledger-account').locator('td:nth-child(2)').allInnerTexts();
  if (kinds.some((k) => k.trim() !== '居民')) throw new Error(`the resident filter shows ${kinds.join(', ')}`);
  await noWiderThan(page, width, '/ledger');

  step('the statement: the grant with its running balance, reversed with a reason after a confirmation');
  // Straight to the demo resident's account: on a long list it may not be on the first page.
  await page.goto(`${BASE_URL}/ledger/accounts/${account.id}`);
  await page.getByTestId('statement-balance').waitFor({ state: 'visible' });
  const line = page.getByTestId('statement-line').filter({ hasText: reason });
  await line.waitFor({ state: 'visible' });
  await line.getByTestId('balance-after').waitFor({ state: 'visible' });
  await line.getByTestId('reverse-open').click();
  const form = page.getByTestId('reverse-form');
  await form.getByTestId('reverse-submit').click();
  await form.locator('[data-field="/reason"].invalid').waitFor({ state: 'visible' });
  const why = `浏览器测试冲正 ${width}（${STAMP}）`;
  await form.getByTestId('reverse-reason').fill(why);
  await form.getByTestId('reverse-submit').click();
  await form.getByTestId('reverse-confirm-text').waitFor({ state: 'visible' });
  await form.getByTestId('reverse-submit').click();
  await page.locator('[data-testid="statement-line"][data-kind="reversal"]').filter({ hasText: why })
    .waitFor({ state: 'visible' }).catch(async () => {
      const error = await form.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`the reversal did not appear ${error}`);
    });
  // The grant now reads 已冲正 with its reversal's number, and offers no second reversal.
  await line.getByTestId('statement-reversed').waitFor({ state: 'visible' });
  if (await line.getByTestId('reverse-open').count()) throw new Error('a reversed line still offers 冲正');
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/ledger/accounts/:id');
  await screenshot(page, `ledger_shop-ledger-${width}.png`);
  await signOut(page);

  step('the district admin runs the ledger check: the books balance');
  await signIn(page, 'district');
  await page.goto(`${BASE_URL}/ledger`);
  await page.getByTestId('ledger-check-run').click();
  await page.locator('[data-testid="ledger-check-result"][data-balanced="true"]').waitFor({ state: 'visible' });
  await noWiderThan(page, width, '/ledger (check)');

  step('the district admin sets points per survey at /ledger/rules: a bad value is named in place, a good one reads back');
  await page.getByTestId('ledger-rules-link').click();
  await page.waitForURL(/\/ledger\/rules$/);
  const rules = page.getByTestId('lrules-form');
  const survey = rules.locator('[data-testid="lrules-input"][data-rule="/points_per_survey"]');
  await survey.waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  const before = await survey.inputValue();
  await survey.fill('-1');
  await rules.getByTestId('lrules-save').click();
  await rules.locator('[data-field="/points_per_survey"].invalid').waitFor({ state: 'visible' });
  const wanted = String(width === 390 ? 7 : 6);
  await survey.fill(wanted);
  await rules.getByTestId('lrules-save').click();
  await rules.getByTestId('lrules-saved').waitFor({ state: 'visible' });
  await noWiderThan(page, width, '/ledger/rules');
  await screenshot(page, `ledger_shop-rules-${width}.png`);
  await page.reload();
  await survey.waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  if ((await survey.inputValue()) !== wanted) throw new Error(`points per survey reads back as "${await survey.inputValue()}", not ${wanted}`);
  const applies = rules.locator('[data-testid="lrules-effective"][data-rule="/points_per_survey"]');
  if ((await applies.getAttribute('data-own')) !== 'true' || !(await applies.innerText()).includes(wanted)) {
    throw new Error(`points per survey is not shown as set here: ${await applies.innerText()}`);
  }
  // Back as it was, so the other pages' points are the demo's.
  await survey.fill(before);
  await rules.getByTestId('lrules-save').click();
  await rules.getByTestId('lrules-saved').waitFor({ state: 'visible' });
  await signOut(page);
}

async function shop(page, width) {
  const name = `浏览器测试物品 ${width} ${STAMP.slice(11, 19)}`;
  step(`${width} px: the merchant offers an item; an empty save names every missing field`);
  await signIn(page, 'merchant');
  await page.goto(`${BASE_URL}/shop`);
  await page.getByTestId('shop-items-table').waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/shop');
  await page.getByTestId('shop-item-new').click();
  const form = page.getByTestId('shop-item-form');
  await form.getByTestId('form-submit').click();
  for (const field of ['/name', '/points_price', '/stock', '/pickup_place']) {
    await form.locator(`[data-field="${field}"].invalid`).waitFor({ state: 'visible' });
  }
  await form.getByTestId('shop-name').fill(name);
  await form.getByTestId('shop-price').fill('1');
  await form.getByTestId('shop-stock-input').fill('10');
  await form.getByTestId('shop-limit').fill('5');
  await form.getByTestId('shop-pickup').fill('缤纷便利店收银台');
  await noWiderThan(page, width, '/shop (form)');
  await form.getByTestId('form-submit').click();
  const row = page.getByTestId('shop-item-row').filter({ hasText: name });
  await row.waitFor({ state: 'visible' }).catch(async () => {
    const error = await form.getByTestId('form-error').innerText().catch(() => '');
    throw new Error(`the item was not offered ${error}`);
  });
  const item = Number(await row.getAttribute('data-item-id'));

  step('the resident redeems it twice; the merchant hands the first order over against its code');
  const resident = await tokenOf('resident');
  const first = await call('POST', '/shop/orders', resident, { item_id: item, quantity: 1 }, `browser-order-1-${width}-${STAMP}`);
  const second = await call('POST', '/shop/orders', resident, { item_id: item, quantity: 1 }, `browser-order-2-${width}-${STAMP}`);
  if (!/^\d{6}$/.test(first.pickup_code ?? '')) throw new Error(`the order has no pick-up code: ${JSON.stringify(first)}`);
  await row.getByTestId('shop-item-orders').click();
  await page.waitForURL(/\/shop\/orders\?item=\d+$/);
  const order = page.locator(`[data-testid="shop-order-row"][data-order-id="${first.id}"]`);
  await order.waitFor({ state: 'visible' });
  await page.getByTestId('order-totals').filter({ hasText: '2' }).waitFor({ state: 'visible' });
  await order.getByTestId('order-fulfil').click();
  const fulfil = order.getByTestId('fulfil-form');
  const wrong = first.pickup_code === '000000' ? '111111' : '000000';
  await fulfil.getByTestId('fulfil-code').fill(wrong);
  await fulfil.getByTestId('fulfil-submit').click();
  await fulfil.locator('[data-testid="form-error"], [data-field="/code"].invalid').first().waitFor({ state: 'visible' });
  await fulfil.getByTestId('fulfil-code').fill(first.pickup_code);
  await fulfil.getByTestId('fulfil-submit').click();
  await page.locator(`[data-testid="shop-order-row"][data-order-id="${first.id}"][data-status="fulfilled"]`).waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/shop/orders');
  await screenshot(page, `ledger_shop-shop-${width}.png`);
  await signOut(page);

  step('the community worker cancels the second order with a reason');
  await signIn(page, 'community');
  await page.goto(`${BASE_URL}/shop/orders?status=reserved&item=${item}`);
  const other = page.locator(`[data-testid="shop-order-row"][data-order-id="${second.id}"]`);
  await other.getByTestId('order-cancel').click();
  const cancel = other.getByTestId('cancel-form');
  await cancel.getByTestId('cancel-submit').click();
  await cancel.locator('[data-field="/reason"].invalid').waitFor({ state: 'visible' });
  await cancel.getByTestId('cancel-reason').fill('浏览器测试：居民不需要了');
  await cancel.getByTestId('cancel-submit').click();
  await page.locator(`[data-testid="shop-order-row"][data-order-id="${second.id}"][data-status="cancelled"]`).waitFor({ state: 'visible' });
  await signOut(page);
}

async function activities(page, width) {
  const title = `浏览器测试活动 ${width}（${STAMP.slice(11, 19)}）`;
  step(`${width} px: a new activity; an empty save names the missing fields`);
  await signIn(page, 'community');
  await page.goto(`${BASE_URL}/activities`);
  await page.getByTestId('activities-table').waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/activities');
  await page.getByTestId('activity-new').click();
  const form = page.getByTestId('activity-form');
  await form.waitFor({ state: 'visible' });
  await form.getByTestId('form-submit').click();
  for (const field of ['/title', '/address']) {
    await form.locator(`[data-field="${field}"].invalid`).waitFor({ state: 'visible' });
  }
  await form.getByTestId('activity-title-input').fill(title);
  await form.getByTestId('activity-place-input').fill('缤纷社区党群服务中心');
  // Starting within the hour, so attendance can be taken now.
  await form.getByTestId('activity-starts').fill(await localIn(page, 10));
  await form.getByTestId('activity-ends').fill(await localIn(page, 130));
  await form.getByTestId('activity-capacity').fill('5');
  await form.getByTestId('activity-credit').fill('60');
  await noWiderThan(page, width, '/activities/new');
  await form.getByTestId('form-submit').click();
  await page.waitForURL(/\/activities\/\d+$/).catch(async () => {
    const error = await form.getByTestId('form-error').innerText().catch(() => '');
    throw new Error(`the activity was not saved ${error}`);
  });
  const id = Number(page.url().match(/\/activities\/(\d+)$/)[1]);
  await page.locator('[data-testid="activity-status"][data-status="draft"]').waitFor({ state: 'visible' });

  step('publish; the check-in code shows six digits');
  await page.locator('[data-testid="activity-action"][data-action="publish"]').click();
  await page.locator('[data-testid="activity-status"][data-status="open"]').waitFor({ state: 'visible' });
  await page.getByTestId('code-toggle').click();
  const digits = await page.getByTestId('checkin-code-digits').innerText();
  if (!/^\d{6}$/.test(digits.trim())) throw new Error(`the check-in code shows as "${digits}"`);

  step('the volunteer signs up; checked in and out, the hours credited, then taken back');
  await call('POST', `/activities/${id}/signups`, await tokenOf('volunteer'));
  await page.reload();
  const signup = page.getByTestId('signup-row').first();
  await signup.waitFor({ state: 'visible' });
  await signup.getByTestId('signup-check-in').click();
  await page.getByTestId('signup-row').first().getByTestId('signup-check-out').click();
  await page.locator('[data-testid="signup-credit"][data-credit="signup.credited"]').waitFor({ state: 'visible' });
  await page.getByTestId('signup-revoke').click();
  const revoke = page.getByTestId('revoke-form');
  await revoke.getByTestId('revoke-reason').fill('浏览器测试：误签到');
  await revoke.getByTestId('revoke-submit').click();
  await page.locator('[data-testid="signup-credit"][data-credit="signup.revoked"]').waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/activities/:id');
  await screenshot(page, `ledger_shop-activity-${width}.png`);

  step("the volunteer's profile: star level, hours, and the certificate");
  await page.getByTestId('signup-volunteer').first().click();
  await page.waitForURL(/\/volunteers\/\d+$/);
  await page.getByTestId('volunteer-star').waitFor({ state: 'visible' });
  await page.getByTestId('volunteer-hours').waitFor({ state: 'visible' });
  await noWiderThan(page, width, '/volunteers/:id');
  await page.getByTestId('volunteer-certificate').click();
  await page.waitForURL(/\/volunteers\/\d+\/certificate$/);
  await page.getByTestId('certificate-statement').waitFor({ state: 'visible' });
  await noWiderThan(page, width, '/volunteers/:id/certificate');
  await signOut(page);
}

async function roster(page, width) {
  step(`${width} px: /volunteers — search one volunteer by name, open the profile`);
  await signIn(page, 'community');
  await page.goto(`${BASE_URL}/volunteers`);
  const first = page.getByTestId('roster-row').first();
  await first.waitFor({ state: 'visible' });
  await page.getByTestId('roster-totals').filter({ hasText: /\d/ }).waitFor({ state: 'visible' });
  await waitUntilSettled(page);
  await noWiderThan(page, width, '/volunteers');
  const name = (await first.getByTestId('roster-link').innerText()).trim();
  const id = await first.getAttribute('data-user-id');
  await page.getByTestId('roster-q').fill(name);
  await page.getByTestId('roster-q').press('Enter');
  await page.getByTestId('roster-q').blur();
  // The search has answered once every name listed holds what was searched.
  await page.waitForFunction((wanted) => {
    const names = [...document.querySelectorAll('[data-testid="roster-link"]')].map((a) => a.textContent);
    return names.length > 0 && names.every((n) => n.includes(wanted));
  }, name, { timeout: 10_000 }).catch(async () => {
    const names = await page.getByTestId('roster-link').allInnerTexts();
    throw new Error(`searching "${name}" lists ${names.join(', ')}`);
  });
  const found = page.locator(`[data-testid="roster-row"][data-user-id="${id}"]`);
  await found.waitFor({ state: 'visible' });
  await screenshot(page, `ledger_shop-roster-${width}.png`);
  await found.getByTestId('roster-link').click();
  await page.waitForURL(new RegExp(`/volunteers/${id}$`));
  await page.getByTestId('volunteer-hours').waitFor({ state: 'visible' });
  await noWiderThan(page, width, '/volunteers/:id (from the roster)');
  await signOut(page);
}

async function run(width, height) {
  const browser = await launch({ width, height });
  const { page } = browser;
  problems = browser.problems;
  try {
    await ledger(page, width);
    await shop(page, width);
    await activities(page, width);
    await roster(page, width);
    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    step(`${width} px: passed`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

async function main() {
  await run(1440, 900);
  await run(390, 844);
  console.log('ledger, shop and activities: statement and reversal, the check, an item offered, orders handed over and cancelled, an activity run with attendance, at 1440 and 390 px');
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
