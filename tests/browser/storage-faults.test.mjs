// Storage faults in a real browser: a corrupted entry, a full quota and the
// same plan edited in two tabs. The user is told; nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, storedPlans, backToList, ready, section, saveStatus, settled, fillStorage, freeStorage } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('a corrupted stored plan is reported and left untouched', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Healthy plan');
  await backToList(page);
  const garbage = '{"format":"jsp-planner/plan","version":1,"plan":{"id":"plan-broken", truncated';
  await page.evaluate((g) => localStorage.setItem('jsp-planner/plan/plan-broken', g), garbage);
  await page.reload();
  await ready(page);

  const banner = page.getByTestId('unreadable');
  await banner.waitFor();
  // Named as the user knows it (never by its storage key), with the reason in plain words.
  assert.match(await banner.innerText(), /A plan without a readable name: The file is not valid JSON/s);
  assert.doesNotMatch(await banner.innerText(), /jsp-planner\/plan\//);
  assert.equal(await page.locator('table.plans tbody tr').count(), 1);

  // Working with other plans never rewrites the unreadable entry.
  await page.getByRole('button', { name: 'Healthy plan', exact: true }).click();
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Still works');
  assert.equal(await page.evaluate(() => localStorage.getItem('jsp-planner/plan/plan-broken')), garbage);

  // Discarding needs a confirmation.
  await page.getByRole('button', { name: 'Discard…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('jsp-planner/plan/plan-broken')), garbage);
  await page.getByRole('button', { name: 'Discard…' }).click();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('jsp-planner/plan/plan-broken')), null);
}));

test('a full storage quota is shown and the stored plan is kept', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Quota plan');
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Saved before the disk filled');
  const before = await storedPlans(page);

  await fillStorage(page);
  await page.getByLabel('Product', { exact: true }).fill('Typed after the disk filled, longer than anything stored before');
  assert.match(await saveStatus(page), /Not saved: Browser storage is full/);
  // The edit is still on screen, the stored version is the last good one.
  assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Typed after the disk filled, longer than anything stored before');
  assert.deepEqual(await storedPlans(page), before);

  // Free space: the next edit saves everything.
  await freeStorage(page);
  await page.getByLabel('Security budget').fill('2 FTE');
  assert.equal((await saveStatus(page)).trim(), 'Saved in this browser');
  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.plan.project.product, 'Typed after the disk filled, longer than anything stored before');
}));

/** Write the open plan's stored text behind this tab's back: no storage event
 *  reaches the tab that writes, so its next save finds a version it never saw.
 *  `field` is 'product' or 'budget'. */
async function writeBehind(page, field, text) {
  await settled(page);
  await page.evaluate(([field, value]) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    if (field === 'budget') file.plan.project.resources.budget = value;
    else file.plan.project.product = value;
    localStorage.setItem(key, JSON.stringify(file));
  }, [field, text]);
}

test('a change this tab did not see is noticed, never silently overwritten', () => withApp(env, async ({ page: tabB }) => {
  await createPlan(tabB, 'Two-tab plan');
  await section(tabB, 'A.1 Project planning');
  await writeBehind(tabB, 'budget', 'From tab A');

  // Tab B types into the same field: its edit stays on screen but is not saved over A's.
  await tabB.getByLabel('Security budget').fill('From tab B');
  await tabB.getByRole('heading', { name: 'This plan was changed in another tab' }).waitFor();
  assert.match(await saveStatus(tabB), /changed in another tab/);
  let [stored] = Object.values(await storedPlans(tabB));
  assert.equal(stored.plan.project.resources.budget, 'From tab A');

  // Keep both: B's version becomes a new plan, A's stays.
  await tabB.getByRole('button', { name: 'Keep mine as a new plan' }).click();
  await tabB.getByText('Saved in this browser').waitFor();
  const plans = Object.values(await storedPlans(tabB)).map((f) => f.plan);
  assert.equal(plans.length, 2);
  const original = plans.find((p) => p.name === 'Two-tab plan');
  const copy = plans.find((p) => p.name === 'Copy of Two-tab plan');
  assert.equal(original.project.resources.budget, 'From tab A');
  assert.equal(copy.project.resources.budget, 'From tab B');
}));

test('choosing "Load the other tab’s version" shows the other tab’s edits', () => withApp(env, async ({ page: tabB }) => {
  await createPlan(tabB, 'Reload plan');
  await section(tabB, 'A.1 Project planning');
  await writeBehind(tabB, 'product', 'Newer from A');
  await tabB.getByLabel('Product', { exact: true }).fill('Lost on purpose');
  await tabB.getByRole('button', { name: 'Load the other tab’s version' }).click();
  assert.equal(await tabB.getByLabel('Product', { exact: true }).inputValue(), 'Newer from A');
  await tabB.getByLabel('Security budget').fill('Now B saves again');
  assert.equal((await saveStatus(tabB)).trim(), 'Saved in this browser');
  const [stored] = Object.values(await storedPlans(tabB));
  assert.equal(stored.plan.project.product, 'Newer from A');
  assert.equal(stored.plan.project.resources.budget, 'Now B saves again');
}));
