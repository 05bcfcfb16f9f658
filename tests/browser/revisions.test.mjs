// Revisions and approvals as a team files its plan: issue a revision with a
// change summary, record the author's and approver's signatures (then the
// revision is read-only), keep working in the draft, issue the next one,
// compare the two and the draft with a plan file, look at the approved
// revision, print it and download the comparison.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { start, withApp, createPlan, section, storedPlans, download, settled, importFile, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env.stop(); });

const onlyPlan = async (page) => Object.values(await storedPlans(page))[0];

async function sign(page, number, name, meaning) {
  await page.locator(`#approval-${number}-name`).fill(name);
  await page.locator(`#approval-${number}-role`).fill(`${meaning} role`);
  await page.locator(`#approval-${number}-meaning`).selectOption({ label: meaning });
  await page.locator(`#approval-${number}-date`).fill('2026-11-24');
  await page.getByRole('form', { name: `Record an approval of revision ${number}` }).getByRole('button', { name: 'Record approval' }).click();
}

test('issue, approve (read-only afterwards), issue again, compare and print', () => withApp(env, { viewport: { width: 1280, height: 720 }, acceptDownloads: true }, async ({ page }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Dose update service');
  await page.getByLabel('Threat or vulnerability').first().fill('Tampered firmware image');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await section(page, 'Report and exports');
  await page.getByLabel('Document id').fill('SMP-0042');

  await section(page, 'Revisions and approvals');
  assert.match(await page.locator('.draft-state').innerText(), /no revision has been issued/);
  // A revision needs a summary: refused in words, nothing issued.
  await page.getByLabel('Revision label').fill('A');
  await page.getByRole('button', { name: 'Issue revision' }).click();
  await page.locator('#issue-error').getByText(/what changed in this revision/).waitFor();
  assert.equal((await onlyPlan(page)).plan.revisions.length, 0);
  await page.getByLabel('What changed').fill('First issue for review');
  await page.getByRole('button', { name: 'Issue revision' }).click();
  await page.getByText('Revision 1 issued. New work continues in the draft.').waitFor();
  assert.match(await page.locator('.draft-state').innerText(), /work since Revision 1 \(A\) \(issued, awaiting approval\)/);
  assert.equal(await page.getByLabel('Revision label').getAttribute('placeholder'), 'B if left empty', 'the labels’ sequence goes on');

  // Author, then approver: the revision becomes read-only.
  await sign(page, 1, 'Ana Author', 'Author');
  await page.getByRole('cell', { name: 'Ana Author' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Take back the approval of Ana Author' }).count(), 1);
  await sign(page, 1, 'Alex Approver', 'Approver');
  await page.getByText('Approved: this revision is read-only. New work continues in the draft.').waitFor();
  assert.equal(await page.locator('#approval-1-name').count(), 0, 'no approval form once approved');
  assert.equal(await page.getByRole('button', { name: /Take back the approval/ }).count(), 0, 'no approval can be taken back');
  assert.match(await page.locator('.revision .badge').innerText(), /Approved/);

  // Work goes on in the draft; the next revision.
  await section(page, 'Risk register');
  await page.getByRole('button', { name: 'Edit R-001' }).click();
  await page.locator('.risk-editor').getByLabel('Asset or function').fill('Dose update service v2');
  await section(page, 'Revisions and approvals');
  await page.getByLabel('Revision label').fill('B');
  await page.getByLabel('What changed').fill('Asset renamed');
  await page.getByRole('button', { name: 'Issue revision' }).click();
  await page.getByText('Revision 2 issued. New work continues in the draft.').waitFor();
  await settled(page);
  const stored = await onlyPlan(page);
  assert.equal(stored.version, 7);
  assert.deepEqual(stored.plan.revisions.map((r) => [r.number, r.label, Object.keys(r.content)[0]]), [[1, 'A', 'delta'], [2, 'B', 'snapshot']]);
  assert.deepEqual(stored.plan.revisions[0].approvals.map((a) => [a.name, a.meaning]), [['Ana Author', 'author'], ['Alex Approver', 'approver']]);

  // Compare the two revisions: the changed field with before and after.
  await page.locator('#compare-from').selectOption({ label: 'Revision 1 (A)' });
  await page.locator('#compare-to').selectOption({ label: 'Revision 2 (B)' });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const out = page.locator('.revision-output');
  await out.locator('#shown-title', { hasText: 'Changes from revision 1 (A) to revision 2 (B)' }).waitFor();
  const row = out.locator('table.report-changes tr', { hasText: 'Risk R-001' }).filter({ hasText: 'v2' });
  assert.match(await row.innerText(), /Risk R-001.*asset[\s\S]*Changed[\s\S]*Dose update service[\s\S]*Dose update service v2/i);
  const md = await download(page, () => out.getByRole('button', { name: 'Download Markdown' }).click());
  assert.match(md.name, /\.md$/);
  assert.match(md.text, /Changes from revision 1/);
  assert.match(md.text, /\| Dose update service \| Dose update service v2 \|/);

  // The approved revision, read-only, with its approvals; printed with page numbers.
  await page.getByRole('button', { name: 'View revision 1' }).click();
  await out.locator('#shown-title', { hasText: /Revision 1 \(A\), approved: read-only/ }).waitFor();
  assert.equal(await out.locator('article input, article textarea, article select').count(), 0, 'nothing to edit in a revision');
  const article = await out.locator('article').innerText();
  assert.match(article, /Alex Approver/);
  assert.match(article, /Dose update service/);
  assert.doesNotMatch(article, /Dose update service v2/, 'revision 1 shows the plan as it was');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = path.join(ARTIFACTS, 'revision-1.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  // The PDF is titled by the plan and the revision shown, not by the app.
  assert.match(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }), /^Title:\s+.+ – Revision 1 \(A\), approved: read-only$/m);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Alex Approver/);
  assert.match(text, /Page 1 of \d+/);
  assert.doesNotMatch(text, /Issue a revision/, 'the forms do not print');

  // The draft against a plan file: a copy with another name.
  const copy = structuredClone(stored);
  copy.plan.name = 'Infusion pump 4.0 (from the hospital)';
  await page.getByTestId('compare-input').setInputFiles({ name: 'copy.jsp-plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });
  await out.locator('#shown-title', { hasText: /Changes from the file “copy.jsp-plan.json” to the draft/ }).waitFor();
  assert.match(await out.locator('table.report-changes').innerText(), /Plan name[\s\S]*from the hospital[\s\S]*Infusion pump 4.0/);
  // A broken file is refused in words and changes nothing.
  await page.getByTestId('compare-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "jsp-planner/plan", "version": 4, "plan": ') });
  await page.getByText(/“broken.json” cannot be compared: .* Nothing was changed\./).waitFor();
  assert.equal((await onlyPlan(page)).plan.revisions.length, 2);

  // After a reload the approved revision is still read-only.
  await page.reload();
  await page.locator('.section-body h2').first().waitFor();
  await section(page, 'Revisions and approvals');
  await page.getByText('Approved: this revision is read-only. New work continues in the draft.').waitFor();
  assert.equal(await page.locator('#approval-2-name').count(), 1, 'revision 2 still takes approvals');
  await page.screenshot({ path: path.join(ARTIFACTS, 'revisions-1280.png'), fullPage: false });
}));

// The plan list keeps no revision code (it is in the editor's part, see
// model/revision.rs): importing a file with revisions checks them there,
// and a history edited by hand is refused in words, storing nothing.
test('a plan file with revisions imports on a fresh page; a tampered history is refused and stores nothing', () => withApp(env, async ({ page, newContext, openTab }) => {
  await createPlan(page, 'Infusion pump 4.0');
  await section(page, 'Revisions and approvals');
  for (const [label, summary] of [['A', 'First issue'], ['B', 'Second issue']]) {
    await page.getByLabel('Revision label').fill(label);
    await page.getByLabel('What changed').fill(summary);
    await page.getByRole('button', { name: 'Issue revision' }).click();
    await page.getByText(`${summary === 'First issue' ? 'Revision 1' : 'Revision 2'} issued.`).waitFor();
  }
  await settled(page);
  const file = await onlyPlan(page);
  assert.deepEqual(file.plan.revisions.map((r) => Object.keys(r.content)[0]), ['delta', 'snapshot']);

  // A new profile: nothing stored, the editor's part not yet downloaded.
  const other = await openTab(env.base, await newContext());
  const tampered = structuredClone(file);
  tampered.plan.revisions[0].content.delta.push({ set: { path: [{ field: 'risks' }, { item: 'R-404' }, { field: 'owner' }], value: 'x' } });
  await importFile(other, 'tampered.jsp-plan.json', JSON.stringify(tampered));
  await other.getByTestId('errors').getByText(/tampered\.jsp-plan\.json\W* was not imported\. Revision 1 in the file cannot be read: .*Your plans are unchanged\./).waitFor();
  assert.deepEqual(await storedPlans(other), {});
  // The untouched file imports, opens, and its revisions are there.
  await importFile(other, 'good.jsp-plan.json', JSON.stringify(file));
  await other.locator('.plan-page').waitFor();
  assert.deepEqual((await onlyPlan(other)).plan.revisions, file.plan.revisions);
  await section(other, 'Revisions and approvals');
  await other.getByRole('heading', { name: 'Revision 2 (B)' }).waitFor();
}));
