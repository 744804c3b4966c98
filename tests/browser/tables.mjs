// The staff tables (one component for needs, programs, resources, users and audit) in headless
// Chromium, on the needs queue and the audit page, at 1440 px and at 390 px:
//   needs: "共 N 条" matches the API's total → page 2 through the pager shows other rows under the
//   same total → 50 per page shows more rows and is remembered → the 编号 header flips the order
//   (aria-sort) → a keyword (#id, then a word of a need's text) narrows rows and total → the column
//   chooser hides 区域, still hidden after a reload → Excel and CSV download; the CSV holds only the
//   filtered rows.
//   audit: the total, page 2, page size; filtering by action and object narrows rows and total; the
//   operator shows by display name; the CSV export of a filter holds only its rows.
//   keyword: an operator's account narrows the total as the API does. (The audit trail is newest first
//   only, so it has no sortable header.)
//   At 390 px rows are cards and the page is no wider than the screen.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/tables-<page>-<width>.png; exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { readFileSync } from 'node:fs';

import { BASE_URL, api, launch, screenshot, signIn, signOut, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const WIDTHS = [{ width: 1440, height: 900 }, { width: 390, height: 844 }];

let problems = [];

const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

/** The table's shown total (data-total) and the text "共 N 条". */
async function total(page) {
  const el = page.getByTestId('dt-total');
  await page.waitForFunction(() => document.querySelector('[data-testid="dt-total"]')?.dataset.total !== undefined);
  const n = Number(await el.getAttribute('data-total'));
  const text = (await el.innerText()).trim();
  check(text === `共 ${n} 条`, `the pager reads "${text}", not "共 ${n} 条"`);
  return n;
}

/** Waits until the table has answered (not busy) and returns the ids of its rows. */
async function rowIds(page, testid, attr) {
  // After a reload the app mounts first: wait for its table to have rows.
  await page.locator(`[data-testid="${testid}"]`).first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('table[aria-busy="true"]')).catch(() => {
    throw new Error('the table stays busy');
  });
  await waitUntilSettled(page);
  return page.locator(`[data-testid="${testid}"]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a)), attr);
}

/** Runs `change` and waits until the table has been busy and answered again. */
async function reloadBy(page, change) {
  await page.evaluate(() => {
    const table = document.querySelector('table.data-table');
    window.__dtDone = false;
    // aria-busy is "false" before the change, so any change of it means a load started.
    const obs = new MutationObserver(() => {
      if (table.getAttribute('aria-busy') === 'false') { window.__dtDone = true; obs.disconnect(); }
    });
    obs.observe(table, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  await change();
  await page.waitForFunction(() => window.__dtDone === true).catch(() => {
    throw new Error('the table did not load again after the change');
  });
  await waitUntilSettled(page);
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  const bytes = readFileSync(path);
  return { name: file.suggestedFilename(), bytes };
}

/** CSV lines without the byte-order mark and the header row. */
const csvRows = (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim()).slice(1);

async function needsQueue(page, viewport, token) {
  const tag = `needs-${viewport.width}`;
  step(`${viewport.width} px: the needs queue — total, pages, size, order, search, columns, export`);
  await page.goto(`${BASE_URL}/needs`);
  await page.getByTestId('needs-table').waitFor({ state: 'visible' });
  const first = await rowIds(page, 'need-row', 'data-need-id');
  const all = await total(page);
  const fromApi = await api('GET', '/needs?limit=1', token);
  check(fromApi.total === all, `the table says ${all} needs, the API ${fromApi.total}`);
  check(all > 20, `the demo queue has ${all} needs, too few for two pages`);
  check(first.length === 20, `page 1 shows ${first.length} rows, not 20`);

  step(`  ${all} needs, page 1 of 20 rows; page 2`);
  // Page 2: other rows, the same total.
  await reloadBy(page, () => page.locator('[data-testid="dt-page"][data-page="2"]').click());
  const second = await rowIds(page, 'need-row', 'data-need-id');
  check(second.length > 0 && second.every((id) => !first.includes(id)), 'page 2 repeats rows of page 1');
  check((await total(page)) === all, 'the total changed on page 2');
  check(await page.locator('[data-testid="dt-page"][data-page="2"]').getAttribute('aria-current') === 'page', 'page 2 is not marked current');

  step('  50 a page');
  // 50 a page: back to page 1 with more rows; remembered after a reload.
  await reloadBy(page, () => page.getByTestId('dt-size').selectOption('50'));
  const fifty = await rowIds(page, 'need-row', 'data-need-id');
  check(fifty.length === Math.min(50, all), `50 a page shows ${fifty.length} rows`);
  check(fifty[0] === first[0], '50 a page does not start again from page 1');
  await page.reload();
  await page.getByTestId('needs-table').waitFor({ state: 'visible' });
  check((await page.getByTestId('dt-size').inputValue()) === '50', 'the page size is forgotten after a reload');
  await rowIds(page, 'need-row', 'data-need-id');
  await reloadBy(page, () => page.getByTestId('dt-size').selectOption('20'));

  step('  order by 编号');
  // The 编号 header flips the order.
  const idHead = page.locator('th[data-column="id"]');
  check((await idHead.getAttribute('aria-sort')) === 'descending', 'the queue does not start newest first');
  await reloadBy(page, () => idHead.getByTestId('dt-sort').click());
  check((await idHead.getAttribute('aria-sort')) === 'ascending', 'a click on 编号 does not sort ascending');
  const oldest = (await rowIds(page, 'need-row', 'data-need-id')).map(Number);
  check(oldest.every((id, i) => i === 0 || oldest[i - 1] < id), `oldest first is not ascending: ${oldest.join(',')}`);
  check(oldest[0] < Number(first[0]), 'oldest first starts with the newest need');
  await reloadBy(page, () => idHead.getByTestId('dt-sort').click());
  check((await idHead.getAttribute('aria-sort')) === 'descending', 'a second click does not sort descending');
  check((await rowIds(page, 'need-row', 'data-need-id'))[0] === first[0], 'newest first again does not start with the newest need');

  step('  keyword');
  // A keyword narrows rows and total: #id, then a word of one need's text.
  const pick = second[0];
  const search = page.getByTestId('dt-search');
  await reloadBy(page, async () => { await search.fill(`#${pick}`); await search.press('Enter'); });
  const byId = await rowIds(page, 'need-row', 'data-need-id');
  check(byId.length === 1 && byId[0] === pick, `#${pick} finds ${byId.join(',')}`);
  check((await total(page)) === 1, '#id does not make the total 1');
  const need = await api('GET', `/needs/${pick}`, token);
  const word = [...(need.need ?? need).text.replace(/[，。！？、：；（）\s\d]/g, '')].slice(0, 4).join('');
  await reloadBy(page, () => search.fill(word)); // applies after the pause in typing
  const byWord = await rowIds(page, 'need-row', 'data-need-id');
  const wordTotal = await total(page);
  check(byWord.includes(pick), `"${word}" does not find #${pick}`);
  check(wordTotal < all && wordTotal >= byWord.length, `"${word}" leaves the total at ${wordTotal} of ${all}`);

  step(`  export of "${word}"`);
  // The export holds exactly the filtered rows.
  const csv = await download(page, 'export-csv');
  check(/\.csv$/.test(csv.name) && csv.bytes.length > 0, `the CSV download is ${csv.name}, ${csv.bytes.length} bytes`);
  const lines = csvRows(csv.bytes);
  check(lines.length === wordTotal, `the CSV of "${word}" has ${lines.length} rows, the table ${wordTotal}`);
  check(lines.some((l) => l.includes(pick)), `the CSV of "${word}" misses #${pick}`);
  const xlsx = await download(page, 'export-xlsx');
  check(/\.xlsx$/.test(xlsx.name) && xlsx.bytes.length > 1000 && xlsx.bytes.subarray(0, 2).toString() === 'PK',
    `the Excel download is ${xlsx.name}, ${xlsx.bytes.length} bytes`);
  await reloadBy(page, async () => { await search.fill(''); await search.press('Enter'); });
  check((await total(page)) === all, 'clearing the keyword does not bring the total back');

  step('  column chooser');
  // The column chooser hides 区域, and it stays hidden after a reload.
  const chooser = page.getByTestId('dt-columns');
  await chooser.locator('summary').click();
  await chooser.locator('[data-testid="dt-column"][data-column="area"] input').uncheck();
  await chooser.locator('summary').click();
  const areaCell = page.locator('[data-testid="need-row"] td[data-column="area"]').first();
  check(!(await areaCell.isVisible()), 'the 区域 column is still shown after hiding it');
  await page.reload();
  await rowIds(page, 'need-row', 'data-need-id');
  check(!(await page.locator('[data-testid="need-row"] td[data-column="area"]').first().isVisible()), '区域 is shown again after a reload');
  if (viewport.width > 600) check(!(await page.locator('th[data-column="area"]').isVisible()), 'the 区域 header is still shown');
  await screenshot(page, `tables-${tag}.png`);
  await chooser.locator('summary').click();
  await chooser.locator('[data-testid="dt-column"][data-column="area"] input').check();
  await chooser.locator('summary').click();
  check(await page.locator('[data-testid="need-row"] td[data-column="area"]').first().isVisible(), '区域 does not come back');
  await noSideways(page, '/needs');
}

async function auditTrail(page, viewport, token) {
  const tag = `audit-${viewport.width}`;
  step(`${viewport.width} px: the audit trail — total, pages, size, filters, names, export`);
  await page.goto(`${BASE_URL}/audit`);
  await page.getByTestId('audit-table').waitFor({ state: 'visible' });
  const first = await rowIds(page, 'audit-row', 'data-entry');
  const all = await total(page);
  const fromApi = await api('GET', '/audit?limit=1', token);
  check(fromApi.total === all, `the table says ${all} entries, the API ${fromApi.total}`);
  check(all > 20 && first.length === 20, `the audit trail shows ${first.length} of ${all} entries on page 1`);
  check(!(await page.getByTestId('audit-row').first().innerText()).match(/\b(create|update|dispatch)\b/), 'an action shows as its code');

  step(`  ${all} entries; page 2, 100 a page`);
  await reloadBy(page, () => page.locator('[data-testid="dt-page"][data-page="2"]').click());
  const second = await rowIds(page, 'audit-row', 'data-entry');
  check(second.length > 0 && second.every((id) => !first.includes(id)), 'audit page 2 repeats rows of page 1');
  check((await total(page)) === all, 'the audit total changed on page 2');
  await reloadBy(page, () => page.getByTestId('dt-size').selectOption('100'));
  const hundred = await rowIds(page, 'audit-row', 'data-entry');
  check(hundred.length === Math.min(100, all) && hundred[0] === first[0], `100 a page shows ${hundred.length} entries`);
  await reloadBy(page, () => page.getByTestId('dt-size').selectOption('20'));

  // The operator by display name: the API's actor_name where it sends one.
  const sample = (await api('GET', '/audit?limit=20', token)).items.find((e) => e.actor_name);
  if (sample) {
    const shown = (await page.locator(`[data-testid="audit-row"][data-entry="${sample.id}"] [data-testid="audit-actor"]`).innerText()).trim();
    check(shown === sample.actor_name, `entry ${sample.id} names its operator "${shown}", not "${sample.actor_name}"`);
  }

  // Newest first: the earlier browser tests' own changes are near the top.
  const actor = (await api('GET', '/audit?limit=200', token)).items.find((e) => e.actor_username);
  check(actor, 'no entry of the last 200 names its operator');
  if (actor) {
    step('  keyword: an operator\'s account');
    const search = page.getByTestId('dt-search');
    await reloadBy(page, async () => { await search.fill(actor.actor_username); await search.press('Enter'); });
    const expected = (await api('GET', `/audit?limit=1&q=${encodeURIComponent(actor.actor_username)}`, token)).total;
    const shown = await total(page);
    check(shown === expected && expected > 0 && expected <= all, `searching ${actor.actor_username} shows ${shown} entries, the API ${expected} of ${all}`);
    await reloadBy(page, async () => { await search.fill(''); await search.press('Enter'); });
    check((await total(page)) === all, 'clearing the audit keyword does not bring the total back');
  }

  step('  filters: action, object; export');
  // Filter by action, then by object: rows and total narrow; the CSV holds only those.
  await reloadBy(page, () => page.getByTestId('audit-filter-action').selectOption('create'));
  const created = await total(page);
  check(created > 0 && created < all, `filtering by 创建 leaves ${created} of ${all}`);
  const actions = await page.locator('[data-testid="audit-row"] [data-action]').evaluateAll((els) => els.map((e) => e.dataset.action));
  check(actions.every((a) => a === 'create'), `the 创建 filter shows ${[...new Set(actions)].join(',')}`);
  const csv = await download(page, 'export-csv');
  check(/\.csv$/.test(csv.name), `the audit CSV is named ${csv.name}`);
  check(csvRows(csv.bytes).length === created, `the audit CSV of 创建 has ${csvRows(csv.bytes).length} rows, the table ${created}`);
  const entry = (await api('GET', '/audit?action=create&entity=need&limit=1', token)).items[0];
  if (entry) {
    await reloadBy(page, () => page.getByTestId('audit-filter-entity').selectOption('need'));
    await reloadBy(page, async () => {
      await page.getByTestId('audit-filter-id').fill(String(entry.entity_id));
      await page.getByTestId('audit-filter-id').press('Enter');
      await page.getByTestId('audit-filter-id').blur();
    });
    const rows = await rowIds(page, 'audit-row', 'data-entry');
    check(rows.includes(String(entry.id)) && (await total(page)) === rows.length, `need #${entry.entity_id}'s creation is not the only match`);
    const link = page.locator(`[data-testid="audit-row"][data-entry="${entry.id}"] [data-testid="audit-link"]`);
    check((await link.getAttribute('href')) === `/needs/${entry.entity_id}`, 'the entry does not link to its need');
  }
  await screenshot(page, `tables-${tag}.png`);
  await noSideways(page, '/audit');
}

async function noSideways(page, path) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize().width;
  check(width <= viewport, `${path} is ${width} px wide in a ${viewport} px window`);
}

async function main() {
  const needsToken = await tokenOf('community');
  const auditToken = await tokenOf('admin');
  for (const viewport of WIDTHS) {
    // A fresh profile per width: the remembered page size and columns start from the defaults.
    const browser = await launch(viewport);
    const { page } = browser;
    problems = browser.problems;
    try {
      await signIn(page, 'community');
      await needsQueue(page, viewport, needsToken);
      await signOut(page);
      await signIn(page, 'admin');
      await auditTrail(page, viewport, auditToken);
      if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
    } catch (e) {
      await screenshot(page, 'failure.png').catch(() => {});
      await browser.close();
      throw e;
    }
    await browser.close();
  }
  console.log('tables: ok');
}

main().catch((e) => {
  console.error(`tables: FAILED — ${e.message}`);
  process.exit(1);
});
