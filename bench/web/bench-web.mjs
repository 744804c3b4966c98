// The dashboard's weight and speed as a phone on a slow link sees them, for two servers side by side.
//
//   node bench/web/bench-web.mjs <label>=<base-url> [<label>=<base-url> …]
//
// For each server:
//   - bytes per route: every same-origin file the page loads for /login (signed out), and for /m (the
//     resident's 点单 form) and /m/needs (their needs), signed in, fetched once more here with
//     `Accept-Encoding: gzip` and with `br`, counting the bytes on the wire (API answers listed apart);
//   - time to the login form, the resident's form on /m and their /m/needs list, in headless
//     Chromium with the DevTools "Slow 4G" network profile (562.5 ms latency, 180 kB/s down, 84.4 kB/s up) and 4× CPU
//     slowdown: cold (a fresh profile, empty cache) and warm (the same page loaded again in that
//     profile, once the service worker the first visit registered, if any, controls it). Times are from navigation start to the element being visible, read inside the page;
//   - a page first visited by a link inside the app, on the same link: from /m/needs, opened cold,
//     a tap on the resident's first need until its page shows, and the code files that tap fetched
//     (a split bundle fetches that page's group then; a bundle that is not split fetches nothing).
// RUNS (default 3) runs each; the median is printed. WATERFALL=1 also prints each route's last cold
// load request by request (sent → finished, bytes). Exits non-zero when a page never shows.

import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The browser tests' copy of playwright-core (scripts/tools.sh installs it).
const { chromium } = createRequire(join(repoRoot, 'tests', 'browser', 'package.json'))('playwright-core');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 3);
const PASSWORD = process.env.HH_PASSWORD ?? 'happyhome-demo';
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };

const servers = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  return { label: arg.slice(0, at), base: arg.slice(at + 1).replace(/\/$/, '') };
});
if (servers.length === 0) {
  console.error('usage: node bench/web/bench-web.mjs <label>=<base-url> …');
  process.exit(2);
}

const ROUTES = [
  { name: '/login', path: '/login', user: null, selector: '[data-testid="login-form"]' },
  { name: '/m', path: '/m', user: 'resident', selector: '[data-testid="need-form"]' },
  { name: '/m/needs', path: '/m/needs', user: 'resident', selector: '[data-testid="my-need"]' },
];
const TAPS = [
  { name: '/m/needs → a need', from: ROUTES[2], tap: '[data-testid="my-need"]', selector: '[data-testid="need-back"]' },
];

/** Records, inside the page, when each watched selector first matches a rendered element. */
function watch(selectors) {
  window.__hhSeen = {};
  const check = () => {
    for (const sel of selectors) {
      if (window.__hhSeen[sel] !== undefined) continue;
      const el = document.querySelector(sel);
      if (el && el.getClientRects().length > 0) window.__hhSeen[sel] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function signInTokens(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${username} at ${base}: HTTP ${res.status}`);
  return res.json();
}

async function newProfile(base, user) {
  const dir = mkdtempSync(join(tmpdir(), 'hh-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: PHONE,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  await page.addInitScript(watch, [...ROUTES, ...TAPS].map((r) => r.selector));
  if (user) {
    const tokens = await signInTokens(base, user);
    await page.addInitScript((t) => localStorage.setItem('hh.tokens', t), JSON.stringify(tokens));
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, cached: false, sent: e.timestamp }));
  cdp.on('Network.requestServedFromCache', (e) => { if (requests.has(e.requestId)) requests.get(e.requestId).cached = true; });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.status = e.response.status; r.fromDisk = e.response.fromDiskCache || e.response.fromMemoryCache; }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: e.timestamp });
  });
  const close = async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); };
  return { page, requests, close };
}

/** Loads `route` and returns ms from navigation start until its element showed. */
async function load(page, base, route) {
  await page.goto(`${base}${route.path}`, { waitUntil: 'commit' });
  await page.waitForFunction((sel) => window.__hhSeen && window.__hhSeen[sel] !== undefined, route.selector, { timeout: 120_000, polling: 100 });
  return page.evaluate((sel) => window.__hhSeen[sel], route.selector);
}

/**
 * Waits, after a first visit, until the service worker it registered (web/sw.js; none in builds
 * before it) controls the page: a return visit comes later than that.
 */
async function settleShell(page) {
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 120_000, polling: 100 });
  await page.evaluate(async () => {
    // The registration, or nothing when there is no worker or it failed to register.
    if (!(await window.hhShell)) return;
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((done) => setTimeout(done, 100));
  });
}

/** Bytes on the wire for one GET with the given Accept-Encoding (0 when it fails). */
function wireBytes(url, acceptEncoding, headers = {}) {
  return new Promise((done) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': acceptEncoding, ...headers } }, (res) => {
      let n = 0;
      res.on('data', (chunk) => { n += chunk.length; });
      res.on('end', () => done({ bytes: n, encoding: res.headers['content-encoding'] ?? 'none', cache: res.headers['cache-control'] ?? '' }));
    });
    req.on('error', () => done({ bytes: 0, encoding: 'error', cache: '' }));
    req.end();
  });
}

/** Prints each request of a load: when it was sent and finished (s after the first), and its bytes. */
function waterfall(title, requests) {
  const start = Math.min(...requests.map((r) => r.sent));
  console.error(`  ${title}:`);
  for (const r of [...requests].sort((a, b) => a.sent - b.sent)) {
    const at = (t) => (t === undefined ? '   -  ' : `${(t - start).toFixed(2).padStart(6)}`);
    const path = new URL(r.url).pathname.replace(/[-_][0-9a-f]{12,}/g, '…');
    console.error(`    ${at(r.sent)} → ${at(r.done)}  ${String(r.bytes).padStart(8)} B  ${path}`);
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function measure(server) {
  const out = { label: server.label, routes: {} };
  for (const route of ROUTES) {
    const cold = [];
    const warm = [];
    let files = [];
    let transferredCold = 0;
    let transferredWarm = 0;
    for (let i = 0; i < RUNS; i++) {
      const profile = await newProfile(server.base, route.user);
      try {
        cold.push(await load(profile.page, server.base, route));
        const first = [...profile.requests.values()];
        if (process.env.WATERFALL && i === RUNS - 1) waterfall(`${server.label} ${route.name} cold`, first);
        transferredCold = first.reduce((n, r) => n + r.bytes, 0);
        files = first.map((r) => r.url).filter((u) => u.startsWith(server.base));
        await settleShell(profile.page);
        profile.requests.clear();
        warm.push(await load(profile.page, server.base, route));
        transferredWarm = [...profile.requests.values()].reduce((n, r) => n + r.bytes, 0);
      } finally {
        await profile.close();
      }
    }
    const unique = [...new Set(files)];
    const statics = unique.filter((u) => !new URL(u).pathname.startsWith('/api/'));
    const sizes = { gzip: 0, br: 0, encodings: new Set(), cache: {} };
    for (const url of statics) {
      const gz = await wireBytes(url, 'gzip');
      const br = await wireBytes(url, 'br');
      sizes.gzip += gz.bytes;
      sizes.br += br.bytes;
      sizes.encodings.add(`${new URL(url).pathname.replace(/[-.][0-9a-f]{12,}/, '…')}: gzip→${gz.encoding}, br→${br.encoding}, ${br.cache || 'no Cache-Control'}`);
    }
    out.routes[route.name] = {
      coldMs: median(cold), warmMs: median(warm), cold, warm,
      gzip: sizes.gzip, br: sizes.br, transferredCold, transferredWarm,
      files: statics.length, api: unique.length - statics.length, encodings: [...sizes.encodings],
    };
  }
  for (const tap of TAPS) {
    const times = [];
    let code = 0;
    for (let i = 0; i < RUNS; i++) {
      const profile = await newProfile(server.base, tap.from.user);
      try {
        await load(profile.page, server.base, tap.from);
        // The first page's own work done (its group, its reads), as a user would look before tapping.
        await profile.page.waitForTimeout(1500);
        profile.requests.clear();
        const tapped = await profile.page.evaluate(() => performance.now());
        await profile.page.locator(tap.tap).first().click();
        await profile.page.waitForFunction((sel) => window.__hhSeen[sel] !== undefined, tap.selector, { timeout: 120_000, polling: 100 });
        times.push((await profile.page.evaluate((sel) => window.__hhSeen[sel], tap.selector)) - tapped);
        code = [...profile.requests.values()].filter((r) => /\.(wasm|js|bin)$/.test(new URL(r.url).pathname)).length;
      } finally {
        await profile.close();
      }
    }
    out.routes[tap.name] = { tapMs: median(times), taps: times, code };
  }
  return out;
}

const results = [];
for (const server of servers) {
  console.error(`measuring ${server.label} at ${server.base} (${RUNS} runs per route)…`);
  results.push(await measure(server));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [];
for (const route of ROUTES) {
  rows.push([`${route.name}: static files, gzip`, (r) => r.routes[route.name].gzip, kb]);
  rows.push([`${route.name}: static files, brotli`, (r) => r.routes[route.name].br, kb]);
  rows.push([`${route.name}: transferred cold (Chromium)`, (r) => r.routes[route.name].transferredCold, kb]);
  rows.push([`${route.name}: transferred warm (Chromium)`, (r) => r.routes[route.name].transferredWarm, kb]);
  rows.push([`${route.name}: visible, cold (median)`, (r) => r.routes[route.name].coldMs, s]);
  rows.push([`${route.name}: visible, warm (median)`, (r) => r.routes[route.name].warmMs, s]);
}
for (const tap of TAPS) {
  rows.push([`${tap.name}: code files fetched by the tap`, (r) => r.routes[tap.name].code, String]);
  rows.push([`${tap.name}: visible after the tap (median)`, (r) => r.routes[tap.name].tapMs, s]);
}
const first = results[0];
const head = ['Slow 4G + 4x CPU', ...results.map((r) => r.label), ...results.slice(1).map((r) => `${r.label}/${first.label}`)];
const table = rows.map(([name, get, fmt]) => [
  name,
  ...results.map((r) => fmt(get(r))),
  ...results.slice(1).map((r) => (get(first) ? `${(get(r) / get(first)).toFixed(2)}x` : '-')),
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log('');
for (const r of results) {
  for (const route of ROUTES) {
    const m = r.routes[route.name];
    console.log(`${r.label} ${route.name}: cold runs ${m.cold.map(s).join(', ')}; warm runs ${m.warm.map(s).join(', ')}; ${m.files} files + ${m.api} API calls`);
    for (const e of m.encodings) console.log(`    ${e}`);
  }
  for (const tap of TAPS) console.log(`${r.label} ${tap.name}: runs ${r.routes[tap.name].taps.map(s).join(', ')}`);
}
