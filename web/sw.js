// The dashboard's service worker, registered by index.html once the first page is on screen.
//
// Why: on a phone with a poor signal every request costs a round trip of half a second or more, and
// the page itself (index.html, `no-cache`) was the one file a return visit still waited for: the
// files it names carry their content hash and come from the browser's cache. So a return visit
// takes the copy of index.html kept here and asks the server for nothing before its first page.
//   - A page load (a navigation to any path the dashboard answers) gets the kept copy at once, and
//     the copy is refreshed from the server behind it. With nothing kept yet it waits for the server,
//     as it would without this worker.
//   - When the refreshed copy differs from the one served, a new build is out: the open pages are
//     told, and index.html shows a bar that reloads into it.
//   - Everything else (the API, /docs, every file) goes to the network as if this worker were not
//     here; where the browser knows static routes, those requests do not even start it.

const CACHE = 'hh-shell-v1';
const INDEX = '/index.html';
// Navigations the server answers itself, not with the dashboard: the API (file downloads), its
// documentation and the health checks.
const NOT_THE_APP = /^\/(api|docs|openapi\.json|healthz|readyz)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([
      // Only navigations need this worker. A browser without static routes (or without `not`) runs
      // the fetch handler below for every request; it lets them all pass.
      event.addRoutes?.([{ condition: { not: { requestMode: 'navigate' } }, source: 'network' }]).catch(() => {}),
      caches.open(CACHE).then((cache) => refresh(cache, null)),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('hh-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NOT_THE_APP.test(url.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(INDEX);
    const refreshed = refresh(cache, kept?.clone(), event.resultingClientId);
    if (!kept) return refreshed;
    event.waitUntil(refreshed.catch(() => {}));
    return kept;
  })());
});

/**
 * Fetches index.html, keeps it, and resolves to it. When `served` (the kept copy a page was just
 * given) differs, the pages open now, and the one being loaded (`newClientId`), hear of it.
 */
async function refresh(cache, served, newClientId) {
  const fresh = await fetch(INDEX, { cache: 'no-cache' });
  if (!fresh.ok) return fresh;
  await cache.put(INDEX, fresh.clone());
  if (served && (await served.text()) !== (await fresh.clone().text())) await announce(newClientId);
  return fresh;
}

/** Tells every open page that a new build is out; waits a little for the page being loaded to exist. */
async function announce(newClientId) {
  const message = { type: 'hh-new-version' };
  const told = new Set();
  for (let attempt = 0; attempt < 20; attempt++) {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      if (told.has(client.id)) continue;
      client.postMessage(message);
      told.add(client.id);
    }
    if (!newClientId || told.has(newClientId)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
}
