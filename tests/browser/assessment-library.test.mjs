// Maturity assessments in the plan list: listed beside the plans (kind
// filter), created, exported and imported back identical, deleted after
// confirmation; hostile or malformed assessment files refused in words with
// nothing changed; another tab's edit never silently overwritten; a plan's
// dashboard shows the organisation's Concept Phase levels; a full storage
// quota and a corrupted stored assessment are said, and nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, withApp, createPlan, importFile, download, backToList, storedPlans, fillStorage, freeStorage, eventually,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const PREFIX = 'jsp-planner/assessment/';

/** The stored assessments: storage key to parsed file. */
async function storedAssessments(page) {
  return page.evaluate((prefix) => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix)).map((k) => [k, JSON.parse(localStorage.getItem(k))])), PREFIX);
}

async function createAssessment(page, name) {
  await page.getByLabel('New assessment name').fill(name);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function toList(page) {
  await page.getByRole('button', { name: '← All plans' }).click();
  await page.locator('#plans-title').waitFor();
}

test('assessments are listed beside plans, exported, imported back identical and deleted after confirmation', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await backToList(page);
  await createAssessment(page, 'Maturity 2026');
  await toList(page);
  const list = page.locator('table.assessments');
  await list.getByRole('button', { name: 'Maturity 2026', exact: true }).waitFor();
  const [key] = Object.keys(await storedAssessments(page));
  const stored = (await storedAssessments(page))[key];
  assert.equal(stored.format, 'jsp-planner/assessment');
  assert.equal(stored.assessment.name, 'Maturity 2026');

  // The kind filter: plans only, assessments only, both.
  const kind = page.getByLabel('Show');
  await kind.selectOption({ label: 'Maturity assessments only' });
  assert.equal(await page.locator('table.plans:not(.assessments)').isVisible(), false);
  assert.equal(await list.isVisible(), true);
  await kind.selectOption({ label: 'Plans only' });
  assert.equal(await list.isVisible(), false);
  assert.equal(await page.locator('table.plans:not(.assessments)').isVisible(), true);
  await kind.selectOption({ label: 'Plans and maturity assessments' });

  // Export, delete (asked first), import back: the identical file.
  const file = await download(page, () => list.getByRole('button', { name: 'Export Maturity 2026' }).click());
  assert.match(file.name, /maturity-2026\.jsp-assessment\.json$/);
  assert.deepEqual(JSON.parse(file.text), stored);
  await list.getByRole('button', { name: 'Delete Maturity 2026' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Maturity 2026”?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(Object.keys(await storedAssessments(page)).length, 1, 'cancel keeps it');
  await list.getByRole('button', { name: 'Delete Maturity 2026' }).click();
  await dialog.getByRole('button', { name: 'Yes, go ahead' }).click();
  await page.getByText('No assessments yet.').waitFor();
  assert.deepEqual(await storedAssessments(page), {});
  await importFile(page, file.name, file.text);
  await page.getByRole('heading', { level: 1, name: 'Maturity 2026' }).waitFor();
  assert.deepEqual(await storedAssessments(page), { [key]: stored }, 'imported back identical');
}));

test('a malformed or hostile assessment file is refused in words and changes nothing', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await createAssessment(page, 'Kept');
  await toList(page);
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const good = Object.values(await storedAssessments(page))[0];
  const cases = [
    ['newer.json', { ...good, version: 99 }, /newer JSP Planner/],
    ['level.json', (() => { const f = structuredClone(good); f.assessment.activities[0].current = 9; return f; })(), /levels are 0 to 5/],
    ['unknown.json', (() => { const f = structuredClone(good); f.assessment.activities[0].activity_id = 'concept.z9'; return f; })(), /concept\.z9/],
    ['script.json', (() => { const f = structuredClone(good); f.assessment.extra = '<img src=x onerror=alert(1)>'; return f; })(), /extra/],
  ];
  const errors = page.getByTestId('errors');
  for (const [name, file, why] of cases) {
    await importFile(page, name, JSON.stringify(file));
    const notice = errors.locator('.notice-text', { hasText: name });
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /was not imported/, text);
    assert.match(text, why, text);
  }
  await importFile(page, 'cut.json', JSON.stringify(good).slice(0, 80));
  await errors.locator('.notice-text', { hasText: 'cut.json' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, 'nothing changed');
  assert.equal(await page.locator('img[src=x]').count(), 0);
}));

test('an edit in another tab is never overwritten: the other tab takes it, and both tabs’ edits are kept', () => withApp(env, async ({ page: a, openTab }) => {
  await createAssessment(a, 'Shared maturity');
  const b = await openTab();
  await b.locator('table.assessments').getByRole('button', { name: 'Shared maturity', exact: true }).click();
  await b.getByRole('heading', { level: 1, name: 'Shared maturity' }).waitFor();
  const level = (tab, activity) => tab.getByLabel(`Current level of ${activity}`, { exact: false }).first();
  // Tab A scores an activity; tab B, without edits of its own, shows it.
  await level(a, 'A.1 Release / change project planning').selectOption({ index: 3 });
  const scored = await level(a, 'A.1').inputValue();
  await b.waitForFunction(() => document.querySelector('#current-concept-a1')?.value !== '');
  assert.equal(await level(b, 'A.1').inputValue(), scored);
  // Tab B scores another activity: A's score stays, and A shows B's.
  await level(b, 'A.2').selectOption({ index: 2 });
  // Writes wait their turn for the cross-tab lock: once both tabs' writes are in, both scores are.
  const b2 = await level(b, 'A.2').inputValue();
  const scores = async () => {
    const stored = Object.values(await storedAssessments(b))[0].assessment.activities;
    return ['concept.a1', 'concept.a2'].map((id) => String(stored.find((e) => e.activity_id === id).current));
  };
  await eventually(scores, [scored, b2]);
  await a.waitForFunction(() => document.querySelector('#current-concept-a2')?.value !== '');
  assert.equal(await b.getByText('This assessment was changed in another tab.').count(), 0);
}));

test('a plan’s dashboard shows the organisation’s Concept Phase levels', () => withApp(env, async ({ page }) => {
  await createAssessment(page, 'Org maturity');
  await page.getByLabel('Current level of A.1', { exact: false }).first().selectOption({ index: 3 });
  await toList(page);
  await createPlan(page, 'Pump');
  const box = page.locator('.org-maturity');
  await box.getByText('From the maturity assessment “Org maturity”', { exact: false }).waitFor();
  assert.match(await box.innerText(), /A\.1[^\n]*current 2, target not scored/);

  // A newer assessment speaks for every plan no assessment names …
  await page.getByRole('button', { name: '← All plans' }).click();
  await createAssessment(page, 'Other unit');
  await page.getByLabel('Current level of A.1', { exact: false }).first().selectOption({ index: 5 });
  await toList(page);
  await page.getByRole('button', { name: 'Pump', exact: true }).click();
  await box.getByText('From the maturity assessment “Other unit”', { exact: false }).waitFor();
  // … until one is linked to the plan by its "Product plan" field.
  await page.getByRole('button', { name: '← All plans' }).click();
  await page.locator('table.assessments').getByRole('button', { name: 'Org maturity', exact: true }).click();
  const link = page.getByLabel('Product plan');
  assert.deepEqual(await link.locator('option').allInnerTexts(), ['None: the organisation as a whole', 'Pump']);
  await link.selectOption({ label: 'Pump' });
  await toList(page);
  const stored = Object.values(await storedAssessments(page)).map((f) => f.assessment);
  const pumpId = Object.values(await storedPlans(page))[0].plan.id;
  assert.equal(stored.find((a) => a.name === 'Org maturity').plan_id, pumpId);
  await page.getByRole('button', { name: 'Pump', exact: true }).click();
  await box.getByText('From the maturity assessment “Org maturity”', { exact: false }).waitFor();
  assert.match(await box.innerText(), /A\.1[^\n]*current 2, target not scored/);
}));

test('“Back up all plans” keeps the assessments too, and restoring the backup brings them back', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await createAssessment(page, 'Backed up maturity');
  await page.getByLabel('Current level of A.1', { exact: false }).first().selectOption({ index: 4 });
  await toList(page);
  const before = await storedAssessments(page);
  const backup = await download(page, () => page.getByRole('button', { name: 'Back up all plans' }).click());
  assert.deepEqual(JSON.parse(backup.text).assessments, Object.values(before));
  await page.getByText(/Backed up 0 plans and 1 maturity assessment/).waitFor();
  await page.locator('table.assessments').getByRole('button', { name: 'Delete Backed up maturity' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, go ahead' }).click();
  await page.getByText('No assessments yet.').waitFor();
  await importFile(page, backup.name, backup.text);
  await page.getByText('Imported “Backed up maturity”.').first().waitFor();
  assert.deepEqual(await storedAssessments(page), before, 'restored identical');
  // Restoring again changes nothing: it is already here.
  await importFile(page, backup.name, backup.text);
  await page.getByText('“Backed up maturity” is already here, unchanged.').first().waitFor();
  assert.deepEqual(await storedAssessments(page), before);
}));

test('storage faults: a full quota is said and keeps the last stored assessment; a corrupted one is reported, never rewritten', () => withApp(env, async ({ page }) => {
  await createAssessment(page, 'Quota maturity');
  const a1 = page.getByLabel('Current level of A.1', { exact: false }).first();
  await a1.selectOption({ index: 2 });
  await page.getByTestId('save-status').getByText('Saved in this browser').waitFor();
  const before = await storedAssessments(page);

  await fillStorage(page);
  await page.getByLabel('Owner of A.1', { exact: false }).first().fill('A long owner name typed after the disk filled up completely');
  await page.getByTestId('save-status').getByText(/Not saved: .*full/).waitFor();
  assert.equal(await page.getByLabel('Owner of A.1', { exact: false }).first().inputValue(),
    'A long owner name typed after the disk filled up completely', 'the edit stays on screen');
  assert.deepEqual(await storedAssessments(page), before, 'the stored assessment is the last good one');

  // Space freed: the next edit saves everything.
  await freeStorage(page);
  await page.getByLabel('Current level of A.2', { exact: false }).first().selectOption({ index: 3 });
  await page.getByTestId('save-status').getByText('Saved in this browser').waitFor();
  const [stored] = Object.values(await storedAssessments(page));
  const owner = stored.assessment.activities.find((e) => e.activity_id === 'concept.a1')?.owner;
  assert.equal(owner, 'A long owner name typed after the disk filled up completely');

  // A stored assessment broken outside the app: reported by name or kind, never rewritten.
  await toList(page);
  const garbage = '{"format":"jsp-planner/assessment","version":1,"assessment":{"id":"as-broken", truncated';
  await page.evaluate(([k, g]) => localStorage.setItem(k, g), [`${PREFIX}as-broken`, garbage]);
  await page.reload();
  await page.locator('#plans-title').waitFor();
  const banner = page.getByTestId('unreadable');
  await banner.waitFor();
  assert.match(await banner.innerText(), /assessment/i);
  assert.match(await banner.innerText(), /not valid JSON/);
  assert.doesNotMatch(await banner.innerText(), /jsp-planner\/assessment\//, 'never the storage key');
  await page.locator('table.assessments').getByRole('button', { name: 'Quota maturity', exact: true }).click();
  await page.getByLabel('Current level of A.3', { exact: false }).first().selectOption({ index: 1 });
  await page.getByTestId('save-status').getByText('Saved in this browser').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}as-broken`), garbage);

  // One that is JSON but breaks a rule (a level of 9) is listed; opening it
  // says why, and its stored text can be kept as a file.
  const bad = JSON.parse(JSON.stringify(stored));
  bad.assessment.id = 'as-bad-level';
  bad.assessment.name = 'Bad levels';
  bad.assessment.activities[0].current = 9;
  const badText = JSON.stringify(bad);
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [`${PREFIX}as-bad-level`, badText]);
  await toList(page);
  await page.reload();
  await page.locator('table.assessments').getByRole('button', { name: 'Bad levels', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'The assessment cannot be opened' }).waitFor();
  const why = await page.getByRole('alert').filter({ hasText: /9/ }).innerText();
  assert.doesNotMatch(why, /jsp-planner\/assessment\//, 'never the storage key');
  const raw = await download(page, () => page.locator('.assessment-missing').getByRole('button', { name: 'Download raw text' }).click());
  assert.equal(raw.text, badText);
  assert.match(raw.name, /as-bad-level\.unreadable\.json$/);
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await page.locator('#plans-title').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}as-bad-level`), badText, 'left as it was');
}));
