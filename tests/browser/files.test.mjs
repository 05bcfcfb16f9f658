// Plan files in a real browser: export, import by picker and by drop, and
// every way a file can be refused without touching stored plans.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, withApp, createPlan, storedPlans, storageSnapshot, download, importFile, backToList, section,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function planWithContent(page, name) {
  await createPlan(page, name);
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Ventilator');
  await page.getByLabel('Maintenance').check();
  await section(page, 'A.3 Security management plan');
  await page.getByLabel('Coordinated vulnerability disclosure').fill('<img src=x onerror=alert(1)> via psirt@example.org');
}

async function errorText(page) {
  const errors = page.getByTestId('errors').locator('.notice-text');
  await errors.first().waitFor();
  // User text (the file name) is wrapped in direction isolates; read the words.
  return (await errors.allInnerTexts()).map((t) => t.replace(/[\u2068\u2069]/g, ''));
}

test('export, delete, import gives the identical plan back', () => withApp(env, async ({ page }) => {
  await planWithContent(page, 'Ventilator 5.1');
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  assert.equal(exported.name, 'ventilator-5-1.jsp-plan.json');
  const file = JSON.parse(exported.text);
  assert.equal(file.format, 'jsp-planner/plan');
  assert.equal(file.version, 7);
  assert.equal(file.plan.management.vulnerability_disclosure, '<img src=x onerror=alert(1)> via psirt@example.org');

  await backToList(page);
  await page.getByRole('button', { name: 'Delete Ventilator 5.1' }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  assert.deepEqual(await storedPlans(page), {});

  await importFile(page, exported.name, exported.text);
  await page.locator('.plan-page').waitFor();
  // A plan opened from the list opens at its overview.
  await section(page, 'A.3 Security management plan');
  assert.equal(await page.getByLabel('Coordinated vulnerability disclosure').inputValue(), file.plan.management.vulnerability_disclosure);
  const [stored] = Object.values(await storedPlans(page));
  assert.deepEqual(stored, file);

  const again = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  assert.deepEqual(JSON.parse(again.text), file);
}));

test('a dropped file is imported', () => withApp(env, async ({ page }) => {
  await planWithContent(page, 'Dropped plan');
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);
  await page.getByRole('button', { name: 'Delete Dropped plan' }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();

  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, exported.text);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await page.locator('.plan-page').waitFor();
  await section(page, 'A.1 Project planning');
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Dropped plan');
}));

const refusals = [
  ['a malformed file', '{ "format": "jsp-planner/plan", "version": 1, "plan": { oops } }', /not valid JSON.*line 1/],
  ['a file from a newer version', null, /newer JSP Planner \(format version 99\)/],
  ['a file of another format', '{"format":"something-else","version":1}', /not a JSP Planner plan file/],
  ['a plan that breaks an invariant', 'dangling', /The plan has a problem: Needs matrix cell 1: the need is “nd-missing”, which does not exist/],
  ['an oversized file', 'huge', /plan files can be at most 4,194,304 bytes \(4 MB\)/],
];

for (const [what, content, message] of refusals) {
  test(`importing ${what} says why and changes nothing`, () => withApp(env, async ({ page }) => {
    await planWithContent(page, 'Existing plan');
    const valid = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
    await backToList(page);
    const before = await storageSnapshot(page);

    let text = content;
    const file = JSON.parse(valid.text);
    if (content === null) text = JSON.stringify({ ...file, version: 99 });
    if (content === 'dangling') {
      file.plan.id = 'plan-other';
      file.plan.need_links = [{ stakeholder_id: 'sh-patients', need_id: 'nd-missing', relevance: 'critical' }];
      text = JSON.stringify(file);
    }
    if (content === 'huge') text = ' '.repeat(4 * 1024 * 1024 + 10);
    await importFile(page, 'incoming.json', text);

    const shown = (await errorText(page)).join('\n');
    assert.match(shown, message);
    assert.match(shown, /“incoming\.json” was not imported/);
    assert.match(shown, /Your plans are unchanged/);
    assert.deepEqual(await storageSnapshot(page), before);
    assert.equal(await page.locator('table.plans tbody tr').count(), 1);
  }));
}

test('importing a plan that is already stored asks: keep both or replace', () => withApp(env, async ({ page }) => {
  await planWithContent(page, 'Shared plan');
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  const file = JSON.parse(exported.text);
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Edited locally');
  await backToList(page);

  // Cancel: nothing changes.
  await importFile(page, exported.name, exported.text);
  await page.getByRole('heading', { name: 'This plan is already in your library' }).waitFor();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  assert.equal(Object.keys(await storedPlans(page)).length, 1);

  // Keep both: a second plan with a new id and a distinct name.
  await importFile(page, exported.name, exported.text);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await page.locator('.plan-page').waitFor();
  let plans = Object.values(await storedPlans(page)).map((f) => f.plan);
  assert.equal(plans.length, 2);
  assert.deepEqual(plans.map((p) => p.name).sort(), ['Shared plan', 'Shared plan (2)']);
  assert.equal(new Set(plans.map((p) => p.id)).size, 2);

  // Replace: the stored plan with the file's id now holds the file's content.
  await backToList(page);
  await importFile(page, exported.name, exported.text);
  await page.getByRole('button', { name: 'Replace mine' }).click();
  await page.locator('.plan-page').waitFor();
  plans = Object.values(await storedPlans(page)).map((f) => f.plan);
  assert.equal(plans.length, 2);
  const replaced = plans.find((p) => p.id === file.plan.id);
  assert.deepEqual(replaced, file.plan);
}));
