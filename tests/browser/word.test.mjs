// The Word export: a plan with risks, document control and an approved
// revision, downloaded through the chooser (keyboard, Escape, focus), then
// converted to PDF by LibreOffice headless and read back with pdftotext:
// every heading of the report, every risk id and the approval must be in it,
// and its document.xml must use Word's heading styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { start, withApp, createPlan, storedPlans, section, settled } from './harness.mjs';

let env;
let tmp;
before(async () => { env = await start(); tmp = mkdtempSync(path.join(os.tmpdir(), 'jsp-word-')); });
after(async () => { await env?.stop(); if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** Download through the open chooser; the file's path and suggested name. */
async function downloadDocx(page, dialog) {
  const [dl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .docx' }).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

/**
 * The document converted by LibreOffice, as pdftotext reads it keeping the
 * layout (a table row stays a line), whitespace collapsed.
 */
function pdfText(file) {
  // A profile of its own, so a LibreOffice already running elsewhere is not disturbed.
  const profile = `file://${path.join(tmp, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file], { stdio: 'pipe', timeout: 120000 });
  const pdf = file.replace(/\.docx$/, '.pdf');
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** One entry of a zip file as text, found through its central directory (no unzip needed). */
function entry(file, name) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28)];
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in ${file}`);
}

/** The texts of the paragraphs of word/document.xml with a given style. */
function styled(file, style) {
  const xml = entry(file, 'word/document.xml');
  const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
  return paragraphs
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&'));
}

async function planWithApprovedRevision(page) {
  await createPlan(page, 'Infusion pump <b>4</b> & co');
  await section(page, 'Risk register');
  for (const [asset, threat] of [['Dose update service', 'Tampered firmware image'], ['Drug library', 'Stale library <script>x</script>'], ['Service port', 'Shared passwords']]) {
    await page.getByLabel('Asset or function').first().fill(asset);
    await page.getByLabel('Threat or vulnerability').first().fill(threat);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
  }
  await section(page, 'Report and exports');
  await page.getByLabel('Document id', { exact: true }).fill('SMP-0042');
  await page.getByLabel('Author', { exact: true }).fill('Ana Ruiz, product security');
  await section(page, 'Revisions and approvals');
  await page.locator('#revision-label').fill('A');
  await page.locator('#revision-summary').fill('First issue for the design review');
  await page.getByRole('button', { name: 'Issue revision' }).click();
  await page.locator('#approval-1-name').fill('Grace Hopper');
  await page.locator('#approval-1-role').fill('Head of quality');
  await page.locator('#approval-1-meaning').selectOption('Approver');
  await page.locator('#approval-1-date').fill('2026-11-25');
  await page.getByRole('button', { name: 'Record approval' }).click();
  await page.getByText('Grace Hopper').first().waitFor();
  await settled(page);
}

test('the Word export holds every heading, risk and approval, with heading styles', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await planWithApprovedRevision(page);
  const plan = Object.values(await storedPlans(page))[0].plan;
  assert.equal(plan.risks.length, 3);
  await section(page, 'Report and exports');
  // The headings the report shows are the headings the document must have.
  const headings = (await page.locator('article.report').locator('h1, h2, h3, h4').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  assert.ok(headings.includes('Risk register') && headings.includes('Approvals'), headings.join(' | '));

  // The chooser opens by keyboard as a modal dialog with the whole plan chosen.
  const opener = page.getByRole('button', { name: 'Download Word document…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Download a Word document' });
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Whole plan' }).getAttribute('aria-pressed'), 'true');
  const boxes = dialog.getByRole('checkbox');
  assert.equal(await boxes.count(), 9);
  assert.ok((await dialog.innerText()).includes('Third-party components'), 'the component register is a part to choose');
  for (const box of await boxes.all()) assert.equal(await box.isChecked(), true);
  // Escape closes it, and focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Download Word document…');

  await opener.click();
  const { file, name } = await downloadDocx(page, dialog);
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(name, 'infusion-pump-b-4-b-co.docx');
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK', 'a zip package');
  const text = pdfText(file);
  for (const heading of headings) assert.ok(text.includes(heading), `heading “${heading}” is in the document`);
  for (const risk of plan.risks) assert.ok(text.includes(risk.id), `${risk.id} is in the document`);
  assert.match(text, /Grace Hopper Head of quality Approver 2026-11-25/, 'the approval is in the document');
  assert.match(text, /Infusion pump <b>4<\/b> & co/, 'hostile text stays text');
  assert.match(text, /SMP-0042, revision A · Page 1 of \d+/, 'the footer names the document and numbers the pages');
  // Word's heading styles, so a table of contents and the navigation pane work.
  assert.deepEqual(styled(file, 'Title'), ['Infusion pump <b>4</b> & co']);
  const level1 = styled(file, 'Heading1');
  for (const part of ['A.1 Release / change project planning', 'A.3 Security management plan', 'Risk register', 'Controls and traceability']) {
    assert.ok(level1.includes(part), `${part} is a Heading 1: ${level1.join(' | ')}`);
  }
  assert.ok(styled(file, 'Heading2').includes('Approvals'));
  const xml = entry(file, 'word/document.xml');
  assert.match(xml, /<w:tblHeader\/>/, 'table header rows repeat on each page');
  assert.match(xml, /w:orient="landscape"/, 'the register has a landscape section');
  const core = entry(file, 'docProps/core.xml');
  assert.match(core, /<dc:creator>Ana Ruiz, product security<\/dc:creator>/);
  assert.match(core, /<cp:version>A<\/cp:version>/);
}));

test('the Security Management Plan alone, chosen by keyboard, has no register', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await planWithApprovedRevision(page);
  await section(page, 'Report and exports');
  await page.getByRole('button', { name: 'Download Word document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download a Word document' });
  await dialog.getByRole('button', { name: 'Security Management Plan only' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await dialog.getByRole('button', { name: 'Security Management Plan only' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await dialog.getByRole('checkbox', { name: 'Risk register' }).isChecked(), false);
  assert.equal(await dialog.getByRole('checkbox', { name: 'A.3 Security management plan' }).isChecked(), true);
  // Nothing chosen, nothing to download.
  for (const box of await dialog.getByRole('checkbox').all()) await box.uncheck();
  assert.equal(await dialog.getByRole('button', { name: 'Download .docx' }).isDisabled(), true);
  // A box ticks with the space bar; the quick choice then chooses its parts again.
  await dialog.getByRole('checkbox', { name: 'Risk register' }).focus();
  await page.keyboard.press('Space');
  assert.equal(await dialog.getByRole('checkbox', { name: 'Risk register' }).isChecked(), true);
  assert.equal(await dialog.getByRole('button', { name: 'Download .docx' }).isDisabled(), false);
  await dialog.getByRole('button', { name: 'Security Management Plan only' }).click();
  assert.equal(await dialog.getByRole('checkbox', { name: 'Risk register' }).isChecked(), false);

  const { file, name } = await downloadDocx(page, dialog);
  assert.equal(name, 'infusion-pump-b-4-b-co-security-management-plan.docx');
  const level1 = styled(file, 'Heading1');
  assert.ok(level1.includes('A.3 Security management plan') && level1.includes('A.3 Risk acceptability criteria'), level1.join(' | '));
  assert.ok(!level1.includes('Risk register'), `no register: ${level1.join(' | ')}`);
  const text = pdfText(file);
  assert.match(text, /A\.3 Security management plan/);
  assert.match(text, /Grace Hopper/, 'the approvals are on the cover');
  assert.doesNotMatch(text, /Tampered firmware image/, 'no register entries');
}));
