// Big plans stay quick, and the editor part is ready before it is needed:
// the editor's wasm is fetched when the browser is idle after the first
// screen; a long report table and a long register draw their first rows and
// the rest as they are scrolled to (printing prints every row); the register
// search finds risks by the words of their linked controls. No timed
// assertions: scripts/bench.sh measures the times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, eventually, settled } from './harness.mjs';
import { bigPlan, storePlan } from '../../scripts/bench.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** A plan of `risks` entries (see scripts/bench.mjs), stored and opened at `hash`. */
async function openBig(page, risks, hash, shape = {}) {
  const file = bigPlan({ stakeholders: 4, needs: 8, risks, ...shape });
  await storePlan(page, file);
  await page.goto(`${env.base}?big=${risks}${hash}`);
  await page.locator('.plan-page').waitFor({ timeout: 30000 });
  return file;
}

test('the editor part is fetched after the first screen without any user action, from the app alone', () => withApp(env, { open: false, serviceWorkers: 'block' }, async ({ context, errors }) => {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // When the plan list first shows, and whether the "Opening the plan…" line ever shows.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__listShown === undefined && document.querySelector('#plans-title')) window.__listShown = performance.now();
      if (document.querySelector('.editor-load')) window.__waited = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const editorWasm = page.waitForRequest((r) => /\/plan-editor-[0-9a-f]+\.wasm$/.test(r.url()), { timeout: 20000 });
  await page.goto(env.base);
  await page.locator('#plans-title').waitFor();
  await editorWasm;
  await page.waitForFunction(() => performance.getEntriesByName('jsp-editor-ready').length > 0, null, { timeout: 20000 });
  const order = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('resource').filter((e) => /\/plan-editor-[0-9a-f]+\.wasm$/.test(e.name));
    return { listShown: window.__listShown, fetched: entry.startTime };
  });
  assert.ok(order.listShown !== undefined && order.fetched >= order.listShown,
    `the editor part is fetched after the plan list shows: ${JSON.stringify(order)}`);
  const foreign = requests.filter((u) => !u.startsWith(`${env.base}`));
  assert.deepEqual(foreign, [], 'no request but the app\'s own files');
  // Ready before it is needed: the first plan opens with no "Opening the plan…" wait.
  await page.getByLabel('New plan name').fill('Prefetched');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.locator('.deliverables').waitFor();
  assert.equal(await page.evaluate(() => window.__waited ?? false), false, 'the editor was drawn at once');
  assert.deepEqual(errors, []);
}));

test('the register search finds a risk by the words of a control linked to it', () => withApp(env, async ({ page }) => {
  const file = bigPlan({ stakeholders: 2, needs: 2, risks: 3, controls: 3 });
  file.plan.controls[1].description = 'Quarantined bootloader keys';
  file.plan.controls[2].verification = 'TR-ZEBRA-9';
  file.plan.risks[0].control_ids = ['C-001'];
  file.plan.risks[1].control_ids = ['C-002'];
  file.plan.risks[2].control_ids = ['C-003'];
  await storePlan(page, file);
  await page.goto(`${env.base}?search#register`);
  const ids = () => page.locator('table.register tbody th[scope="row"]').allInnerTexts();
  await eventually(ids, ['R-001', 'R-002', 'R-003']);
  await page.getByLabel('Search', { exact: true }).fill('bootloader KEYS');
  await eventually(ids, ['R-002']);
  await page.getByLabel('Search', { exact: true }).fill('tr-zebra');
  await eventually(ids, ['R-003']);
  assert.match(await page.locator('.count-line').innerText(), /1 of 3 entries shown/);
}));

test('a long register draws its first rows and the rest as they are scrolled to', () => withApp(env, async ({ page }) => {
  await openBig(page, 1200, '#register');
  const rows = () => page.locator('table.register tbody tr').count();
  await page.locator('table.register tbody tr').first().waitFor();
  assert.equal(await rows(), 500, 'the first 500 entries are drawn');
  const more = page.locator('.more-rows', { hasText: 'Entries 1 to 500 of 1200' });
  await more.waitFor();
  for (let i = 0; i < 10 && (await rows()) < 1200; i++) {
    await page.locator('.section-body .more-rows').scrollIntoViewIfNeeded();
    await settled(page);
  }
  assert.equal(await rows(), 1200, 'every entry once scrolled to the end');
  assert.equal(await page.locator('table.register button[data-risk="R-1200"]').count(), 1);
  assert.equal((await page.locator('.section-body .more-rows').innerText()).trim(), '', 'the line under the table goes');
}));

test('a long report table draws as it is scrolled to and prints every row; typing the document id redraws only the cover', () => withApp(env, async ({ page }) => {
  await openBig(page, 800, '#report');
  const register = page.locator('article.report table.report-register');
  await register.waitFor();
  const drawn = () => register.locator('tbody tr').count();
  const first = await drawn();
  assert.ok(first > 0 && first < 800, `only the first rows are drawn at first (${first})`);
  await page.locator('article.report .more-rows', { hasText: `Rows 1 to ${first} of 800` }).first().waitFor();

  // Before a print every row is there, in print order; after it, only the drawn ones again.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await drawn(), 800, 'every row for the print');
  const texts = await register.locator('tbody th[scope="row"]').allInnerTexts();
  assert.deepEqual(texts, Array.from({ length: 800 }, (_, i) => `R-${String(i + 1).padStart(3, '0')}`));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('article.report .more-rows').first().isVisible(), false, 'the print does not say rows are missing');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await drawn(), first);

  // Typing the document id redraws the cover, not the register.
  await register.evaluate((t) => { t.dataset.kept = 'yes'; });
  await page.getByLabel('Document id').fill('SMP-FAST-1');
  await page.locator('.report-cover', { hasText: 'SMP-FAST-1' }).waitFor();
  assert.equal(await register.getAttribute('data-kept'), 'yes', 'the register part was not drawn again');

  // Scrolled to, the rest is drawn.
  for (let i = 0; i < 20 && (await drawn()) < 800; i++) {
    await page.locator('article.report .more-rows').first().scrollIntoViewIfNeeded();
    await settled(page);
  }
  assert.equal(await drawn(), 800, 'every row once scrolled to the end');
}));
