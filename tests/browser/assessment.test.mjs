// The maturity assessment page: create one from the plan list, score it by
// keyboard, mark an activity not applicable, read the heatmap, chart and
// gaps, plan a phase and a milestone, export the file, compare with an
// earlier version of it, print, go back and open it again; axe in both
// themes; a second tab's change and the choice it asks for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { start, withApp, saveStatus, storageSnapshot, settled, download, backToList, ARTIFACTS } from './harness.mjs';

let env;
before(async () => {
  env = await start();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await env?.stop(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORT = { width: 1280, height: 720 };
const A1 = 'A.1 Release / change project planning';
const A2 = 'A.2 Voice of the customer';
const A3 = 'A.3 Security management planning';

/** Run axe on the page as it is; one readable line per failing node. */
async function audit(page, where) {
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.split('\n')[1]?.trim()}`));
}

/** Create an assessment from the plan list; leaves its page open. */
async function createAssessment(page, name) {
  await page.getByLabel('New assessment name').fill(name);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Stored assessments only (by key), parsed. */
async function storedAssessments(page) {
  const all = await storageSnapshot(page);
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => k.startsWith('jsp-planner/assessment/')).map(([k, v]) => [k, JSON.parse(v)]),
  );
}

/** The one stored assessment's entry for an activity id. */
async function storedEntry(page, activityId) {
  const files = Object.values(await storedAssessments(page));
  assert.equal(files.length, 1);
  return files[0].assessment.activities.find((e) => e.activity_id === activityId);
}

const current = (page, activity) => page.getByLabel(`Current level of ${activity}`, { exact: true });
const target = (page, activity) => page.getByLabel(`Target level of ${activity}`, { exact: true });

/** Focus a level list and press keys on it, one after the other. */
async function press(list, ...keys) {
  await list.focus();
  for (const k of keys) await list.press(k);
}

/**
 * Concept scored so its gaps have three sizes: A.1 1 → 4 (3), A.3 0 → 2 (2),
 * A.2 2 → 3 (1); the risk design assessment at its target; purchasing not
 * applicable. Mostly by keyboard: arrows in a list, + = and - on a row.
 */
async function score(page) {
  await press(current(page, A2), 'ArrowDown', 'ArrowDown', '+'); // not scored → 0 → 1, then + → 2
  await press(target(page, A2), '+', '+', '+', '+', '+', '-'); // not scored → 0 … 4, then - → 3
  await press(current(page, A1), '=', '+'); // 0, 1
  await press(target(page, A1), '+', '+', '+', '+', '+'); // 0 … 4
  await press(current(page, A3), '+'); // 0
  await press(target(page, A3), '+', '+', '+'); // 0 … 2
  await current(page, 'Security design risk assessment').selectOption('3');
  await target(page, 'Security design risk assessment').selectOption('3');
  await page.getByLabel(`Evidence for ${A2}`).fill('Customer security survey, 2025');
  await page.getByLabel(`Owner of ${A2}`).fill('Head of product');
}

async function markPurchasingNotApplicable(page) {
  await page.getByLabel('Not applicable: Purchasing').check();
  // A blank reason is refused: the assessment's sentence asks for one.
  const why = page.getByLabel('Why Purchasing does not apply');
  await why.waitFor();
  assert.match(await page.locator('#na-error-supplier-purchasing').innerText(), /Say why “Purchasing” does not apply/);
  await why.fill('Everything is built in house');
  await settled(page);
  assert.equal(await page.locator('#na-error-supplier-purchasing').isHidden(), true);
}

async function addRoadmap(page) {
  await page.getByLabel('Phase name').fill('Foundations');
  await page.getByLabel('Phase goal').fill('Plan security into every release');
  await page.getByRole('button', { name: 'Add phase' }).click();
  await page.getByRole('group', { name: 'Phase 1' }).waitFor();
  await page.getByLabel('Milestone name').fill('Security budget in every release plan');
  await page.locator('#new-milestone-date').fill('2026-09-30');
  await page.locator('#new-milestone-phase').selectOption({ label: 'Foundations' });
  await page.getByLabel(`${A1} (1 → 4)`).check();
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('group', { name: 'Security budget in every release plan' }).waitFor();
}

test('an assessment is scored by keyboard, summarised, planned, exported and compared', () => withApp(env, { viewport: VIEWPORT, acceptDownloads: true }, async ({ page }) => {
  await createAssessment(page, 'Maturity 2026');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Maturity 2026');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);

  await score(page);
  // A slip of + on a level list is taken back from the list itself, by Ctrl+Z, and put back by Ctrl+Y.
  await press(current(page, A2), '+', 'Control+z');
  assert.equal(await current(page, A2).inputValue(), '2');
  await press(current(page, A2), 'Control+y');
  assert.equal(await current(page, A2).inputValue(), '3');
  await press(current(page, A2), 'Control+z');
  assert.equal(await current(page, A2).inputValue(), '2');
  assert.equal(await target(page, A2).inputValue(), '3');
  assert.equal(await current(page, A1).inputValue(), '1');
  assert.equal(await target(page, A1).inputValue(), '4');
  await markPurchasingNotApplicable(page);
  // Its levels cannot be stepped while it does not apply: the refusal is said.
  await page.getByLabel('Not applicable: Purchasing').press('+');
  const refusal = page.locator('.notice', { hasText: 'The activity “Purchasing” is marked not applicable' });
  await refusal.waitFor();
  // An error stays until dismissed (it would cover the downloads at the foot of the page).
  await refusal.getByRole('button', { name: 'Dismiss message' }).click();

  assert.equal(await saveStatus(page), 'Saved in this browser');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), false);
  const a2 = await storedEntry(page, 'concept.a2');
  assert.deepEqual([a2.current, a2.target, a2.evidence, a2.owner], [2, 3, 'Customer security survey, 2025', 'Head of product']);
  assert.equal((await storedEntry(page, 'supplier.purchasing')).not_applicable, 'Everything is built in house');
  const stored = Object.values(await storedAssessments(page))[0];
  assert.equal(stored.format, 'jsp-planner/assessment');

  // Heatmap: each cell says its levels in words.
  const heatmap = page.locator('.assessment-heatmap table.report-heatmap');
  const cell = (name) => heatmap.locator('td', { hasText: name });
  assert.match(await cell(A2).innerText(), /Current: 2 – Managed; target: 3 – Defined; 1 level short/);
  assert.match(await cell(A1).innerText(), /Current: 1 – Performed; target: 4 – Measured; 3 levels short/);
  assert.match(await cell('Security design risk assessment').innerText(), /target met/);
  assert.match(await cell('Purchasing').innerText(), /Not applicable: Everything is built in house/);
  assert.match(await cell('Patching').innerText(), /Not scored/);

  // Chart: one image, every value written as text; the table beside it says the same.
  const chart = page.getByRole('img', { name: 'Current and target level by component' });
  await chart.waitFor();
  const labels = (await page.locator('svg.maturity-chart text').allTextContents()).map((t) => t.trim());
  for (const l of ['Concept', 'Current 1.0', 'Target 3.0', 'Risk management', 'Current 3.0', 'Current: not scored', 'Target: not scored']) {
    assert.ok(labels.includes(l), `chart label ${l} in ${labels.join(' | ')}`);
  }
  assert.equal(await page.locator('svg.maturity-chart rect.chart-current').count(), 2);
  const concept = page.locator('.assessment-summary table.report-scores tbody tr', { hasText: 'Concept' });
  assert.deepEqual(await concept.locator('td').allInnerTexts(), ['1.0', '3.0', '3 of 3']);

  // Gaps, largest first.
  const gapRows = page.locator('.assessment-summary table.report-gaps tbody th');
  assert.deepEqual(await gapRows.allInnerTexts(), [A1, A3, A2]);

  // Legible at 1280 x 720 without sideways scrolling.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'assessment-scoring.png') });
  await page.locator('#assessment-summary').screenshot({ path: path.join(ARTIFACTS, 'assessment-summary.png') });

  // Roadmap: a phase and a milestone closing A.1's gap; undo and redo it.
  await addRoadmap(page);
  const roadmap = page.locator('.roadmap-report');
  await roadmap.getByRole('heading', { name: 'Foundations (2026-09-30)' }).waitFor();
  const milestoneRow = roadmap.locator('table.report-milestones tbody tr').first();
  assert.match(await milestoneRow.innerText(), /Security budget in every release plan/);
  assert.match(await milestoneRow.innerText(), /A\.1 Release \/ change project planning \(gap 3: 1 to 4\)/);
  const closedBy = page.locator('.assessment-summary table.report-gaps tbody tr', { hasText: A1 });
  assert.match(await closedBy.innerText(), /Security budget in every release plan \(2026-09-30\)/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('group', { name: 'Security budget in every release plan' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('group', { name: 'Security budget in every release plan' }).waitFor();
  await page.locator('#assessment-roadmap').screenshot({ path: path.join(ARTIFACTS, 'assessment-roadmap.png') });

  // Downloads.
  const file = await download(page, () => page.getByRole('button', { name: 'Export assessment file' }).click());
  assert.equal(file.name, 'maturity-2026.jsp-assessment.json');
  const exported = JSON.parse(file.text);
  assert.equal(exported.format, 'jsp-planner/assessment');
  assert.equal(exported.assessment.milestones.length, 1);
  const markdown = await download(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  assert.equal(markdown.name, 'maturity-2026.md');
  assert.match(markdown.text, /Heatmap/);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  assert.equal(csv.name, 'maturity-2026.csv');
  assert.match(csv.text, /Voice of the customer/);
  const word = await download(page, () => page.getByRole('button', { name: 'Download Word document' }).click());
  assert.equal(word.name, 'maturity-2026.docx');
  assert.equal(word.text.slice(0, 2), 'PK');

  // A file that is not an assessment is refused and changes nothing.
  await page.getByTestId('baseline-input').setInputFiles({ name: 'nonsense.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
  await page.locator('.notice-text', { hasText: '“nonsense.json” cannot be compared' }).waitFor();
  assert.equal(await page.getByText('No earlier assessment chosen.').isVisible(), true);

  // A baseline: last year's file, A.2 one level lower.
  const earlier = structuredClone(exported);
  earlier.assessment.name = 'Maturity 2025';
  earlier.assessment.assessed_on = '2025-01-15';
  earlier.assessment.activities.find((e) => e.activity_id === 'concept.a2').current = 1;
  await page.getByTestId('baseline-input').setInputFiles({ name: 'maturity-2025.jsp-assessment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(earlier, null, 2)) });
  await page.getByRole('heading', { name: 'Progress since Maturity 2025 (2025-01-15)' }).waitFor();
  const progress = page.locator('.assessment-stop > .report-part table.report-progress');
  const byComponent = progress.first().locator('tbody tr', { hasText: 'Concept' });
  assert.deepEqual(await byComponent.locator('td').allInnerTexts(), ['0.7', '1.0', '+0.3']);
  const moved = progress.nth(1).locator('tbody tr');
  assert.equal(await moved.count(), 1);
  assert.deepEqual(await moved.first().locator('th, td').allInnerTexts(), [A2, 'Concept', '1 – Performed', '2 – Managed', '+1']);
  await page.locator('#assessment-baseline').screenshot({ path: path.join(ARTIFACTS, 'assessment-progress.png') });
  // The baseline is not stored, and the assessment did not change.
  assert.equal(Object.keys(await storedAssessments(page)).length, 1);
  assert.equal((await storedEntry(page, 'concept.a2')).current, 2);

  // Printing gives the report alone, progress included.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.assessment-report').isVisible(), true);
  assert.equal(await page.locator('#assessment-scoring').isVisible(), false);
  assert.equal(await page.locator('.assessment-report h2', { hasText: 'Progress since Maturity 2025' }).isVisible(), true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'assessment-print.png'), fullPage: true });
  // On paper every page names the assessment and is numbered, as a plan's report is.
  const pdfPath = path.join(ARTIFACTS, 'assessment.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  assert.match(info, /^Title:\s+Maturity 2026 \(JSP maturity assessment\)$/m, 'the PDF is titled by the assessment');
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 2, `the report takes ${pages} pages`);
  for (let n = 1; n <= pages; n++) {
    const pageText = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(pageText, /Maturity 2026, assessed \d{4}-\d{2}-\d{2}/, `page ${n} names the assessment`);
    assert.match(pageText, new RegExp(`Page ${n} of ${pages}`), `page ${n} is numbered`);
  }
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Clear the baseline' }).click();
  await page.getByRole('heading', { name: /Progress since/ }).waitFor({ state: 'detached' });

  // Back to the list, and open it again from there.
  await backToList(page);
  const list = page.getByRole('table', { name: /maturity assessments/i });
  await list.getByRole('button', { name: 'Maturity 2026', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Maturity 2026' }).waitFor();
  assert.equal(await current(page, A2).inputValue(), '2');

}));

for (const theme of ['light', 'dark']) {
  test(`the assessment page passes axe (WCAG 2.1 AA), ${theme} theme`, () => withApp(env, { viewport: VIEWPORT, colorScheme: theme }, async ({ page }) => {
    const found = [];
    await createAssessment(page, 'Accessible assessment');
    found.push(...await audit(page, 'new assessment'));
    await score(page);
    await markPurchasingNotApplicable(page);
    await addRoadmap(page);
    // A field showing a refusal: a blank reason.
    await page.getByLabel('Why Purchasing does not apply').fill('');
    await page.locator('#na-error-supplier-purchasing').waitFor();
    found.push(...await audit(page, 'scored, with a roadmap and a refusal'));
    await page.locator('.level-guide summary').click();
    await page.getByTestId('baseline-input').setInputFiles({
      name: 'same.jsp-assessment.json', mimeType: 'application/json',
      buffer: Buffer.from(Object.values(await storageSnapshot(page)).find((v) => v.includes('"jsp-planner/assessment"'))),
    });
    await page.getByRole('heading', { name: /Progress since/ }).waitFor();
    found.push(...await audit(page, 'with a baseline and the level guide open'));
    await page.screenshot({ path: path.join(ARTIFACTS, `assessment-${theme}.png`) });
    // On the projector: the workshop bar over one component, the brief heatmap, the wide chart and the roadmap.
    await page.locator('body').press('w');
    const bar = page.getByRole('navigation', { name: 'Workshop steps' });
    await bar.getByText('1 / 14 · Concept').waitFor();
    found.push(...await audit(page, 'workshop mode, Concept'));
    for (let i = 0; i < 9; i++) await bar.getByRole('button', { name: 'Next part' }).click();
    await bar.getByText('10 / 14 · Heatmap').waitFor();
    await page.locator('.heatmap-brief').waitFor();
    found.push(...await audit(page, 'workshop mode, the brief heatmap'));
    await bar.getByRole('button', { name: 'Next part' }).click();
    await page.getByRole('img', { name: 'Current and target level by component' }).waitFor();
    found.push(...await audit(page, 'workshop mode, the projector chart'));
    await bar.getByRole('button', { name: 'Next part' }).click();
    await bar.getByText('12 / 14 · Roadmap').waitFor();
    found.push(...await audit(page, 'workshop mode, Roadmap'));
    await bar.getByRole('button', { name: 'Exit workshop' }).click();
    await bar.waitFor({ state: 'detached' });
    assert.deepEqual(found, []);
  }));
}

/** Change an activity's owner in the stored assessment behind this tab's
 *  back (no storage event reaches the tab that writes). */
async function writeBehind(page, activityId, owner) {
  await settled(page);
  await page.evaluate(([id, value]) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/assessment/'));
    const file = JSON.parse(localStorage.getItem(key));
    file.assessment.activities.find((e) => e.activity_id === id).owner = value;
    localStorage.setItem(key, JSON.stringify(file));
  }, [activityId, owner]);
}

test('another tab’s change to the assessment is taken; the same field changed in both waits for a choice', () => withApp(env, { viewport: VIEWPORT }, async ({ page: first, openTab }) => {
  await createAssessment(first, 'Shared assessment');
  const second = await openTab();
  await second.getByRole('table', { name: /maturity assessments/i }).getByRole('button', { name: 'Shared assessment', exact: true }).click();
  await second.getByRole('heading', { level: 1, name: 'Shared assessment' }).waitFor();
  await second.getByLabel(`Owner of ${A2}`).fill('Written in the second tab');
  assert.equal(await saveStatus(second), 'Saved in this browser');
  // The first tab, with no edits of its own, shows it; its own edit of another field is kept beside it.
  await first.waitForFunction(() => document.getElementById('owner-concept-a2')?.value === 'Written in the second tab');
  await first.getByLabel(`Owner of ${A3}`).fill('Written in the first tab');
  assert.equal(await saveStatus(first), 'Saved in this browser');
  assert.equal((await storedEntry(first, 'concept.a2')).owner, 'Written in the second tab');
  assert.equal((await storedEntry(first, 'concept.a3')).owner, 'Written in the first tab');
  await second.waitForFunction(() => document.getElementById('owner-concept-a3')?.value === 'Written in the first tab');

  // A field changed elsewhere and here: nothing is written until the user chooses.
  await writeBehind(first, 'concept.a1', 'Written elsewhere');
  await first.getByLabel(`Owner of ${A1}`).fill('Mine in the first tab');
  const banner = first.getByRole('alert').filter({ hasText: 'This assessment was changed in another tab.' });
  await banner.waitFor();
  assert.equal(await saveStatus(first), 'Not saved: changed in another tab');
  assert.equal((await storedEntry(first, 'concept.a1')).owner, 'Written elsewhere');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  assert.equal(await saveStatus(first), 'Saved in this browser');
  assert.equal((await storedEntry(first, 'concept.a1')).owner, 'Mine in the first tab');
  await second.waitForFunction(() => document.getElementById('owner-concept-a1')?.value === 'Mine in the first tab');

  // The other choice: take the other version.
  await writeBehind(second, 'concept.a2', 'Theirs, written elsewhere');
  await second.getByLabel(`Owner of ${A2}`).fill('Dropped on purpose');
  const theirs = second.getByRole('alert').filter({ hasText: 'This assessment was changed in another tab.' });
  await theirs.getByRole('button', { name: 'Take theirs' }).click();
  assert.equal(await second.getByLabel(`Owner of ${A2}`).inputValue(), 'Theirs, written elsewhere');
  assert.equal(await saveStatus(second), 'Saved in this browser');
}));

// The presenter scrolls the desk's page to a part and switches to the
// projector: the workshop opens on that part, not on the first; leaving it
// brings the desk's page to the part the room was on.
test('the workshop opens on the part in view, and the desk comes back to where it was', () => withApp(env, { viewport: VIEWPORT }, async ({ page }) => {
  await createAssessment(page, 'Where the room is');
  await page.locator('section.component-scores', { hasText: 'Maintenance' }).first().evaluate((el) => el.scrollIntoView());
  await page.locator('body').press('w');
  const bar = page.getByRole('navigation', { name: 'Workshop steps' });
  await bar.getByText('6 / 14 · Maintenance').waitFor();
  await page.waitForFunction(() => scrollY === 0);
  assert.equal(await current(page, 'Patching').isVisible(), true, 'Maintenance is scored on screen');
  for (let i = 0; i < 4; i++) await bar.getByRole('button', { name: 'Next part' }).click();
  await bar.getByText('10 / 14 · Heatmap').waitFor();
  await bar.getByRole('button', { name: 'Exit workshop' }).click();
  await bar.waitFor({ state: 'detached' });
  await page.waitForFunction(() => {
    const top = document.querySelector('#assessment-heatmap').getBoundingClientRect().top;
    return top > -2 && top < innerHeight / 3;
  });
  // Back on the projector from there: the heatmap again.
  await page.locator('body').press('w');
  await bar.getByText('10 / 14 · Heatmap').waitFor();
}));
