// The resident taking part, on a phone (390×844, headless Chromium), as the demo resident:
//   问卷 — a survey the community worker opens (through the API) shows a question only once the
//   answer it depends on is picked, marks a missing required answer in place, and says 已提交 after
//   sending; a second answer (sent first through the API while the form was open) is refused as a
//   sentence, not a code. 议题 — the resident co-signs a topic on notice (count against threshold)
//   and proposes one of their own. 积分商城 — the resident redeems an item after confirming, sees the
//   pick-up code large on 我的兑换, and cancels it. 公示 — signed out, the notice board of the
//   community lists the topic without the resident's name. Every page is checked for horizontal
//   overflow at 390 px and for English leaking into the Chinese screens.
//
//   BASE_URL  server to test (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary (default /usr/bin/chromium)
//
// Exits non-zero with a reason on any failure (screenshot: target/browser/participation-failure.png).

import { BASE_URL, api, launch, screenshot, signIn, signOut, step, tokenOf, waitUntilSettled } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const STAMP = String(Date.now()).slice(-6);

/** Fails when the page is wider than the window (the phone view must not scroll sideways). */
async function expectNoOverflow(page, where) {
  await waitUntilSettled(page);
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scroll > width) throw new Error(`${where} overflows at ${width} px: ${scroll} px wide`);
}

/** Fails when the visible text of `locator` has a run of English words (a message key or a server sentence). */
async function expectChinese(locator, where) {
  const text = await locator.innerText();
  const english = text.match(/[A-Za-z]{3,}(\s+[A-Za-z]{2,}){1,}/);
  if (english) throw new Error(`${where} shows English in Chinese mode: "${english[0]}" in "${text}"`);
}

const expect = (ok, message) => {
  if (!ok) throw new Error(message);
};

/** A survey of the community worker's community, open now: q0 choice, q1 number only after 有, q2 scale. */
async function openSurvey(staff, community, title) {
  const now = Date.now();
  const survey = await api('POST', '/surveys', staff, {
    area_id: community,
    title,
    description: '了解居民家中电动自行车的充电需求',
    audience: 'all_residents',
    anonymous: false,
    opens_at: new Date(now - 3600_000).toISOString(),
    closes_at: new Date(now + 7 * 86400_000).toISOString(),
    questions: [
      { text: '您家有电动自行车吗？', kind: 'single_choice', required: true, options: ['有', '没有'] },
      { text: '您家有几辆电动自行车？', kind: 'number', required: true, min: 1, max: 10, condition: { question: 0, options: [0] } },
      { text: '您对现在的充电条件满意吗？', kind: 'scale', required: true },
      { text: '您希望充电棚建在哪里？', kind: 'multiple_choice', required: false, options: ['东门', '西门', '地下车库'], max_picks: 2 },
      { text: '其他意见', kind: 'text', required: false },
    ],
  });
  await api('POST', `/surveys/${survey.id}/actions`, staff, { action: 'open' });
  return survey.id;
}

async function main() {
  const browser = await launch(PHONE);
  const { page, problems } = browser;
  try {
    const staff = await tokenOf('community');
    const resident = await tokenOf('resident');
    const community = (await api('GET', '/me', staff)).area.id;
    const fresh = await openSurvey(staff, community, `充电需求调查${STAMP}`);
    const raced = await openSurvey(staff, community, `充电棚选址调查${STAMP}`);
    const topicTitle = `单元门禁升级${STAMP}`;
    const proposed = await api('POST', '/topics', staff, {
      area_id: community, category: 'facilities', title: topicTitle, text: '老旧门禁经常失灵，是否统一更换为人脸识别门禁，请居民商议。',
      proposer_kind: 'staff', need_ids: [],
    });
    const topic = proposed.topic.id;
    await api('POST', `/topics/${topic}/actions`, staff, { action: 'publish', notice_days: 7 });

    await signIn(page, 'resident');

    step('问卷: the open survey is listed; a condition shows its question as the resident answers');
    await page.goto(`${BASE_URL}/m/surveys`, { waitUntil: 'domcontentloaded' });
    await page.locator(`[data-testid="survey-card"][data-survey-id="${fresh}"]`).click();
    await page.getByTestId('survey-form').waitFor({ state: 'visible' });
    await expectNoOverflow(page, `/m/surveys/${fresh}`);
    expect((await page.getByTestId('survey-who').innerText()).includes('实名'), 'the survey does not say it is by name');
    const question = (i) => page.locator(`[data-testid="survey-question"][data-question="${i}"]`);
    expect(!(await question(1).count()), 'the number question shows before 有 is picked');
    await question(0).getByText('有', { exact: true }).click();
    await question(1).waitFor({ state: 'visible' });
    await question(0).getByText('没有', { exact: true }).click();
    await question(1).waitFor({ state: 'detached' });
    await question(0).getByText('有', { exact: true }).click();
    await question(1).locator('input').fill('2');

    step('问卷: a required answer left out is marked under its question');
    await page.getByTestId('survey-submit').click();
    await question(2).locator('[data-testid="field-error"]').filter({ hasText: '必填' }).waitFor({ state: 'visible' });
    expect(await question(2).evaluate((el) => el.classList.contains('invalid')), 'the scale question is not marked invalid');

    step('问卷: answered in full, the page says 已提交');
    await question(2).locator('[data-value="4"]').click();
    await question(3).getByText('东门').click();
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-submitted').waitFor({ state: 'visible' });
    await expectChinese(page.getByTestId('survey-submitted'), 'the submitted notice');
    expect(!(await page.getByTestId('survey-form').count()), 'the form is still offered after submitting');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('survey-answered').waitFor({ state: 'visible' });
    expect(!(await page.getByTestId('survey-form').count()), 'an answered survey offers its form again');
    await expectNoOverflow(page, `/m/surveys/${fresh} answered`);

    step('问卷: a second answer is refused as a sentence');
    await page.goto(`${BASE_URL}/m/surveys/${raced}`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('survey-form').waitFor({ state: 'visible' });
    // Answered from another device while this form was open: the API says 409.
    await api('POST', `/surveys/${raced}/responses`, resident, { answers: [{ question: 0, choices: [1] }, { question: 2, value: 3 }] });
    await question(0).getByText('没有', { exact: true }).click();
    await question(2).locator('[data-value="5"]').click();
    await page.getByTestId('survey-submit').click();
    const refused = page.getByTestId('survey-answered');
    await refused.waitFor({ state: 'visible' });
    expect((await refused.innerText()).includes('只能回答一次'), `the refusal is not a sentence: ${await refused.innerText()}`);
    await expectChinese(refused, 'the second-answer refusal');
    expect(!(await page.getByText('409').count()), 'the refusal shows a status code');

    step('议题: the resident co-signs a topic on notice, once');
    await page.getByTestId('tab-take-part').click();
    await page.waitForURL(`${BASE_URL}/m/topics`);
    await page.locator(`[data-testid="topic-card"][data-topic-id="${topic}"]`).click();
    await page.getByTestId('topic-cosign-button').waitFor({ state: 'visible' });
    await expectNoOverflow(page, `/m/topics/${topic}`);
    const before = await page.getByTestId('cosign-bar').getAttribute('data-fraction');
    await page.getByTestId('topic-cosign-button').click();
    await page.getByTestId('topic-cosigned').waitFor({ state: 'visible' });
    const after = await page.getByTestId('cosign-bar').getAttribute('data-fraction');
    expect(Number(after) > Number(before), `the co-sign count did not grow: ${before} → ${after}`);
    expect(!(await page.getByTestId('topic-cosign-button').count()), 'the co-sign button is still offered');
    await expectChinese(page.getByTestId('topic'), 'the topic page');

    step('议题: the resident proposes a topic, gathering one of their own needs');
    await page.getByTestId('topic-back').click();
    await page.getByTestId('topic-propose').click();
    await page.getByTestId('topic-form').waitFor({ state: 'visible' });
    await page.getByTestId('topic-submit').click();
    await page.locator('[data-field="/title"] [data-testid="field-error"]').filter({ hasText: '必填' }).waitFor({ state: 'visible' });
    await page.getByTestId('topic-category').selectOption('public_space');
    await page.getByTestId('topic-title-input').fill(`楼下晾衣区${STAMP}`);
    await page.getByTestId('topic-text-input').fill('楼下空地能否划出晾衣区，请邻居们一起商量。');
    const needPick = page.locator('[data-testid="topic-needs"] input[type=checkbox]').first();
    if (await needPick.count()) await needPick.check();
    await expectNoOverflow(page, '/m/topics/new');
    await page.getByTestId('topic-submit').click();
    await page.getByTestId('topic-proposed').waitFor({ state: 'visible' });
    expect((await page.getByTestId('topic-stage').first().innerText()).includes('待审查'), 'a new topic is not 待审查');

    step('积分商城: redeem after confirming; the pick-up code shows large; cancel gives the points back');
    await page.getByTestId('tab-points').click();
    await page.waitForURL(`${BASE_URL}/m/points`);
    await page.getByTestId('balance').first().waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/m/points');
    await page.getByTestId('section-shop').click();
    await page.waitForURL(`${BASE_URL}/m/shop`);
    const item = page.getByTestId('shop-item').filter({ hasText: '环保购物袋' });
    await item.getByTestId('shop-redeem').click();
    await item.getByTestId('shop-confirm').waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/m/shop confirming');
    await item.getByTestId('shop-confirm-button').click();
    await page.waitForURL((url) => url.pathname === '/m/shop/orders' && url.searchParams.has('placed'));
    const placed = new URL(page.url()).searchParams.get('placed');
    const order = page.locator(`[data-testid="shop-order"][data-order-id="${placed}"]`);
    const code = order.getByTestId('pickup-code');
    await code.waitFor({ state: 'visible' });
    expect(/^\d{6}$/.test((await code.innerText()).trim()), `the pick-up code is not six digits: ${await code.innerText()}`);
    const size = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size >= 32, `the pick-up code is not large: ${size} px`);
    await expectNoOverflow(page, '/m/shop/orders');
    await order.getByTestId('order-cancel').click();
    await order.getByTestId('order-cancel-yes').click();
    await page.locator(`[data-testid="shop-order"][data-order-id="${placed}"][data-status="cancelled"]`).waitFor({ state: 'visible' });
    expect(!(await order.getByTestId('pickup-code').count()), 'a cancelled order still shows its code');

    step('公示: signed out, the community\'s notice board lists the topic without names');
    await signOut(page);
    await page.goto(`${BASE_URL}/public/topics?community=${community}`, { waitUntil: 'domcontentloaded' });
    const listed = page.locator(`[data-testid="public-topic"][data-topic-id="${topic}"]`);
    await listed.waitFor({ state: 'visible' });
    await expectNoOverflow(page, '/public/topics');
    await listed.click();
    await page.getByTestId('public-topic-detail').waitFor({ state: 'visible' });
    await expectNoOverflow(page, `/public/topics/${topic}`);
    const me = (await api('GET', '/me', resident)).user;
    const shown = await page.getByTestId('public-topic-detail').innerText();
    for (const personal of [me.display_name, me.phone].filter(Boolean)) {
      expect(!shown.includes(personal), `the public notice shows ${personal}`);
    }

    const crashes = problems.filter((p) => p.startsWith('page error') || p.includes('panicked'));
    expect(!crashes.length, `the page crashed: ${crashes.join('; ')}`);
    console.log('resident participation: survey, topic, shop and notice board work at 390 px');
  } catch (err) {
    await screenshot(page, 'participation-failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
