// A trustworthy core, tried as a user would: no edit breaks a plan, no crash,
// honest risk judgement, other tabs followed or reported, and files in every
// encoding and number imported or refused one by one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, storedPlans, backToList, section, sections, ready, download, saveStatus, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('N pressed ten times within 200 ms in workshop mode raises no page error', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page, errors }) => {
  await createPlan(page, 'Clicker plan');
  await page.keyboard.press('w');
  await page.locator('html[data-workshop="on"]').waitFor();
  for (let round = 0; round < 3; round++) {
    await page.locator('body').focus();
    for (let i = 0; i < 10; i++) page.keyboard.press(i % 2 && round === 1 ? 'p' : 'n');
    await page.waitForTimeout(200);
    for (let i = 0; i < 10; i++) page.keyboard.press('p');
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(500);
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('.crash').count(), 0);
  await page.keyboard.press('w');
  await page.locator('html:not([data-workshop])').waitFor();
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Still responsive');
  assert.equal((await saveStatus(page)).trim(), 'Saved in this browser');
}));

// Each opening makes a fresh session (its own signals) and the last one is
// put away: switching at once after typing must lose nothing and touch
// nothing already put away.
test('switching plans straight after typing keeps every edit and raises no page error', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Pump A');
  await backToList(page);
  await createPlan(page, 'Pump B');
  await backToList(page);
  for (let round = 0; round < 4; round++) {
    for (const name of ['Pump A', 'Pump B']) {
      await page.locator('button.plan-name', { hasText: name }).click();
      await section(page, 'A.1 Project planning');
      // Typed and left at once: the text is written after the next paint, or as the plan closes.
      const product = page.getByLabel('Product', { exact: true });
      await product.selectText();
      await product.pressSequentially(`${name} r${round}`, { delay: 0 });
      await page.getByRole('button', { name: '← All plans' }).click();
      await page.locator('#plans-title').waitFor();
    }
  }
  await settled(page);
  const stored = Object.values(await storedPlans(page)).map((f) => [f.plan.name, f.plan.project.product]).sort();
  assert.deepEqual(stored, [['Pump A', 'Pump A r3'], ['Pump B', 'Pump B r3']]);
  await page.locator('button.plan-name', { hasText: 'Pump A' }).click();
  await page.keyboard.press('Control+z');
  await section(page, 'A.1 Project planning');
  assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Pump A r3', 'a reopened plan starts a fresh undo history');
}));

test('clearing the plan name keeps the last valid name, says why, and the plan reopens', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Named plan');
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Plan name').fill('');
  const message = page.locator('#plan-name-error');
  await message.waitFor();
  assert.match(await message.innerText(), /name/i);
  assert.match(await message.innerText(), /empty/i);
  assert.equal(await page.getByLabel('Plan name').getAttribute('aria-invalid'), 'true');
  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.plan.name, 'Named plan');
  await page.reload();
  await ready(page);
  await page.locator('.plan-page').waitFor();
  assert.equal(await page.getByTestId('unreadable').count(), 0);
  await backToList(page);
  assert.equal(await page.getByTestId('unreadable').count(), 0);
  await page.getByRole('button', { name: 'Named plan', exact: true }).waitFor();
}));

test('a cleared stakeholder name is refused inline and the stored plan stays valid', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Stakeholder plan');
  await section(page, 'A.2 Stakeholder needs');
  const first = page.getByRole('list', { name: 'Stakeholders' }).getByRole('textbox').first();
  const before = await first.inputValue();
  await first.fill('');
  await page.locator('.edit-list .field-error:not([hidden])').first().waitFor();
  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.plan.stakeholders[0].name, before);
  await first.fill('Home caregivers');
  // The refusal goes once the name is valid again (its element stays, hidden).
  await page.locator('.edit-list .field-error:not([hidden])').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.edit-list .field-error:not([hidden])').count(), 0);
  const [after] = Object.values(await storedPlans(page));
  assert.equal(after.plan.stakeholders[0].name, 'Home caregivers');
}));

test('a stored plan with an empty name opens repaired, with the repair listed', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'To be broken');
  await backToList(page);
  await settled(page);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    file.plan.name = '';
    localStorage.setItem(key, JSON.stringify(file));
  });
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('unreadable').count(), 0);
  await page.getByRole('button', { name: 'Untitled plan', exact: true }).click();
  const banner = page.getByRole('heading', { name: 'This plan was repaired when it opened' });
  await banner.waitFor();
  assert.match(await page.locator('.banner.repaired').innerText(), /plan name was empty/i);
}));

test('a new risk is "Not rated" until both levels are chosen', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Rating plan');
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Pump firmware');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const row = page.locator('table.register tbody tr').first();
  await row.waitFor();
  assert.match(await row.innerText(), /Not rated/);
  assert.doesNotMatch(await row.innerText(), /Acceptable/);
  // No cell of the 5 x 5 grid counts it.
  const counts = page.locator('table.placement .count');
  await counts.first().waitFor();
  assert.deepEqual((await counts.allInnerTexts()).map((c) => c.trim()), Array(25).fill('0'));
  await page.getByRole('link', { name: 'What you walk away with' }).click();
  assert.match(await page.locator('.deliverables').innerText(), /R-001: add initial rating/);
  await section(page, 'Risk register');
  await page.getByRole('button', { name: 'Edit R-001' }).click();
  await page.locator('#risk-initial-l').selectOption('2');
  assert.match(await row.innerText(), /Not rated/);
  await page.locator('#risk-initial-s').selectOption('3');
  await page.waitForFunction(() => !document.querySelector('table.register tbody tr').textContent.includes('Not rated'));
  const [stored] = Object.values(await storedPlans(page));
  assert.deepEqual(stored.plan.risks[0].initial, { likelihood: 2, severity: 3 });
}));

test('a follower tab takes the other tab’s edit; a plan deleted elsewhere can be kept', () => withApp(env, async ({ page: tabA, openTab }) => {
  await createPlan(tabA, 'Shared plan');
  await section(tabA, 'A.1 Project planning');
  const tabB = await openTab(`${env.base}#a1`);
  await tabA.getByLabel('Product', { exact: true }).fill('Typed in tab A');
  await tabB.waitForFunction(() => document.querySelector('#product')?.value === 'Typed in tab A');
  assert.equal(await tabB.locator('.banner.conflict').count(), 0);
  assert.match(await tabB.getByTestId('infos').innerText(), /another tab/);
  await tabB.getByLabel('Security budget').fill('Typed in tab B');
  assert.equal((await saveStatus(tabB)).trim(), 'Saved in this browser');

  // Tab A deletes the plan; tab B is told it was deleted and keeps its version.
  await backToList(tabA);
  await tabA.getByRole('button', { name: 'Delete Shared plan' }).click();
  await tabA.getByRole('button', { name: 'Delete plan' }).click();
  await tabB.getByRole('heading', { name: 'This plan was deleted in another tab' }).waitFor();
  await tabB.getByRole('button', { name: 'Keep mine as a new plan' }).click();
  await tabB.getByText('Saved in this browser').waitFor();
  const plans = Object.values(await storedPlans(tabB)).map((f) => f.plan);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].project.resources.budget, 'Typed in tab B');
}));

test('the conflict banner stays in view while the page scrolls', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Scrolled plan');
  await section(page, 'A.1 Project planning');
  // A write this tab did not make and was not told of (no event in the same tab).
  await settled(page);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    file.plan.project.resources.budget = 'Written elsewhere';
    localStorage.setItem(key, JSON.stringify(file));
  });
  // The same field here: a true conflict (another field would merge by itself).
  await page.getByLabel('Security budget').fill('Mine');
  const banner = page.locator('.banner.conflict');
  await banner.waitFor();
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(300);
  const box = await banner.boundingBox();
  assert.ok(box && box.y >= -1 && box.y < 720, `banner at ${box?.y}`);
}));

test('clicking "Import plan files…" opens the picker with no console error', () => withApp(env, async ({ page }) => {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import plan files…' }).click(),
  ]);
  assert.ok(chooser.isMultiple());
  await page.waitForTimeout(300);
}));

/** An exported plan file's text, made in the page. */
async function exportedText(page, name) {
  await createPlan(page, name);
  await section(page, 'Report and exports');
  const file = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  return file.text;
}

async function drop(page, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/json' }));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

test('two dropped files each get their own outcome; UTF-16, Windows-1252 and version 1 files import', () => withApp(env, async ({ page }) => {
  const text = await exportedText(page, 'Encoded plan');
  const file = JSON.parse(text);
  file.plan.name = 'Café “quoted” €';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(file), 'utf16le')]);
  await drop(page, [{ name: 'good.json', bytes: utf16 }, { name: 'broken.json', bytes: Buffer.from('{"format": "jsp-planner/plan", ') }]);
  await page.getByTestId('errors').getByText(/broken\.json/).waitFor();
  await page.getByTestId('infos').getByText(/Imported/).waitFor();
  assert.equal((await storedPlans(page))[`jsp-planner/plan/${file.plan.id}`].plan.name, 'Café “quoted” €');
  await backToList(page);

  // Windows-1252: é, “ ” and € as single bytes.
  const cp1252 = { 'é': 0xe9, '“': 0x93, '”': 0x94, '€': 0x80 };
  const other = { ...file, plan: { ...file.plan, id: 'plan-cp1252', name: 'Café “quoted” €' } };
  const bytes = Buffer.from([...JSON.stringify(other)].map((c) => cp1252[c] ?? c.charCodeAt(0)));
  await drop(page, [{ name: 'cp1252.json', bytes }]);
  await page.getByTestId('infos').getByText(/Imported/).last().waitFor();
  await page.waitForFunction(() => !!localStorage.getItem('jsp-planner/plan/plan-cp1252'));
  assert.equal((await storedPlans(page))['jsp-planner/plan/plan-cp1252'].plan.name, 'Café “quoted” €');
  await backToList(page);

  // Version 1 (written as 1.0): no removed level names yet, every risk rated.
  const v1 = JSON.parse(text);
  v1.version = 1.0;
  v1.plan.id = 'plan-v1';
  delete v1.plan.criteria.removed_likelihood_levels;
  delete v1.plan.criteria.removed_severity_levels;
  delete v1.plan.controls;
  for (const r of v1.plan.risks) { delete r.treatment; delete r.control_ids; delete r.acceptance; }
  const v1Text = JSON.stringify(v1).replace('"version":1,', '"version":1.0,');
  await drop(page, [{ name: 'v1.json', bytes: Buffer.from(v1Text) }]);
  await page.waitForFunction(() => !!localStorage.getItem('jsp-planner/plan/plan-v1'));
  const migrated = (await storedPlans(page))['jsp-planner/plan/plan-v1'];
  assert.equal(migrated.version, 7);
  assert.deepEqual(migrated.plan.criteria.removed_likelihood_levels, []);
  assert.deepEqual(migrated.plan.controls, []);
}));

test('importing the file of a plan whose stored copy is unreadable offers to replace it', () => withApp(env, async ({ page }) => {
  const text = await exportedText(page, 'Backed up plan');
  const id = JSON.parse(text).plan.id;
  await page.evaluate(([key]) => localStorage.setItem(key, '{"format":"jsp-planner/plan","version":2,"plan":{"id":'), [`jsp-planner/plan/${id}`]);
  await page.reload();
  await ready(page);
  await page.getByTestId('unreadable').waitFor();
  await drop(page, [{ name: 'backup.json', bytes: Buffer.from(text) }]);
  await page.getByRole('button', { name: 'Replace it with the file’s copy' }).click();
  await page.locator('.plan-page').waitFor();
  assert.equal((await storedPlans(page))[`jsp-planner/plan/${id}`].plan.name, 'Backed up plan');
}));

test('a 1,200 x 1,200 needs matrix opens every section', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  const text = await exportedText(page, 'Huge matrix');
  const file = JSON.parse(text);
  file.plan.stakeholders = Array.from({ length: 1200 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, description: '' }));
  file.plan.needs = Array.from({ length: 1200 }, (_, i) => ({ id: `n${i}`, text: `N${i}`, user_need_ids: [] }));
  file.plan.need_links = Array.from({ length: 1200 }, (_, i) => ({ stakeholder_id: `s${i}`, need_id: `n${(i * 7) % 1200}`, relevance: 'critical' }));
  await drop(page, [{ name: 'huge.json', bytes: Buffer.from(JSON.stringify(file)) }]);
  await page.locator('.plan-page').waitFor({ timeout: 60000 });
  for (const { name } of await sections(page)) {
    await page.getByRole('navigation', { name: 'Concept Phase sections' }).getByRole('link', { name, exact: true }).click();
    await page.locator('.section-body h2').first().waitFor({ timeout: 60000 });
  }
  await page.getByRole('navigation', { name: 'Concept Phase sections' }).getByRole('link', { name: 'Report and exports', exact: true }).click();
  await page.locator('.report').waitFor({ timeout: 60000 });
  assert.match(await page.locator('.report').innerText(), /1200 stakeholders/);
  await page.reload();
  await ready(page);
  await page.locator('.report').waitFor({ timeout: 60000 });
}));

test('after a crash the app reopens on the overview and says why', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Crashed plan');
  await section(page, 'Report and exports');
  // What the panic hook leaves behind (a panic cannot be caused on purpose).
  await page.evaluate(() => localStorage.setItem('jsp-planner/pref/crashed-in', 'report'));
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'What you walk away with' }).waitFor();
  assert.match(await page.getByTestId('errors').innerText(), /stopped while showing “Report and exports”/);
  assert.equal(await page.evaluate(() => localStorage.getItem('jsp-planner/pref/crashed-in')), null);
}));
