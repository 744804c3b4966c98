// 对接应用 and 事件推送 (integration clients and webhooks) in headless Chromium:
//   the district admin finds 对接应用 in the menu (a community worker does not) → registers a client
//   for 缤纷社区 with one scope → its secret is shown once, with the warning → after a reload the
//   secret is gone for good and the client is listed → its page shows the facts and the usage
//   section; rotating shows a new secret and until when the old one works → 事件推送: registers an
//   endpoint with a generated secret and one event → it is listed → its page sends a test, the log
//   shows the delivery, and replaying it queues a new one → 审计 shows the client's creation as
//   labelled fields (名称 → the new name), not JSON → at 390 px none of these pages scrolls sideways.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/clients.png and webhooks.png; exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);

let problems = [];

async function main() {
  const browser = await launch({ width: 1280, height: 900 });
  const { page } = browser;
  problems = browser.problems;
  try {
    step('a community worker has no 对接应用 in the menu');
    await signIn(page, 'community');
    if (await page.getByTestId('nav-clients').count()) throw new Error('community staff see the integration-client menu entry');
    await signOut(page);

    step('the district admin registers a client for 缤纷社区 with one scope');
    await signIn(page, 'district');
    await page.getByTestId('nav-clients').click();
    await page.waitForURL(`${BASE_URL}/admin/clients`);
    await waitUntilSettled(page);
    await page.getByTestId('client-new').click();
    const name = `浏览器测试应用 ${stamp}`;
    await page.getByTestId('client-name').fill(name);
    await page.getByTestId('client-area-search').fill('缤纷');
    await page.getByTestId('area-search-result').first().click();
    await page.locator('[data-testid="client-scope"][data-code="needs:read"] input').check();
    await page.getByTestId('form-submit').click();

    step('the secret is shown once, with the warning');
    await page.getByTestId('client-secret-box').waitFor({ state: 'visible' });
    const secret = await page.getByTestId('client-secret').inputValue();
    if (!secret.startsWith('hhs_') || secret.length < 20) throw new Error(`the secret box shows "${secret}"`);
    if (!(await page.getByTestId('client-secret-warning').innerText()).includes('只显示这一次')) throw new Error('no one-time warning');
    const row = page.getByTestId('client-row').filter({ hasText: name });
    await row.waitFor({ state: 'visible' });
    await screenshot(page, 'clients.png');

    step('after a reload the secret is gone and the client is still listed');
    await page.reload();
    await page.getByTestId('clients-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    await page.getByTestId('client-row').filter({ hasText: name }).waitFor({ state: 'visible' });
    if (await page.getByTestId('client-secret-box').count()) throw new Error('the secret box survives a reload');
    if ((await page.content()).includes(secret)) throw new Error('the secret is still in the page after a reload');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    if (stored.includes(secret)) throw new Error('the secret was kept in browser storage');

    step('its page: facts, usage; rotating shows a new secret and the grace period');
    await page.getByTestId('client-row').filter({ hasText: name }).getByTestId('client-link').click();
    await page.getByTestId('client-facts').waitFor({ state: 'visible' });
    const clientUrl = page.url();
    await page.getByTestId('client-usage').waitFor({ state: 'visible' });
    await page.getByTestId('client-rotate').click();
    await page.getByTestId('client-confirm').click();
    await page.getByTestId('client-secret-box').waitFor({ state: 'visible' });
    const rotated = await page.getByTestId('client-secret').inputValue();
    if (!rotated.startsWith('hhs_') || rotated === secret) throw new Error('rotating did not show a new secret');
    await page.getByTestId('client-grace').waitFor({ state: 'visible' });
    await page.getByTestId('client-secret-done').click();
    if (await page.getByTestId('client-secret-box').count()) throw new Error('the secret box stays after it is closed');

    step('事件推送: register an endpoint with a generated secret and one event');
    await page.getByTestId('nav-webhooks').click();
    await page.waitForURL(`${BASE_URL}/admin/webhooks`);
    await waitUntilSettled(page);
    await page.getByTestId('webhook-new').click();
    const url = `http://127.0.0.1:9/hooks/${stamp}`;
    await page.getByTestId('webhook-url').fill(url);
    await page.getByTestId('webhook-secret-generate').click();
    if ((await page.getByTestId('webhook-secret').inputValue()).length < 16) throw new Error('no secret was generated');
    await page.locator('[data-testid="webhook-event"][data-code="need.created"] input').check();
    await page.getByTestId('form-submit').click();
    const hook = page.getByTestId('webhook-row').filter({ hasText: url });
    await hook.waitFor({ state: 'visible' });
    if (!(await hook.innerText()).includes('need.created')) throw new Error('the endpoint is listed without its event');
    await screenshot(page, 'webhooks.png');

    step('its page: a test is queued and logged, and replaying it queues a new delivery');
    await hook.getByTestId('webhook-link').click();
    await page.getByTestId('webhook-facts').waitFor({ state: 'visible' });
    const hookUrl = page.url();
    await page.getByTestId('webhook-test').click();
    await page.getByTestId('webhook-notice').waitFor({ state: 'visible' });
    await page.getByTestId('delivery-row').first().waitFor({ state: 'visible' });
    await page.getByTestId('delivery-replay').first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="delivery-row"]').length >= 2);

    step('审计: the creation of the client reads as labelled fields before → after, not as JSON');
    const clientId = new URL(clientUrl).pathname.split('/').pop();
    await page.goto(`${BASE_URL}/audit?entity=integration_client&entity_id=${clientId}`);
    const created = page.getByTestId('audit-row').last();
    await created.waitFor({ state: 'visible' });
    await created.locator('button.tree-toggle').click();
    const named = created.locator('[data-testid="audit-change"][data-field="name"]');
    await named.waitFor({ state: 'visible' });
    const label = (await named.locator('th').innerText()).trim();
    if (label !== '名称') throw new Error(`the audit diff labels the field "name" as "${label}"`);
    if (!(await named.locator('.diff-after').innerText()).includes(name)) throw new Error('the audit diff does not show the new name');
    if (await created.locator('pre').count()) throw new Error('the audit entry still shows raw JSON');

    step('at 390 px no page scrolls sideways');
    await page.setViewportSize(PHONE);
    for (const path of ['/admin/clients', new URL(clientUrl).pathname, '/admin/webhooks', new URL(hookUrl).pathname]) {
      await page.goto(`${BASE_URL}${path}`);
      await page.locator('main.page h1, main.page [data-testid="client-facts"], main.page [data-testid="webhook-facts"]').first().waitFor({ state: 'visible' });
      await waitUntilSettled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) throw new Error(`${path} is ${overflow} px wider than a 390 px screen`);
    }

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS client "${name}" registered, secret shown once, rotated; endpoint ${url} registered, tested, replayed`);
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
