// The workbench (工作台) and the masked phone, in headless Chromium:
//   a community worker signs in and lands on /workbench; its tiles show the numbers the API counts;
//   clicking 待受理 opens the queue filtered to exactly those needs. On a need's detail the phone is
//   masked; 查看完整号码 shows it as a tel: link; the district admin finds the reveal in the audit.
//   The workbench fits a 390 px phone.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/workbench.png and exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { BASE_URL, api, launch, screenshot, signIn, signOut, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const PHONE_NUMBER = '13900002468';
let problems = [];

/** The tiles as { key: number } once the workbench has loaded. */
async function tileNumbers(page) {
  await page.getByTestId('wb-tiles').waitFor({ state: 'visible' });
  const tiles = await page.getByTestId('wb-tile').all();
  const numbers = {};
  for (const tile of tiles) {
    numbers[await tile.getAttribute('data-key')] = Number(await tile.getByTestId('wb-count').innerText());
  }
  return numbers;
}

async function main() {
  const browser = await launch({ width: 1280, height: 800 });
  const { page } = browser;
  problems = browser.problems;
  try {
    // A need in 缤纷社区 with a phone number, waiting to be accepted.
    const resident = await tokenOf('resident');
    const community = (await api('GET', '/me', resident)).area.id;
    const created = await api('POST', '/needs', resident, {
      category: 'elderly_care', text: `浏览器测试：工作台与号码脱敏（${new Date().toISOString()}）`, area_id: community,
      address: '缤纷小区1幢1单元101室', tags: ['elderly'], urgency: 'normal', channel: 'mini_program',
      contact_name: '测试居民', contact_phone: PHONE_NUMBER,
    });
    const id = created.need.id;
    step(`need #${id} submitted in area ${community}`);

    step('community worker signs in and lands on the workbench');
    await signIn(page, 'community');
    await page.waitForURL(`${BASE_URL}/workbench`);
    const shown = await tileNumbers(page);
    const counts = await api('GET', '/workbench/counts', await tokenOf('community'));
    for (const key of ['submitted', 'accepted', 'dispatched', 'overdue', 'due_today', 'my_tasks']) {
      if (shown[key] !== counts[key]) throw new Error(`tile ${key} shows ${shown[key]}, the API counts ${counts[key]}`);
    }
    if (!(shown.submitted >= 1)) throw new Error('the new need is not counted as 待受理');
    step(`tiles agree with the API: ${JSON.stringify(shown)}`);
    const badge = page.getByTestId('nav-needs').getByTestId('nav-count');
    await badge.waitFor({ state: 'visible' });
    const badgeCount = Number(await badge.getAttribute('data-count'));
    if (badgeCount !== counts.submitted + counts.accepted) throw new Error(`the menu badge says ${badgeCount}`);
    await screenshot(page, 'workbench.png');

    step('待受理 opens the queue filtered to submitted needs');
    await page.locator('[data-testid="wb-tile"][data-key="submitted"]').click();
    await page.waitForURL((url) => url.pathname === '/needs' && url.searchParams.get('status') === 'submitted');
    await page.getByTestId('count-chips').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    if ((await page.getByTestId('filter-status').inputValue()) !== 'submitted') throw new Error('the status filter is not set');
    const chip = page.locator('[data-testid="count-chip"][data-status="submitted"] b');
    const chipCount = Number(await chip.innerText());
    if (chipCount !== shown.submitted) throw new Error(`the queue counts ${chipCount} submitted, the tile ${shown.submitted}`);
    const statuses = await page.locator('[data-testid="need-row"] [data-testid="need-status"]').evaluateAll((els) => els.map((e) => e.dataset.status));
    if (statuses.length === 0 || statuses.some((s) => s !== 'submitted')) throw new Error(`the queue lists ${statuses.join(',')}`);

    step('the phone is masked on the need until revealed');
    await page.goto(`${BASE_URL}/needs/${id}`);
    const masked = page.getByTestId('contact-phone-masked');
    await masked.waitFor({ state: 'visible' });
    const maskedText = await masked.innerText();
    if (maskedText.includes(PHONE_NUMBER) || !maskedText.includes('****')) throw new Error(`the phone shows as ${maskedText}`);
    await page.getByTestId('contact-reveal').click();
    const call = page.getByTestId('contact-phone-call');
    await call.waitFor({ state: 'visible' });
    if ((await call.getAttribute('href')) !== `tel:${PHONE_NUMBER}`) throw new Error('the revealed phone is not tap-to-call');
    if ((await page.getByTestId('contact-name').innerText()) !== '测试居民') throw new Error('the name is not revealed');
    await signOut(page);

    step('the district admin finds the reveal in the audit trail');
    await signIn(page, 'district');
    await page.waitForURL(`${BASE_URL}/workbench`);
    await page.goto(`${BASE_URL}/audit`);
    await page.getByTestId('audit-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const reveal = page.getByTestId('audit-row').filter({ hasText: '查看联系方式' }).filter({ hasText: String(id) });
    await reveal.first().waitFor({ state: 'visible' });
    const row = await reveal.first().innerText();
    if (!row.includes('community') && !row.includes('缤纷社区工作者')) throw new Error(`the entry does not say who: ${row}`);

    step('the workbench fits a 390 px phone');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE_URL}/workbench`);
    await page.getByTestId('wb-tiles').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scroll > width) throw new Error(`the workbench overflows at ${width} px: ${scroll} px wide`);

    if (problems.length) throw new Error(problems.join('\n'));
    console.log('workbench: ok');
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    console.error(`workbench: FAILED — ${err.message}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
