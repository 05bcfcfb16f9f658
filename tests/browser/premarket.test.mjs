// What the inspector and the buyer ask for (issue 27), as a team fills it
// in: a control's security control categories, a category gap that closes
// when a control is categorised or ruled out, premarket readiness whose
// states follow the plan and whose gap links land on the field to fill, the
// MDS2 draft as CSV for NEMA's workbook, the customer security summary as a
// PDF, the readiness table legible on the projector, and axe in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { AxeBuilder } from '@axe-core/playwright';
import { start, withApp, createPlan, section, storedPlans, download, eventually, importFile, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.stop(); });

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workshop', 'insulin-pump.jsp-plan.json');
const onlyPlan = async (page) => Object.values(await storedPlans(page))[0].plan;
const focusedLabel = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent.trim() ?? el?.tagName;
});
const CONTACT = 'psirt@acme-medical.example';
const UPDATES = 'Signed updates over the air at the next idle period; the previous image stays installed for rollback.';
const SECURITY_SECTIONS = ['MPII', 'ALOF', 'AUDT', 'AUTH', 'CSUP', 'DIDT', 'DTBK', 'EMRG', 'IGAU', 'MLDP', 'NAUT', 'CONN', 'PAUT',
  'PLOK', 'RDMP', 'SBOM', 'SAHD', 'SGUD', 'STCF', 'TXCF', 'TXIG', 'RMOT'];

/** A plan with one risk and one control linked to it (C-001). */
async function planWithControl(page, name) {
  await createPlan(page, name);
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Pump firmware');
  await page.getByLabel('Threat or vulnerability').first().fill('Tampered update image');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const editor = page.locator('.risk-editor');
  await editor.getByLabel('New control').fill('Firmware images signed and verified at boot');
  await editor.getByLabel('New control').press('Enter');
  await editor.getByLabel('C-001 Firmware images signed and verified at boot').waitFor();
}

const coverageRow = (page, category) => page.locator('table.coverage tbody tr').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${category}`) }) });
const coverageLine = (page) => page.locator('.premarket-page > p.progress').innerText();

test('categories: a control carries them by keyboard, and a category gap closes when a control is categorised or the category ruled out', () => withApp(env, async ({ page }) => {
  await planWithControl(page, 'Infusion pump 4.0');
  await section(page, 'Security control categories');
  assert.equal(await coverageLine(page), '8 categories have no control and no reason.');
  assert.equal(await coverageRow(page, 'Authentication').locator('.badge').innerText(), 'Gap');
  const uncategorised = page.getByRole('link', { name: 'Control C-001 has no security control category.' });

  // The gap link opens the control's boxes in Controls and traceability, focused on the first.
  await uncategorised.click();
  await page.getByRole('heading', { level: 2, name: 'Controls and traceability' }).waitFor();
  await eventually(() => focusedLabel(page), 'Authentication');
  await page.keyboard.press('Space');
  await page.locator('details.control-categories').getByLabel('Code, Data and Execution Integrity').check();
  await page.locator('details.control-categories summary').filter({ hasText: 'Authentication, Code, Data and Execution Integrity' }).waitFor();
  await eventually(async () => (await onlyPlan(page)).controls[0].categories, ['authentication', 'code_data_and_execution_integrity']);

  // Two gaps closed: the categories list the control, the risk it treats and its verification.
  await section(page, 'Security control categories');
  assert.equal(await coverageLine(page), '6 categories have no control and no reason.');
  const auth = coverageRow(page, 'Authentication');
  assert.equal(await auth.locator('.badge').innerText(), 'Not verified');
  assert.match(await auth.innerText(), /C-001 Firmware images signed[\s\S]*R-001[\s\S]*0 of 1 verified/);
  assert.equal(await page.getByRole('heading', { name: 'Every control has a category' }).count(), 1);

  // A category no control belongs to is ruled out by a reason.
  await page.getByLabel('Why Cryptography does not apply').fill('The pump stores and sends no data; it has no keys.');
  await eventually(() => coverageRow(page, 'Cryptography').locator('.badge').innerText(), 'Does not apply');
  assert.equal(await coverageLine(page), '5 categories have no control and no reason.');
  assert.equal((await onlyPlan(page)).premarket.not_applicable.cryptography, 'The pump stores and sends no data; it has no keys.');
}));

const element = (page, key) => page.locator(`table.readiness tr[data-element="${key}"]`);
const stateOf = (page, key) => element(page, key).locator('.badge.state').innerText();

test('readiness: an element’s state follows the plan, its gap links land on the field, and the dashboard sums it up', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Readiness');
  await section(page, 'What you walk away with');
  assert.match(await page.locator('.premarket-summary').innerText(),
    /Premarket documentation: 0 of 12 elements drafted, \d+ started, \d+ missing; 3 more apply if the product is a cyber device\./);
  await page.locator('.premarket-summary').getByRole('link', { name: 'See what is missing' }).click();
  await page.getByRole('heading', { level: 2, name: 'Premarket readiness' }).waitFor();
  assert.equal(await stateOf(page, 'labeling'), 'Missing');
  assert.equal(await stateOf(page, 'postmarket-plan'), 'Not decided');

  // A gap link to another section opens it with the field focused; filling it starts the element.
  await element(page, 'labeling').getByRole('link', { name: 'Say how customers get the SBOM.' }).click();
  await page.getByRole('heading', { level: 2, name: 'A.3 Security management plan' }).waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'sbom-access');
  await page.keyboard.type('On request, from the product security page');
  await page.getByLabel('Where vulnerabilities are reported (an address or web page)').fill(CONTACT);
  await section(page, 'Premarket readiness');
  assert.equal(await stateOf(page, 'labeling'), 'Started');
  const labelingGaps = await element(page, 'labeling').locator('ul.gaps li').allInnerTexts();
  assert.ok(!labelingGaps.includes('Say how customers get the SBOM.') && labelingGaps.length > 0, `filled checks are no gaps: ${labelingGaps}`);

  // A gap in this section focuses its field at once; the four views drafted make the element drafted.
  assert.equal(await stateOf(page, 'architecture-views'), 'Missing');
  await element(page, 'architecture-views').getByRole('link', { name: /^Global System view: say what it shows/ }).click();
  await eventually(() => focusedLabel(page), 'What the Global System view shows');
  for (const [i, view] of ['Global System', 'Multi-Patient Harm', 'Updateability/Patchability', 'Security Use Case(s)'].entries()) {
    await page.getByLabel(`What the ${view} view shows`).fill(`The ${view} of the pump, its app and the cloud`);
    await page.getByLabel(`Where the ${view} view lives`).fill(`ARC-00${i + 1}`);
    await page.getByLabel(`Status of the ${view} view`).selectOption('Drafting');
    if (i === 0) await eventually(() => stateOf(page, 'architecture-views'), 'Started');
  }
  await eventually(() => stateOf(page, 'architecture-views'), 'Drafted');

  // The cyber device answer (A.1) decides the three elements of section 524B.
  await page.locator('.cyber-line').getByRole('link', { name: 'Change in A.1' }).click();
  await page.getByRole('heading', { level: 2, name: /^A\.1/ }).waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.className), 'field cyber-device');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await section(page, 'Premarket readiness');
  assert.equal(await stateOf(page, 'postmarket-plan'), 'Started', 'the disclosure contact feeds the postmarket plan');
  await section(page, 'What you walk away with');
  assert.match(await page.locator('.premarket-summary').innerText(), /Premarket documentation: 1 of 15 elements drafted, \d+ started, \d+ missing\./);
}));

test('the MDS2 CSV holds DOC and the 22 security sections, with an answer drafted from the disclosure contact; confirmed and edited answers follow', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await createPlan(page, 'MDS2 pump');
  await section(page, 'A.3 Security management plan');
  await page.getByLabel('Where vulnerabilities are reported (an address or web page)').fill(CONTACT);
  await section(page, 'MDS2 and customer summary');
  const doc5 = page.locator('tr[data-question="DOC-5"]');
  assert.equal(await doc5.getByRole('textbox', { name: 'Answer to DOC-5' }).inputValue(), CONTACT);
  assert.match(await doc5.innerText(), /Drafted from the plan — confirm/);

  const read = async () => {
    const { name, text } = await download(page, () => page.getByRole('button', { name: 'Download MDS2 (CSV)' }).click());
    assert.equal(name, 'mds2-pump-mds2-draft.csv');
    return parseCsv(text, { bom: true, columns: true, skip_empty_lines: true });
  };
  let rows = await read();
  assert.deepEqual(Object.keys(rows[0]), ['Section', 'Question', 'Prompt', 'Answer', 'Note', 'Source']);
  const sections = [...new Set(rows.map((r) => r.Section))];
  assert.deepEqual(sections, ['DOC', ...SECURITY_SECTIONS]);
  const contact = rows.find((r) => r.Question === 'DOC-5');
  assert.equal(contact.Answer, CONTACT);
  assert.match(contact.Source, /^Drafted from the plan — confirm: .*disclosure contact/i);

  // The team confirms the drafted answer, and answers a question the plan cannot.
  await doc5.getByRole('button', { name: 'Confirm the answer to DOC-5' }).click();
  await eventually(() => doc5.locator('.status').innerText(), 'Confirmed');
  await page.getByRole('combobox', { name: 'Answer to ALOF-1' }).selectOption('No');
  await page.getByRole('textbox', { name: 'Note on ALOF-1' }).fill('The pump has no user session to log off.');
  rows = await read();
  assert.equal(rows.find((r) => r.Question === 'DOC-5').Source, 'Confirmed');
  const alof = rows.find((r) => r.Question === 'ALOF-1');
  assert.deepEqual([alof.Answer, alof.Note], ['No', 'The pump has no user session to log off.']);
}));

const squash = (text) => text.replace(/\s+/g, ' ').trim();
const pdfText = (file) => squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));

test('the customer security summary prints alone, titled, and names the update strategy and the disclosure contact', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Summary pump');
  await section(page, 'A.3 Security management plan');
  await page.getByLabel('Update and rollback strategy').fill(UPDATES);
  await page.getByLabel('Where vulnerabilities are reported (an address or web page)').fill(CONTACT);
  await section(page, 'Report and exports');
  await page.getByLabel('Document id').fill('CSS-0007');
  await section(page, 'MDS2 and customer summary');
  await page.getByRole('article', { name: 'Customer security summary preview' }).getByText(CONTACT).waitFor();
  const pdf = path.join(ARTIFACTS, 'customer-summary.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  assert.ok(text.includes(squash(UPDATES)), `the PDF names the update strategy: ${text.slice(0, 600)}`);
  assert.ok(text.includes(CONTACT), 'the PDF names the disclosure contact');
  assert.ok(!text.includes('MDS2 draft') && !text.includes('Download'), 'the summary prints alone, without the MDS2 draft or buttons');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /^Title:\s+CSS-0007 Customer security summary: Summary pump$/m);
}));

test('the readiness table is legible on the projector: 1280x720 in workshop mode, text of 18 px and more, nothing sideways', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await importFile(page, 'insulin-pump.jsp-plan.json', readFileSync(FIXTURE, 'utf8'));
  await page.locator('.plan-page').waitFor();
  await section(page, 'Premarket readiness');
  await page.locator('body').press('w');
  await page.waitForFunction(() => document.documentElement.dataset.workshop === 'on');
  await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor();
  const m = await page.evaluate(() => {
    const zoom = (el) => { let z = 1; for (let e = el; e; e = e.parentElement) z *= parseFloat(getComputedStyle(e).zoom) || 1; return z; };
    const table = document.querySelector('table.readiness');
    const texts = [...table.querySelectorAll('th, td, th *, td *')]
      .filter((el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
      .map((el) => ({ text: el.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize) * zoom(el) }));
    const box = table.closest('.table-scroll');
    return {
      rows: table.querySelectorAll('tbody tr').length,
      texts: texts.length,
      small: texts.filter((t) => t.size < 18 - 0.05),
      sideways: document.documentElement.scrollWidth > innerWidth || box.scrollWidth > box.clientWidth + 1,
      top: table.getBoundingClientRect().top,
    };
  });
  assert.equal(m.rows, 16, 'every element has its row');
  assert.ok(m.texts > 40, `the table's text was measured (${m.texts} elements)`);
  assert.deepEqual(m.small, [], 'no table text below 18 px');
  assert.equal(m.sideways, false, 'no sideways scroll');
  assert.ok(m.top < 240, `the table starts in the top third (${m.top}px)`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'premarket-readiness-workshop-1280x720.png') });
}));

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
async function audit(page, where) {
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.split('\n')[1]?.trim()}`));
}

for (const theme of ['light', 'dark']) {
  test(`the premarket views pass axe (WCAG 2.1 AA), ${theme} theme`, () => withApp(env, { colorScheme: theme }, async ({ page }) => {
    await planWithControl(page, 'Accessible premarket');
    const found = [];
    await section(page, 'Controls and traceability');
    await page.locator('details.control-categories summary').click();
    await page.locator('details.control-categories').getByLabel('Authentication').check();
    found.push(...await audit(page, 'a control’s categories'));
    for (const name of ['Security control categories', 'Premarket readiness', 'MDS2 and customer summary']) {
      await section(page, name);
      found.push(...await audit(page, name));
    }
    await page.locator('body').press('w');
    await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor();
    await page.goto(`${env.base}#premarket`);
    await page.locator('.stepper').waitFor();
    found.push(...await audit(page, 'workshop: Premarket readiness'));
    assert.deepEqual(found, []);
  }));
}
