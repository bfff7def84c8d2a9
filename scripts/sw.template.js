// Lentera's service worker: the app keeps working offline after one visit.
// Generated at build time by scripts/sw-manifest.mjs from this template: PRECACHE lists every
// file trunk produced (hashed names included), VERSION changes whenever any of them changes.
// All URLs are relative to this file, so the site works under any sub-path.
const VERSION = '__VERSION__';
// '' for the learner app, 'pelatih-' for the trainer workbench in pelatih/: each app has its
// own worker (the workbench's, scoped to pelatih/, controls its pages) and its own cache.
const APP = '__APP__';
// Folders of the other app inside this worker's scope: left to that app's worker.
const NESTED = __NESTED__;
const PRECACHE = __PRECACHE__;
const CACHE = `lentera-${APP}${VERSION}`;
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
      .then((keys) => Promise.all(keys.filter((k) => isOldCacheOfThisApp(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function isOldCacheOfThisApp(key) {
  if (key === CACHE || !key.startsWith(`lentera-${APP}`)) return false;
  // The learner app's prefix `lentera-` also starts the workbench's caches: those are not its own.
  return APP !== '' || !key.startsWith('lentera-pelatih-');
}

// The page asks a waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.includes('/public/packs/')) {
    // Packs a trainer adds after the build: fresh when online, the kept copy when offline.
    // The workbench asks for the site's packs one folder up, outside its scope: kept too.
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
  const scope = new URL('./', self.location).href;
  if (!url.href.startsWith(scope)) return;
  if (NESTED.some((dir) => url.href.startsWith(scope + dir))) return;

  if (req.mode === 'navigate') {
    // Any page address inside the site (deep links included) is the app: index.html from the
    // cache, so it opens offline and on hosts that do not rewrite deep links.
    event.respondWith(caches.match(INDEX).then((hit) => hit || fetch(req)));
    return;
  }
  // Assets have content-hashed names: cache first.
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
