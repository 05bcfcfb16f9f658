// JSP Planner's service worker: after one visit the app opens and works with
// the network off. It keeps one cache per build; scripts/precache.mjs writes
// the build's file list and version into the copy in dist/ after each build.
//
// It never fetches anything but the app's own files, and never sees a plan:
// plans live in the page's localStorage.
'use strict';

const VERSION = 'development';
const FILES = [];
const PREFIX = 'jsp-planner-';
const CACHE = `${PREFIX}${VERSION}`;

const url = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // A new version waits until the page agrees to reload (see 'message').
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(url))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages of the app (any query or hash) are its one index.html.
    const cached = request.mode === 'navigate'
      ? await cache.match(url('index.html'))
      : await cache.match(request, { ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
