// Matching (资源匹配) end to end in headless Chromium, as the community worker of 缤纷社区:
//   an accepted need shows its ranked candidates with the six parts of the score (a need without any
//   shows the gap notice) → dispatched to the top candidate it shows 已派单 → a new matching plan for
//   the worker's own community is solved, its results are shown and applied, and every assigned row
//   shows its outcome → 重新优化 opens a new plan whose changes list the dispatched needs as removed,
//   with their former service → the gap report shows communities × categories, and a red or amber
//   cell (when the data has one) starts a draft co-building program.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/matching-candidates.png, matching-plan.png and matching-gaps.png; exits
// non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, api, launch, screenshot, signIn, step, tokenOf, waitUntilSettled } from './helpers.mjs';

/** How many accepted needs to look at for one with a dispatchable top candidate. */
const TRIES = 12;
/** A plan is solved in the background; allow it this long. */
const PLAN_TIMEOUT = 90_000;

let problems = [];

async function main() {
  const browser = await launch({ width: 1280, height: 900 });
  const { page } = browser;
  problems = browser.problems;
  try {
    step('community worker signs in and opens the queue of accepted needs');
    await signIn(page, 'community');
    await page.getByTestId('nav-matching-plans').waitFor({ state: 'visible' });
    await page.getByTestId('nav-needs').click();
    await page.getByTestId('count-chips').waitFor({ state: 'visible' });
    await page.getByTestId('filter-status').selectOption('accepted');
    // The table answers the filter after a moment: wait for its total to be the API's count of
    // accepted needs, so the rows read below are the filtered ones.
    const accepted = (await api('GET', '/needs?status=accepted', await tokenOf('community'))).total;
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="dt-total"]')?.dataset.total === String(n) && !document.querySelector('table[aria-busy="true"]'),
      accepted,
    );
    await waitUntilSettled(page);
    const ids = await page.locator('[data-testid="need-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.needId));
    if (!ids.length) throw new Error('the queue has no accepted needs (demo data?)');
    step(`${ids.length} accepted needs listed`);

    // 1. Candidates of one accepted need, with the parts of the score.
    let id = null;
    const seen = [];
    for (const candidateId of ids.slice(0, TRIES)) {
      if (candidateId === ids[0]) {
        await page.locator(`[data-testid="need-row"][data-need-id="${candidateId}"] td.need-text`).click();
      } else {
        await page.goto(`${BASE_URL}/needs/${candidateId}`);
      }
      await expectStatus(page, 'accepted');
      const panel = page.getByTestId('candidates-panel');
      await panel.waitFor({ state: 'visible' });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="candidates-table"], [data-testid="candidates-empty"], [data-testid="candidates-panel"] [data-testid="error"]'),
      );
      const error = panel.getByTestId('error');
      if (await error.count()) throw new Error(`candidates of need #${candidateId} failed: ${await error.innerText()}`);
      const rows = panel.getByTestId('candidate');
      const count = await rows.count();
      const top = count ? await rows.first().getAttribute('data-dispatchable') : null;
      if (!count) {
        // No candidate: the panel says it is a gap and links to the gap report.
        const empty = panel.getByTestId('candidates-empty');
        if (!(await empty.innerText()).includes('服务缺口')) throw new Error(`need #${candidateId}: the empty state reads "${await empty.innerText()}"`);
        if ((await empty.getByTestId('candidates-to-gaps').getAttribute('href')) !== '/matching/gaps') throw new Error('no link to the gap report');
      }
      seen.push(`#${candidateId}: ${count} candidates${count ? `, top dispatchable=${top}` : ' (shown as a gap)'}`);
      if (count && top === 'true') {
        id = candidateId;
        break;
      }
    }
    if (!id) {
      throw new Error(`no accepted need has a dispatchable top candidate in the demo data (${seen.join('; ')})`);
    }
    step(`looked at ${seen.join('; ')}`);
    const panel = page.getByTestId('candidates-panel');
    const excluded = await panel.getByTestId('candidates-excluded').innerText();
    if (!excluded.includes('已排除')) throw new Error(`exclusions line reads "${excluded}"`);
    const top = panel.getByTestId('candidate').first();
    const name = (await top.getByTestId('candidate-name').innerText()).trim();
    const score = Number(await top.getByTestId('score').getAttribute('data-score'));
    if (!(score >= 0 && score <= 100)) throw new Error(`top candidate's score is ${score}`);
    step(`top candidate: ${name} (${score.toFixed(1)})`);
    await top.getByTestId('candidate-breakdown').click();
    const parts = panel.getByTestId('candidate-parts-row').getByTestId('score-part');
    await parts.first().waitFor({ state: 'visible' });
    const partCount = await parts.count();
    if (partCount !== 6) throw new Error(`the breakdown has ${partCount} parts, expected 6`);
    const reasons = await panel.getByTestId('score-reason').allInnerTexts();
    if (reasons.some((r) => !r.trim())) throw new Error('a score part has no reason');
    step(`breakdown: ${(await parts.evaluateAll((ps) => ps.map((p) => p.dataset.part))).join(', ')}`);
    step(`screenshot: ${await screenshot(page, 'matching-candidates.png')}`);

    step(`dispatch need #${id} to ${name}`);
    await top.getByTestId('candidate-dispatch').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="need-detail"][data-status="dispatched"]')
        || document.querySelector('[data-testid="candidates-panel"] [data-testid="form-error"]'),
    );
    const refused = panel.getByTestId('form-error');
    if (await refused.count()) throw new Error(`dispatch refused: ${await refused.innerText()}`);
    const shown = await page.getByTestId('need-detail').getByTestId('need-status').first().innerText();
    if (shown.trim() !== '已派单') throw new Error(`status shows "${shown}", expected 已派单`);
    const assignee = await page.getByTestId('need-facts').innerText();
    step(`need #${id} is 已派单 (${assignee.split('\n').find((l) => l.includes('承办人')) ?? 'assignee shown in facts'})`);

    // 2. A matching plan for the worker's own community.
    step('open 匹配方案 and create a plan for the home community');
    await page.getByTestId('nav-matching-plans').click();
    await page.getByTestId('plans-table').waitFor({ state: 'visible' });
    await page.getByTestId('plan-new').click();
    const form = page.getByTestId('plan-form');
    await form.waitFor({ state: 'visible' });
    const area = (await form.getByTestId('plan-area').innerText()).trim();
    if (area !== '缤纷社区') throw new Error(`the plan's area defaults to "${area}", expected 缤纷社区`);
    await form.getByTestId('plan-create').click();
    await page.waitForFunction(
      () => /^\/matching\/plans\/\d+$/.test(location.pathname) || document.querySelector('[data-testid="plan-form"] [data-testid="form-error"]'),
    );
    if (await form.getByTestId('form-error').count()) throw new Error(`plan refused: ${await form.getByTestId('form-error').innerText()}`);
    const planId = page.url().split('/').pop();
    step(`plan #${planId} created; waiting for it to be solved`);
    await page.locator('[data-testid="plan-detail"][data-status="done"], [data-testid="plan-detail"][data-status="failed"]')
      .waitFor({ state: 'attached', timeout: PLAN_TIMEOUT })
      .catch(async () => {
        const now = await page.getByTestId('plan-detail').getAttribute('data-status').catch(() => null);
        throw new Error(`plan #${planId} did not finish in ${PLAN_TIMEOUT / 1000} s (status ${now ?? 'not shown'})`);
      });
    if (await page.getByTestId('plan-failed').count()) throw new Error(await page.getByTestId('plan-failed').innerText());
    const summary = await page.getByTestId('plan-summary').innerText();
    step(`plan #${planId} done: ${summary.replace(/\s+/g, ' ')}`);
    const results = page.getByTestId('plan-row-result');
    await results.first().waitFor({ state: 'visible' });
    const total = await results.count();
    const assigned = await page.locator('[data-testid="plan-row-result"][data-assigned="true"]').count();
    if (!assigned) throw new Error(`plan #${planId} assigned none of its ${total} needs`);
    if (await page.locator(`[data-testid="plan-row-result"][data-need-id="${id}"]`).count()) {
      throw new Error(`the plan still lists need #${id}, which was dispatched`);
    }
    await page.locator('[data-testid="rows-filter"][data-filter="assigned"]').click();
    const filtered = await results.count();
    if (filtered !== assigned) throw new Error(`the assigned filter shows ${filtered} rows, expected ${assigned}`);
    await page.locator('[data-testid="rows-filter"][data-filter="all"]').click();
    step(`${assigned} of ${total} needs assigned`);

    step('apply the plan');
    await page.getByTestId('plan-apply').click();
    await page.getByTestId('apply-confirm-box').waitFor({ state: 'visible' });
    await page.getByTestId('apply-confirm').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="plan-detail"][data-status="applied"]') || document.querySelector('[data-testid="form-error"]'),
      null,
      { timeout: 30_000 },
    );
    if (await page.getByTestId('form-error').count()) throw new Error(`apply refused: ${await page.getByTestId('form-error').innerText()}`);
    const outcomes = await page.locator('[data-testid="plan-row-result"][data-assigned="true"] [data-testid="row-outcome"]')
      .evaluateAll((cells) => cells.map((c) => c.dataset.outcome));
    if (outcomes.length !== assigned || outcomes.some((o) => !o)) {
      throw new Error(`assigned rows' outcomes after applying: [${outcomes.join(', ')}]`);
    }
    const dispatched = outcomes.filter((o) => o === 'dispatched').length;
    if (!dispatched) throw new Error('applying dispatched none of the assigned needs');
    step(`applied: ${dispatched} dispatched, ${outcomes.length - dispatched} skipped`);
    step(`screenshot: ${await screenshot(page, 'matching-plan.png')}`);
    const gone = await page.locator('[data-testid="plan-row-result"]:has([data-outcome="dispatched"])').evaluateAll((rows) =>
      rows.map((r) => ({ id: r.dataset.needId, service: r.querySelector('[data-testid="row-service"]').innerText.replace(/^→\s*/, '').trim() })));

    // 2b. Re-plan: a new plan whose changes say the dispatched needs left it.
    step('re-plan (重新优化)');
    await page.getByTestId('plan-replan').click();
    await page.waitForFunction(
      (old) => (/^\/matching\/plans\/\d+$/.test(location.pathname) && location.pathname !== `/matching/plans/${old}`)
        || document.querySelector('[data-testid="form-error"]'),
      planId,
    );
    if (await page.getByTestId('form-error').count()) throw new Error(`re-plan refused: ${await page.getByTestId('form-error').innerText()}`);
    const replanId = page.url().split('/').pop();
    await page.locator(`[data-testid="plan-detail"][data-plan-id="${replanId}"][data-status="done"]`).waitFor({ state: 'attached', timeout: PLAN_TIMEOUT });
    const changes = page.getByTestId('plan-changes');
    await changes.waitFor({ state: 'visible' });
    const parentLink = await changes.getByTestId('plan-parent').innerText();
    if (!parentLink.includes(`#${planId}`)) throw new Error(`the changes compare with "${parentLink}", expected plan #${planId}`);
    for (const { id: need, service } of gone) {
      const change = changes.locator(`[data-testid="plan-change"][data-need-id="${need}"][data-kind="removed"]`);
      await change.waitFor({ state: 'visible' }).catch(() => {
        throw new Error(`plan #${replanId} does not list need #${need} as removed`);
      });
      // The service's name comes from the previous plan's rows.
      await page.waitForFunction(([sel, name]) => document.querySelector(sel)?.innerText.includes(`${name} →`),
        [`[data-testid="plan-change"][data-need-id="${need}"]`, service]).catch(async () => {
        throw new Error(`the change of need #${need} reads "${await change.innerText()}", expected "${service} → —"`);
      });
    }
    step(`plan #${replanId} (re-plan of #${planId}) lists ${gone.length} removed need(s) with their former service`);

    // 3. The gap report.
    step('open 服务缺口');
    await page.getByTestId('nav-matching-gaps').click();
    const table = page.getByTestId('gap-table');
    await table.waitFor({ state: 'visible' });
    const communities = await table.getByTestId('gap-row').count();
    const cells = await table.getByTestId('gap-cell').count();
    if (!communities || !cells) throw new Error(`the gap table has ${communities} communities and ${cells} cells`);
    const legend = await page.getByTestId('gap-legend').count();
    if (legend !== 4) throw new Error(`the legend has ${legend} entries, expected 4`);
    const tones = await table.getByTestId('gap-cell').evaluateAll((cs) => cs.map((c) => c.dataset.tone));
    const tally = tones.reduce((acc, t) => ({ ...acc, [t]: (acc[t] ?? 0) + 1 }), {});
    step(`gap table: ${communities} communities, ${cells} cells ${JSON.stringify(tally)}`);
    step(`screenshot: ${await screenshot(page, 'matching-gaps.png')}`);

    // 3b. A red or amber cell starts a draft co-building program (only when the data has one).
    const gap = table.locator('[data-testid="gap-cell"][data-actionable="true"]').first();
    if (await gap.count()) {
      const category = await gap.getAttribute('data-category');
      await gap.click();
      const action = page.getByTestId('gap-action');
      await action.waitFor({ state: 'visible' });
      step(`start a program for the gap ${(await action.getByTestId('gap-chosen').innerText()).trim()} (${category})`);
      await action.getByTestId('gap-program').click();
      await page.waitForFunction(
        () => /^\/programs\/\d+/.test(location.pathname) || document.querySelector('[data-testid="gap-action"] [data-testid="form-error"]'),
      );
      if (await action.getByTestId('form-error').count()) throw new Error(`gap program refused: ${await action.getByTestId('form-error').innerText()}`);
      await page.locator('[data-testid="program-detail"][data-status="draft"]').waitFor({ state: 'attached' });
      step(`draft program #${await page.getByTestId('program-detail').getAttribute('data-program-id')} opened`);
    } else {
      step('no red or amber cell in the demo data: the gap-program step is skipped');
    }

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS need #${id} dispatched to ${name}; plan #${planId} applied (${dispatched}/${assigned}), re-planned as #${replanId}; gaps shown`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

/** Waits until the need on screen is in `status`. */
async function expectStatus(page, status) {
  await page.locator(`[data-testid="need-detail"][data-status="${status}"]`).waitFor({ state: 'attached' }).catch(async () => {
    const now = await page.getByTestId('need-detail').getAttribute('data-status').catch(() => null);
    throw new Error(`expected the need to be ${status}, it is ${now ?? 'not shown'}`);
  });
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
