// Legibility gate for the projector workshop: every section of a realistic
// plan (8 stakeholders x 10 needs, 12 risks, 6 roles x 8 activities), as the
// app's navigation lists them, shown in workshop mode at 1280x720 and
// 1920x1080 and in normal mode at 1366x768 must put its main artefact in the
// top third of the screen (workshop mode), never scroll sideways (neither the
// page nor a table in its box), never clip a table header, and (workshop mode
// at 1280x720) show the text of its tables and of its main artefact at 18 px
// or more. Each setup collects every problem it finds and fails once with the
// whole list; a screenshot of every section x setup lands in
// test-results/legibility/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, withApp, importFile, storedPlans, sections, ARTIFACTS } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workshop');
const FIXTURE = path.join(FIXTURES, 'insulin-pump.jsp-plan.json');
// 28 activities scored (one not applicable) with owners and evidence, 4 phases, 8 milestones.
const ASSESSMENT = path.join(FIXTURES, 'acme-maturity.jsp-assessment.json');
const SHOTS = path.join(ARTIFACTS, 'legibility');

/**
 * What each section (by URL hash, in workshop order) must show in the top
 * third of the projector: the element the app marks as its main artefact
 * ([data-artefact]), or, for the two sections that mark none, the list of
 * gaps in the chain that the room works through, and the form that issues
 * a revision. The test fails if the app's navigation lists a section not
 * named here, or no longer lists one that is.
 */
const MARKED = '[data-artefact]';
const ARTEFACT = {
  overview: MARKED, a1: MARKED, a2: MARKED, a3: MARKED, criteria: MARKED, register: MARKED,
  trace: 'ul.trace-gaps', components: MARKED, roles: MARKED, categories: MARKED, premarket: MARKED, buyers: MARKED,
  report: MARKED, revisions: 'form.issue-revision',
};

const SETUPS = [
  // The issue's bar for the projector: 8 stakeholders x at least 8 needs of the matrix on screen at once.
  { name: 'workshop-1280x720', workshop: true, viewport: { width: 1280, height: 720 }, minTableText: 18, matrixFits: { stakeholders: 8, needs: 8 } },
  { name: 'workshop-1920x1080', workshop: true, viewport: { width: 1920, height: 1080 } },
  { name: 'normal-1366x768', workshop: false, viewport: { width: 1366, height: 768 } },
];

let env;
before(async () => { env = await start(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await env?.stop(); });

/** Import the workshop plan on the plan list page (which opens it); fail loudly if the app refuses it. */
async function openWorkshopPlan(page) {
  const text = readFileSync(FIXTURE, 'utf8');
  await importFile(page, path.basename(FIXTURE), text);
  const refused = page.getByTestId('errors').locator('.notice-text');
  await page.locator('.plan-page').or(refused).first().waitFor();
  if (await refused.count()) {
    const why = (await refused.allInnerTexts()).map((t) => t.replace(/[\u2068\u2069]/g, '')).join(' ');
    assert.fail(`the workshop plan ${path.relative(process.cwd(), FIXTURE)} was not imported: ${why}`);
  }
  const { plan } = Object.values(await storedPlans(page))[0];
  const expected = JSON.parse(text).plan;
  for (const key of ['stakeholders', 'needs', 'need_links', 'risks', 'roles', 'activities', 'raci']) {
    assert.equal(plan[key].length, expected[key].length, `the imported plan keeps all ${key}`);
  }
  // Dismiss the "Imported …" message: it stays above every section until then,
  // and a facilitator clears it before the workshop starts.
  const imported = page.getByTestId('infos').locator('.notice', { hasText: `Imported “\u2068${expected.name}\u2069”` });
  await imported.getByRole('button', { name: 'Dismiss message' }).click();
  await imported.waitFor({ state: 'detached' });
  await page.mouse.move(0, 0); // no hover highlight left on what moved under the pointer
}

/** Show a section by its URL hash (the side navigation is hidden in workshop mode), at scroll top. */
async function show(page, anchor) {
  await page.evaluate((a) => { location.hash = `#${a}`; }, anchor);
  // The (possibly hidden) side navigation marks the section being shown.
  await page.locator(`nav.sections a[href="#${anchor}"][aria-current="page"]`).waitFor({ state: 'attached' });
  await page.locator('.section-body h2').first().waitFor();
  // The app focuses the new heading on the next animation frame, which may
  // scroll; let that happen, then measure from the top of the page.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Everything the gate checks, measured in the page at once. Runs in the
 * browser, so it must not use anything from this module.
 *
 * Effective font size = computed font-size x the product of the computed
 * `zoom` of the element and all its ancestors. The app shrinks tables with
 * `zoom: var(--table-zoom)`, and Chromium's getComputedStyle reports the
 * font-size before that zoom: with the "Table size" select at 55%, a RACI cell
 * still reports 24px while its glyphs are drawn at 55% (a Range over its text
 * is 15px high instead of 28px); the zoom product gives 24 x 0.55 = 13.2px.
 * Checked by hand on Chromium 156; a zoom on any ancestor is included too.
 * This is used rather than glyph heights because it gives the font size in
 * CSS px directly (a glyph box is ~1.17x the font size and rounded), and it
 * works for form controls, whose text is not a text node in the DOM.
 */
function measure({ minTableText, root = '.section-body', artefact: artefactSelector = '[data-artefact]' }) {
  const text = (el) => {
    const t = el.tagName === 'SELECT' ? el.selectedOptions[0]?.text ?? ''
      : el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value || el.placeholder
        : el.innerText;
    return t.trim().replace(/\s+/g, ' ').slice(0, 40);
  };
  const describe = (el) => {
    if (el.tagName === 'TABLE') return tableName(el);
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} “${text(el)}”`;
  };
  const hidden = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
    if (el.closest('.visually-hidden, tr.spacer')) return true;
    const r = el.getBoundingClientRect();
    return r.width < 2 || r.height < 2;
  };
  const zoom = (el) => {
    let z = 1;
    for (let e = el; e; e = e.parentElement) z *= parseFloat(getComputedStyle(e).zoom) || 1;
    return z;
  };
  const headings = [...document.querySelectorAll(`${root} h2, ${root} h3`)];
  const tableName = (table) => {
    const before = headings.filter((h) => h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const cls = table.className.trim() ? `.${table.className.trim().split(/\s+/).join('.')}` : '';
    const caption = table.caption?.textContent.trim();
    const where = caption ? ` “${caption}”` : before ? ` under “${before.textContent.trim()}”` : '';
    return `table${table.id ? `#${table.id}` : ''}${cls}${where}`;
  };

  // The first artefact shown: the assessment page keeps its other parts in the DOM, hidden.
  const artefact = [...document.querySelectorAll(`${root} ${artefactSelector}`)].find((el) => !hidden(el));
  const result = {
    innerWidth, innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    artefactSelector,
    artefact: artefact && {
      what: `${describe(artefact).slice(0, 60)} (${artefactSelector})`,
      top: artefact.getBoundingClientRect().top,
    },
    overflowing: [],
    clipped: [],
    smallText: [],
  };

  // What sticks out to the right: the outermost elements past the viewport's
  // right edge that no scrolling or clipping box of their own holds in.
  if (result.scrollWidth > innerWidth) {
    const clips = (el) => getComputedStyle(el).overflowX !== 'visible';
    const held = (el) => {
      for (let e = el.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
        if (clips(e)) return true;
      }
      return false;
    };
    const past = (el) => el.getBoundingClientRect().right > innerWidth + 0.5;
    result.overflowing = [...document.body.querySelectorAll('*')]
      .filter((el) => past(el) && !held(el) && !(el.parentElement && past(el.parentElement) && el.parentElement !== document.body))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 3)
      .map((el) => `${describe(el)} to ${Math.round(el.getBoundingClientRect().right)}px`);
  }

  // Tables that scroll sideways inside their own box hide columns (ids, Edit
  // buttons) from the room; the needs matrix neither, at a desk too (its
  // stakeholder names are on their side there as well).
  result.scrollingBoxes = [...document.querySelectorAll(`${root} .table-scroll`)]
    .filter((box) => !hidden(box) && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${describe(box.querySelector('table') ?? box)}: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);

  // Header cells must not clip their text; register cells neither (its rows
  // are grids with fixed columns, where a long word would run into the next cell).
  for (const th of document.querySelectorAll(`${root} th, ${root} table.register td`)) {
    if (hidden(th)) continue;
    if (th.scrollWidth > th.clientWidth + 1) {
      result.clipped.push(`${describe(th)} in ${tableName(th.closest('table'))}: scrollWidth ${th.scrollWidth} > clientWidth ${th.clientWidth}`);
    }
  }

  const NO_TEXT = new Set(['checkbox', 'radio', 'hidden', 'range', 'color', 'file', 'image']);
  const carriesText = (el) => {
    if (el.matches('select, textarea, button')) return true;
    if (el.tagName === 'INPUT') return !NO_TEXT.has(el.type);
    return [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  };
  // Text below the bar: in every table, and in the artefact outside its tables.
  const smallTextIn = (name, elements) => {
    const small = [];
    for (const el of elements) {
      if (!carriesText(el) || hidden(el)) continue;
      const fontSize = parseFloat(getComputedStyle(el).fontSize);
      const z = zoom(el);
      small.push({ el, fontSize, z, size: fontSize * z });
    }
    const below = small.filter((s) => s.size < minTableText - 0.05).sort((a, b) => a.size - b.size);
    if (below.length) {
      const kinds = new Map();
      for (const s of below) {
        const key = `${s.el.tagName.toLowerCase()} ${s.size.toFixed(1)}px`;
        if (!kinds.has(key)) kinds.set(key, `${describe(s.el)}: ${s.fontSize}px × zoom ${+s.z.toFixed(3)} = ${s.size.toFixed(1)}px`);
      }
      result.smallText.push(`${name}: ${below.length} of ${small.length} text elements below ${minTableText}px, `
        + `smallest ${below[0].size.toFixed(1)}px; e.g. ${[...kinds.values()].slice(0, 3).join('; ')}`);
    }
  };
  if (minTableText) {
    for (const table of document.querySelectorAll(`${root} table:not(.shortcuts)`)) {
      if (!hidden(table)) smallTextIn(tableName(table), table.querySelectorAll('th, td, th *, td *'));
    }
    if (artefact) {
      const outside = [artefact, ...artefact.querySelectorAll('*')].filter((el) => !el.closest('table'));
      smallTextIn(`the artefact ${describe(artefact).slice(0, 40)}`, outside);
    }
  }
  return result;
}

/** How many stakeholder columns and need rows of the needs matrix lie wholly inside the viewport. Runs in the browser. */
function matrixOnScreen() {
  const inside = (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5 && r.height > 0;
  };
  return {
    stakeholders: [...document.querySelectorAll('.matrix thead th.col-head')].filter(inside).length,
    needs: [...document.querySelectorAll('.matrix tbody tr:not(.spacer)')].filter(inside).length,
  };
}

/** What is wrong with one screen, as measured: one line each. */
function problemsIn(m, at, workshop) {
  const problems = [];
  if (workshop) {
    const third = m.innerHeight / 3;
    if (!m.artefact) {
      problems.push(`${at}: artefact: no element ${m.artefactSelector} is shown`);
    } else if (!(m.artefact.top < third)) {
      problems.push(`${at}: artefact: top is ${Math.round(m.artefact.top)}px, not in the top third (< ${Math.round(third)}px): ${m.artefact.what}`);
    }
  }
  if (m.scrollWidth > m.innerWidth) {
    problems.push(`${at}: sideways scroll: scrollWidth ${m.scrollWidth}px > innerWidth ${m.innerWidth}px`
      + (m.overflowing.length ? `; sticking out: ${m.overflowing.join('; ')}` : ''));
  }
  for (const c of m.clipped) problems.push(`${at}: clipped cell text: ${c}`);
  for (const b of m.scrollingBoxes) problems.push(`${at}: table scrolls sideways: ${b}`);
  for (const s of m.smallText) problems.push(`${at}: small text: ${s}`);
  return problems;
}

for (const setup of SETUPS) {
  test(`legibility: ${setup.name}, every section`, () => withApp(env, { viewport: setup.viewport }, async ({ page, errors }) => {
    await openWorkshopPlan(page);
    // Every section the app lists, read before workshop mode hides the navigation.
    const anchors = (await sections(page)).map((s) => s.anchor);
    assert.deepEqual(anchors, Object.keys(ARTEFACT), 'each section the app lists has its artefact named in ARTEFACT');
    if (setup.workshop) {
      await page.locator('body').press('w');
      await page.waitForFunction(() => document.documentElement.dataset.workshop === 'on');
      // On the projector the top bar gives way to the one slim workshop bar.
      await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor();
      assert.equal(await page.locator('.topbar').isVisible(), false, 'the top bar hides in workshop mode');
    } else {
      assert.equal(await page.getByRole('button', { name: 'Workshop mode' }).getAttribute('aria-pressed'), 'false');
    }

    const problems = [];
    for (const anchor of anchors) {
      await show(page, anchor);
      const m = await page.evaluate(measure, { minTableText: setup.minTableText ?? 0, artefact: ARTEFACT[anchor] });
      const at = `#${anchor}`;
      problems.push(...problemsIn(m, at, setup.workshop));
      if (anchor === 'a2' && setup.matrixFits) {
        const seen = await page.evaluate(matrixOnScreen);
        const want = setup.matrixFits;
        if (seen.stakeholders < want.stakeholders || seen.needs < want.needs) {
          problems.push(`${at}: needs matrix: ${seen.stakeholders} stakeholder columns x ${seen.needs} need rows wholly on screen, `
            + `want at least ${want.stakeholders} x ${want.needs}`);
        }
      }
      await page.screenshot({ path: path.join(SHOTS, `${setup.name}-${anchor}.png`) });
    }
    for (const e of errors) problems.push(`page error: ${e}`);
    assert.equal(problems.length, 0,
      `${problems.length} legibility problem(s) in ${setup.name} (screenshots in ${path.relative(process.cwd(), SHOTS)}/):\n`
      + problems.map((p) => `  - ${setup.name} ${p}`).join('\n'));
  }));
}

// The maturity assessment on the projector: the workshop steps through it one
// part at a time (each component's scoring, then the heatmap, the scores,
// roadmap, progress and outputs) by the presenter's clicker (Page Down),
// with the same bar as a plan's: artefact in the top third, nothing
// sideways, text of 18 px and more in tables and the artefact; and the
// heatmap whole on one screen, in its brief form.
/** The projector's heatmap: every component in view at once, each
 * activity saying its levels as numbers ("2 → 4 · 2 short"). */
async function heatmapOnOneScreen(page) {
  const heatmap = page.locator('[data-artefact="heatmap"]');
  const box = await heatmap.boundingBox();
  const viewport = page.viewportSize();
  const problems = [];
  if (!box || box.y < 0 || box.y + box.height > viewport.height) {
    problems.push(`the heatmap is not whole on the screen: ${JSON.stringify(box)} in ${viewport.height} px`);
  }
  const components = await heatmap.getByRole('heading', { level: 3 }).allInnerTexts();
  if (components.length !== 9) problems.push(`the heatmap shows ${components.length} components, not 9`);
  const activities = await heatmap.getByRole('listitem').count();
  if (activities !== 28) problems.push(`the heatmap shows ${activities} activities, not 28`);
  const levels = await heatmap.locator('li .levels').allInnerTexts();
  const brief = /^(\d → \d( · (met|\d short))?|\d → –|– → \d|Not scored|Not applicable)$/;
  const odd = levels.filter((t) => !brief.test(t.trim()));
  if (odd.length) problems.push(`heatmap levels not in brief: ${odd.join(' | ')}`);
  if (!levels.some((t) => / short$/.test(t))) problems.push('no activity on the heatmap says how far short it is');
  return problems;
}

test('legibility: a maturity assessment in workshop mode at 1280x720, every part', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page, errors }) => {
  const text = readFileSync(ASSESSMENT, 'utf8');
  const { name } = JSON.parse(text).assessment;
  await importFile(page, path.basename(ASSESSMENT), text);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const notices = page.getByTestId('infos').getByRole('button', { name: 'Dismiss message' });
  while (await notices.count()) await notices.first().click();
  await page.locator('body').press('w');
  const bar = page.getByRole('navigation', { name: 'Workshop steps' });
  await bar.waitFor();
  assert.equal(await page.locator('.topbar').isVisible(), false, 'the top bar hides in workshop mode');
  assert.equal(await page.getByLabel('Organisation').isVisible(), false, 'the header fields wait for the desk');

  const position = bar.locator('.step-position');
  const total = Number((await position.innerText()).match(/^1 \/ (\d+) · /)?.[1]);
  assert.equal(total, 14, 'nine components, then heatmap, scores, roadmap, progress and outputs');
  const problems = [];
  for (let step = 1; step <= total; step += 1) {
    const title = (await position.innerText()).split(' · ')[1];
    const m = await page.evaluate(measure, { minTableText: 18, root: '.assessment-page' });
    problems.push(...problemsIn(m, `step ${step} (${title})`, true));
    if (title === 'Heatmap') problems.push(...await heatmapOnOneScreen(page));
    const shown = await page.evaluate(() => [...document.querySelectorAll('.assessment-page [data-step]')]
      .filter((el) => el.getClientRects().length > 0).map((el) => Number(el.dataset.step)));
    if (shown.join() !== String(step - 1)) problems.push(`step ${step} (${title}): parts shown ${shown.join(', ')}, not only ${step - 1}`);
    await page.screenshot({ path: path.join(SHOTS, `assessment-workshop-1280x720-${String(step).padStart(2, '0')}.png`) });
    if (step < total) {
      await page.keyboard.press('PageDown');
      await bar.getByText(`${step + 1} / ${total} · `).waitFor();
    }
  }
  // At the end the clicker stays there; the bar's arrow goes back.
  await page.keyboard.press('PageDown');
  assert.match(await position.innerText(), new RegExp(`^${total} / ${total} · Report and downloads`));
  await bar.getByRole('button', { name: 'Previous part' }).click();
  assert.match(await position.innerText(), new RegExp(`^${total - 1} / ${total} · Progress`));
  for (const e of errors) problems.push(`page error: ${e}`);
  assert.equal(problems.length, 0,
    `${problems.length} legibility problem(s) on the assessment (screenshots in ${path.relative(process.cwd(), SHOTS)}/):\n`
    + problems.map((p) => `  - ${p}`).join('\n'));
}));
