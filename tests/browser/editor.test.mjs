// The plan editor is a second wasm file, downloaded when a plan first opens
// (scripts/wasm.mjs splits it off): the plan list never asks for it, a failed
// download says so and can be retried, and nothing is lost meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, storedPlans } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const EDITOR = /plan-editor-[0-9a-f]+\.wasm$/;

// No offline worker: every file comes from the page's own requests.
const NO_WORKER = { serviceWorkers: 'block' };

test('the plan list shows first; the editor is then fetched once, unasked, and opening plans fetches it no more', () => withApp(env, { ...NO_WORKER, open: false }, async ({ context }) => {
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(env.base);
  await page.locator('#plans-title').waitFor();
  assert.ok(requested.some((u) => /jsp-planner-[0-9a-f]+_bg\.wasm$/.test(u)), 'the main wasm part was requested');
  // Fetched when the browser is idle after the list has shown (speed.test.mjs checks the order).
  await page.waitForFunction(() => performance.getEntriesByName('jsp-editor-ready').length > 0);

  await createPlan(page, 'Infusion pump 3.2');
  await page.locator('.deliverables').waitFor();
  await page.getByRole('button', { name: '← All plans' }).click();
  await createPlan(page, 'Second plan');
  await page.locator('.deliverables').waitFor();
  assert.equal(requested.filter((u) => EDITOR.test(u)).length, 1, 'the editor was downloaded exactly once');
}));

test('a failed editor download says so, keeps what was typed, and trying again opens the plan', () => withApp(env, {
  ...NO_WORKER,
  open: false,
  allowErrors: 'the editor download is aborted on purpose and the loader logs it; the test checks there is nothing else',
}, async ({ context, errors }) => {
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  let block = true;
  // Blocked from the start: the fetch when the browser is idle fails too.
  await page.route(EDITOR, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(env.base);
  await page.locator('#plans-title').waitFor();

  // Creating a plan needs the editor's part (it writes plans): it says so,
  // stores nothing half-made and keeps the name typed.
  await page.getByLabel('New plan name').fill('Offline in the room');
  await page.getByRole('button', { name: 'Create plan' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The plan editor could not be downloaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /reload the app/);
  assert.deepEqual(Object.values(await storedPlans(page)), []);
  assert.equal(await page.getByLabel('New plan name').inputValue(), 'Offline in the room');

  block = false;
  const unblockedAt = requested.length;
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.locator('.deliverables').waitFor();
  assert.deepEqual(Object.values(await storedPlans(page)).map((p) => p.plan.name), ['Offline in the room']);
  const failed = requested.slice(0, unblockedAt).filter((u) => EDITOR.test(u)).length;
  assert.ok(failed >= 1, 'the downloads tried while blocked failed');
  assert.equal(requested.slice(unblockedAt).filter((u) => EDITOR.test(u)).length, 1, 'one successful download after');
  // The aborted download is logged by the loader; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !/plan-editor|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e)), []);
}));
