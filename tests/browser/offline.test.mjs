// Offline in the room: after one visit the app reloads and works with the
// server gone, and a new deploy is offered as a reload that loses no edit.
// Each test serves its own copy of dist/ (under the /jsp-planner/ subpath),
// so it can stop the server or change the built files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start, withApp, createPlan, section, storedPlans, download, DIST } from './harness.mjs';

/** A private copy of dist/ and a server and browser over it. */
async function servedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'jsp-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const env = await start({ dir });
  return { env, dir, async stop() { await env.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Wait until the service worker controls the page and has cached the build. */
async function workerInControl(page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  }, null, { timeout: 20000 });
}

test('after one visit the app reloads and works with the network off', async () => {
  const { env, stop } = await servedCopy();
  try {
    await withApp(env, async ({ page, openTab }) => {
      await workerInControl(page);
      await createPlan(page, 'Offline workshop');
      await section(page, 'A.1 Project planning');
      await page.getByLabel('Product', { exact: true }).fill('Infusion pump');

      await env.stopServer();
      const refused = await fetch(env.base).then(() => false, () => true);
      assert.ok(refused, 'the server is really gone');

      await page.reload();
      await page.locator('.plan-page').waitFor({ timeout: 15000 });
      await section(page, 'A.1 Project planning');
      assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Infusion pump');
      // Editing and exporting need no network either.
      await page.getByLabel('Project summary').fill('Planned with the Wi-Fi off.');
      const { plan } = Object.values(await storedPlans(page))[0];
      assert.equal(plan.project.description, 'Planned with the Wi-Fi off.');
      const file = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
      assert.equal(JSON.parse(file.text).plan.project.description, 'Planned with the Wi-Fi off.');
      // A second reload, and a new tab, open too.
      await openTab();
    });
  } finally {
    await stop();
  }
});

test('a new deploy is offered as a reload, and an edit made meanwhile survives it', async () => {
  const { env, dir, stop } = await servedCopy();
  try {
    await withApp(env, async ({ page }) => {
      await workerInControl(page);
      await createPlan(page, 'Update day');
      assert.equal(await page.getByRole('heading', { name: 'A new version of JSP Planner is ready' }).count(), 0,
        'the first visit offers nothing');

      // Deploy a new build: the worker's text changes (its version), as a real build's does.
      const worker = path.join(dir, 'sw.js');
      const old = readFileSync(worker, 'utf8').match(/^const VERSION = '(.*)';$/m)[1];
      writeFileSync(worker, readFileSync(worker, 'utf8').replace(`const VERSION = '${old}';`, "const VERSION = 'next-build';"));
      for (const stale of ['sw.js.br', 'sw.js.gz']) rmSync(path.join(dir, stale), { force: true });
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

      const banner = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'A new version of JSP Planner is ready' }) });
      await banner.waitFor({ timeout: 20000 });
      // The room keeps working while the offer waits.
      await section(page, 'A.1 Project planning');
      await page.getByLabel('Product', { exact: true }).fill('Edited before the reload');
      await banner.getByRole('button', { name: 'Reload now' }).click();
      await page.waitForFunction(async () => (await caches.keys()).includes('jsp-planner-next-build')
        && !(await caches.keys()).some((k) => k.startsWith('jsp-planner-') && k !== 'jsp-planner-next-build'), null, { timeout: 20000 });
      await page.locator('.plan-page').waitFor();
      await section(page, 'A.1 Project planning');
      assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Edited before the reload');
      assert.equal(await page.getByRole('heading', { name: 'A new version of JSP Planner is ready' }).count(), 0);
    });
  } finally {
    await stop();
  }
});

test('the build ships precompressed copies, and the server sends them to browsers that accept them', async () => {
  const { env, dir, stop } = await servedCopy();
  try {
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const wasm = index.match(/href="\.\/([^"]+_bg\.wasm)"/)?.[1] ?? index.match(/([\w-]+_bg\.wasm)/)[1];
    const raw = readFileSync(path.join(dir, wasm));
    const { request } = await import('node:http');
    const get = (encoding) => new Promise((resolve, reject) => {
      request(`${env.base}${wasm}`, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const br = await get('br, gzip');
    assert.equal(br.encoding, 'br');
    assert.ok(br.body.length < raw.length / 2, `brotli ${br.body.length} bytes of ${raw.length}`);
    assert.ok(brotliDecompressSync(br.body).equals(raw), 'the .br copy is this build’s wasm');
    const gz = await get('gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.ok(gunzipSync(gz.body).equals(raw), 'the .gz copy is this build’s wasm');
    const plain = await get('identity');
    assert.equal(plain.encoding, undefined);
    assert.ok(plain.body.equals(raw));
    // The policy allows the worker and the manifest, from the app's own origin only.
    assert.match(index, /worker-src 'self'/);
    assert.match(index, /manifest-src 'self'/);
    assert.match(readFileSync(path.join(dir, 'sw.js'), 'utf8'), new RegExp(wasm.replace(/[.]/g, '\\.')), 'the worker precaches the wasm');
  } finally {
    await stop();
  }
});
