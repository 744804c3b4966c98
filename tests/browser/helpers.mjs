// Shared by the browser tests: launching the system Chromium the same way everywhere, signing in and
// out through the UI, and waiting for the dashboard to finish loading.

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const PASSWORD = process.env.HH_PASSWORD ?? 'happyhome-demo';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** target/browser/ at the repo root, where screenshots go. */
export const shotDir = join(repoRoot, 'target', 'browser');

export const step = (msg) => console.log(`• ${msg}`);

/**
 * Headless Chromium with a fresh profile. Returns { context, page, problems, close }; `problems`
 * collects page errors and console errors.
 */
export async function launch({ width = 1280, height = 800 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'hh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    locale: 'zh-CN',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, problems, close };
}

/** Opens /login and signs in; throws with the page's message when the login is refused. */
export async function signIn(page, username, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('login-form').waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the login form did not render (is the dashboard built and served at BASE_URL?)');
  });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // One wait for either outcome, so no losing promise is left to reject later.
  await page.waitForFunction(
    () => !location.pathname.startsWith('/login') || document.querySelector('[data-testid="login-error"]'),
  );
  if (await page.getByTestId('login-error').isVisible()) {
    throw new Error(`login as ${username} failed: ${await page.getByTestId('login-error').innerText()}`);
  }
  await page.getByTestId('current-user').waitFor({ state: 'visible' });
}

/** Signs out with the header's button and waits for the login form. */
export async function signOut(page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
}

/** Waits until no loading indicator is left. */
export async function waitUntilSettled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), null, { timeout: 15_000 });
}

/** Saves a screenshot as target/browser/<name>; the whole page unless `fullPage: false`. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(shotDir, { recursive: true });
  const path = join(shotDir, name);
  await page.screenshot({ path, fullPage });
  return path;
}

/** A JSON call to the API (`/api/v1` + path), with a bearer token when given; throws on an error. */
export async function api(method, path, token, body) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A demo account's access token. */
export const tokenOf = async (username) => (await api('POST', '/auth/login', null, { username, password: PASSWORD })).access_token;
