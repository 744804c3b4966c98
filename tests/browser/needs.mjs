// The resident-needs loop end to end in headless Chromium, one account after the other:
//   resident submits a need from /m (375 px wide) → community worker accepts it from the queue and
//   dispatches it to 缤纷志愿者 → the volunteer claims and resolves it from 我的任务 → the resident
//   rates it 5 stars, and the need shows 已评价.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/needs.png (the rated need on the phone view) and exits non-zero with a reason
// on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const VOLUNTEER_NAME = process.env.HH_VOLUNTEER_NAME ?? '缤纷志愿者';
const TEXT = `浏览器测试：请志愿者每周上门陪老人散步（${new Date().toISOString()}）`;

let problems = [];

async function main() {
  const browser = await launch(PHONE);
  const { page } = browser;
  problems = browser.problems;
  try {
    // 1. The resident asks for help from the phone view.
    step('resident signs in and lands on /m');
    await signIn(page, 'resident');
    await page.waitForURL(`${BASE_URL}/m`);
    await page.getByTestId('need-form').waitFor({ state: 'visible' });
    await page.getByTestId('need-category').locator('option[value="elderly_care"]').waitFor({ state: 'attached' });
    await page.getByTestId('need-category').selectOption('elderly_care');
    await page.getByTestId('need-text-input').fill(TEXT);
    await page.getByTestId('need-tags').locator('[data-tag="elderly_living_alone"]').click();
    await page.getByTestId('need-urgency').locator('[data-urgency="urgent"]').click();
    await page.getByTestId('need-phone').fill('13900001111');
    step('resident submits the need');
    await page.getByTestId('need-submit').click();
    const detail = page.getByTestId('need-detail');
    await page.getByTestId('submitted-notice').waitFor({ state: 'visible' });
    await expectStatus(page, 'submitted');
    const id = await detail.getAttribute('data-need-id');
    step(`need #${id} submitted`);
    await signOut(page);

    // 2. The community worker accepts it from the queue and dispatches it.
    await page.setViewportSize(DESKTOP);
    step('community worker signs in and opens the queue');
    await signIn(page, 'community');
    await page.getByTestId('nav-needs').click();
    await page.getByTestId('count-chips').waitFor({ state: 'visible' });
    await page.getByTestId('filter-status').selectOption('submitted');
    await waitUntilSettled(page);
    const row = page.locator(`[data-testid="need-row"][data-need-id="${id}"]`);
    await row.waitFor({ state: 'visible' });
    await row.locator('td.need-text').click();
    await expectStatus(page, 'submitted');
    step('accept');
    await act(page, 'accept');
    await expectStatus(page, 'accepted');
    step(`dispatch to ${VOLUNTEER_NAME}`);
    await page.getByTestId('action-dispatch').click();
    const option = page.getByTestId('assignee-option').filter({ hasText: VOLUNTEER_NAME });
    await option.first().waitFor({ state: 'visible' });
    await option.first().click();
    await page.getByTestId('action-confirm').click();
    await expectStatus(page, 'dispatched');
    await signOut(page);

    // 3. The volunteer claims and resolves it from 我的任务.
    step('volunteer signs in and finds the task');
    await signIn(page, 'volunteer');
    await page.waitForURL(`${BASE_URL}/workbench`);
    await page.getByTestId('wb-open-tasks').click();
    await page.waitForURL(`${BASE_URL}/tasks`);
    const task = page.locator(`[data-testid="need-row"][data-need-id="${id}"]`);
    await task.waitFor({ state: 'visible' });
    await task.locator('td.need-text').click();
    step('claim');
    await act(page, 'claim');
    await expectStatus(page, 'claimed');
    step('resolve');
    await act(page, 'resolve', '已每周两次上门陪同散步，老人满意');
    await expectStatus(page, 'resolved');
    await signOut(page);

    // 4. The resident rates it.
    await page.setViewportSize(PHONE);
    step('resident rates the need 5 stars');
    await signIn(page, 'resident');
    await page.getByTestId('tab-mine').click();
    await page.locator(`[data-testid="my-need"][data-need-id="${id}"]`).click();
    await expectStatus(page, 'resolved');
    await page.getByTestId('action-rate').click();
    await page.getByTestId('star-5').click();
    await page.getByTestId('action-note').fill('非常感谢！');
    await page.getByTestId('action-confirm').click();
    await expectStatus(page, 'rated');
    const shown = await page.getByTestId('need-detail').getByTestId('need-status').first().innerText();
    if (shown.trim() !== '已评价') throw new Error(`status shows "${shown}", expected 已评价`);
    await waitUntilSettled(page);
    // What the phone shows (a full-page shot would paint the fixed tab bar mid-page).
    await page.evaluate(() => window.scrollTo(0, 0));
    step(`screenshot: ${await screenshot(page, 'needs.png', { fullPage: false })}`);

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS need #${id}: submitted → accepted → dispatched → claimed → resolved → 已评价`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

/** Opens the form of `action`, fills the note when given, confirms, and waits for the form to close. */
async function act(page, action, note) {
  await page.getByTestId(`action-${action}`).click();
  const form = page.locator(`[data-testid="action-form"][data-action="${action}"]`);
  await form.waitFor({ state: 'visible' });
  if (note) await form.getByTestId('action-note').fill(note);
  await form.getByTestId('action-confirm').click();
  await page.waitForFunction(
    (a) => !document.querySelector(`[data-testid="action-form"][data-action="${a}"]`)
      || document.querySelector('[data-testid="form-error"]'),
    action,
  );
  if (await page.getByTestId('form-error').isVisible()) {
    throw new Error(`${action} refused: ${await page.getByTestId('form-error').innerText()}`);
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
