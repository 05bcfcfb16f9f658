// Whole-library backup: one file with every plan; restoring it shows each
// plan as new, identical, newer or older and restores only what the user
// chooses. The plan list says when each plan was last saved to a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, section, storedPlans, download, importFile, backToList } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('back up all plans, change the library, restore by choice', () => withApp(env, async ({ page }) => {
  for (const name of ['Pump A', 'Pump B', 'Pump C']) {
    await createPlan(page, name);
    await section(page, 'A.1 Project planning');
    await page.getByLabel('Product', { exact: true }).fill(`${name} product`);
    await backToList(page);
  }
  const row = (name) => page.locator('table.plans tbody tr', { has: page.getByRole('button', { name, exact: true }) });
  assert.match(await row('Pump A').innerText(), /Never/, 'not yet saved to a file');

  const backup = await download(page, () => page.getByRole('button', { name: 'Back up all plans' }).click());
  assert.match(backup.name, /^jsp-planner-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(backup.text);
  assert.equal(file.format, 'jsp-planner/library');
  assert.deepEqual(file.plans.map((p) => p.plan.name).sort(), ['Pump A', 'Pump B', 'Pump C']);
  assert.doesNotMatch(await row('Pump A').innerText(), /Never/, 'the list shows when it was backed up');

  // After the backup: A is deleted, B edited (the copy here is newer), C unchanged.
  await page.getByRole('button', { name: 'Delete Pump A' }).click();
  await page.getByRole('button', { name: 'Delete plan', exact: true }).click();
  await row('Pump A').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Pump B', exact: true }).click();
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Pump B, edited after the backup');
  await backToList(page);

  await importFile(page, backup.name, backup.text);
  const dialog = page.getByRole('dialog', { name: /^Restore plans from/ });
  await dialog.waitFor();
  const item = (name) => dialog.locator('.restore-item', { hasText: name });
  assert.match(await item('Pump A').innerText(), /New: not in this browser/);
  assert.match(await item('Pump B').innerText(), /Older than the copy here/);
  assert.match(await item('Pump C').innerText(), /Identical to the copy here/);
  assert.equal(await item('Pump A').getByRole('checkbox').isChecked(), true, 'new plans are ticked');
  assert.equal(await item('Pump B').getByRole('checkbox').isChecked(), false, 'an older copy never overwrites by default');
  assert.equal(await item('Pump C').getByRole('checkbox').isDisabled(), true, 'an identical plan has nothing to restore');
  await dialog.getByRole('button', { name: 'Restore 1 plan' }).click();
  await row('Pump A').waitFor();

  const stored = Object.values(await storedPlans(page)).map((f) => f.plan);
  const byName = Object.fromEntries(stored.map((p) => [p.name, p]));
  assert.deepEqual(Object.keys(byName).sort(), ['Pump A', 'Pump B', 'Pump C']);
  assert.equal(byName['Pump A'].project.product, 'Pump A product', 'A is back as it was');
  assert.equal(byName['Pump B'].project.product, 'Pump B, edited after the backup', 'B keeps the newer edit');
  assert.match(await page.getByTestId('infos').innerText(), /Restored 1 plan\./);
  assert.match(await page.locator('.storage-line').innerText(), /Your plans use \d+ kB of this browser’s storage/);
}));

test('a damaged plan in a backup is named, and the others can still be restored', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Kept');
  await backToList(page);
  const backup = await download(page, () => page.getByRole('button', { name: 'Back up all plans' }).click());
  const file = JSON.parse(backup.text);
  const good = structuredClone(file.plans[0]);
  good.plan.id = 'plan-restored-copy';
  good.plan.name = 'Restored copy';
  const bad = structuredClone(file.plans[0]);
  bad.plan.id = 'plan-damaged';
  bad.plan.name = '';
  file.plans = [bad, good];
  await importFile(page, 'library.json', JSON.stringify(file));
  await page.getByRole('dialog', { name: /^Restore plans from/ }).waitFor();
  assert.match(await page.getByTestId('errors').innerText(), /Plan 1 of 2 in “\u2068library\.json\u2069” cannot be restored\.[\s\S]*Plan name must not be empty/);
  await page.getByRole('button', { name: 'Restore 1 plan' }).click();
  await page.getByRole('button', { name: 'Restored copy', exact: true }).waitFor();
}));

test('days of edits without a backup bring a gentle reminder, which a backup clears', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Long workshop');
  await backToList(page);
  const reminder = page.locator('.reminder');
  assert.equal(await reminder.count(), 0, 'a plan made today is no reason to nag');
  // The plan was created ten days ago and edited since, never saved to a file.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
    file.plan.created_at = tenDaysAgo;
    localStorage.setItem(key, JSON.stringify(file));
  });
  await page.reload();
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /Back up all plans to keep a copy outside this browser/);
  await download(page, () => page.getByRole('button', { name: 'Back up all plans' }).click());
  await reminder.waitFor({ state: 'detached' });
}));
