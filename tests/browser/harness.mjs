// Shared set-up for the browser tests: a static server over dist/ and
// Debian's headless Chromium driven by playwright-core (no browser download),
// and `withApp`, which every test that drives the browser runs its body in: a
// fresh context with the app open, no page errors unless the test says why,
// closed in any case.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer, SUBPATH } from '../../scripts/serve.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Start the server and the browser; the app is served under the /jsp-planner/ subpath. */
export async function start({ dir = DIST } = {}) {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run scripts/build.sh first');
  }
  const { server, url } = await startServer({ dir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    browser,
    origin: url,
    base: `${url}${SUBPATH}/`,
    /** Stop serving (the browser stays): the network is gone for the app. */
    async stopServer() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
    async stop() {
      await browser.close();
      if (server.listening) {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      }
    },
  };
}

/**
 * Run a test's body against the app in a fresh browser context, and close
 * the context (and any other the body made) however the body ends:
 *
 *   test('…', () => withApp(env, { viewport }, async ({ page, errors, context, openTab, newContext }) => { … }));
 *
 * `opts` are Playwright context options (viewport, colorScheme,
 * acceptDownloads, serviceWorkers, …) plus:
 *   url          where the first page opens the app (default: env.base);
 *   open: false  open no page: the body sets the context up first, then calls openTab();
 *   allowErrors  a sentence saying why this test expects page errors; without
 *                it the test fails if any page raised an error or logged one
 *                to the console.
 * The body gets the first `page` (with the app rendered), `context`,
 * `errors` (every page's errors so far, from every context made here),
 * `openTab(url = env.base, context)` to open the app in another page, and
 * `newContext(options)` for another profile. Every page of these contexts,
 * however it was opened, has its errors collected.
 */
export async function withApp(env, opts, body) {
  if (typeof opts === 'function') [opts, body] = [{}, opts];
  const { url = env.base, open = true, allowErrors, ...contextOptions } = opts;
  if (allowErrors !== undefined && !(typeof allowErrors === 'string' && allowErrors.trim())) {
    throw new TypeError('allowErrors must be a sentence saying why the page errors are expected');
  }
  const contexts = [];
  const errors = [];
  let pages = 0;
  const newContext = async (options = {}) => {
    const context = await env.browser.newContext(options);
    contexts.push(context);
    context.on('page', (page) => {
      const tab = ++pages === 1 ? '' : `page ${pages}: `;
      page.on('pageerror', (e) => errors.push(`${tab}${e}`));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`${tab}${m.text()}`); });
    });
    return context;
  };
  try {
    const context = await newContext(contextOptions);
    const openTab = async (where = env.base, inContext = context) => {
      const page = await inContext.newPage();
      await page.goto(where);
      await ready(page);
      return page;
    };
    const page = open ? await openTab(url) : undefined;
    await body({ page, errors, context, openTab, newContext });
    if (allowErrors === undefined) assert.deepEqual(errors, [], 'no page errors (a test that expects some says why in allowErrors)');
  } finally {
    for (const context of contexts) await context.close();
  }
}

/** The app has mounted: either the plan list or a plan page is showing. */
export async function ready(page) {
  await page.locator('#plans-title, .plan-page').first().waitFor({ timeout: 15000 });
}

/** Create a plan from the list page; leaves it open. */
export async function createPlan(page, name) {
  await page.getByLabel('New plan name').fill(name);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.locator('.plan-page').waitFor();
}

/**
 * Let the app finish writing: it saves an edit just after the frame that
 * shows it (src/web/state/session.rs), once it holds the write lock every
 * tab takes (src/web/state/tabs.rs), so wait for a frame, the tasks queued
 * behind it and then a turn of that lock (granted in order).
 */
export function settled(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => setTimeout(r, 0), 0))))
    .then(() => page.evaluate(() => navigator.locks?.request('jsp-planner/write', () => {})));
}

/**
 * Poll `read()` until it gives `expected` (deep equality), then assert it:
 * after `timeout` ms the assertion fails showing what was last read. For
 * lists a render fills in, where reading at once could see the old list.
 */
export async function eventually(read, expected, timeout = 5000) {
  const end = Date.now() + timeout;
  let got = await read();
  while (!isDeepStrictEqual(got, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  assert.deepEqual(got, expected);
}

/** The save status line, once the last edit has been written (or refused). */
export async function saveStatus(page) {
  await settled(page);
  return page.getByTestId('save-status').innerText();
}

/** Every localStorage entry of the page's origin, once the last edit has been written. */
export async function storageSnapshot(page) {
  await settled(page);
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

/** Stored plans only (by key), parsed. */
export async function storedPlans(page) {
  const all = await storageSnapshot(page);
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => k.startsWith('jsp-planner/plan/')).map(([k, v]) => [k, JSON.parse(v)]),
  );
}

/** Click something that downloads a file; resolve to the file's text and name. */
export async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await dl.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Fill the origin's storage quota with filler entries until the browser refuses. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`filler-${i}`, chunk); } catch {
        if (chunk.length < 16) break;
        chunk = chunk.slice(chunk.length / 2);
      }
    }
  });
}

/** Remove what `fillStorage` wrote. */
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
}

/** Import a file through the file picker. */
export async function importFile(page, name, text) {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Go back to the plan list from a plan page. */
export async function backToList(page) {
  await page.getByRole('button', { name: '← All plans' }).click();
  await page.locator('#plans-title').waitFor();
}

/**
 * The open plan's sections as its navigation lists them, in order: each
 * link's name and the URL hash it goes to (without '#'). Read from the page
 * (normal mode: workshop mode hides the navigation), so a section added to
 * the app is walked by every test that walks them all.
 */
export async function sections(page) {
  const links = page.getByRole('navigation', { name: 'Concept Phase sections' }).getByRole('link');
  await links.first().waitFor();
  const found = await links.evaluateAll((as) => as.map((a) => ({ name: a.textContent.trim(), anchor: new URL(a.href).hash.slice(1) })));
  assert.ok(found.length > 1 && found[0].name === 'What you walk away with',
    `the navigation lists the sections, the dashboard first: ${JSON.stringify(found)}`);
  return found;
}

/** Show one section of the open plan by its navigation link. */
export async function section(page, name) {
  await page.getByRole('navigation', { name: 'Concept Phase sections' }).getByRole('link', { name, exact: true }).click();
  await page.locator('.section-body h2').first().waitFor();
}
