// Signs in to the 幸福家园 dashboard in headless Chromium and checks the area tree shows a community.
//
//   BASE_URL     server to test            (default http://127.0.0.1:8080)
//   HH_USERNAME  demo account              (default street)
//   HH_PASSWORD  its password              (default happyhome-demo)
//   EXPECT_AREA  text that must appear in the tree, expanding nodes as needed (default 缤纷社区)
//   CHROMIUM     browser binary            (default /usr/bin/chromium)
//
// Writes target/browser/areas.png (repo root) and exits non-zero with a reason on any failure.

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
// HH_ prefix: a bare USERNAME is already set by some shells and CI runners.
const USERNAME = process.env.HH_USERNAME ?? 'street';
const PASSWORD = process.env.HH_PASSWORD ?? 'happyhome-demo';
const EXPECT_AREA = process.env.EXPECT_AREA ?? '缤纷社区';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const MAX_EXPANSIONS = 8;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shotDir = join(repoRoot, 'target', 'browser');
const shotPath = join(shotDir, 'areas.png');

const problems = [];
const step = (msg) => console.log(`• ${msg}`);

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'hh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));

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
    const outcome = await Promise.race([
      page.getByTestId('area-tree').waitFor({ state: 'attached' }).then(() => 'tree'),
      page.getByTestId('login-error').waitFor({ state: 'visible' }).then(() => 'error'),
    ]);
    if (outcome === 'error') {
      const text = await page.getByTestId('login-error').innerText();
      throw new Error(`login failed: ${text}`);
    }

    step('wait for the area tree');
    await page.getByTestId('tree-node').first().waitFor({ state: 'visible' }).catch(async () => {
      const err = await page.getByTestId('error').allInnerTexts();
      throw new Error(`the area tree stayed empty${err.length ? `: ${err.join(' / ')}` : ''}`);
    });

    const tree = page.getByTestId('area-tree');
    const wanted = tree.getByTestId('tree-node').filter({ hasText: EXPECT_AREA });
    for (let i = 0; i <= MAX_EXPANSIONS; i++) {
      if (await wanted.first().isVisible()) break;
      if (i === MAX_EXPANSIONS) throw new Error(`"${EXPECT_AREA}" not in the tree after ${i} expansions`);
      const closed = tree.locator('[data-testid="tree-toggle"][aria-expanded="false"]');
      if ((await closed.count()) === 0) {
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

    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: shotPath, fullPage: true });
    step(`screenshot: ${shotPath}`);
    const fatal = problems.filter((p) => p.startsWith('page error'));
    if (fatal.length) throw new Error(fatal.join('\n'));
    console.log('PASS login → area tree shows', EXPECT_AREA);
  } catch (err) {
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, 'failure.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Waits until no loading indicator is left (each tree level and the detail panel show one). */
async function waitUntilSettled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), null, { timeout: 15_000 });
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  if (problems.length) console.error(`browser said:\n  ${problems.join('\n  ')}`);
  console.error('(screenshot of the failure: target/browser/failure.png)');
  process.exit(1);
});
