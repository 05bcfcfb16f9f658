// What a new user meets in workshop mode and when finding their way around:
// a presenter's clicker (Page Down / Page Up) shows the rest of a long
// section before it steps; an open quick capture does not cover the matrix
// header, and a run of captures shows one notice; the workshop bar's arrows
// stay in place whatever the section title; the shortcuts help fits 720p;
// Back, Forward and reload show what the address says (plan list, a plan's
// sections, a maturity assessment); a new assessment opens at its top; the
// A.2 matrix of six stakeholders fits a 1366x768 laptop with every need
// text in full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, withApp, createPlan, importFile, section, eventually } from './harness.mjs';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workshop', 'insulin-pump.jsp-plan.json');
const PROJECTOR = { width: 1280, height: 720 };

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Import the workshop plan (8 stakeholders x 10 needs, 12 risks), or `edit` of it; it opens. */
async function openWorkshopPlan(page, edit = (plan) => plan) {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  file.plan = edit(file.plan);
  await importFile(page, 'insulin-pump.jsp-plan.json', JSON.stringify(file));
  await page.locator('.plan-page').waitFor();
  const dismiss = page.getByTestId('infos').getByRole('button', { name: 'Dismiss message' });
  while (await dismiss.count()) await dismiss.first().click();
}

async function workshopOn(page) {
  await page.locator('body').press('w');
  await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor();
}

/** The anchor shown and where the page is scrolled. */
function where(page) {
  return page.evaluate(() => ({
    hash: location.hash,
    top: Math.round(scrollY),
    atEnd: scrollY + innerHeight >= document.scrollingElement.scrollHeight - 1,
  }));
}

/** Show a section by its anchor (the navigation hides in workshop mode), at its top. */
async function show(page, anchor) {
  await page.evaluate((a) => { location.hash = `#${a}`; }, anchor);
  await page.locator(`nav.sections a[href="#${anchor}"][aria-current="page"]`).waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('Page Down in a long workshop section scrolls first, then steps; Page Up goes back up, then steps back', () => withApp(env, { viewport: PROJECTOR }, async ({ page }) => {
  await openWorkshopPlan(page);
  await workshopOn(page);
  await show(page, 'register');
  const start = await where(page);
  assert.deepEqual(start, { hash: '#register', top: 0, atEnd: false }, 'the register is longer than the projector’s screen');

  // Each press shows more of the register until its end; only then the next section.
  const tops = [];
  for (let press = 0; press < 10; press += 1) {
    await page.keyboard.press('PageDown');
    const now = await where(page);
    if (now.hash !== '#register') break;
    tops.push(now.top);
    assert.ok(now.top > (tops.at(-2) ?? 0), `Page Down ${press + 1} scrolled the register further: ${tops.join(', ')}`);
    if (now.atEnd) {
      // Its last rows are on screen: the next press steps.
      await page.keyboard.press('PageDown');
      break;
    }
  }
  assert.ok(tops.length >= 1, 'Page Down scrolled the register before leaving it');
  await page.locator('nav.sections a[href="#trace"][aria-current="page"]').waitFor({ state: 'attached' });
  // About a screen per press: the room keeps its place (a line or so overlaps).
  assert.ok(tops[0] > 720 * 0.6 && tops[0] < 720, `the first press scrolled about a screen, less the bar: ${tops[0]} px`);
  assert.equal((await where(page)).top, 0, 'the next section starts at its top');

  // Page Up at the top of a section steps back, to that section's top; inside
  // a section it scrolls up first.
  await page.keyboard.press('PageUp');
  await page.locator('nav.sections a[href="#register"][aria-current="page"]').waitFor({ state: 'attached' });
  assert.equal((await where(page)).top, 0);
  await page.keyboard.press('PageDown');
  assert.equal((await where(page)).hash, '#register');
  await page.keyboard.press('PageUp');
  assert.deepEqual(await where(page), { hash: '#register', top: 0, atEnd: false }, 'Page Up scrolled back to the top');
  await page.keyboard.press('PageUp');
  await page.locator('nav.sections a[href="#criteria"][aria-current="page"]').waitFor({ state: 'attached' });
}));

test('workshop mode at 1280x720: quick capture pushes the matrix down, captures share one notice, the arrows stay put', () => withApp(env, { viewport: PROJECTOR }, async ({ page }) => {
  await openWorkshopPlan(page);
  await workshopOn(page);
  await show(page, 'a2');
  const header = page.locator('#need-matrix thead');
  const headerTop = (await header.boundingBox()).y;

  await page.keyboard.press('c');
  const capture = page.getByRole('form', { name: 'Quick capture' });
  await capture.getByRole('textbox').waitFor();
  const form = await capture.boundingBox();
  const moved = await header.boundingBox();
  assert.ok(form.y + form.height <= moved.y + 0.5,
    `the open capture line (bottom ${form.y + form.height}) ends above the matrix header (top ${moved.y})`);
  assert.ok(moved.y > headerTop, 'the matrix moved down to make room');
  assert.equal(await page.locator('#need-matrix thead th.col-head').first().isVisible(), true);

  // Three risks captured: one notice, saying the last.
  await page.keyboard.press('Escape');
  await page.getByRole('form', { name: 'Quick capture' }).waitFor({ state: 'detached' });
  for (const risk of ['Pump: Replayed bolus', 'App: Stolen session', 'Cloud: Leaked logs']) {
    await page.keyboard.press('c');
    await page.locator('#capture-kind').selectOption({ label: 'Risk' });
    await page.getByRole('textbox', { name: 'New risk' }).fill(risk);
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Quick capture' }).waitFor({ state: 'detached' });
  }
  const notices = page.getByTestId('infos').locator('.notice');
  await eventually(() => notices.count(), 1);
  assert.match(await notices.innerText(), /Added risk R-015\./, 'the notice says the last capture (the plan had 12 risks)');

  // The bar's arrows keep their places from the first section to the last.
  const bar = page.getByRole('navigation', { name: 'Workshop steps' });
  const arrows = async () => ({
    back: Math.round((await bar.getByRole('button', { name: 'Previous section' }).boundingBox()).x),
    next: Math.round((await bar.getByRole('button', { name: 'Next section' }).boundingBox()).x),
  });
  await show(page, 'overview');
  const first = await arrows();
  const titles = [];
  const total = Number((await bar.locator('.step-position').innerText()).match(/^1 \/ (\d+) · /)?.[1]);
  assert.ok(total > 9, `the bar counts every section: ${total}`);
  for (let step = 0; step < total - 1; step += 1) {
    await bar.getByRole('button', { name: 'Next section' }).click();
    await bar.getByText(`${step + 2} / ${total} · `).waitFor();
    const title = await bar.locator('.step-position').evaluate((el) => ({ text: el.innerText, cut: el.scrollWidth > el.clientWidth }));
    assert.equal(title.cut, false, `the step title is shown whole: ${title.text}`);
    titles.push(title.text);
    assert.deepEqual(await arrows(), first, `the arrows did not move at “${title.text}”`);
  }
  assert.equal(new Set(titles.map((t) => t.length)).size > 3, true, 'titles of several lengths were shown');
}));

for (const workshop of [false, true]) {
  test(`the shortcuts help fits 1280x720 without scrolling${workshop ? ', in workshop mode' : ''}`, () => withApp(env, { viewport: PROJECTOR }, async ({ page }) => {
    await createPlan(page, 'Help');
    if (workshop) await workshopOn(page);
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const box = await help.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 720, `the dialog is on the screen: top ${box.y}, bottom ${box.y + box.height}`);
    const scrolls = await help.evaluate((d) => [d, ...d.querySelectorAll('*')].filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.tagName));
    assert.deepEqual(scrolls, [], 'nothing in the help scrolls');
    const close = await help.getByRole('button', { name: 'Close' }).boundingBox();
    assert.ok(close.y + close.height <= 720, 'Close is on the screen');
    assert.equal(await help.getByRole('term').count(), 15, 'every shortcut is listed');
  }));
}

test('Back and Forward show what the address says: plan list, a plan’s sections, an assessment; reload reopens an assessment', () => withApp(env, { viewport: PROJECTOR }, async ({ page }) => {
  const list = page.locator('#plans-title');
  const heading = page.locator('.section-body h2').first();
  await createPlan(page, 'History');
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: '← All plans' }).click();
  await list.waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the plan list has no anchor');

  await page.goBack();
  await heading.filter({ hasText: 'A.2' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#a2');
  await page.goBack();
  await heading.filter({ hasText: 'What you walk away with' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#overview');
  await page.goBack();
  await list.waitFor();
  assert.equal(new URL(page.url()).hash, '');
  await page.goForward();
  await heading.filter({ hasText: 'What you walk away with' }).waitFor();
  await page.goForward();
  await heading.filter({ hasText: 'A.2' }).waitFor();
  await page.goForward();
  await list.waitFor();

  // A new assessment opens at its top, focus on its title, wherever the list was scrolled.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await page.getByLabel('New assessment name').fill('Maturity 2026');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'Maturity 2026' });
  await title.waitFor();
  await eventually(() => page.evaluate(() => ({ top: scrollY, focus: document.activeElement?.tagName })), { top: 0, focus: 'H1' });

  // Reload: the assessment again, not the plan list.
  await page.reload();
  await title.waitFor();
  // Back to the list and forward to the assessment.
  await page.goBack();
  await list.waitFor();
  assert.equal(await title.count(), 0);
  await page.goForward();
  await title.waitFor();
  // Its own "← All plans", then Back: the assessment.
  await page.getByRole('button', { name: '← All plans' }).click();
  await list.waitFor();
  await page.goBack();
  await title.waitFor();
}));

test('the A.2 matrix of six stakeholders fits a 1366x768 laptop, names on their side, every need text in full', () => withApp(env, { viewport: { width: 1366, height: 768 } }, async ({ page }) => {
  await openWorkshopPlan(page, (plan) => {
    const kept = new Set(plan.stakeholders.slice(0, 6).map((s) => s.id));
    return { ...plan, stakeholders: plan.stakeholders.filter((s) => kept.has(s.id)), need_links: plan.need_links.filter((l) => kept.has(l.stakeholder_id)) };
  });
  await section(page, 'A.2 Stakeholder needs');
  const region = page.locator('.matrix-region');
  await region.locator('tbody tr[aria-rowindex]').first().waitFor();
  const m = await page.evaluate(() => {
    const region = document.querySelector('.matrix-region');
    return {
      page: document.scrollingElement.scrollWidth - innerWidth,
      region: region.scrollWidth - region.clientWidth,
      columns: document.querySelectorAll('#need-matrix thead th.col-head').length,
      sideways: [...document.querySelectorAll('#need-matrix .col-name')].every((el) => getComputedStyle(el).writingMode === 'vertical-rl'),
      cut: [...document.querySelectorAll('#need-matrix textarea.need-text')]
        .filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1).map((t) => t.value),
      drawn: document.querySelectorAll('#need-matrix textarea.need-text').length,
      headers: [...document.querySelectorAll('#need-matrix thead th')].filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.innerText),
    };
  });
  assert.equal(m.columns, 6);
  assert.equal(m.page, 0, 'the page does not scroll sideways');
  assert.equal(m.region, 0, 'the matrix does not scroll sideways');
  assert.equal(m.sideways, true, 'stakeholder names are on their side');
  assert.ok(m.drawn >= 8, `the needs are drawn: ${m.drawn}`);
  assert.deepEqual(m.cut, [], 'no need text is cut');
  assert.deepEqual(m.headers, [], 'no header is clipped');
}));
