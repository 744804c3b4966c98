// Signs in to the 幸福家园 dashboard in headless Chromium and checks the area tree shows a community.
//
//   BASE_URL     server to test            (default http://127.0.0.1:8080)
//   HH_USERNAME  demo account              (default street)
//   HH_PASSWORD  its password              (default happyhome-demo)
//   EXPECT_AREA  text that must appear in the tree, expanding nodes as needed (default 缤纷社区)
//   CHROMIUM     browser binary            (default /usr/bin/chromium)
//
// Writes target/browser/areas.png (repo root) and exits non-zero with a reason on any failure.

import { BASE_URL, PASSWORD, launch, screenshot, step, waitUntilSettled } from './helpers.mjs';

// HH_ prefix: a bare USERNAME is already set by some shells and CI runners.
const USERNAME = process.env.HH_USERNAME ?? 'street';
const EXPECT_AREA = process.env.EXPECT_AREA ?? '缤纷社区';
const MAX_EXPANSIONS = 8;

let problems = [];

async function main() {
  const browser = await launch();
  const { page } = browser;
  problems = browser.problems;

  try {
    step(`open ${BASE_URL}/login`);
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('login-form').waitFor({ state: 'visible' }).catch(() => {
      throw new Error('the login form did not render (is the dashboard built and served at BASE_URL?)');
    });

    step(`sign in as ${USERNAME}`);
    await page.getByTestId('login-username').fill(USERNAME);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // Staff who work needs land on their workbench, the platform admin on the area tree.
    const outcome = await Promise.race([
      page.getByTestId('area-tree').waitFor({ state: 'attached' }).then(() => 'tree'),
      page.getByTestId('wb-tiles').waitFor({ state: 'attached' }).then(() => 'workbench'),
      page.getByTestId('login-error').waitFor({ state: 'visible' }).then(() => 'error'),
    ]);
    if (outcome === 'error') {
      const text = await page.getByTestId('login-error').innerText();
      throw new Error(`login failed: ${text}`);
    }
    if (outcome === 'workbench') {
      await page.getByTestId('nav-areas').click();
      await page.getByTestId('area-tree').waitFor({ state: 'attached' });
    }

    step('wait for the area tree');
    await page.getByTestId('tree-node').first().waitFor({ state: 'visible' }).catch(async () => {
      const err = await page.getByTestId('error').allInnerTexts();
      throw new Error(`the area tree stayed empty${err.length ? `: ${err.join(' / ')}` : ''}`);
    });

    const tree = page.getByTestId('area-tree');
    const wanted = tree.getByTestId('tree-node').filter({ hasText: EXPECT_AREA });
    // Children load lazily; on a busy machine an open node may still be fetching them, so each
    // check waits a while before deciding the text is not there yet.
    const appears = (ms) => wanted.first().waitFor({ state: 'visible', timeout: ms }).then(() => true, () => false);
    for (let i = 0; i <= MAX_EXPANSIONS; i++) {
      if (await appears(5_000)) break;
      if (i === MAX_EXPANSIONS) throw new Error(`"${EXPECT_AREA}" not in the tree after ${i} expansions`);
      const closed = tree.locator('[data-testid="tree-toggle"][aria-expanded="false"]');
      if ((await closed.count()) === 0) {
        if (await appears(30_000)) break;
        throw new Error(`"${EXPECT_AREA}" not in the tree and nothing left to expand`);
      }
      const name = await closed.first().locator('xpath=following-sibling::a[1]').innerText();
      step(`expand "${name}"`);
      await closed.first().click();
      await waitUntilSettled(page);
    }
    step(`found "${EXPECT_AREA}"; select it`);
    await wanted.first().click();
    await page.getByTestId('area-name').filter({ hasText: EXPECT_AREA }).waitFor({ state: 'visible' });
    await waitUntilSettled(page);

    step(`screenshot: ${await screenshot(page, 'areas.png')}`);
    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log('PASS login → area tree shows', EXPECT_AREA);
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
