// Fields and buttons that say what they did: a paste longer than a field's
// limit says what was kept (a counter near the limit), an empty need or
// stakeholder is asked for at the field, "Add and link" takes a chosen kind,
// the A.1 ticks say what they mean, a double-click exports and issues once,
// and the grid preset selector names no preset once the grid matches none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, section, storedPlans, settled, backToList } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const onlyPlan = async (page) => Object.values(await storedPlans(page))[0];
const LONG = 'Remote sessions are logged. '.repeat(1100).slice(0, 30000);

/** Paste `text` into the field as a person does: the clipboard, then Ctrl+V. */
async function paste(page, field, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.focus();
  await field.press('Control+V');
}

/** What the status under the focused field says, and whether the field names it. */
async function limitStatus(page) {
  await settled(page);
  return page.evaluate(() => {
    const status = document.getElementById('field-limit');
    const field = document.activeElement;
    const rect = status.getBoundingClientRect();
    return {
      text: status.innerText.trim(),
      role: status.getAttribute('role'),
      describes: (field.getAttribute('aria-describedby') ?? '').split(' ').includes('field-limit'),
      shown: rect.width > 0 && rect.height > 0,
    };
  });
}

test('a 30,000-character paste says what was kept; a counter shows near the limit', () => withApp(env, {
  viewport: { width: 1280, height: 720 }, permissions: ['clipboard-read', 'clipboard-write'],
}, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');

  // "Add a security need": a real paste, cut by the field's limit.
  await section(page, 'A.2 Stakeholder needs');
  const need = page.getByLabel('Add a security need');
  await paste(page, need, LONG);
  assert.equal((await need.inputValue()).length, 300);
  const pasted = await limitStatus(page);
  assert.equal(pasted.text, 'Pasted 30,000 characters; the first 300 were kept: this field holds at most 300.\n'
    + '300 / 300 characters: the most this field holds');
  assert.deepEqual([pasted.role, pasted.describes, pasted.shown], ['status', true, true]);
  await page.getByRole('button', { name: 'Add need' }).click();
  await settled(page);
  const needs = (await onlyPlan(page)).plan.needs;
  assert.equal(needs[needs.length - 1].text, LONG.slice(0, 300).trim());
  // Leaving the field empties the status; the next field starts clean.
  await page.getByLabel('Find needs').focus();
  assert.equal((await limitStatus(page)).text, '');

  // "Threat or vulnerability": filled (typed in one go), with text already in it.
  await section(page, 'Risk register');
  const threat = page.getByLabel('Threat or vulnerability').first();
  await threat.fill('x'.repeat(100));
  await page.keyboard.insertText(LONG);
  assert.equal((await threat.inputValue()).length, 300);
  assert.match((await limitStatus(page)).text, /^Entered 30,000 characters; the first 200 were kept: this field holds at most 300\./);

  // "Plan name": the counter from 80 % of the limit (240 of 300), none below.
  await section(page, 'A.1 Project planning');
  const name = page.getByLabel('Plan name', { exact: true });
  await name.fill('n'.repeat(239));
  assert.equal((await limitStatus(page)).text, '');
  assert.equal((await limitStatus(page)).shown, false, 'an empty status shows nothing');
  await name.press('End');
  await name.press('n');
  assert.equal((await limitStatus(page)).text, '240 / 300 characters');
  await paste(page, name, LONG);
  assert.match((await limitStatus(page)).text, /^Pasted 30,000 characters; the first 60 were kept/);
  await settled(page);
  assert.equal((await onlyPlan(page)).plan.name.length, 300, 'what the field shows is what is kept');

  // A field of 20,000 characters counts too.
  await page.getByLabel('Project summary').fill('s'.repeat(16000));
  assert.equal((await limitStatus(page)).text, '16,000 / 20,000 characters');

  // The plan list's "New plan name", once the editor's part is loaded.
  await backToList(page);
  await paste(page, page.getByLabel('New plan name'), LONG);
  assert.match((await limitStatus(page)).text, /^Pasted 30,000 characters; the first 300 were kept/);
}));

test('an empty need or stakeholder is asked for at the field', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await section(page, 'A.2 Stakeholder needs');
  const before = (await onlyPlan(page)).plan;

  await page.getByRole('button', { name: 'Add need' }).click();
  const need = page.getByLabel('Add a security need');
  assert.equal(await page.locator('#new-need-error').innerText(), 'Type the security need first, then add it.');
  assert.equal(await need.getAttribute('aria-invalid'), 'true');
  assert.match(await need.getAttribute('aria-describedby'), /new-need-error/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-need', 'the focus is back in the field');
  // Typing puts it right.
  await need.fill('Audit log of remote sessions');
  assert.equal(await need.getAttribute('aria-invalid'), 'false');
  assert.equal(await page.locator('#new-need-error').isHidden(), true);

  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  const stakeholder = page.getByLabel('Add a stakeholder');
  assert.equal(await page.locator('#new-stakeholder-error').innerText(), 'Type the stakeholder’s name first, then add it.');
  assert.equal(await stakeholder.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-stakeholder');
  await stakeholder.fill('Home caregivers');
  await stakeholder.press('Enter');
  await page.getByLabel('Stakeholder name').last().waitFor();
  await settled(page);
  const after = (await onlyPlan(page)).plan;
  assert.equal(after.needs.length, before.needs.length, 'no empty need was added');
  assert.equal(after.stakeholders.length, before.stakeholders.length + 1);
  assert.equal(await page.locator('#new-stakeholder-error').isHidden(), true);
}));

test('"Add and link" takes the kind chosen; the A.1 ticks say what they mean; the preset selector follows the grid', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Dose update service');
  await page.getByLabel('Threat or vulnerability').first().fill('Tampered firmware image');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const editor = page.locator('.risk-editor');
  const kind = editor.getByLabel('Kind of the control to add');
  assert.equal(await kind.inputValue(), 'Design', 'Design by default, in view');
  await kind.selectOption('Procedure');
  await editor.getByLabel('New control').fill('Quarterly access review');
  await editor.getByRole('button', { name: 'Add and link' }).click();
  await editor.getByLabel('C-001 Quarterly access review').waitFor();
  await settled(page);
  assert.deepEqual((await onlyPlan(page)).plan.controls.map((c) => [c.id, c.kind]), [['C-001', 'procedure']]);

  await section(page, 'A.1 Project planning');
  const inputs = page.getByRole('group', { name: 'Inputs' });
  const first = inputs.getByRole('checkbox').first();
  assert.match((await first.evaluate((el) => el.closest('label').innerText)), /\sto gather$/);
  await first.check();
  await settled(page);
  assert.match(await page.getByRole('group', { name: 'Inputs' }).getByRole('checkbox').first().evaluate((el) => el.closest('label').innerText), /\sgathered$/);
  assert.match(await page.getByRole('group', { name: 'Outputs' }).getByRole('checkbox').first().evaluate((el) => el.closest('label').innerText), /\sto produce$/);
  assert.match(await inputs.locator('.hint').innerText(), /Tick an input once the team has it/);

  await section(page, 'A.3 Risk acceptability');
  const preset = page.getByLabel('Start from a preset');
  const shownPreset = () => preset.evaluate((s) => s.selectedOptions[0]?.textContent.trim());
  assert.match(await shownPreset(), /^Security 5 × 5/, 'a new plan’s grid is the 5 x 5 preset');
  await page.getByLabel('Levels (vertical)').selectOption('4');
  await page.getByLabel('Severity levels').selectOption('4');
  await settled(page);
  assert.equal(await shownPreset(), 'No preset matches this grid');
  assert.equal(await page.getByRole('button', { name: 'Apply preset…' }).isDisabled(), true);
  await preset.selectOption({ label: 'Security 4 × 4: exploitability × severity' });
  await page.getByRole('button', { name: 'Apply preset…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, go ahead' }).click();
  await settled(page);
  assert.equal(await shownPreset(), 'Security 4 × 4: exploitability × severity');
}));

test('a double-click exports one file and issues one revision', () => withApp(env, { viewport: { width: 1280, height: 720 }, acceptDownloads: true }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  // Every download the app offers goes through one object URL: count them.
  await page.evaluate(() => {
    window.offered = 0;
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.offered += 1; return make(blob); };
  });
  await page.getByRole('button', { name: 'Export plan file' }).dblclick();
  await settled(page);
  assert.equal(await page.evaluate(() => window.offered), 1, 'one file for a double-click');
  // Two deliberate clicks still export twice.
  await page.getByRole('button', { name: 'Export plan file' }).click();
  await settled(page);
  assert.equal(await page.evaluate(() => window.offered), 2);
  // So do the report's downloads and the plan list's Export.
  await section(page, 'Report and exports');
  await page.getByRole('button', { name: 'Download Markdown' }).dblclick();
  await settled(page);
  assert.equal(await page.evaluate(() => window.offered), 3, 'one Markdown file for a double-click');
  await backToList(page);
  await page.getByRole('button', { name: 'Export Infusion pump 4.0' }).dblclick();
  await settled(page);
  assert.equal(await page.evaluate(() => window.offered), 4, 'one plan file from the list for a double-click');
  await page.getByRole('button', { name: 'Infusion pump 4.0', exact: true }).click();
  await page.locator('.plan-page').waitFor();

  await section(page, 'Revisions and approvals');
  await page.getByLabel('What changed').fill('First issue for review');
  await page.getByRole('button', { name: 'Issue revision' }).dblclick();
  await page.getByText('Revision 1 issued. New work continues in the draft.').waitFor();
  await settled(page);
  assert.equal(await page.locator('#issue-error').isHidden(), true, 'no refusal under the success');
  assert.equal((await onlyPlan(page)).plan.revisions.length, 1);
}));
