// Words, not codes, in one language at a time: every route of the dashboard (the list phones.mjs
// visits — staff routes as the platform admin, /m pages as the demo resident, public and sign-in
// pages signed out) is opened in Chinese and in English, and its rendered text is checked against
// the other language's script.
//
// The rule, and why it is honest:
// - The text checked is what a reader sees: every visible text node, every <option> of a select,
//   every placeholder. Not checked: <code>/<pre>/.mono (ids and codes shown on purpose as code),
//   the language switch (it names the other language in that language: "English" / "中文"),
//   decoration hidden from readers (aria-hidden, the 福 logo mark), and quoted text the page marks
//   with a `lang` attribute of the other language (the catalogue's seed descriptions exist only in
//   Chinese; the marking tells English readers and their translators so).
// - User data is not the dashboard's to translate: a community called 缤纷社区 stays 缤纷社区 in
//   English. Rather than trusting markers sprinkled over every page, the test records every string
//   the API sent to the page (JSON responses) and removes those strings from the text before
//   checking (a string the page shortened with an ellipsis counts by its start). Strings the API sends in both languages (`name_zh`/`name_en`, `zh`/`en`) are not user
//   data — the page must pick the right one — and neither are snake_case codes, so a raw code on
//   screen (`in_progress`) still fails in Chinese mode.
// - Chinese mode fails on a Latin word (two letters or more) unless it is in ALLOWED_LATIN: names
//   of standards and file types, units, and the abbreviations Chinese users read as such (API, KPI).
//   English mode fails on any Han character.
//
//   BASE_URL  server to test (default http://127.0.0.1:8080; needs the --demo data)
//   LANGS     the languages to check, comma-separated (default zh,en)
//
// Exits non-zero listing every leak as route, language, the text and the element it sits in.

import { BASE_URL, launch, screenshot, signIn, signOut, step, waitUntilSettled } from './helpers.mjs';
import { residentRoutes, signedOutRoutes, staffRoutes } from './routes.mjs';

/** Latin words a Chinese page may show: standards, file types, units, abbreviations read as such. */
const ALLOWED_LATIN = new Set([
  'API', 'KPI', 'KPIs', 'Excel', 'CSV', 'xlsx', 'JSON', 'XML', 'URL', 'HTTP', 'HTTPS', 'HMAC', 'SHA', 'OpenAPI', 'Open311', 'HSDS',
  'Webhook', 'webhook', 'ID', 'id', 'SMS', 'km', 'kg', 'min', 'm²', 'h', 'GeoReport', 'Bearer', 'OAuth', 'SVG', 'PNG', 'JPEG', 'JPG', 'PDF',
  'AM', 'PM', 'UTC', 'CST', 'RFC', 'ISO', 'QR', 'App', 'app', 'WiFi', 'AI',
]);
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g;
/** A stored code as the API sends it; shown raw it is a leak, so it is never counted as user data. */
const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z]+$/;
/** Keys whose strings come in both languages: the page has to choose, so they are not user data. */
const BILINGUAL_KEY = /(^|_)(zh|en)$/;

const leaks = [];

/** Every string in a JSON body, except bilingual ones and codes. */
function collect(value, key, into) {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text && !(key && BILINGUAL_KEY.test(key)) && !CODE.test(text)) into.add(text);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, key, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, k, into);
  }
}

/** The visible texts of the page, each with a short description of the element holding it. */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const skip = 'script, style, noscript, code, pre, .mono, [data-testid="locale-switch"], [aria-hidden="true"]';
    const page = document.documentElement.lang;
    const quoted = (el) => {
      const marked = el.closest('[lang]');
      return marked && marked !== document.documentElement && marked.lang !== page;
    };
    const where = (el) => {
      const test = el.closest('[data-testid]')?.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls}${test ? ` in [${test}]` : ''}`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent.trim();
      if (!el || !text || el.closest(skip) || quoted(el)) continue;
      if (!el.closest('option') && !el.getClientRects().length) continue;
      out.push({ text, where: where(el) });
    }
    for (const el of document.querySelectorAll('[placeholder]')) {
      if (el.getClientRects().length && el.placeholder.trim()) out.push({ text: el.placeholder.trim(), where: `placeholder of ${where(el)}` });
    }
    return out;
  });
}

/** What is left of `text` once every user-data string is taken out (longest first). */
function withoutUserData(text, data) {
  let rest = text;
  for (const s of data) if (rest.includes(s)) rest = rest.split(s).join(' ');
  // Lists shorten long user text with an ellipsis (a need's text in the queue): the start of an API
  // string, cut off, is user data too.
  const cut = rest.trim().match(/^([\s\S]{4,}?)…$/);
  if (cut && data.some((s) => s.startsWith(cut[1].trim()))) return '';
  return rest;
}

/** The words of the other language left in `text`, or none. */
function foreign(text, lang) {
  if (lang === 'en') return HAN.test(text) ? [...text.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]) : [];
  return [...text.matchAll(LATIN_WORD)].map((m) => m[0]).filter((w) => !ALLOWED_LATIN.has(w));
}

async function settle(page) {
  await page.waitForFunction(() => !document.getElementById('boot'));
  await waitUntilSettled(page);
  await page.waitForTimeout(250);
  await waitUntilSettled(page);
}

async function setLanguage(page, lang) {
  // gloo-storage keeps values as JSON, so the tag is stored quoted.
  await page.evaluate((tag) => localStorage.setItem('hh.locale', JSON.stringify(tag)), lang === 'en' ? 'en' : 'zh-CN');
}

/** Opens `path` in `lang` and records every word of the other language outside user data. */
async function check(page, path, lang, apiStrings) {
  apiStrings.clear();
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
  try {
    await settle(page);
  } catch {
    leaks.push(`${path} (${lang}): still loading after 15 s`);
    return;
  }
  await page.waitForLoadState('networkidle').catch(() => {});
  const data = [...apiStrings].sort((a, b) => b.length - a.length);
  const found = [];
  for (const { text, where } of await visibleTexts(page)) {
    const words = foreign(withoutUserData(text, data), lang);
    if (words.length) found.push(`${words.join(' ')} — "${text.slice(0, 60)}" (${where})`);
  }
  const unique = [...new Set(found)];
  if (unique.length) {
    leaks.push(`${path} (${lang}):\n    ${unique.slice(0, 12).join('\n    ')}${unique.length > 12 ? `\n    … and ${unique.length - 12} more` : ''}`);
    await screenshot(page, `languages-${lang}-${path.replace(/[^a-z0-9]+/gi, '_')}.png`).catch(() => {});
  }
  step(`${path} (${lang})${unique.length ? ` ✗ ${unique.length}` : ''}`);
}

async function main() {
  const browser = await launch({ width: 1280, height: 900 });
  const { page } = browser;
  const apiStrings = new Set();
  page.on('response', async (res) => {
    if (!res.url().includes('/api/v1/') || !(res.headers()['content-type'] ?? '').includes('json')) return;
    try {
      collect(await res.json(), null, apiStrings);
    } catch {
      // A body already gone (navigation) holds nothing for the page being checked.
    }
  });
  try {
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
    const { routes: signedOut } = await signedOutRoutes();
    const staff = await staffRoutes();
    const mine = await residentRoutes();
    for (const lang of (process.env.LANGS ?? 'zh,en').split(',')) {
      step(`${lang}: signed out`);
      await setLanguage(page, lang);
      for (const path of signedOut) await check(page, path, lang, apiStrings);
      step(`${lang}: the platform admin`);
      await signIn(page, 'admin');
      await setLanguage(page, lang);
      for (const path of staff) await check(page, path, lang, apiStrings);
      await signOut(page);
      step(`${lang}: the resident`);
      await signIn(page, 'resident');
      await setLanguage(page, lang);
      for (const path of mine) await check(page, path, lang, apiStrings);
      await page.goto(`${BASE_URL}/m/me`, { waitUntil: 'domcontentloaded' });
      await settle(page);
      await signOut(page).catch(() => page.evaluate(() => localStorage.clear()));
    }
  } finally {
    await browser.close();
  }
  if (leaks.length) {
    console.error(`\n${leaks.length} route(s) show words of the other language:\n- ${leaks.join('\n- ')}`);
    process.exit(1);
  }
  console.log('languages: every route speaks one language at a time');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
