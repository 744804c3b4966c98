// 民主协商 on the staff dashboard, at 1440 px and at 390 px: the community worker opens 议题看板 and sees
// every stage (on the phone: one stage at a time, chosen with the stage picker) with its count; opens a
// topic that a resident co-signed (set up through the API), files it (立案), holds a meeting (协商会)
// with participants by kind, and records the vote with the demo resident on the sign-in sheet (签到表,
// found by #id) — on the wide screen with enough attendance (the
// quorum is met and the decision passes, the topic is decided), on the phone with too few (the
// quorum is missed and the topic stays in consultation). The demo's topic being carried out shows its
// program with the program's progress. No page may be wider than the screen.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/consultation-<width>.png; exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { BASE_URL, api, launch, screenshot, signIn, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const STAMP = new Date().toISOString();
let problems = [];

/** A topic of the demo community, published and co-signed by the demo resident (threshold 1 in the demo). */
async function cosignedTopic(title) {
  const staff = await tokenOf('community');
  const resident = await tokenOf('resident');
  const me = await api('GET', '/me', staff);
  const made = await api('POST', '/topics', staff, {
    area_id: me.area.id, category: 'public_space', title, text: '浏览器测试：是否在小区北门增设休息座椅，请居民协商。',
    proposer_kind: 'staff', need_ids: [],
  });
  const id = made.topic.id;
  await api('POST', `/topics/${id}/actions`, staff, { action: 'publish', notice_days: 7 });
  await api('POST', `/topics/${id}/cosign`, resident);
  return id;
}

async function noWiderThan(page, width, where) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) throw new Error(`${where} is ${scroll} px wide at ${width} px`);
}

async function run(width, height, quorum) {
  const browser = await launch({ width, height });
  const { page } = browser;
  problems = browser.problems;
  try {
    const title = `浏览器测试议题 ${width}（${STAMP}）`;
    const id = await cosignedTopic(title);
    step(`${width} px: topic #${id} proposed, published and co-signed through the API`);

    await signIn(page, 'community');
    await page.goto(`${BASE_URL}/topics`);
    await page.getByTestId('topic-board').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    const columns = await page.getByTestId('stage-column').count();
    if (columns !== 11) throw new Error(`the board has ${columns} stage columns, not 11`);
    const counted = await page.locator('[data-testid="stage-column"][data-status="filed"] [data-testid="stage-count"]').innerText();
    if (!/^\d+$/.test(counted.trim())) throw new Error(`the filed column has no count: "${counted}"`);
    if (width <= 600) {
      step('on the phone one stage shows at a time; the picker switches to 公示联名');
      const shown = await page.locator('[data-testid="stage-column"]:visible').count();
      if (shown !== 1) throw new Error(`${shown} stage columns show on the phone`);
      await page.getByTestId('stage-picker').selectOption('cosigning');
    }
    await noWiderThan(page, width, '/topics');
    const card = page.locator(`[data-testid="topic-card"][data-topic-id="${id}"]`);
    await card.waitFor({ state: 'visible' });
    if (!(await card.innerText()).includes('1 / 1')) throw new Error(`the card does not show 1 / 1 co-signers: ${await card.innerText()}`);
    await card.click();

    step('the topic page: 1 / 1 co-signers, the allowed steps in words; 立案');
    const detail = page.locator(`[data-testid="topic-detail"][data-topic-id="${id}"]`);
    await detail.locator('[data-testid="topic-title"]').waitFor({ state: 'visible' });
    const cosigns = await page.getByTestId('topic-cosigns').innerText();
    if (!cosigns.includes('1 / 1')) throw new Error(`co-signatures show as "${cosigns}"`);
    const steps = await page.getByTestId('topic-actions').innerText();
    if (!steps.includes('立案') || /\bfile\b/.test(steps)) throw new Error(`the steps are not in words: ${steps}`);
    await page.getByTestId('action-file').click();
    const fileForm = page.locator('[data-testid="action-form"][data-action="file"]');
    await fileForm.getByTestId('action-confirm').click();
    await page.locator(`[data-testid="topic-detail"][data-status="filed"]`).waitFor({ state: 'attached' });

    step('召开协商会: residents 10 invited, property company 2');
    await page.getByTestId('action-convene').click();
    const meetingForm = page.getByTestId('meeting-form');
    await meetingForm.getByTestId('form-submit').click();
    // Nothing invited and no place: both named at once, nothing sent.
    await meetingForm.locator('[data-field="/place"].invalid').waitFor({ state: 'visible' });
    await meetingForm.locator('[data-field="/participants"].invalid').waitFor({ state: 'visible' });
    await meetingForm.getByTestId('meeting-place').fill('社区党群服务中心');
    await meetingForm.locator('[data-testid="meeting-invited"][data-kind="residents"]').fill('10');
    await meetingForm.locator('[data-testid="meeting-invited"][data-kind="property_company"]').fill('2');
    await meetingForm.getByTestId('meeting-options').fill('增设座椅\n暂不增设');
    await meetingForm.getByTestId('form-submit').click();
    await meetingForm.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="topic-detail"][data-status="in_consultation"]`).waitFor({ state: 'attached' });

    const [residents, company, outcome] = quorum ? ['9', '2', 'passed'] : ['2', '1', 'no_quorum'];
    step(`录入表决结果: ${residents} + ${company} of 12 attended, expecting ${outcome}`);
    const meeting = page.getByTestId('meeting').last();
    await meeting.getByTestId('meeting-record').click();
    const vote = meeting.getByTestId('decision-form');
    await vote.locator('[data-testid="decision-attended"][data-kind="residents"]').fill(residents);
    await vote.locator('[data-testid="decision-attended"][data-kind="property_company"]').fill(company);
    await vote.getByTestId('decision-minutes').fill('与会人员就座椅位置和维护充分讨论（浏览器测试）。');
    await vote.getByTestId('decision-text').fill('在北门增设休息座椅三组，物业负责维护。');
    await vote.getByTestId('vote-for').fill(quorum ? '9' : '2');
    await vote.getByTestId('vote-against').fill('1');
    await vote.getByTestId('vote-abstaining').fill('0');
    // 签到表: the demo resident found by #id and signed in as a voter (counts in 居民决策性参与比例).
    const residentId = (await api('GET', '/me', await tokenOf('resident'))).user.id;
    await vote.getByTestId('sign-in-search').fill(`#${residentId}`);
    await vote.getByTestId('sign-in-find').click();
    await vote.locator(`[data-testid="sign-in-add"][data-resident-id="${residentId}"]`).click();
    await vote.locator(`[data-testid="signed-resident"][data-resident-id="${residentId}"]`).waitFor({ state: 'visible' });
    await noWiderThan(page, width, 'the decision form with its sign-in sheet');
    await vote.getByTestId('form-submit').click();
    const result = page.locator(`[data-testid="vote-result"][data-outcome="${outcome}"]`);
    await result.waitFor({ state: 'visible' }).catch(async () => {
      const error = await page.getByTestId('form-error').first().innerText().catch(() => '');
      throw new Error(`no ${outcome} vote result shown ${error}`);
    });
    const quorumState = await result.getAttribute('data-quorum');
    if (quorumState !== (quorum ? 'met' : 'missed')) throw new Error(`the quorum shows as ${quorumState}`);
    const said = await result.innerText();
    if (!said.includes(quorum ? '达到法定人数' : '未达法定人数')) throw new Error(`the result does not say the quorum: ${said}`);
    const signed = await meeting.getByTestId('meeting-signed-in').innerText();
    if (!signed.includes('1')) throw new Error(`the meeting does not count its signed-in resident: "${signed}"`);
    const status = quorum ? 'decided' : 'in_consultation';
    await page.locator(`[data-testid="topic-detail"][data-status="${status}"]`).waitFor({ state: 'attached' });
    await waitUntilSettled(page);
    await noWiderThan(page, width, `/topics/${id}`);
    if (quorum) {
      step('a topic being carried out shows its program and the program\'s progress');
      const staff = await tokenOf('community');
      const implementing = (await api('GET', '/topics?status=implementing&limit=1', staff)).items[0];
      if (!implementing) throw new Error('the demo data has no topic being implemented');
      await page.goto(`${BASE_URL}/topics/${implementing.id}`);
      const linked = page.getByTestId('linked-program');
      await linked.waitFor({ state: 'visible' });
      await linked.getByTestId('link-progress').waitFor({ state: 'visible' });
      await page.goto(`${BASE_URL}/topics/${id}`);
      await page.locator(`[data-testid="vote-result"][data-outcome="${outcome}"]`).waitFor({ state: 'visible' });
    }
    await screenshot(page, `consultation-${width}.png`);
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
  await run(1440, 900, true);
  await run(390, 844, false);
  console.log('consultation: board, topic, meeting and vote at 1440 and 390 px');
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
