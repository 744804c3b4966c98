// The service resource catalogue (服务资源清单) in headless Chromium, as the community worker:
//   /resources lists the demo services and providers → a new service is created through the form
//   (provider, category, low cost with a price, a weekly schedule slot, a served area); a bad age
//   range is refused by the server and the error shows under 最高年龄 → fixed, saved, its page shows
//   the slot, and the services list finds it → the spaces tab lists spaces, one flagged 不足8小时 →
//   the import panel downloads the template and checks it (dry run) without importing anything.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/resources.png (the services list with the new service) and exits non-zero
// with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, step, waitUntilSettled } from './helpers.mjs';

const STAMP = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
const NAME = `浏览器测试：助餐送餐上门 ${STAMP}`;

let problems = [];

async function main() {
  const browser = await launch({ width: 1280, height: 900 });
  const { page } = browser;
  problems = browser.problems;
  try {
    step('community worker signs in and opens 服务资源');
    await signIn(page, 'community');
    await page.getByTestId('nav-resources').click();
    await page.getByTestId('resource-tabs').waitFor({ state: 'visible' });
    await page.getByTestId('services-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const services = await page.getByTestId('service-row').count();
    step(`services tab lists ${services} services`);
    if (services === 0) throw new Error('the services tab is empty (demo data missing?)');
    const load = await page.getByTestId('service-load').first().innerText();
    if (!/^\d+\/\d+$/.test(load.trim())) throw new Error(`load column reads "${load}", expected "n/m"`);

    step('providers tab');
    await page.getByTestId('tab-providers').click();
    await page.getByTestId('providers-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const providers = await page.getByTestId('provider-row').count();
    step(`providers tab lists ${providers} providers`);
    if (providers === 0) throw new Error('the providers tab is empty');
    if (!page.url().includes('tab=providers')) throw new Error(`the tab is not in the URL: ${page.url()}`);

    step('new service form');
    await page.getByTestId('tab-services').click();
    await page.getByTestId('services-table').waitFor({ state: 'visible' });
    await page.getByTestId('resource-new').click();
    const form = page.getByTestId('service-form');
    await form.waitFor({ state: 'visible' });
    const provider = form.getByTestId('service-provider');
    await provider.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    const providerId = await provider.locator('option:not([value=""])').first().getAttribute('value');
    await provider.selectOption(providerId);
    await form.getByTestId('service-name').fill(NAME);
    await form.getByTestId('service-category').locator('option[value="elderly_care"]').waitFor({ state: 'attached' });
    await form.getByTestId('service-category').selectOption('elderly_care');
    await form.getByTestId('service-mode').selectOption('at_home');
    await form.getByTestId('service-cost').selectOption('low_cost');
    await form.getByTestId('service-price').fill('15');
    await form.getByTestId('service-capacity').fill('6');
    await form.getByTestId('service-groups').locator('[data-tag="elderly"]').click();

    step('schedule: add two slots, remove one, set Wednesday 09:00–11:30');
    await form.getByTestId('slot-add').click();
    await form.getByTestId('slot-add').click();
    if ((await form.getByTestId('slot-row').count()) !== 2) throw new Error('two slots were not added');
    await form.getByTestId('slot-remove').nth(1).click();
    const slot = form.getByTestId('slot-row');
    if ((await slot.count()) !== 1) throw new Error('the slot was not removed');
    await slot.getByTestId('slot-weekday').selectOption('3');
    await slot.getByTestId('slot-start').fill('09:00');
    await slot.getByTestId('slot-end').fill('11:30');

    step('served area: 缤纷社区');
    await form.getByTestId('served-area-search').fill('缤纷');
    await form.getByTestId('area-search-result').first().click();
    await form.getByTestId('served-area-chip').first().waitFor({ state: 'visible' });

    step('a bad age range is refused by the server, shown under 最高年龄');
    await form.getByTestId('service-min-age').fill('70');
    await form.getByTestId('service-max-age').fill('60');
    await form.getByTestId('form-submit').click();
    const maxAge = form.locator('[data-field="/max_age"]');
    await form.locator('[data-field="/max_age"].invalid').waitFor({ state: 'visible' }).catch(async () => {
      const summary = await form.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`no error under 最高年龄 (summary: ${summary || 'none'})`);
    });
    step(`server says: ${await maxAge.getByTestId('field-error').innerText()}`);

    step('fix it and create the service');
    await form.getByTestId('service-max-age').fill('');
    await form.getByTestId('form-submit').click();
    const detail = page.locator('[data-testid="service-detail"][data-id]');
    await detail.getByTestId('service-facts').waitFor({ state: 'visible' }).catch(async () => {
      const error = await form.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`the service was not created: ${error || 'no page'}`);
    });
    const id = await detail.getAttribute('data-id');
    const schedule = await detail.getByTestId('service-schedule').innerText();
    step(`service #${id} created, schedule: ${schedule}`);
    if (!schedule.includes('09:00–11:30')) throw new Error(`the schedule shows "${schedule}", expected 周三 09:00–11:30`);

    step('the services list finds it');
    await page.goto(`${BASE_URL}/resources?tab=services&q=${encodeURIComponent(STAMP)}`);
    const row = page.locator(`[data-testid="service-row"][data-id="${id}"]`);
    await row.waitFor({ state: 'visible' });
    if (!(await row.innerText()).includes('¥15.00')) throw new Error('the row does not show the price ¥15.00');
    await waitUntilSettled(page);
    step(`screenshot: ${await screenshot(page, 'resources.png')}`);

    step('spaces tab');
    await page.getByTestId('tab-spaces').click();
    await page.getByTestId('spaces-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const spaces = await page.getByTestId('space-row').count();
    const short = await page.locator('[data-testid="space-row"] [data-testid="short-hours"]').count();
    step(`spaces tab lists ${spaces} spaces, ${short} open under 8 h a day`);
    if (spaces === 0) throw new Error('the spaces tab is empty');
    if (short === 0) throw new Error('no space is flagged 不足8小时 (the demo has one)');
    await page.getByTestId('filter-short-hours').check();
    await page.waitForURL(/short_hours=true/);
    await waitUntilSettled(page);
    const flagged = await page.getByTestId('space-row').count();
    const unflagged = await page.locator('[data-testid="space-row"][data-short="false"]').count();
    if (flagged === 0 || unflagged > 0) throw new Error(`short-hours filter: ${flagged} rows, ${unflagged} not flagged`);

    step('import: download the template and check it (dry run)');
    await page.getByTestId('import-toggle').click();
    const panel = page.getByTestId('import-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.getByTestId('import-table').selectOption('providers');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('import-template').click()]);
    const template = await download.path();
    if (!template) throw new Error('the template did not download');
    await panel.getByTestId('import-file').setInputFiles({ name: 'providers.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await readFile(template) });
    if (!(await panel.getByTestId('import-run').isDisabled())) throw new Error('import is enabled before a dry run');
    await panel.locator('[data-testid="import-check"]:not([disabled])').waitFor();
    await panel.getByTestId('import-check').click();
    const verdict = panel.locator('[data-testid="import-errors"], [data-testid="import-clean"]');
    await verdict.first().waitFor({ state: 'visible' }).catch(async () => {
      const error = await panel.getByTestId('import-error').innerText().catch(() => '');
      throw new Error(`the dry run gave no verdict ${error}`);
    });
    if (await panel.getByTestId('import-errors').count()) {
      const errors = await panel.getByTestId('import-error-row').count();
      step(`dry run of the template: ${errors} problems listed`);
      if (errors === 0) throw new Error('the error list is empty');
      if (!(await panel.getByTestId('import-run').isDisabled())) throw new Error('import is enabled although the dry run found errors');
    } else {
      step(`dry run of the template: ${await panel.getByTestId('import-clean').innerText()}`);
      if (await panel.getByTestId('import-run').isDisabled()) throw new Error('import stays disabled after a clean dry run');
    }

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS ${services} services, ${providers} providers, ${spaces} spaces; service #${id} created with a schedule slot`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

async function readFile(path) {
  const { readFile: read } = await import('node:fs/promises');
  return read(path);
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
