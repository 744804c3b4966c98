// 民意调查 on the staff dashboard, at 1440 px and at 390 px: the community worker builds a survey in
// /surveys/new — an empty save names every missing field at once; three questions, the second shown
// only when the first is answered 有 — previews it (the conditional question appears only after 有 is
// picked), asks it of one target group, saves the draft, edits it (the condition and the group come
// back; a satisfaction question is added with 满意 counted as satisfied), publishes it (发布), enters a
// paper questionnaire and sees the results (one response, the option bars, the mean of the number
// question, the text answer, the 满意率 of the satisfaction question) and downloads
// the results workbook. No page may be wider than the screen.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Writes target/browser/surveys-<width>.png; exits non-zero with a reason on any failure
// (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, step, waitUntilSettled } from './helpers.mjs';

const STAMP = new Date().toISOString();
let problems = [];

async function noWiderThan(page, width, where) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) throw new Error(`${where} is ${scroll} px wide at ${width} px`);
}

/** Adds a question row and fills it; returns the row. */
async function addQuestion(builder, { text, kind, options, min, max, required = true }) {
  await builder.getByTestId('question-add').click();
  const row = builder.getByTestId('question-editor').last();
  await row.getByTestId('question-text').fill(text);
  await row.getByTestId('question-kind').selectOption(kind);
  if (options) await row.getByTestId('question-options').fill(options.join('\n'));
  if (min !== undefined) await row.getByTestId('question-min').fill(String(min));
  if (max !== undefined) await row.getByTestId('question-max').fill(String(max));
  if (!required) await row.getByTestId('question-required').uncheck();
  return row;
}

async function run(width, height) {
  const browser = await launch({ width, height });
  const { page } = browser;
  problems = browser.problems;
  try {
    const title = `浏览器测试问卷 ${width}（${STAMP}）`;
    await signIn(page, 'community');
    await page.goto(`${BASE_URL}/surveys`);
    await page.getByTestId('surveys-table').waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    await noWiderThan(page, width, '/surveys');
    await page.getByTestId('survey-new').click();
    const builder = page.getByTestId('survey-builder');
    await builder.waitFor({ state: 'visible' });

    step(`${width} px: an empty save names the title, the area and the questions at once`);
    await builder.getByTestId('form-submit').click();
    for (const field of ['/title', '/area_id']) {
      await builder.locator(`[data-field="${field}"].invalid`).waitFor({ state: 'visible' });
    }

    step('title, target area, three questions with a condition');
    await builder.getByTestId('survey-title-input').fill(title);
    await builder.getByTestId('survey-area').fill('缤纷');
    await builder.getByTestId('area-search-result').first().click();
    await builder.getByTestId('survey-area-chip').waitFor({ state: 'visible' });
    // Asked of one target group (目标群体): the chip is kept with the draft.
    await builder.locator('[data-testid="survey-groups"] [data-tag="elderly"] input').check();
    await addQuestion(builder, { text: '您家有电动自行车吗？', kind: 'single_choice', options: ['有', '没有'] });
    const second = await addQuestion(builder, { text: '您每周充电几次？', kind: 'number', min: 0, max: 14 });
    await second.getByTestId('question-condition').selectOption({ index: 1 });
    await second.locator('[data-testid="condition-option"][data-option="0"]').check();
    await addQuestion(builder, { text: '对充电棚还有什么建议？', kind: 'text', required: false });

    step('preview: the conditional question shows only once 有 is picked');
    await builder.getByTestId('survey-preview-toggle').click();
    const preview = builder.getByTestId('survey-preview');
    await preview.waitFor({ state: 'visible' });
    const q2 = preview.locator('[data-testid="q"][data-question="1"]');
    if (await q2.isVisible()) throw new Error('the conditional question shows before its answer');
    await preview.locator('[data-testid="q"][data-question="0"] [data-testid="q-option"][data-option="0"]').check();
    await q2.waitFor({ state: 'visible' });
    await noWiderThan(page, width, '/surveys/new');

    step('save the draft, then publish it');
    await builder.getByTestId('form-submit').click();
    await page.waitForURL(/\/surveys\/\d+$/).catch(async () => {
      const error = await builder.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`the draft was not saved ${error}`);
    });
    const detail = page.getByTestId('survey-detail');
    await page.locator('[data-testid="survey-detail"][data-status="draft"]').waitFor({ state: 'visible' });
    await detail.getByTestId('survey-preview').waitFor({ state: 'visible' });

    step('edit the saved draft: the questions come back with their condition; a fourth question added');
    await detail.getByTestId('survey-edit').click();
    await page.waitForURL(/\/surveys\/\d+\/edit$/);
    const editor = page.getByTestId('survey-builder');
    const condition = editor.getByTestId('question-editor').nth(1).locator('[data-testid="condition-option"][data-option="0"]');
    if (!(await condition.isChecked())) throw new Error('the saved condition did not come back into the builder');
    if (!(await editor.locator('[data-testid="survey-groups"] [data-tag="elderly"] input').isChecked())) {
      throw new Error('the target group did not come back into the builder');
    }
    // The fourth question measures satisfaction: 满意 counts as satisfied.
    const fourth = await addQuestion(editor, { text: '您对充电棚方案满意吗？', kind: 'single_choice', options: ['满意', '不满意'], required: false });
    await fourth.locator('[data-testid="satisfied-option"][data-option="0"]').check();
    await noWiderThan(page, width, '/surveys/:id/edit');
    await editor.getByTestId('form-submit').click();
    await page.waitForURL(/\/surveys\/\d+$/).catch(async () => {
      const error = await editor.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`the edited draft was not saved ${error}`);
    });
    await page.locator('[data-testid="survey-detail"][data-status="draft"] [data-testid="q"][data-question="3"]').waitFor({ state: 'visible' });
    await page.getByTestId('survey-open').click();
    await page.locator('[data-testid="survey-detail"][data-status="open"]').waitFor({ state: 'visible' });

    step('enter a paper questionnaire: 有, 3 times a week, a suggestion');
    const paper = page.getByTestId('paper-form');
    await paper.waitFor({ state: 'visible' });
    await paper.locator('[data-testid="q"][data-question="0"] [data-testid="q-option"][data-option="0"]').check();
    await paper.locator('[data-testid="q"][data-question="1"] [data-testid="q-number"]').fill('3');
    await paper.locator('[data-testid="q"][data-question="2"] [data-testid="q-text"]').fill('希望增加快充插座');
    await paper.locator('[data-testid="q"][data-question="3"] [data-testid="q-option"][data-option="0"]').check();
    await paper.getByTestId('paper-submit').click();
    await paper.getByTestId('paper-saved').waitFor({ state: 'visible' }).catch(async () => {
      const error = await paper.getByTestId('form-error').innerText().catch(() => '');
      throw new Error(`the paper questionnaire was not entered ${error}`);
    });

    step('the results: one response, option bars, the mean, the text answer');
    const results = page.getByTestId('survey-results');
    await results.getByTestId('results-responses').filter({ hasText: '1' }).waitFor({ state: 'visible' });
    await results.locator('[data-testid="result-question"][data-question="0"] [data-testid="bar-row"]').first().waitFor({ state: 'visible' });
    const mean = await results.locator('[data-testid="result-question"][data-question="1"] [data-testid="result-mean"]').innerText();
    if (!mean.includes('3.00')) throw new Error(`the mean shows as "${mean}"`);
    const satisfied = await results.locator('[data-testid="result-question"][data-question="3"] [data-testid="result-satisfied"]').innerText();
    if (!satisfied.includes('100')) throw new Error(`the satisfaction question's share shows as "${satisfied}"`);
    await page.getByTestId('text-answer').filter({ hasText: '希望增加快充插座' }).waitFor({ state: 'visible' });
    await waitUntilSettled(page);
    await noWiderThan(page, width, '/surveys/:id');

    step('the results workbook downloads');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-results').click()]);
    if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`the results download as ${download.suggestedFilename()}`);
    await screenshot(page, `surveys-${width}.png`);
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
  await run(1440, 900);
  await run(390, 844);
  console.log('surveys: build with a condition, preview, publish, paper entry, results and export at 1440 and 390 px');
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
