// Workshop mode and the outputs: the projector view driven by the keyboard
// only, quick capture with undo and redo, the printed report (a real PDF from
// headless Chromium, read back with pdftotext), and the Markdown and CSV
// exports parsed back and compared with the stored plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { start, withApp, createPlan, storedPlans, download, ready, section, settled, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.stop(); });

const onlyPlan = async (page) => Object.values(await storedPlans(page))[0].plan;
const heading = (page) => page.locator('.section-body h2').first();

/** Type a line into quick capture as the given kind, all by keyboard. */
async function capture(page, kind, text) {
  await page.locator('body').press('c');
  // In workshop mode the capture line is drawn when C is pressed, then focused.
  await page.waitForFunction(() => document.activeElement?.id === 'capture-text');
  await page.keyboard.press('Shift+Tab');
  await page.locator('#capture-kind').selectOption({ label: kind }); // a select: keyboard-operable, chosen by label
  await page.keyboard.press('Tab');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.getByText(/^Added /).last().waitFor();
}

test('workshop mode: toggled and stepped through by keyboard, capture, undo and redo', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await createPlan(page, 'Workshop at the hospital');

  await page.locator('body').press('w');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.workshop), 'on');
  await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Concept Phase sections' }).isVisible(), false, 'one section at a time');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(fontSize >= 24, `projector type is large (${fontSize}px)`);

  // Next / previous by keyboard only; focus lands on each section's heading.
  await page.keyboard.press('n');
  await heading(page).filter({ hasText: 'A.1' }).waitFor();
  await page.keyboard.press('n');
  await heading(page).filter({ hasText: 'A.2' }).waitFor();
  await page.keyboard.press('p');
  await heading(page).filter({ hasText: 'A.1' }).waitFor();
  await page.keyboard.press(']');
  await heading(page).filter({ hasText: 'A.2' }).waitFor();
  assert.match(await page.locator('.step-position').textContent(), /^3 \/ \d+ · A\.2/);

  // Capture a need without leaving the keyboard; it lands in the matrix and in storage.
  await capture(page, 'Security need', 'Alarm history cannot be erased');
  await page.locator('#need-matrix').getByText('Alarm history cannot be erased').waitFor();
  const has = async () => (await onlyPlan(page)).needs.some((n) => n.text === 'Alarm history cannot be erased');
  assert.equal(await has(), true);
  // On the projector the capture line closes after use, so the artefact keeps the screen.
  assert.equal(await page.locator('#capture-text').count(), 0, 'capture closes after use in workshop mode');
  await page.screenshot({ path: path.join(ARTIFACTS, 'workshop-1280x720-capture.png') });
  // The matrix region at the top of the projector, then shrunk with the table size control.
  await page.evaluate(() => document.querySelector('#need-matrix').closest('.table-scroll').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'workshop-1280x720-matrix.png') });
  await page.getByLabel('Table size').selectOption('70');
  await page.evaluate(() => document.querySelector('#need-matrix').closest('.table-scroll').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'workshop-1280x720-matrix-70.png') });
  await page.getByLabel('Table size').selectOption('100');
  await page.locator('body').press('c');
  await page.waitForFunction(() => document.activeElement?.id === 'capture-text');

  await page.keyboard.press('Control+z');
  await page.getByText('Undone.').waitFor();
  assert.equal(await page.locator('#need-matrix').getByText('Alarm history cannot be erased').count(), 0);
  assert.equal(await has(), false, 'the undo is saved');
  await page.keyboard.press('Control+Shift+z');
  await page.getByText('Redone.').waitFor();
  await page.locator('#need-matrix').getByText('Alarm history cannot be erased').waitFor();
  assert.equal(await has(), true, 'the redo is saved');

  // Help overlay by '?', closed by Escape.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'workshop-1280x720-help.png') });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });

  // Dark theme, remembered with workshop mode across a reload.
  await page.keyboard.press('t');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.workshop), 'on');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.screenshot({ path: path.join(ARTIFACTS, 'workshop-1280x720-dark.png') });
  await page.keyboard.press('t');
  await page.keyboard.press('w');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.workshop), undefined);
}));

test('typing in one field undoes as one step', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Undo typing');
  await page.goto(`${env.base}#a1`);
  await ready(page);
  const product = page.getByLabel('Product', { exact: true });
  await product.click();
  await page.keyboard.type('Infusion pump');
  await product.blur();
  await page.getByLabel('New product').check();
  await page.keyboard.press('Control+z'); // the scope
  await page.getByText('Undone.').waitFor();
  assert.equal(await page.getByLabel('New product').isChecked(), false);
  assert.equal(await product.inputValue(), 'Infusion pump');
  await page.getByRole('button', { name: 'Undo' }).click(); // the whole word typed
  await page.waitForFunction(() => document.querySelector('#product')?.value === '');
  assert.equal((await onlyPlan(page)).project.product, '');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
}));

/** A plan with risks, needs and links, made through the UI. */
async function planWithRisks(page, name) {
  await createPlan(page, name);
  await page.goto(`${env.base}#a2`);
  await ready(page);
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  await capture(page, 'Risk', 'Dose update service: Tampered firmware image');
  await capture(page, 'Risk', '=HYPERLINK("http://evil.example") <img src=x onerror=alert(1)>');
  await capture(page, 'Security need', '-2+3 formula-looking need');
}

test('the printed report is a clean PDF with the plan, the grid and the register', () => withApp(env, async ({ page }) => {
  await planWithRisks(page, 'Pump 3.2 concept report');
  // Who was in the room, and the document's control block.
  await section(page, 'Who is in the room');
  await page.getByLabel('Add an attendee').fill('Ana Ruiz');
  await page.getByLabel('Organisation or function of the new attendee').fill('Hospital IT, St. Mary’s');
  await page.getByLabel('Role of the new attendee').selectOption({ label: 'Product security' });
  await page.getByRole('button', { name: 'Add attendee' }).click();
  await page.getByLabel('RACI role of Ana Ruiz').waitFor();
  // The first risk answers two needs: the register prints them on its row.
  await section(page, 'Risk register');
  await page.getByRole('button', { name: 'Edit R-001' }).click();
  await page.locator('.risk-editor').getByLabel('A predictable patch schedule').check();
  await page.locator('.risk-editor').getByLabel('Security updates that need no technical steps from the patient').check();
  await section(page, 'Report and exports');
  await page.getByLabel('Document id').fill('SMP-0042');
  await page.getByLabel('Revision').fill('B "draft"');
  await page.getByLabel('Author').fill('Ana Ruiz, product security');
  await settled(page);
  await page.goto(`${env.base}#report`);
  await ready(page);
  await page.locator('article.report').waitFor();
  const pdfPath = path.join(ARTIFACTS, 'report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  // Reading order, whitespace collapsed: a cell's words may wrap onto several lines.
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdfPath, path.join(ARTIFACTS, 'report-page')]);

  assert.match(text, /Pump 3\.2 concept report/);
  assert.match(text, /A\.3 Risk acceptability criteria/);
  for (const zone of ['Acceptable', 'Review', 'Unacceptable']) assert.match(text, new RegExp(zone));
  const plan = await onlyPlan(page);
  for (const risk of plan.risks) {
    assert.match(text, new RegExp(risk.id), `register entry ${risk.id}`);
    // Cells wrap, so look for each word of the threat.
    for (const word of risk.threat.split(' ')) assert.ok(text.includes(word), `${risk.id}: "${word}"`);
  }
  assert.match(text, /Tampered firmware image/);
  // Each risk with the needs it answers, on its row of the register.
  const needText = (id) => plan.needs.find((n) => n.id === id).text;
  assert.equal(plan.risks[0].need_ids.length, 2);
  const register = text.slice(text.indexOf('Risk register'), text.indexOf('Traceability Stakeholder need'));
  for (const risk of plan.risks) {
    for (const id of risk.need_ids) {
      const row = register.slice(register.indexOf(risk.id));
      for (const word of needText(id).split(' ')) assert.ok(row.includes(word), `${risk.id} prints its need “${needText(id)}”: "${word}"`);
    }
  }
  assert.match(text, /onerror=alert\(1\)>/, 'hostile text prints as text');
  for (const chrome of ['Quick capture', 'Download Markdown', 'Workshop mode', 'Saved in this browser', 'All plans', 'Shown on the cover']) {
    assert.doesNotMatch(text, new RegExp(chrome), `no UI chrome: ${chrome}`);
  }
  const pages = Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 5, `cover and one page per part (${pages} pages)`);
  // The cover names the document, its author and who was in the room.
  assert.match(text, /Document id SMP-0042 Revision B "draft" Author Ana Ruiz, product security/);
  assert.match(text, /Attendees Name Organisation or function RACI role Ana Ruiz Hospital IT, St\. Mary’s Product security/);
  // The traceability table, after the register.
  assert.match(text, /Traceability Stakeholder need User/);
  assert.match(text, /A predictable patch schedule \(critical\)/);
  assert.ok(text.indexOf('Traceability Stakeholder need') > text.indexOf('Risk register'), 'traceability follows the register');
  // Every page: the document id and revision, and "Page n of N".
  for (let n = 1; n <= pages; n++) {
    const pageText = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(pageText, /SMP-0042, revision B "draft"/, `page ${n} names the document`);
    assert.match(pageText, new RegExp(`Page ${n} of ${pages}`), `page ${n} is numbered`);
  }
}));

/** What a CSV cell holds for a text: formula-like text gets a leading apostrophe. */
const defused = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The text a reader sees in a marked token: rendered to HTML, entities decoded. */
const cellText = (cell) => marked.Parser.parseInline(cell.tokens)
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('CSV and Markdown exports match the plan', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await planWithRisks(page, 'Exports check');
  await page.goto(`${env.base}#report`);
  await ready(page);
  const plan = await onlyPlan(page);

  const register = await download(page, () => page.getByRole('button', { name: 'Download risk register (CSV)' }).click());
  assert.equal(register.name, 'exports-check-risk-register.csv');
  assert.ok(register.text.startsWith('\ufeff'), 'byte order mark for Excel');
  assert.ok(register.text.includes('\r\n'), 'CRLF rows');
  const rows = parseCsv(register.text, { bom: true, relax_quotes: false });
  assert.equal(rows.length, 1 + plan.risks.length);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), plan.risks.map((r) => r.id));
  assert.deepEqual(rows.slice(1).map((r) => r[2]), plan.risks.map((r) => defused(r.threat)));
  assert.equal(rows[1][1], 'Dose update service');
  assert.ok(rows[2][2].startsWith("'=HYPERLINK"), 'a formula is defused with an apostrophe');

  const matrix = await download(page, () => page.getByRole('button', { name: 'Download needs matrix (CSV)' }).click());
  const m = parseCsv(matrix.text, { bom: true });
  assert.deepEqual(m[0].slice(0, 2), ['Need id', 'Security need']);
  assert.deepEqual(m[0].slice(3), plan.stakeholders.map((s) => defused(s.name)));
  assert.ok(m.some((row) => row[1] === "'-2+3 formula-looking need"));
  assert.equal(m.length, 1 + plan.needs.length);
  plan.needs.forEach((n, i) => {
    assert.deepEqual(m[i + 1].slice(0, 2), [n.id, defused(n.text)]);
    plan.stakeholders.forEach((s, j) => {
      const link = plan.need_links.find((l) => l.need_id === n.id && l.stakeholder_id === s.id);
      const label = link ? link.relevance[0].toUpperCase() + link.relevance.slice(1) : '';
      assert.equal(m[i + 1][j + 3], label, `${n.text} x ${s.name}`);
    });
  });

  const md = await download(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  assert.equal(md.name, 'exports-check.md');
  const tokens = marked.lexer(md.text);
  assert.equal(tokens[0].type, 'heading');
  assert.equal(cellText(tokens[0]), 'Exports check');
  const tables = tokens.filter((t) => t.type === 'table');
  const reg = tables.find((t) => cellText(t.header[0]) === 'ID');
  assert.deepEqual(reg.rows.map((r) => cellText(r[0])), plan.risks.map((r) => r.id));
  assert.deepEqual(reg.rows.map((r) => cellText(r[2])), plan.risks.map((r) => r.threat));
  const needs = tables.find((t) => cellText(t.header[0]) === 'Security need');
  assert.deepEqual(needs.rows.map((r) => cellText(r[0])), plan.needs.map((n) => n.text));
  // Plain words read as written in the file (it diffs and greps): no "R\-001".
  assert.ok(md.text.includes(`| ${plan.risks[0].id} |`), 'risk ids are not escaped');
  assert.doesNotMatch(md.text, /\d\\-\d/, 'no escaped hyphen between digits (ids, dates)');
  const html = marked.parse(md.text);
  assert.ok(!html.includes('<img'), 'hostile text forms no tag in rendered Markdown');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
}));
