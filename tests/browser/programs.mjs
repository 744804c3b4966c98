// The co-building program loop end to end in headless Chromium, one account after the other:
//   community worker creates a public program (养老服务空间) with a partner (with a phone number) and a
//   funds pledge, and submits it → signed out, 阳光社区 does not list it yet → street staff approve it,
//   and read 项目汇总 by community (sorted, exported) →
//   the community worker records a delivery and the pledge's fulfilment bar moves above 0 → signed
//   out, 阳光社区 lists it, and its public detail shows no phone number.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/programs.png (the program after the delivery) and programs-public.png (its
// public page); exits non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';

const STAMP = new Date().toISOString();
const TITLE = `浏览器测试：社区老年食堂（${STAMP}）`;
const PHONE = '13812345678';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let problems = [];

async function main() {
  const browser = await launch({ width: 1280, height: 900 });
  const { page } = browser;
  problems = browser.problems;
  try {
    // 1. The community worker plans the program.
    step('community worker signs in and opens 共建项目');
    await signIn(page, 'community');
    await page.getByTestId('nav-programs').click();
    await page.getByTestId('programs-table').waitFor({ state: 'visible' });
    await page.getByTestId('program-new').click();
    const form = page.getByTestId('program-form');
    await form.waitFor({ state: 'visible' });
    await form.getByTestId('program-title-input').fill(TITLE);
    await form.getByTestId('program-lead-org').fill('缤纷社区居委会');
    await form.getByTestId('program-start').fill(day(0));
    await form.getByTestId('program-end').fill(day(365));
    await form.getByTestId('program-budget').fill('50000');
    await form.getByTestId('program-description-input').fill('为辖区老人提供助餐服务（浏览器测试）');
    const item = form.locator('[data-testid="item-pick"][data-code="2.3.1"]');
    await item.waitFor({ state: 'visible' });
    await item.click();
    await form.getByTestId('program-public').check();
    step('create the program');
    await form.getByTestId('form-submit').click();
    await expectStatus(page, 'draft');
    const id = await page.getByTestId('program-detail').getAttribute('data-program-id');
    step(`program #${id} created as a draft`);

    step('add a partner with a contact phone');
    await page.getByTestId('partner-add').click();
    const partner = page.getByTestId('partner-form');
    await partner.getByTestId('partner-name').fill('缤纷爱心企业');
    await partner.getByTestId('partner-kind').selectOption('enterprise');
    await partner.getByTestId('partner-role').fill('出资方');
    await partner.getByTestId('partner-contact-name').fill('王经理');
    await partner.getByTestId('partner-phone').fill(PHONE);
    await submitForm(page, partner);
    await page.getByTestId('partner-row').first().waitFor({ state: 'visible' });

    step('add a funds pledge of ¥20,000');
    await page.getByTestId('pledge-add').click();
    const pledge = page.getByTestId('pledge-form');
    await pledge.getByTestId('pledge-kind').selectOption('funds');
    await pledge.getByTestId('pledge-description').fill('助餐补贴资金');
    await pledge.getByTestId('pledge-amount').fill('20000');
    await submitForm(page, pledge);
    await page.locator('[data-testid="pledge-row"][data-kind="funds"]').waitFor({ state: 'visible' });

    step('submit for approval');
    await act(page, 'submit');
    await expectStatus(page, 'submitted');
    await signOut(page);

    step('signed out, 阳光社区 does not list it before approval');
    await page.getByTestId('public-link').click();
    await page.getByTestId('programs-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    if (await page.locator(`[data-testid="program-row"][data-program-id="${id}"]`).count()) {
      throw new Error(`program #${id} is public before approval`);
    }

    // 2. Street staff approve it.
    step('street staff sign in and approve');
    await signIn(page, 'street');
    await page.goto(`${BASE_URL}/programs/${id}`);
    await expectStatus(page, 'submitted');
    await act(page, 'approve');
    await expectStatus(page, 'approved');

    step('项目汇总 by community: the rows add up to the street, sort by budget, export the table');
    await page.goto(`${BASE_URL}/programs/rollup`);
    const children = page.getByTestId('rollup-child-table');
    await children.waitFor({ state: 'visible' });
    const counts = await page.getByTestId('rollup-child').evaluateAll((rs) => rs.map((r) => Number(r.dataset.programs)));
    if (!counts.some((n) => n > 0)) throw new Error('no community of the street shows a program');
    if (counts.some((n, i) => i > 0 && n > counts[i - 1])) throw new Error(`the rows are not most programs first: ${counts}`);
    await page.locator('[data-testid="rollup-child-sort"][data-column="program.budget"]').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-child-export').click()]);
    if (!file.suggestedFilename().endsWith('.csv')) throw new Error(`the table downloads as ${file.suggestedFilename()}`);
    await signOut(page);

    // 3. The community worker records a delivery.
    step('community worker records a delivery of ¥5,000');
    await signIn(page, 'community');
    await page.goto(`${BASE_URL}/programs/${id}`);
    await expectStatus(page, 'approved');
    const row = page.locator('[data-testid="pledge-row"][data-kind="funds"]');
    await row.getByTestId('delivery-add').click();
    const delivery = page.getByTestId('delivery-form');
    await delivery.getByTestId('delivery-value').fill('5000');
    await submitForm(page, delivery);
    const bar = page.locator('[data-testid="pledge-row"][data-kind="funds"] [data-testid="fulfilment-bar"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="pledge-row"][data-kind="funds"] [data-testid="fulfilment-bar"]')
        ?.getAttribute('data-fraction')) > 0,
    );
    const fraction = Number(await bar.getAttribute('data-fraction'));
    step(`fulfilment bar at ${Math.round(fraction * 100)} %`);
    if (Math.abs(fraction - 0.25) > 0.001) throw new Error(`fulfilment ${fraction}, expected 0.25`);
    await waitUntilSettled(page);
    step(`screenshot: ${await screenshot(page, 'programs.png')}`);
    await signOut(page);

    // 4. Signed out: listed publicly, without personal data.
    step('signed out, 阳光社区 lists it');
    await page.getByTestId('public-link').click();
    const listed = page.locator(`[data-testid="program-row"][data-program-id="${id}"]`);
    await listed.waitFor({ state: 'visible' });
    await listed.getByTestId('program-link').click();
    await page.locator(`[data-testid="program-detail"][data-program-id="${id}"][data-status="approved"]`).waitFor();
    await page.getByTestId('fulfilment-bar').first().waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const text = await page.locator('body').innerText();
    if (!text.includes(TITLE)) throw new Error('the public detail does not show the program');
    if (text.includes(PHONE)) throw new Error('the public detail shows the partner\'s phone number');
    if (await page.getByTestId('partner-contact').count()) throw new Error('the public detail has a contact column');
    if (await page.getByTestId('logout').count()) throw new Error('the public page shows a signed-in header');
    step(`screenshot: ${await screenshot(page, 'programs-public.png')}`);

    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log(`PASS program #${id}: draft → submitted → approved → delivery 25 % → public without phone`);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

/** Submits a section form and waits until it closes, or throws with its error summary. */
async function submitForm(page, form) {
  await form.getByTestId('form-submit').click();
  await closedOrRefused(form, 'form');
}

/** Waits until `form` is gone, or throws with what it says went wrong. */
async function closedOrRefused(form, what) {
  const error = form.getByTestId('form-error');
  await Promise.race([
    form.waitFor({ state: 'detached' }).catch(() => {}),
    error.waitFor({ state: 'visible' }).catch(() => {}),
  ]);
  if ((await form.count()) && (await error.isVisible())) {
    throw new Error(`${what} refused: ${await error.innerText()}`);
  }
  await form.waitFor({ state: 'detached', timeout: 1000 });
}

/** Opens the form of `action`, fills the note when given, confirms, and waits for the form to close. */
async function act(page, action, note) {
  await page.getByTestId(`action-${action}`).click();
  const form = page.locator(`[data-testid="action-form"][data-action="${action}"]`);
  await form.waitFor({ state: 'visible' });
  if (note) await form.getByTestId('action-note').fill(note);
  await form.getByTestId('action-confirm').click();
  await closedOrRefused(form, action);
}

/** Waits until the program on screen is in `status`. */
async function expectStatus(page, status) {
  await page.locator(`[data-testid="program-detail"][data-status="${status}"]`).waitFor({ state: 'attached' }).catch(async () => {
    const now = await page.getByTestId('program-detail').getAttribute('data-status').catch(() => null);
    const error = await page.getByTestId('form-error').first().innerText().catch(() => '');
    throw new Error(`expected the program to be ${status}, it is ${now ?? 'not shown'} ${error}`);
  });
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
