// Risk treatment, shared controls, acceptance and traceability, as a team
// fills them in: a gap appears where the chain from stakeholder need to
// verified control breaks, and closes when the team fills it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, section, storedPlans, download, settled, eventually } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const gapTexts = (page) => page.locator('ul.trace-gaps li').allInnerTexts();
const noRisk = (need) => `The critical need “${need}” has no risk entry.`;
// The JSP's example needs that are critical; the first is the one this test covers.
const UPDATES = noRisk('Security updates that need no technical steps from the patient');
const UNCOVERED = [
  'Security controls that do not disrupt clinical workflow', 'A predictable patch schedule',
  'Role-based access for users and administrators', 'A software bill of materials (SBOM) with each release',
  'A clear, secure remote access process for service', 'Proof of compliance with the standards of each jurisdiction',
].map(noRisk);
const ACCEPT = 'R-001: its risk is in the review zone; to accept it, record the rationale, who accepts it and the date.';
const VERIFY = 'Control C-001 has no verification reference.';

test('a risk is traced to a verified control and its residual risk accepted; each gap closes as it is filled', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  // Fold a security need into two user needs by typing their ids; each becomes a user need to describe.
  const ids = page.getByLabel('User need ids for “Security updates that need no technical steps from the patient”');
  await ids.fill('UN-1, UN-2');
  await ids.press('Enter');
  await page.getByLabel('Text of user need UN-1').fill('Therapy continues safely during an update');
  assert.match(await page.locator('table.user-needs tbody tr').first().innerText(), /UN-1[\s\S]*Security updates that need no technical steps/);
  // An id a user need cannot have is refused in words, and nothing changes.
  const other = page.getByLabel('User need ids for “A predictable patch schedule”');
  await other.fill('UN/3');
  await other.press('Enter');
  await page.getByTestId('errors').getByText(/User need UN\/3: .*letters, digits/).waitFor();
  assert.equal(await page.locator('table.user-needs tbody tr').count(), 2);

  // Critical needs with nothing covering them are gaps.
  await section(page, 'Controls and traceability');
  await eventually(() => gapTexts(page), [UPDATES, ...UNCOVERED]);

  // A risk in the review zone, linked to that need, with a new control added and linked from its editor.
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Dose update service');
  await page.getByLabel('Threat or vulnerability').first().fill('Tampered firmware image');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const editor = page.locator('.risk-editor');
  await editor.getByLabel('Exploitability').first().selectOption('4');
  await editor.getByLabel('Severity').first().selectOption('5');
  await editor.getByLabel('Residual risk assessed').check();
  await page.locator('#risk-residual-l').selectOption('1');
  await editor.getByLabel('Security updates that need no technical steps from the patient').check();
  await editor.getByLabel('Treatment').selectOption('Mitigate');
  assert.match(await page.locator('#risk-acceptance-hint').innerText(), /Needed: the risk is review/);
  await editor.getByLabel('New control').fill('Firmware images signed and verified at boot');
  await editor.getByLabel('New control').press('Enter');
  await editor.getByLabel('C-001 Firmware images signed and verified at boot').waitFor();
  assert.equal(await editor.getByLabel('C-001 Firmware images signed and verified at boot').isChecked(), true);

  await section(page, 'Controls and traceability');
  // The need is covered now; the risk's acceptance and the control's verification are missing.
  await eventually(() => gapTexts(page), [...UNCOVERED, ACCEPT, VERIFY]);

  // The gap link lands on the control's verification field; filling it closes the gap.
  await page.getByRole('link', { name: 'Control C-001 has no verification reference.' }).click();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  assert.equal(focused, 'Verification of control C-001');
  await page.keyboard.type('VER-SEC-012');
  await page.getByLabel('Status of control C-001').selectOption('Verified');
  await settled(page);
  await eventually(() => gapTexts(page), [...UNCOVERED, ACCEPT]);
  assert.match(await page.locator('table.controls tbody tr').first().innerText(), /C-001[\s\S]*R-001/);

  // Recording the acceptance (rationale, approver, date) closes the last gap of R-001.
  await page.getByRole('link', { name: /^R-001: its risk is in the review zone/ }).click();
  await page.locator('button[data-risk="R-001"]').click();
  await page.getByLabel('Benefit-risk rationale').fill('Remote dose updates prevent dosing errors; residual risk reviewed in BRA-7.');
  await page.getByLabel('Accepted by').fill('Dr. A. Moreau, Head of Clinical Safety');
  await page.getByLabel('Accepted on').fill('2026-11-24');
  assert.equal(await page.locator('#risk-acceptance-hint').innerText(), 'Accepted.');
  await section(page, 'Controls and traceability');
  await eventually(() => gapTexts(page), UNCOVERED);

  // The table traces the need to the verified control; the CSV says the same.
  const row = page.locator('table.trace tbody tr', { hasText: 'Security updates that need no technical steps' });
  assert.match(await row.innerText(), /^SN-01 Security updates[\s\S]*critical[\s\S]*UN-1, UN-2[\s\S]*R-001[\s\S]*C-001 Firmware images signed[\s\S]*VER-SEC-012/);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download traceability (CSV)' }).click());
  assert.equal(csv.name, 'infusion-pump-4-0-traceability.csv');
  // Reviewers see the need's readable id, not an internal one.
  assert.match(csv.text, /SN-01,Security updates that need no technical steps from the patient,Critical,"UN-1, UN-2",R-001,C-001,Firmware images signed and verified at boot,VER-SEC-012\r\n/);

  // Stored as the current version (7), and the dashboard lists what is still open.
  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.version, 7);
  assert.deepEqual(stored.plan.user_needs, [{ id: 'UN-1', text: 'Therapy continues safely during an update' }, { id: 'UN-2', text: '' }]);
  const risk = stored.plan.risks[0];
  assert.deepEqual([risk.treatment, risk.control_ids, risk.acceptance.date], ['mitigate', ['C-001'], '2026-11-24']);
  assert.deepEqual(stored.plan.controls[0], { id: 'C-001', description: 'Firmware images signed and verified at boot', kind: 'design', status: 'verified', verification: 'VER-SEC-012', categories: [] });
  await section(page, 'What you walk away with');
  const chain = page.getByRole('list', { name: 'Traceability and risk acceptance gaps' });
  assert.match(await chain.innerText(), /The critical need “A predictable patch schedule” has no risk entry\./);
  assert.doesNotMatch(await chain.innerText(), /R-001|C-001/);
  // A gap link goes to where it is fixed.
  await chain.getByRole('link', { name: 'The critical need “A predictable patch schedule” has no risk entry.' }).click();
  await page.getByRole('heading', { name: 'Risk register', level: 2 }).waitFor();
}));

test('removing a shared control asks first and unlinks it from every entry', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Shared control');
  await section(page, 'Controls and traceability');
  await page.getByLabel('Add a control').fill('Role-based access control');
  await page.getByLabel('Kind of the new control').selectOption('Procedure');
  await page.getByRole('button', { name: 'Add control' }).click();
  await section(page, 'Risk register');
  for (const threat of ['Shared passwords', 'Stale accounts']) {
    await page.getByLabel('Threat or vulnerability').first().fill(threat);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.locator('.risk-editor').getByLabel('C-001 Role-based access control').check();
    await page.getByRole('button', { name: 'Done' }).click();
  }
  await section(page, 'Controls and traceability');
  assert.match(await page.locator('table.controls tbody tr').first().innerText(), /Procedure[\s\S]*R-001, R-002/);
  await page.getByRole('button', { name: 'Remove control C-001' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Remove|Delete|Yes/ }).first().click();
  await page.getByText('No controls yet.', { exact: false }).waitFor();
  const [stored] = Object.values(await storedPlans(page));
  assert.deepEqual(stored.plan.controls, []);
  assert.deepEqual(stored.plan.risks.map((r) => r.control_ids), [[], []]);
}));
