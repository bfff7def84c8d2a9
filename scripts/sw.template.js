// Lentera's service worker: the app keeps working offline after one visit.
// Generated at build time by scripts/sw-manifest.mjs from this template: PRECACHE lists every
// file trunk produced (hashed names included), VERSION changes whenever any of them changes.
// All URLs are relative to this file, so the site works under any sub-path.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `lentera-${VERSION}`;
const INDEX = new URL('./index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new Request(new URL(p, self.location), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lentera-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL('./', self.location).href;
  if (!url.href.startsWith(scope)) return;

  if (req.mode === 'navigate') {
    // Any page address inside the site (deep links included) is the app: index.html from the
    // cache, so it opens offline and on hosts that do not rewrite deep links.
    event.respondWith(caches.match(INDEX).then((hit) => hit || fetch(req)));
    return;
  }
  if (url.pathname.includes('/public/packs/')) {
    // Packs a trainer adds after the build: fresh when online, the kept copy when offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
        .catch(() => caches.match(req).then((hit) => hit || Response.error())),
    );
    return;
  }
  // Assets have content-hashed names: cache first.
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
