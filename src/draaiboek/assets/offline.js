// The handbook's service worker: after one visit over http(s) the whole
// handbook — pages, search index, instrument definitions and the Python
// runtime — keeps working without a network.
//
// The build writes this file to the site's root with the list of every file
// in the site and a hash of each (FILES below), so each build is its own
// version (VERSION). A version is installed completely, checked file by file
// against those hashes, or not at all: pages and definitions always come from
// the same build. A new version waits until the page accepts it (the banner of
// offline-register.js) or until every tab of the handbook is closed.
// Answers live in the page's own storage, which this worker never touches.

const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = "__PREFIX__";
const CACHE = PREFIX + VERSION;
const HASH_HEADER = "x-draaiboek-sha256";

const scope = new URL(self.registration.scope);
const hashes = new Map(FILES.map(([path, hash]) => [new URL(path, scope).href, hash]));

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// A response as it will be stored: the body, the server's headers (Pyodide
// needs application/wasm) and the hash it was checked against.
function stored(body, response, hash) {
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, hash);
  return new Response(body, { status: 200, statusText: "OK", headers });
}

// The same file from an earlier version, when its content did not change:
// the 13 MB runtime is not downloaded again for a new text on one page.
async function fromEarlierVersion(url, hash) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const response = await (await caches.open(name)).match(url);
    if (response && response.headers.get(HASH_HEADER) === hash) return response;
  }
  return null;
}

async function fetchChecked(url, hash) {
  // "no-cache": ask the server, never trust a copy the browser kept.
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = (await sha256(body)).slice(0, hash.length);
  // A server halfway through an update sends a mix of builds; then this
  // version is not installed (the browser tries again on a later visit).
  if (actual !== hash) throw new Error(`${url}: niet de inhoud van deze versie`);
  return stored(body, response, hash);
}

async function install() {
  const cache = await caches.open(CACHE);
  const queue = [...hashes];
  // A few downloads at a time: fast, without flooding a small server.
  const next = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [url, hash] = item;
      if (await cache.match(url)) continue;
      const response = (await fromEarlierVersion(url, hash)) || (await fetchChecked(url, hash));
      await cache.put(url, response);
    }
  };
  await Promise.all([next(), next(), next(), next()]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    install().then(() => {
      // The very first version may take over at once; later ones wait for the page.
      if (!self.registration.active) return self.skipWaiting();
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "draaiboek:activate") self.skipWaiting();
});

// The stored URL for a request: a folder's address is its index.html, and a
// query (?q= of the search) does not make another page.
function key(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return url.href;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = key(request);
  if (!hashes.has(url)) return; // not part of the handbook: the network decides
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(url))
      .then((response) => response || fetch(request)),
  );
});
