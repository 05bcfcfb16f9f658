// Two copies of one plan edited in two places come back together: a file
// from another browser profile is merged with the copy here (a conflict
// resolved by choice, every other edit of both sides kept, undo takes it
// back), and two tabs that saved over each other merge both versions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, section, storedPlans, download, importFile, backToList, saveStatus, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const field = (page, label) => page.getByLabel(label, { exact: true });
const exportOpen = (page) => download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());

test('two profiles edit copies of one plan; the import merges them', () => withApp(env, async ({ page: a, newContext, openTab }) => {
  const b = await openTab(env.base, await newContext());

  await createPlan(a, 'Shared pump');
  await section(a, 'A.1 Project planning');
  await field(a, 'Product').fill('Pump');
  const shared = await exportOpen(a);

  // Bob imports Alice's file and edits two fields.
  await importFile(b, shared.name, shared.text);
  await b.locator('.plan-page').waitFor();
  await section(b, 'A.1 Project planning');
  await field(b, 'Security budget').fill('Budget from Bob');
  await field(b, 'Product').fill('Pump (Bob)');
  const fromBob = await exportOpen(b);

  // Meanwhile Alice edits another field, and the same Product field.
  await field(a, 'Security people').fill('People from Alice');
  await field(a, 'Product').fill('Pump (Alice)');
  await backToList(a);
  await importFile(a, fromBob.name, fromBob.text);
  await a.getByRole('dialog', { name: 'This plan is already in your library' }).waitFor();
  await a.getByRole('button', { name: 'Merge…' }).click();

  const dialog = a.getByRole('dialog', { name: 'Merge “Shared pump”' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /1 change from the file apply by themselves\. 1 place was changed on both sides/);
  // A preview of what comes in by itself, before anything is stored.
  await dialog.getByText('What applies by itself (1)').click();
  assert.match(await dialog.locator('.merge-applied li').innerText(), /budget/i);
  const conflict = dialog.getByRole('group', { name: 'Product' });
  assert.equal(await conflict.getByRole('radio', { name: /^Mine: Pump \(Alice\)$/ }).isChecked(), true, 'mine by default');
  // "Both" is for items of a list (a need, a risk), not for a field of the plan.
  assert.equal(await conflict.getByRole('radio', { name: /^Both/ }).count(), 0);
  // Nothing is stored before the choice is made.
  assert.equal(Object.values(await storedPlans(a))[0].plan.project.resources.budget, '');
  await conflict.getByRole('radio', { name: /^The file’s: Pump \(Bob\)$/ }).check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await dialog.waitFor({ state: 'detached' });

  const merged = Object.values(await storedPlans(a))[0].plan.project;
  assert.equal(merged.product, 'Pump (Bob)', 'the conflict resolved as chosen');
  assert.equal(merged.resources.budget, 'Budget from Bob', 'their other edit came in by itself');
  assert.equal(merged.resources.people, 'People from Alice', 'my other edit stayed');
  assert.match(await a.getByTestId('infos').innerText(), /Merged “\u2068Shared pump\u2069”: 1 change from the file applied by themselves, 1 conflict chosen/);
  await section(a, 'A.1 Project planning');
  assert.equal(await field(a, 'Security budget').inputValue(), 'Budget from Bob');

  // The merge is one edit: undo takes it back.
  await a.getByRole('button', { name: 'Undo' }).click();
  const undone = Object.values(await storedPlans(a))[0].plan.project;
  assert.equal(undone.product, 'Pump (Alice)');
  assert.equal(undone.resources.budget, '');
}));

test('two tabs that saved over each other merge both versions', () => withApp(env, async ({ page: tab }) => {
  await createPlan(tab, 'Two-tab merge');
  await section(tab, 'A.1 Project planning');
  // Another tab saves a new product behind this tab's back (no storage event reaches the writer).
  await settled(tab);
  await tab.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    file.plan.project.product = 'Product from the other tab';
    file.plan.project.resources.budget = 'Budget from the other tab';
    file.plan.updated_at = new Date(Date.now() + 1000).toISOString();
    localStorage.setItem(key, JSON.stringify(file));
  });
  await field(tab, 'Security budget').fill('Budget from this tab');
  await tab.getByRole('heading', { name: 'This plan was changed in another tab' }).waitFor();
  await tab.getByRole('button', { name: 'Merge both…' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Merge “Two-tab merge”' });
  // The product merges by itself; the budget changed in both tabs (this tab's version is kept by default).
  assert.match(await dialog.innerText(), /1 change from the other tab apply by themselves\. 1 place was changed on both sides/);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await tab.getByRole('heading', { name: 'This plan was changed in another tab' }).waitFor({ state: 'detached' });
  const { plan } = Object.values(await storedPlans(tab))[0];
  assert.equal(plan.project.product, 'Product from the other tab');
  assert.equal(plan.project.resources.budget, 'Budget from this tab');
  assert.match(await saveStatus(tab), /Saved in this browser/);
}));

/** Add a risk in the register with a new control linked from its editor. */
async function addRisk(page, asset, threat, control) {
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill(asset);
  await page.getByLabel('Threat or vulnerability').first().fill(threat);
  await page.getByRole('button', { name: 'Add risk' }).click();
  const editor = page.locator('.risk-editor');
  await editor.getByLabel('New control').fill(control);
  await editor.getByLabel('New control').press('Enter');
  await editor.getByLabel(`C-001 ${control}`).waitFor();
  await settled(page);
}

test('a risk added on both sides under one id: both are kept, with their links', () => withApp(env, async ({ page: a, newContext, openTab }) => {
  const b = await openTab(env.base, await newContext());
  await createPlan(a, 'Both added');
  const shared = await exportOpen(a);
  await importFile(b, shared.name, shared.text);
  await b.locator('.plan-page').waitFor();
  // Each adds their first risk with their first control (C-001).
  await addRisk(b, 'Bolus button', 'Their threat', 'Their control');
  const fromBob = await exportOpen(b);
  await addRisk(a, 'Drug library', 'My threat', 'My control');
  await backToList(a);
  await importFile(a, fromBob.name, fromBob.text);
  await a.getByRole('button', { name: 'Merge…' }).click();

  const dialog = a.getByRole('dialog', { name: 'Merge “Both added”' });
  await dialog.waitFor();
  const text = await dialog.innerText();
  assert.match(text, /from the file apply by themselves; nothing conflicts/);
  assert.match(text, /R-001: yours stays Risk R-001, the file’s is added as Risk R-002/);
  assert.match(text, /C-001: yours stays Control C-001, the file’s is added as Control C-002/);
  await dialog.getByText(/What applies by itself/).click();
  assert.match(await dialog.locator('.merge-applied').innerText(), /Risk R-002/);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await dialog.waitFor({ state: 'detached' });

  const { plan } = Object.values(await storedPlans(a))[0];
  assert.deepEqual(plan.risks.map((r) => [r.id, r.threat, r.control_ids]), [
    ['R-001', 'My threat', ['C-001']],
    ['R-002', 'Their threat', ['C-002']],
  ]);
  assert.deepEqual(plan.controls.map((c) => [c.id, c.description]), [['C-001', 'My control'], ['C-002', 'Their control']]);
  const said = await a.getByTestId('infos').innerText();
  assert.match(said, /Added on both sides, both kept: the file’s C-001 is now C-002, R-001 is now R-002\./);
  // Nothing conflicted, so nothing speaks of conflicts chosen.
  assert.match(said, /applied by themselves\. Added on both sides/);
  await section(a, 'Risk register');
  await a.getByText('Their threat').first().waitFor();
}));

test('a conflict reads in the app’s words, and both keeps both values in the field', () => withApp(env, async ({ page: a, newContext, openTab }) => {
  const b = await openTab(env.base, await newContext());
  await createPlan(a, 'Both owners');
  await addRisk(a, 'Drug library', 'Tampered library', 'Signed library');
  const shared = await exportOpen(a);
  await importFile(b, shared.name, shared.text);
  await b.locator('.plan-page').waitFor();
  const rate = async (page, owner, exploitability, severity) => {
    await section(page, 'Risk register');
    const editor = page.locator('.risk-editor');
    if (!(await editor.count())) await page.locator('button[data-risk="R-001"]').click();
    await editor.getByLabel('Owner', { exact: true }).fill(owner);
    await editor.getByLabel('Exploitability').first().selectOption(exploitability);
    await editor.getByLabel('Severity').first().selectOption(severity);
    await settled(page);
  };
  await rate(b, 'Bob', '4', '5');
  const fromBob = await exportOpen(b);
  await rate(a, 'Alice', '2', '3');
  await backToList(a);
  await importFile(a, fromBob.name, fromBob.text);
  await a.getByRole('button', { name: 'Merge…' }).click();
  const dialog = a.getByRole('dialog', { name: 'Merge “Both owners”' });
  await dialog.waitFor();
  assert.doesNotMatch(await dialog.innerText(), /[{}[\]"]/, 'no raw data');
  const rating = dialog.getByRole('group', { name: 'Risk R-001, initial rating' });
  assert.match(await rating.innerText(), /Mine: Exploitability: [^\n]+ \(2\), Severity: [^\n]+ \(3\)/);
  assert.match(await rating.innerText(), /The file’s: Exploitability: [^\n]+ \(4\), Severity: [^\n]+ \(5\)/);
  assert.equal(await rating.getByRole('radio', { name: /^Both/ }).count(), 0, 'a rating is one value');
  const owner = dialog.getByRole('group', { name: 'Risk R-001, owner' });
  await owner.getByRole('radio', { name: 'Both: Alice; Bob' }).check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await dialog.waitFor({ state: 'detached' });
  const { plan } = Object.values(await storedPlans(a))[0];
  assert.deepEqual(plan.risks.map((r) => [r.id, r.owner, r.initial]), [['R-001', 'Alice; Bob', { likelihood: 2, severity: 3 }]], 'one risk, both owners');
}));
