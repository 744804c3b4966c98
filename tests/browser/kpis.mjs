// The KPI dashboard (指标看板) in headless Chromium:
//   the district admin opens 指标看板 → a card per indicator with status counts that add up, binding
//   ones marked, sparklines drawn → the child areas ranked above the cards, re-sorted by status and
//   ranked on another indicator → drills down district → street → community through the child
//   areas, the path growing at each step → back up through the path and with the browser's back →
//   opens an indicator: its SVG line chart, the breakdown by child areas, the target line → as the
//   community worker, a share whose numerator exceeds its denominator is refused by the server and
//   the error shows at 分子 → a correct figure for last year meets the value already in force (409)
//   → 替换 stores it, naming the report it replaces, and the history lists both → the import page
//   offers the template and keeps 导入 disabled until a dry run.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/kpis.png (the overview) and kpi-detail.png; exits non-zero with a reason on
// any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';

/** A share reported by every demo community for last year (numerator ≤ denominator). */
const SHARE = 'home_service_elderly_share';

let problems = [];

async function main() {
  const browser = await launch({ width: 1366, height: 900 });
  const { page } = browser;
  problems = browser.problems;
  try {
    step('district admin signs in and opens 指标看板');
    await signIn(page, 'district');
    await page.getByTestId('nav-kpis').click();
    await overviewLoaded(page);
    const cards = await page.getByTestId('kpi-card').count();
    if (cards < 20) throw new Error(`the overview shows ${cards} cards, expected the whole catalogue`);
    const counted = await page.getByTestId('kpi-count').evaluateAll((chips) => chips.reduce((n, c) => n + Number(c.dataset.count), 0));
    if (counted !== cards) throw new Error(`status counts add up to ${counted}, but ${cards} cards are shown`);
    const binding = await page.locator('[data-testid="kpi-card"][data-binding="true"]').count();
    if (binding === 0 || binding !== (await page.getByTestId('binding-badge').count())) throw new Error('binding indicators are not marked');
    await page.locator('[data-testid="sparkline"][data-loaded="true"] path').first().waitFor({ state: 'attached', timeout: 20_000 });
    const district = await contextArea(page);
    step(`${cards} cards, ${binding} binding, counts add up; sparklines drawn`);
    await screenshot(page, 'kpis.png');

    step('a status chip narrows the cards to that status, again shows all');
    const chip = page.locator('[data-testid="kpi-count"]:not([disabled])').first();
    const chipCount = Number(await chip.getAttribute('data-count'));
    await chip.click();
    const narrowed = await page.getByTestId('kpi-card').count();
    if (narrowed !== chipCount) throw new Error(`the chip says ${chipCount}, ${narrowed} cards shown`);
    await page.getByTestId('kpi-filter-clear').click();

    step('the child areas ranked above the cards: best first, then by status, then on another indicator');
    const ranking = page.getByTestId('ranking-table');
    await ranking.waitFor({ state: 'visible' });
    const rankingTop = await ranking.evaluate((t) => t.getBoundingClientRect().top);
    const cardsTop = await page.getByTestId('kpi-card').first().evaluate((c) => c.getBoundingClientRect().top);
    if (rankingTop > cardsTop) throw new Error('the ranking is below the cards');
    const ranked = page.getByTestId('ranking-row');
    if ((await ranked.count()) < 1) throw new Error('the ranking lists no child area');
    const urgency = { missed: 0, at_risk: 1, on_track: 2, met: 3, no_target: 4, no_data: 5 };
    await page.locator('[data-testid="ranking-sort"][data-column="kpi.status"]').click();
    const statuses = await ranked.evaluateAll((rs) => rs.map((r) => r.dataset.status));
    const order = statuses.map((st) => urgency[st]);
    if (order.some((u, i) => i > 0 && u < order[i - 1])) throw new Error(`sorted by status, the rows read ${statuses.join(', ')}`);
    const picker = page.getByTestId('ranking-indicator');
    const second = await picker.locator('option').nth(1).getAttribute('value');
    await picker.selectOption(second);
    await page.locator(`[data-testid="ranking-value"][href*="/kpis/${second}?"]`).first().waitFor({ state: 'visible' }).catch(() => {
      throw new Error(`after choosing ${second} the ranking's values do not open ${second}`);
    });

    step('drill down: district → street → community');
    const trail = [district];
    for (const level of ['street', 'community']) {
      const child = page.getByTestId('kpi-child').first();
      await child.waitFor({ state: 'visible' });
      if ((await child.getAttribute('data-kind')) !== level) throw new Error(`the first child area is a ${await child.getAttribute('data-kind')}, expected a ${level}`);
      const id = await child.getAttribute('data-area-id');
      await child.click();
      await page.waitForURL((url) => url.searchParams.get('area') === id);
      await overviewLoaded(page);
      if ((await contextArea(page)) !== id) throw new Error(`the overview after the click is not area ${id}`);
      trail.push(id);
      const links = await page.getByTestId('kpi-trail-link').count();
      if (links !== trail.length - 1) throw new Error(`the path has ${links} links at the ${level}, expected ${trail.length - 1}`);
    }
    step(`path ${trail.join(' → ')}`);
    const provenance = page.locator('[data-testid="kpi-provenance"]').first();
    if (!(await provenance.count())) throw new Error('reported cards at the community show no provenance');

    step('back up: the browser back button, then the path');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('area') === trail[1]);
    await overviewLoaded(page);
    await page.locator(`[data-testid="kpi-trail-link"][data-area-id="${district}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('area') === district);
    await overviewLoaded(page);
    if ((await contextArea(page)) !== district) throw new Error('the path did not lead back to the district');

    step('an indicator: line chart, breakdown, target');
    await page.locator('[data-testid="kpi-card"][data-code="satisfaction_rate"]').click();
    const detail = page.getByTestId('kpi-detail');
    await detail.waitFor({ state: 'visible' });
    await detail.getByTestId('kpi-chart').waitFor({ state: 'visible' });
    const points = await detail.getByTestId('chart-point').count();
    if (points < 2) throw new Error(`the line chart has ${points} points`);
    await detail.getByTestId('breakdown-table').waitFor({ state: 'visible' });
    const rows = await detail.getByTestId('breakdown-row').count();
    if (rows === 0) throw new Error('the breakdown lists no child area');
    const target = await detail.getByTestId('kpi-detail-summary').innerText();
    if (!target.includes('92')) throw new Error(`the district's own target (≥ 92) is not shown: "${target}"`);
    await detail.getByTestId('kpi-targets').waitFor({ state: 'visible' });
    await screenshot(page, 'kpi-detail.png');
    step(`${points} periods charted, ${rows} child areas in the breakdown`);

    step('community worker reports a share for last year');
    await signOut(page);
    await signIn(page, 'community');
    const lastYear = new Date().getFullYear() - 1;
    await page.goto(`${BASE_URL}/kpis/report?period=${lastYear}&indicator=${SHARE}`);
    const form = page.getByTestId('kpi-report-form');
    await form.waitFor({ state: 'visible' });
    await form.getByTestId('kpi-numerator').fill('500');
    await form.getByTestId('kpi-denominator').fill('400');
    await form.getByTestId('kpi-source-note').fill('浏览器测试：社区台账');
    await form.getByTestId('form-submit').click();
    const error = form.locator('[data-field="/numerator"] [data-testid="field-error"]');
    await page.waitForFunction(() => document.querySelector('[data-field="/numerator"] [data-testid="field-error"]')?.textContent.trim());
    step(`the server refused it at 分子: "${(await error.innerText()).trim()}"`);

    await form.getByTestId('kpi-numerator').fill('300');
    await form.getByTestId('form-submit').click();
    const conflict = page.getByTestId('kpi-conflict');
    await conflict.waitFor({ state: 'visible' });
    const current = await conflict.getByTestId('conflict-current').getAttribute('data-id');
    await conflict.getByTestId('kpi-replace').click();
    const saved = page.getByTestId('kpi-report-saved');
    await saved.waitFor({ state: 'visible' });
    const savedText = await saved.innerText();
    if (!savedText.includes(`#${current}`)) throw new Error(`the saved report does not name the one it replaces (#${current})`);
    if (!(await saved.getByTestId('saved-value').innerText()).includes('75')) throw new Error('the saved share is not 300/400 = 75%');
    step(`stored, replacing report #${current}`);

    await saved.getByTestId('saved-to-detail').click();
    await page.getByTestId('kpi-history').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const superseded = await page.locator(`[data-testid="history-row"][data-id="${current}"]`).getAttribute('data-superseded');
    if (superseded !== 'true') throw new Error(`report #${current} is not shown as replaced in the history`);

    step('the import page: the template is offered and 导入 waits for a clean dry run');
    await page.goto(`${BASE_URL}/kpis/import`);
    const panel = page.getByTestId('kpi-import');
    await panel.getByTestId('import-template').waitFor({ state: 'visible' });
    if (!(await panel.getByTestId('import-run').isDisabled())) throw new Error('import is enabled before a dry run');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('import-template').click()]);
    if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`the template downloads as ${download.suggestedFilename()}`);

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS ${cards} cards; drill-down ${trail.length} levels and back; chart ${points} points; report #${current} replaced`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

/** Waits for the overview's cards (or its error, which fails the test). */
async function overviewLoaded(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="kpi-card"], [data-testid="error"]'));
  const error = page.getByTestId('error');
  if (await error.count()) throw new Error(`the overview failed: ${await error.innerText()}`);
  await page.getByTestId('kpi-context').waitFor({ state: 'visible' });
}

/** The area the overview shows. */
async function contextArea(page) {
  return page.getByTestId('kpi-context').getAttribute('data-area-id');
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
