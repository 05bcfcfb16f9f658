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

test('a long traceability table and control list draw their first rows and the rest as they are scrolled to; a gap link draws the control it names', () => withApp(env, async ({ page }) => {
  // 600 entries with two of 120 controls each: 1,200 lines in the table.
  await openBig(page, 600, '#trace', { controls: 120 });
  const lines = () => page.locator('table.trace tbody tr').count();
  const controls = () => page.locator('table.controls tbody tr').count();
  await page.locator('table.trace tbody tr').first().waitFor();
  const firstLines = await lines();
  assert.ok(firstLines > 0 && firstLines < 1200, `only the first lines are drawn at first (${firstLines})`);
  await page.locator('.more-rows', { hasText: `Rows 1 to ${firstLines} of 1200` }).waitFor();
  const firstControls = await controls();
  assert.ok(firstControls > 0 && firstControls < 120, `only the first controls are drawn at first (${firstControls})`);
  // "Used by" lists every entry linking the control, in the register's order (C-001, … and R-541 … by the second link).
  const usedBy = (await page.locator('table.controls tbody tr').first().locator('td').nth(4).innerText()).split(', ');
  const expected = [];
  for (let i = 0; i < 600; i++) if (i % 120 === 0 || (i + 60) % 120 === 0) expected.push(`R-${String(i + 1).padStart(3, '0')}`);
  assert.deepEqual(usedBy, expected);

  // The gaps: the first listed, the rest on request.
  const gaps = page.locator('ul.trace-gaps li');
  const listed = await gaps.count();
  const all = page.getByRole('button', { name: /^Show all \d+ gaps$/ });
  const n = Number((await all.innerText()).match(/\d+/)[0]);
  assert.ok(listed < n, `${listed} of ${n} gaps listed at first`);
  await all.click();
  await eventually(() => gaps.count(), n);
  // A gap link to a control not drawn yet draws it and lands on its verification field.
  const last = 'Control C-119 has no verification reference.';
  assert.equal(await page.getByLabel('Verification of control C-119').count(), 0, 'C-119 is not drawn yet');
  await page.getByRole('link', { name: last }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Verification of control C-119');

  // Scrolled to, the rest of the table is drawn, in order.
  for (let i = 0; i < 20 && (await lines()) < 1200; i++) {
    await page.locator('.section-body .more-rows').last().scrollIntoViewIfNeeded();
    await settled(page);
  }
  assert.equal(await lines(), 1200, 'every line once scrolled to the end');
  const risks = await page.locator('table.trace tbody tr td:nth-child(3)').allInnerTexts();
  assert.equal(risks.filter((r) => r === 'R-600').length, 2, 'the last entry, under both its controls');
  assert.equal((await page.locator('.section-body .more-rows').last().innerText()).trim(), '', 'the line under the table goes');
  // Every control drawn too, once its list was scrolled through.
  assert.equal(await controls(), 120);
}));

/** A stored plan file (see scripts/bench.mjs) padded to `short` bytes under the 4 MiB limit. */
function nearTheLimit(short) {
  const LIMIT = 4 * 1024 * 1024;
  const file = bigPlan({ stakeholders: 4, needs: 8, risks: 600, filler: 3.5 * 1024 * 1024 });
  // The entry the test edits is short: an edit is bounded by the size of the entry it changes.
  file.plan.risks[0].controls = 'Authentication.';
  // Texts hold at most 20,000 characters: the rest of the room goes into the last entries' notes.
  for (let i = file.plan.risks.length - 1; ; i--) {
    const room = LIMIT - short - JSON.stringify(file).length;
    if (room <= 0) break;
    file.plan.risks[i].controls += 'n'.repeat(Math.min(room, 20000 - file.plan.risks[i].controls.length));
  }
  file.plan.id = 'plan-near';
  return file;
}

test('near the size limit a keystroke shows before the plan is written, and an edit that would pass the limit is refused in words', () => withApp(env, async ({ page, errors }) => {
  await storePlan(page, nearTheLimit(6000));
  await page.goto(`${env.base}?near#register`);
  await page.locator('table.register tbody tr').first().waitFor({ timeout: 30000 });
  await page.locator('button[data-risk="R-001"]').click();
  const owner = page.locator('#risk-owner');
  await owner.waitFor();
  // Typed: the plan's text is not written before the frame that shows the
  // keystroke (the app marks an edit whose text it had to write at once),
  // and storage is written after it.
  await settled(page);
  const seen = await owner.evaluate(async (input) => {
    const stored = () => JSON.parse(localStorage.getItem('jsp-planner/plan/plan-near')).plan.risks[0].owner;
    const textNow = () => performance.getEntriesByName('jsp-edit-text-now').length;
    const frame = new Promise((r) => requestAnimationFrame(() => r({ stored: stored(), textNow: textNow() })));
    input.value = 'Owner typed near the limit';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const inFrame = await frame;
    for (let i = 0; i < 100 && stored() !== input.value; i++) await new Promise((r) => setTimeout(r, 20));
    return { inFrame, after: stored() };
  });
  assert.deepEqual(seen.inFrame, { stored: 'Owner 0', textNow: 0 }, 'nothing written before the frame that shows the keystroke');
  assert.equal(seen.after, 'Owner typed near the limit', 'written after it');

  // 15,000 characters do not fit in the 6 kB left: refused, said, and nothing stored changes.
  const before = await page.evaluate(() => localStorage.getItem('jsp-planner/plan/plan-near'));
  await page.locator('#risk-controls').fill('t'.repeat(15000));
  await page.getByText(/larger than 4 MB, the most a plan file can hold, so this change was not kept/).first().waitFor();
  await settled(page);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('jsp-planner/plan/plan-near')).plan);
  assert.equal(stored.risks[0].controls, JSON.parse(before).plan.risks[0].controls, 'the stored plan keeps its last valid value');
  assert.ok((await page.evaluate(() => localStorage.getItem('jsp-planner/plan/plan-near').length)) <= 4 * 1024 * 1024);
  // A small edit still goes through.
  await owner.fill('Owner after the refusal');
  await eventually(() => page.evaluate(() => JSON.parse(localStorage.getItem('jsp-planner/plan/plan-near')).plan.risks[0].owner), 'Owner after the refusal');
  assert.deepEqual(errors, []);
}));
