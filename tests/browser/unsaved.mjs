// A record form's guard against losing edits, in headless Chromium, as the community worker on the
// new-provider form (every create/edit form shares it: common/entity_form.rs):
//   an untouched form closes without a question → once a field is typed in, 取消 asks first, and
//   answering no keeps the form and what was typed → a menu link asks too, and no keeps the page →
//   signing out asks too, and no keeps the worker signed in on the form → reloading the tab gets the
//   browser's own question → 取消 answered yes leaves the form.
//
//   BASE_URL  server to test  (default http://127.0.0.1:8080; needs the --demo data)
//   CHROMIUM  browser binary  (default /usr/bin/chromium)
//
// Exits non-zero with a reason on any failure (screenshot: target/browser/failure.png).

import { BASE_URL, launch, screenshot, signIn, step } from './helpers.mjs';

const NEW_PROVIDER = `${BASE_URL}/resources/providers/new`;

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const { page, problems, close } = await launch({ width: 1280, height: 900 });
  // Every dialog is recorded and answered with `answer` (true: accept).
  const dialogs = [];
  let answer = false;
  page.on('dialog', async (dialog) => {
    dialogs.push({ type: dialog.type(), message: dialog.message() });
    await (answer ? dialog.accept() : dialog.dismiss());
  });
  const form = page.getByTestId('provider-form');
  const name = form.getByTestId('provider-name');
  const dialogsSeen = async (n) => {
    for (let waited = 0; dialogs.length < n && waited < 5_000; waited += 50) await page.waitForTimeout(50);
  };
  const openForm = async () => {
    await page.goto(NEW_PROVIDER);
    await name.waitFor({ state: 'visible' });
  };
  try {
    step('community worker signs in; an untouched form closes without a question');
    await signIn(page, 'community');
    await openForm();
    await form.getByTestId('form-cancel').click();
    await form.waitFor({ state: 'detached' });
    expect(dialogs.length === 0, `an untouched form asked: ${JSON.stringify(dialogs)}`);

    step('typed in: 取消 asks, and no keeps the form and the text');
    await openForm();
    await name.fill('浏览器测试：未保存的服务组织');
    await form.getByTestId('form-cancel').click();
    await dialogsSeen(1);
    expect(dialogs.length === 1 && dialogs[0].type === 'confirm', `取消 did not ask: ${JSON.stringify(dialogs)}`);
    expect(dialogs[0].message.includes('未保存'), `the question is not in Chinese: ${dialogs[0].message}`);
    expect(await name.inputValue() === '浏览器测试：未保存的服务组织', 'the typed name was lost');
    expect(new URL(page.url()).pathname === '/resources/providers/new', `left the form: ${page.url()}`);

    step('a menu link asks too; no stays on the page');
    await page.getByTestId('nav-needs').click();
    await dialogsSeen(2);
    expect(dialogs.length === 2 && dialogs[1].type === 'confirm', `the link did not ask: ${JSON.stringify(dialogs)}`);
    expect(new URL(page.url()).pathname === '/resources/providers/new', `the link was followed: ${page.url()}`);
    expect(await name.inputValue() === '浏览器测试：未保存的服务组织', 'the typed name was lost after the link');

    step('signing out asks too; no stays signed in on the form');
    await page.getByTestId('logout').click();
    await dialogsSeen(3);
    expect(dialogs.length === 3 && dialogs[2].type === 'confirm', `signing out did not ask: ${JSON.stringify(dialogs)}`);
    expect(await page.getByTestId('current-user').isVisible(), 'signed out though the answer was no');
    expect(await name.inputValue() === '浏览器测试：未保存的服务组织', 'the typed name was lost after signing out was refused');

    step('reloading the tab gets the browser’s own question');
    answer = true;
    await page.reload();
    await name.waitFor({ state: 'visible' });
    expect(dialogs.length === 4 && dialogs[3].type === 'beforeunload', `the reload did not ask: ${JSON.stringify(dialogs)}`);
    expect(await name.inputValue() === '', 'a reloaded form kept the old text');

    step('typed again: 取消 answered yes leaves the form');
    await name.fill('浏览器测试：放弃');
    await form.getByTestId('form-cancel').click();
    await form.waitFor({ state: 'detached' });
    await dialogsSeen(5);
    expect(dialogs.length === 5 && dialogs[4].type === 'confirm', `取消 did not ask: ${JSON.stringify(dialogs)}`);

    expect(problems.length === 0, `page problems:\n${problems.join('\n')}`);
    console.log('PASS unsaved edits: untouched form closes quietly; 取消, a link, signing out and a reload each ask; no keeps the edits');
  } catch (err) {
    await screenshot(page, 'failure.png').catch(() => {});
    throw err;
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(`FAIL ${err.message}`);
  process.exit(1);
});
