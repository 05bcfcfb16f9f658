// The printed report tells the truth: its deliverables table counts every
// gap the app lists (the six deliverables' and the traceability and risk
// acceptance gaps), the PDF is titled by the document id and plan name, and
// a short table is not split across pages. A real PDF from headless
// Chromium, read back with pdftotext and pdfinfo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, withApp, importFile, ready, section, settled, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.stop(); });

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workshop', 'insulin-pump.jsp-plan.json');
const squash = (text) => text.replace(/\s+/g, ' ').trim();
// Cells wrap and pdftotext joins a word broken after its hyphen: compare without either.
const bare = (text) => text.replace(/[\s-]+/g, '');
const pdfText = (file, page) => squash(execFileSync('pdftotext', ['-raw', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' }));

test('the printed deliverables table shows every gap the app lists, under a title naming the document', () => withApp(env, async ({ page }) => {
  await importFile(page, 'insulin-pump.jsp-plan.json', readFileSync(FIXTURE, 'utf8'));
  await page.locator('.plan-page').waitFor();
  await section(page, 'What you walk away with');
  // The app's gaps: the six deliverables' and the chain's, as the dashboard lists them.
  const deliverableGaps = (await page.locator('ol.deliverables .gaps li').allInnerTexts()).map(squash);
  const chainGaps = (await page.locator('.trace-summary .gaps li').allInnerTexts()).map(squash);
  assert.ok(chainGaps.length >= 3, `the plan has gaps in the chain: ${chainGaps}`);

  await section(page, 'Report and exports');
  await page.getByLabel('Document id').fill('SMP-0042');
  await settled(page);
  await page.goto(`${env.base}#report`);
  await ready(page);
  await page.locator('article.report').waitFor();
  const appTitle = await page.title();
  const pdf = path.join(ARTIFACTS, 'report-gaps.pdf');
  // Printing fires beforeprint and afterprint around page.pdf as around the print dialog.
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  assert.equal(await page.title(), appTitle, 'the app’s title is back after printing');

  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /^Title:\s+SMP-0042 Insulin pump 4\.0 \(workshop\)$/m, 'the PDF is titled by document id and plan name');

  // In the order of the PDF's content (-raw), so a row's cells read one after the other.
  const text = pdfText(pdf);
  const table = text.slice(text.indexOf('Deliverables status'));
  assert.ok(bare(table).includes(bare('Traceability and risk acceptance In progress')), table.slice(0, 3000));
  for (const gap of [...deliverableGaps, ...chainGaps]) assert.ok(bare(table).includes(bare(gap)), `the PDF’s table lists “${gap}”`);
  const open = deliverableGaps.length + chainGaps.length;
  assert.match(table, new RegExp(`; ${open} gaps open, ${chainGaps.length} of them in traceability and risk acceptance\\.`));

  // The deliverables table is whole on one page: its heading, its first and its last row.
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  const onPage = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
  const where = onPage.findIndex((t) => t.includes('Deliverables status'));
  assert.ok(where >= 0);
  const rows = ['Deliverables status', 'Change Impact Assessment', 'Update and rollback strategy', 'SBOM approach', 'Traceability and risk acceptance'];
  for (const row of rows) assert.ok(bare(onPage[where]).includes(bare(row)), `“${row}” is on the page of its table’s heading (page ${where + 1})`);
}));
