// The plan library in a real browser: create, edit, reload, rename,
// duplicate, delete, and the same things across reloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, storedPlans, backToList, ready, section, saveStatus } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('a created and edited plan survives a reload, reopened where it was', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Infusion pump 3.2');
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Infusion pump');
  await page.getByLabel('Major addition to an existing product').check();
  await assertSaved(page);
  await section(page, 'A.3 Security management plan');
  await page.getByLabel('Update and rollback strategy').fill('Signed A/B updates with automatic rollback');
  await assertSaved(page);

  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('Update and rollback strategy').inputValue(), 'Signed A/B updates with automatic rollback');
  await section(page, 'A.1 Project planning');
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Infusion pump 3.2');
  assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Infusion pump');
  assert.ok(await page.getByLabel('Major addition to an existing product').isChecked());

  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.format, 'jsp-planner/plan');
  assert.equal(stored.plan.project.product, 'Infusion pump');
  assert.equal(stored.plan.project.scope, 'major_addition');
}));

test('the plan list renames, duplicates and deletes only after confirmation', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Monitor');
  await backToList(page);

  await page.getByRole('button', { name: 'Rename Monitor' }).click();
  await page.getByLabel('New name').fill('Patient monitor 2.0');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await page.getByRole('button', { name: 'Patient monitor 2.0', exact: true }).waitFor();

  await page.getByRole('button', { name: 'Duplicate Patient monitor 2.0' }).click();
  await page.getByRole('button', { name: 'Copy of Patient monitor 2.0', exact: true }).waitFor();
  assert.equal(Object.keys(await storedPlans(page)).length, 2);

  // Cancel keeps the plan; Escape too.
  await page.getByRole('button', { name: 'Delete Copy of Patient monitor 2.0' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete Copy of Patient monitor 2.0' }).click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('dialog[open]').count(), 0);
  assert.equal(Object.keys(await storedPlans(page)).length, 2);

  await page.getByRole('button', { name: 'Delete Copy of Patient monitor 2.0' }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await page.getByRole('button', { name: 'Copy of Patient monitor 2.0', exact: true }).waitFor({ state: 'detached' });
  const names = Object.values(await storedPlans(page)).map((f) => f.plan.name);
  assert.deepEqual(names, ['Patient monitor 2.0']);

  await page.reload();
  await ready(page);
  assert.equal(await page.locator('table.plans tbody tr').count(), 1);
}));

test('the app also works at the server root', () => withApp(env, { url: `${env.origin}/` }, async ({ page }) => {
  await createPlan(page, 'Root-hosted plan');
}));

async function assertSaved(page) {
  assert.equal((await saveStatus(page)).trim(), 'Saved in this browser');
}
