// The Concept Phase workspace walked through as a new user would: A.1, a
// 5 x 8 stakeholder-needs matrix by mouse and keyboard, a 5 x 5 grid, risks
// placed and judged, the RACI, and the dashboard reaching complete. Then
// everything survives a reload and an export / import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, withApp, createPlan, section, storedPlans, download, importFile, backToList, ready,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function fillProject(page) {
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Infusion pump');
  await page.getByLabel('New product').check();
  await page.getByLabel('Project summary').fill('Wireless dose updates for the pump family.');
  await page.getByRole('checkbox', { name: 'Project charter' }).check();
  await page.getByPlaceholder('Add to inputs').fill('Market requirements');
  await page.getByPlaceholder('Add to inputs').press('Enter');
  await page.getByRole('checkbox', { name: 'Market requirements' }).waitFor();
  await page.getByLabel('Security budget').fill('EUR 120k');
  await page.getByLabel('Security people').fill('1 security architect, 0.5 tester');
  await page.getByLabel('Security activities').fill('Threat model, SBOM, penetration test');
  // A maintenance release asks the Change Impact Assessment; a new product does not.
  assert.equal(await page.getByText('Change Impact Assessment', { exact: true }).count(), 0);
  await page.getByLabel('Maintenance').check();
  await page.getByRole('group', { name: /external interfaces/ }).getByLabel('Yes').check();
  await page.getByLabel('Note on: Does the change add or modify external interfaces').fill('New Wi-Fi module');
  await page.getByLabel('New product').check();
}

/** The accessible name a screen reader announces (here from aria-labelledby;
 *  an element that names itself contributes its aria-label). */
function accessibleName(el) {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return el.getAttribute('aria-label') ?? el.textContent;
  return ids.split(' ').map((id) => {
    const part = document.getElementById(id);
    return (part === el ? el.getAttribute('aria-label') : part.textContent).trim();
  }).join(' ');
}

async function buildMatrix(page) {
  await section(page, 'A.2 Stakeholder needs');
  // Five stakeholders are preset; eight needs: the JSP's seven examples plus one typed.
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  await page.getByLabel('Add a security need').fill('Audit log of remote sessions');
  await page.getByRole('button', { name: 'Add need' }).click();
  const rows = page.locator('#need-matrix tbody tr[aria-rowindex]');
  await rows.nth(7).waitFor();
  assert.equal(await rows.count(), 8);
  assert.equal(await page.locator('#need-matrix thead th.col-head').count(), 5);

  // Mouse: the new need is relevant to field service, critical to hospital IT.
  const cell = (need, stakeholder) => page.getByRole('button', { name: new RegExp(`^${need}.*, ${stakeholder}[^,]*, (none|relevant|critical)$`) });
  await cell('Audit log', 'Field service').click();
  assert.match(await cell('Audit log', 'Field service').evaluate(accessibleName), /, relevant$/);
  await cell('Audit log', 'Hospital IT').click();
  await cell('Audit log', 'Hospital IT').click();
  assert.match(await cell('Audit log', 'Hospital IT').evaluate(accessibleName), /, critical$/);
  // The room sees each value's symbol, and the focus stays on the cell edited.
  assert.equal(await cell('Audit log', 'Hospital IT').innerText(), 'C');
  assert.equal(await cell('Audit log', 'Field service').innerText(), 'R');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'critical');

  // Keyboard: from that cell, arrow keys move and 1 / 2 / 0 / Space set values.
  await cell('Audit log', 'Hospital IT').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('2');
  assert.match(await cell('Audit log', 'Regulators').evaluate(accessibleName), /, critical$/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  assert.match(await cell('Proof of compliance', 'Regulators').evaluate(accessibleName), /, relevant$/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  assert.match(await cell('Proof of compliance', 'Field service').evaluate(accessibleName), /, relevant$/);
  await page.keyboard.press('0');
  assert.match(await cell('Proof of compliance', 'Field service').evaluate(accessibleName), /, none$/);
  assert.equal(await cell('Proof of compliance', 'Field service').innerText(), '·');

  // Rename a stakeholder, reorder a need, and fold every need into a user need.
  await page.getByLabel('Stakeholder name').nth(3).fill('Field service engineers');
  await page.getByRole('button', { name: 'Move “Audit log of remote sessions” up' }).click();
  assert.match(await rows.nth(6).locator('.need-text').inputValue(), /Audit log/);
  const refs = page.locator('#need-matrix input.user-need');
  // Ids are kept when the field is left or Enter is pressed.
  for (let i = 0; i < 8; i++) {
    await refs.nth(i).fill(`UN-${101 + i}`);
    await refs.nth(i).press('Enter');
  }
  await page.getByLabel('Text of user need UN-101').fill('Therapy continues safely during an update');
  assert.equal(await page.locator('table.user-needs tbody tr').count(), 8, 'each id typed became a user need');

  // A stakeholder added later gets a column in every row; set cells keep their values.
  await page.getByLabel('Add a stakeholder').fill('Home caregivers');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await cell('Audit log', 'Home caregivers').waitFor();
  assert.equal(await page.locator('#need-matrix tbody tr[aria-rowindex] td.cell').count(), 8 * 6);
  await cell('Audit log', 'Home caregivers').click();
  assert.match(await cell('Audit log', 'Home caregivers').evaluate(accessibleName), /, relevant$/);
  assert.match(await cell('Audit log', 'Hospital IT').evaluate(accessibleName), /, critical$/);
  await page.getByRole('button', { name: 'Remove stakeholder Home caregivers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, go ahead' }).click();
  await cell('Audit log', 'Home caregivers').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#need-matrix tbody tr[aria-rowindex] td.cell').count(), 8 * 5);
}

async function defineGrid(page) {
  await section(page, 'A.3 Risk acceptability');
  await page.getByLabel('Levels (vertical)').selectOption('4');
  await page.getByLabel('Levels (vertical)').selectOption('5');
  await page.getByLabel('Severity levels').selectOption('5');
  assert.equal(await page.locator('#zone-grid tbody tr').count(), 5);
  assert.equal(await page.locator('#zone-grid tbody tr').first().locator('button').count(), 5);
  await page.getByLabel('Level 1', { exact: true }).first().fill('Very hard');
  await page.getByLabel('Level 1', { exact: true }).first().press('Tab');
  assert.equal(await page.locator('#zone-grid tbody tr').last().locator('th').innerText(), '1 Very hard');
  assert.match(await page.locator('#zone-grid [data-cell="0-0"]').getAttribute('aria-label'), /Very hard, severity /);
  // Paint: top-left (Frequent x Negligible) from Review to Acceptable by keyboard; a click cycles.
  const topLeft = page.locator('#zone-grid [data-cell="4-0"]');
  await topLeft.focus();
  await topLeft.evaluate((el) => { el.dataset.marked = 'yes'; });
  // Keys in quick succession: a painted cell is updated in place, so focus never leaves it.
  await page.keyboard.press('a');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('u');
  assert.match(await page.locator('#zone-grid [data-cell="4-0"]').getAttribute('aria-label'), /: Acceptable$/);
  assert.equal(await topLeft.getAttribute('data-marked'), 'yes', 'the same button, not a new one');
  assert.match(await page.locator('#zone-grid [data-cell="3-0"]').getAttribute('aria-label'), /: Unacceptable$/);
  await page.locator('#zone-grid [data-cell="3-0"]').click();
  assert.match(await page.locator('#zone-grid [data-cell="3-0"]').getAttribute('aria-label'), /: Acceptable$/);
  // Zones are named in the cell, not only coloured.
  assert.equal(await page.locator('#zone-grid [data-cell="0-0"]').innerText(), 'Acceptable');
}

async function addRisks(page) {
  await section(page, 'Risk register');
  const add = async (asset, threat) => {
    await page.getByLabel('Asset or function').first().fill(asset);
    await page.getByLabel('Threat or vulnerability').first().fill(threat);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.getByRole('heading', { name: /^Edit R-/ }).waitFor();
  };
  await add('Dose update service', 'Tampered firmware image');
  const editor = page.locator('.risk-editor');
  await editor.getByLabel('Exploitability').first().selectOption('4');
  await editor.getByLabel('Severity').first().selectOption('5');
  assert.match(await editor.locator('.judgement').innerText(), /Initial risk: Unacceptable/);
  await editor.getByLabel('Control notes', { exact: true }).fill('Signed updates, secure boot');
  await editor.getByLabel('Residual risk assessed').check();
  await page.locator('#risk-residual-l').selectOption('1');
  assert.match(await editor.locator('.judgement').innerText(), /Residual risk: Review/);
  await editor.getByLabel('Security updates that need no technical steps from the patient').check();
  await editor.getByLabel('Owner', { exact: true }).fill('Engineering');
  await editor.getByLabel('Status', { exact: true }).selectOption('Mitigating');
  await editor.getByRole('button', { name: 'Done' }).click();

  await add('Service laptop', 'Stolen remote-access credentials');
  await editor.getByLabel('Exploitability').first().selectOption('3');
  await editor.getByLabel('Severity').first().selectOption('2');
  await editor.getByLabel('Control notes', { exact: true }).fill('MFA, short-lived certificates');
  await editor.getByLabel('Residual risk assessed').check();
  await page.locator('#risk-residual-l').selectOption('1');
  assert.match(await editor.locator('.judgement').innerText(), /Residual risk: Acceptable/);
  await editor.getByLabel('A clear, secure remote access process for service').check();
  await editor.getByRole('button', { name: 'Done' }).click();

  // Placed and judged in the table and on the grid.
  const rows = page.locator('table.register tbody tr');
  assert.equal(await rows.count(), 2);
  // Ratings read as level names, with the numbers as a secondary detail.
  assert.match(await rows.nth(0).innerText(),
    /Unacceptable\s+Likely × Catastrophic\s+\(4 × 5\)[\s\S]*Review\s+Very hard × Catastrophic\s+\(1 × 5\)[\s\S]*Mitigating/);
  const frequentCell = page.getByRole('button', { name: /^Exploitability Likely, severity Catastrophic, .*: 1 entries$/ });
  await frequentCell.click();
  assert.equal(await rows.count(), 1);
  assert.match(await page.locator('.cell-filter').innerText(), /initial ratings in cell Likely × Catastrophic \(4 × 5\)/);
  // The chosen cell keeps its highlight with the pointer on another cell and focus elsewhere.
  await page.getByRole('button', { name: /^Exploitability Possible, severity Serious, / }).hover();
  await page.getByLabel('Search').focus();
  assert.equal(await frequentCell.getAttribute('aria-pressed'), 'true');
  assert.equal(await frequentCell.evaluate((el) => getComputedStyle(el).outlineWidth), '4px');
  assert.match(await rows.nth(0).innerText(), /R-001/);
  await page.getByRole('button', { name: 'Show all cells' }).click();
  await page.getByLabel('Sort by').selectOption('risk');
  assert.match(await rows.nth(0).innerText(), /R-001/);
  await page.getByLabel('Search').fill('laptop');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.nth(0).innerText(), /R-002/);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Zone', { exact: true }).selectOption('review');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.nth(0).innerText(), /R-001/);
}

async function fillManagement(page) {
  await section(page, 'A.3 Security management plan');
  for (const label of [
    'Security risk alongside safety risk', 'Risk acceptability', 'Third-party component vulnerabilities',
    'Update and rollback strategy', 'Coordinated vulnerability disclosure', 'Supplier and contractor expectations',
    'Roles and responsibilities',
  ]) {
    await page.getByLabel(label, { exact: true }).fill(`Our approach: ${label.toLowerCase()}.`);
  }
  await page.getByLabel('CycloneDX').check();
  await page.getByLabel('When it is generated').fill('Every release build');
  await page.getByLabel('Who owns and publishes it').fill('Product security team');
}

async function fillRaci(page) {
  await section(page, 'Who is in the room');
  await page.getByLabel('Product security — A.3 Security management plan').selectOption('A');
  await page.getByLabel('Engineering — A.3 Security management plan').selectOption('R');
  await page.getByLabel('Executive sponsor — Commit security resources').selectOption('A');
  // Each activity needs exactly one Accountable role before the plan is complete.
  for (const activity of ['A.1 Release / change project planning', 'A.2 Stakeholder security needs', 'Risk acceptability criteria', 'Risk register']) {
    await page.getByLabel(`Product security — ${activity}`).selectOption('A');
  }
  assert.equal(await page.getByLabel('Add an activity', { exact: true }).count(), 1, 'labels take the right article');
  await page.getByLabel('Add a role').fill('Cybersecurity lead');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Cybersecurity lead — Risk register').selectOption('R');
}

test('a new user produces every Concept Phase deliverable, and it all survives reload and export/import', () => withApp(env, { viewport: { width: 1280, height: 900 } }, async ({ page }) => {
  await createPlan(page, 'Pump 4.0');

  await section(page, 'What you walk away with');
  assert.match(await page.locator('.progress').innerText(), /0 of 6 deliverables complete/);

  await fillProject(page);
  await buildMatrix(page);
  await defineGrid(page);
  await addRisks(page);
  await fillManagement(page);
  await fillRaci(page);

  await section(page, 'What you walk away with');
  assert.match(await page.locator('.progress').innerText(), /6 of 6 deliverables complete/, await page.locator('.deliverables').innerText());
  assert.equal(await page.locator('.deliverable .badge', { hasText: 'Complete' }).count(), 6);

  // Survives reload.
  const before = Object.values(await storedPlans(page))[0];
  await page.reload();
  await ready(page);
  assert.match(await page.locator('.progress').innerText(), /6 of 6/);
  assert.deepEqual(Object.values(await storedPlans(page))[0], before);
  const plan = before.plan;
  assert.equal(plan.needs.length, 8);
  assert.equal(plan.stakeholders[3].name, 'Field service engineers');
  assert.equal(plan.criteria.likelihood_levels[0], 'Very hard');
  assert.equal(plan.risks.length, 2);
  assert.ok(plan.raci.some((a) => a.value === 'A' && a.activity_id === 'act-a3'));

  // Survives export, delete and import.
  const file = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);
  await page.getByRole('button', { name: 'Delete Pump 4.0' }).click();
  await page.getByRole('button', { name: 'Delete plan' }).click();
  await importFile(page, file.name, file.text);
  await page.locator('.plan-page').waitFor();
  assert.deepEqual(Object.values(await storedPlans(page))[0], before);
  await section(page, 'What you walk away with');
  assert.match(await page.locator('.progress').innerText(), /6 of 6/);
}));

/** Whether the focused element is `locator`'s and lies wholly on screen, below the sticky workshop bar. */
async function focusedInView(page, locator) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName !== 'H2');
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const bar = document.querySelector('.stepper')?.getBoundingClientRect().bottom ?? 0;
    return { focused: document.activeElement === el, inView: r.top >= bar && r.bottom <= innerHeight && r.height > 0 };
  });
}

test('a dashboard gap link lands on the field that fixes it, focused and in view', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Gaps');
  await section(page, 'What you walk away with');
  // Far down A.1: the budget field is below the fold of a section opened at its top.
  await page.getByRole('link', { name: 'Commit a security budget.' }).click();
  assert.deepEqual(await focusedInView(page, page.getByLabel('Security budget')), { focused: true, inView: true });
  await page.keyboard.type('EUR 80k');
  await section(page, 'What you walk away with');
  assert.equal(await page.getByRole('link', { name: 'Commit a security budget.' }).count(), 0, 'typing there closed the gap');
  // A RACI column lacking its Accountable role: the link lands in that column.
  const raciGap = page.getByRole('link', { name: /^Give “.+” one Accountable role/ }).first();
  const activity = (await raciGap.innerText()).match(/“(.+)”/)[1];
  await raciGap.click();
  const focused = await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT' && document.activeElement.getAttribute('aria-label'));
  assert.match(await focused.jsonValue(), new RegExp(` — ${activity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  // In workshop mode the stakeholder list is folded away; a link into it unfolds it.
  await section(page, 'What you walk away with');
  await page.locator('body').press('w');
  await page.getByRole('link', { name: /Record the stakeholders/ }).click();
  assert.deepEqual(await focusedInView(page, page.locator('#new-need')), { focused: true, inView: true });
}));

test('a dashboard gap links to the section that fixes it', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Gaps');
  await section(page, 'What you walk away with');
  await page.getByRole('link', { name: 'Define the update and rollback strategy.' }).click();
  await page.getByLabel('Update and rollback strategy').waitFor();
  assert.equal(new URL(page.url()).hash, '#a3');
  assert.equal(await page.getByLabel('Update and rollback strategy').evaluate((el) => document.activeElement === el), true);
  await page.getByLabel('Update and rollback strategy').fill('A/B partitions');
  await section(page, 'What you walk away with');
  const card = page.locator('.deliverable', { hasText: 'Update and rollback strategy' });
  assert.match(await card.locator('.badge').innerText(), /Complete/);
}));

test('removing a need asks first and removes its links everywhere', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Remove need');
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  const name = 'Remove need “A predictable patch schedule”';
  await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('#need-matrix tbody tr[aria-rowindex]').count(), 7);
  await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Yes, go ahead' }).click();
  await page.locator('#need-matrix tbody tr[aria-rowindex]').nth(5).waitFor();
  assert.equal(await page.locator('#need-matrix tbody tr[aria-rowindex]').count(), 6);
  const { plan } = Object.values(await storedPlans(page))[0];
  // The example needs took readable ids, SN-01 to SN-07; the patch schedule was SN-03.
  assert.deepEqual(plan.needs.map((n) => n.id), ['SN-01', 'SN-02', 'SN-04', 'SN-05', 'SN-06', 'SN-07']);
  assert.ok(!plan.need_links.some((l) => l.need_id === 'SN-03'));
}));

test('deleting a risk asks first; cancelling keeps its editor open', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Delete risk');
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Pump firmware');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const editor = page.getByRole('heading', { name: 'Edit R-001' });
  await editor.waitFor();
  await page.getByRole('button', { name: 'Delete entry…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await editor.isVisible(), true, 'the editor stays open after Cancel');
  await page.getByRole('button', { name: 'Delete entry…' }).click();
  await page.getByRole('button', { name: 'Yes, go ahead' }).click();
  await editor.waitFor({ state: 'detached' });
  const { plan } = Object.values(await storedPlans(page))[0];
  assert.deepEqual(plan.risks, []);
}));

test('a long matrix draws only the rows in view, and the keyboard still reaches every need', () => withApp(env, { acceptDownloads: true, viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Long matrix');
  const file = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click())).text);
  file.plan.id = 'plan-longmatrix000001';
  file.plan.name = 'Long matrix imported';
  file.plan.needs = Array.from({ length: 150 }, (_, i) => ({ id: `nd-long-${i}`, text: `Need ${i + 1}`, user_need_ids: [] }));
  await backToList(page);
  await importFile(page, 'long.json', JSON.stringify(file));
  await page.locator('.plan-page').waitFor();
  await section(page, 'A.2 Stakeholder needs');
  const drawn = await page.locator('#need-matrix tbody tr[aria-rowindex]').count();
  assert.ok(drawn > 10 && drawn < 150, `only rows near the view are drawn (${drawn})`);
  assert.equal(await page.locator('#need-matrix').getAttribute('aria-rowcount'), '151');

  // Down the first stakeholder's column by keyboard, far past the drawn rows.
  await page.locator('#need-matrix tbody tr[aria-rowindex="2"] td.cell button').first().focus();
  for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('st-nd-long-120-'));
  await page.keyboard.press('2');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'critical');
  const { plan } = Object.values(await storedPlans(page)).find((f) => f.plan.id === 'plan-longmatrix000001');
  assert.ok(plan.need_links.some((l) => l.need_id === 'nd-long-120' && l.relevance === 'critical'));
  // The focused row is drawn, with its true position announced.
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').getAttribute('aria-rowindex')), '122');

  // Find reaches rows the browser's own find cannot (they are not drawn).
  const matrix = page.locator('#need-matrix');
  await page.getByLabel('Find needs').fill('need 14');
  await page.getByRole('status').filter({ hasText: '11 of 150 needs match “need 14”.' }).waitFor();
  assert.equal(await matrix.getAttribute('aria-rowcount'), '12');
  const shown = await matrix.locator('tbody .need-text').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(shown, ['Need 14', ...Array.from({ length: 10 }, (_, i) => `Need ${140 + i}`)]);
  // Keyboard moves within the rows found: from Need 14 down to Need 140.
  await matrix.locator('tbody tr[aria-rowindex="2"] td.cell button').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('st-nd-long-139-'));
  await page.getByLabel('Find needs').fill('no such need');
  await page.getByText('No need matches. Clear “Find needs” to see them all.').waitFor();
  assert.equal(await matrix.getAttribute('aria-rowcount'), '1');
  await page.getByLabel('Find needs').fill('');
  await page.locator('#need-matrix tbody tr[aria-rowindex="2"]').waitFor();
  assert.equal(await matrix.getAttribute('aria-rowcount'), '151');
}));
