// Several tabs of one browser profile (a facilitator's laptop and the
// projector's window) editing one plan, or one maturity assessment, at the
// same moment: 2 and then 4 tabs, 20 rounds, every tab changing a field of
// its own at once (and in some rounds two tabs the same field). After each
// round every edit that conflicts with none is stored, every tab shows the
// stored version or asks, and no tab says "Saved" for an edit not stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { start, withApp, createPlan, section, settled, saveStatus, storedPlans } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const ROUNDS = 20;
/** Rounds in which the second tab changes the first tab's field too. */
const contested = (round) => round % 5 === 4;

/** What one tab shows: its status line, whether it asks, and its fields' values. */
async function shown(tab, doc) {
  return tab.evaluate(({ ids, question }) => ({
    status: document.querySelector('[data-testid="save-status"]')?.innerText.trim(),
    asks: [...document.querySelectorAll('.banner.conflict')].some((b) => b.innerText.includes(question)),
    values: ids.map((id) => document.getElementById(id)?.value),
  }), { ids: doc.ids, question: doc.question });
}

/** What storage holds for the fields, as each tab reads it. */
function storedValues(tab, doc) {
  return tab.evaluate(({ prefix, paths }) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith(prefix));
    const file = JSON.parse(localStorage.getItem(key));
    // A step { activity } picks an assessment's entry by its activity id.
    const go = (at, step) => (typeof step === 'string' ? at?.[step] : at?.find((e) => e.activity_id === step.activity));
    return paths.map((path) => path.reduce(go, file));
  }, { prefix: doc.prefix, paths: doc.paths });
}

/**
 * Every tab once all are done writing and telling each other: the same
 * picture (each tab's and storage as every tab reads it) for a while, with
 * no tab still at work. Polls; gives up after 20 s and returns what it saw
 * (the checks then say what is wrong).
 */
async function quiet(tabs, doc) {
  const end = Date.now() + 20000;
  let last; let same = 0;
  for (;;) {
    const now = await Promise.all(tabs.map(async (t) => ({ ...(await shown(t, doc)), stored: await storedValues(t, doc) })));
    // Still at work: a tab saving, tabs reading storage differently, or a tab
    // that neither asks nor shows the stored version yet.
    const busy = now.some((s) => s.status === 'Saving…' || !isDeepStrictEqual(s.stored, now[0].stored)
      || (!s.asks && !isDeepStrictEqual(s.values, s.stored)));
    same = !busy && isDeepStrictEqual(now, last) ? same + 1 : 0;
    last = now;
    if (same >= 4 || Date.now() > end) return { tabs: now, stored: now[0].stored };
    await new Promise((r) => setTimeout(r, 60));
  }
}

/** One round: every tab types into its field at once; then the checks. */
async function round(tabs, doc, n) {
  const edits = tabs.map((_, i) => ({ tab: i, field: contested(n) && i === 1 ? 0 : i, value: `round ${n}, tab ${i + 1}` }));
  // Each value in one input event, as a paste (typing letter by letter into a
  // field another tab's version is being drawn into mixes the two on screen).
  // Each tab notes what its field showed just before: a tab that already
  // showed the other tab's value of this round typed over it knowingly.
  await Promise.all(edits.map(async (e) => {
    e.before = await tabs[e.tab].evaluate(([id, value]) => {
      const field = document.getElementById(id);
      const before = field.value;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return before;
    }, [doc.ids[e.field], e.value]);
  }));
  const overwritten = (e) => edits.some((later) => later !== e && later.field === e.field && later.before === e.value);
  const seen = await quiet(tabs, doc);
  const where = `round ${n} with ${tabs.length} tabs: ${JSON.stringify(seen)}`;
  for (const e of edits) {
    const tab = seen.tabs[e.tab];
    if (tab.asks) {
      // The question keeps this tab's edit on screen until the user chooses.
      assert.equal(tab.values[e.field], e.value, `tab ${e.tab + 1} asks and still shows its edit; ${where}`);
      assert.ok(contested(n), `only a field changed in two tabs asks; ${where}`);
    } else {
      assert.equal(tab.status, 'Saved in this browser', `tab ${e.tab + 1} neither asks nor is saved; ${where}`);
      if (!overwritten(e)) {
        assert.equal(seen.stored[e.field], e.value, `tab ${e.tab + 1} says saved, so its edit is stored; ${where}`);
      }
      assert.deepEqual(tab.values, seen.stored, `tab ${e.tab + 1} shows the stored version; ${where}`);
    }
  }
  if (contested(n) && !edits.some(overwritten)) {
    assert.ok(seen.tabs[0].asks || seen.tabs[1].asks, `two tabs changed one field at once: one of them asks; ${where}`);
  }
  // Answer every question by taking the stored version, so the next round starts in step.
  for (const [i, tab] of tabs.entries()) {
    if (seen.tabs[i].asks) await doc.takeTheirs(tab);
  }
  if (seen.tabs.some((t) => t.asks)) {
    const after = await quiet(tabs, doc);
    for (const t of after.tabs) {
      assert.ok(!t.asks && t.status === 'Saved in this browser' && isDeepStrictEqual(t.values, after.stored),
        `after the answers every tab shows the stored version; ${JSON.stringify(after)}`);
    }
  }
}

const plan = {
  prefix: 'jsp-planner/plan/',
  question: 'This plan was changed in another tab',
  ids: ['product', 'res-budget', 'res-people', 'res-activities'],
  paths: [['plan', 'project', 'product'], ['plan', 'project', 'resources', 'budget'],
    ['plan', 'project', 'resources', 'people'], ['plan', 'project', 'resources', 'activities']],
  async open(first, count, openTab) {
    await createPlan(first, 'Shared on the projector');
    await section(first, 'A.1 Project planning');
    const tabs = [first];
    for (let i = 1; i < count; i++) {
      const tab = await openTab(`${env.base}#a1`);
      await tab.locator('#res-budget').waitFor();
      tabs.push(tab);
    }
    return tabs;
  },
  async takeTheirs(tab) {
    await tab.getByRole('button', { name: 'Load the other tab’s version (drops my edits)' }).click();
    await tab.locator('#res-budget').waitFor();
  },
};

const assessment = {
  prefix: 'jsp-planner/assessment/',
  question: 'This assessment was changed in another tab.',
  ids: ['owner-concept-a1', 'owner-concept-a2', 'owner-concept-a3', 'owner-risk-design-assessment'],
  paths: ['concept.a1', 'concept.a2', 'concept.a3', 'risk.design_assessment'].map((activity) => ['assessment', 'activities', { activity }, 'owner']),
  async open(first, count, openTab) {
    await first.getByLabel('New assessment name').fill('Shared maturity');
    await first.getByRole('button', { name: 'Create assessment' }).click();
    await first.getByRole('heading', { level: 1, name: 'Shared maturity' }).waitFor();
    const tabs = [first];
    for (let i = 1; i < count; i++) {
      const tab = await openTab();
      await tab.locator('table.assessments').getByRole('button', { name: 'Shared maturity', exact: true }).click();
      await tab.getByRole('heading', { level: 1, name: 'Shared maturity' }).waitFor();
      tabs.push(tab);
    }
    return tabs;
  },
  async takeTheirs(tab) {
    await tab.getByRole('button', { name: 'Take theirs' }).click();
  },
};

for (const [name, doc] of [['plan', plan], ['maturity assessment', assessment]]) {
  for (const count of [2, 4]) {
    test(`${count} tabs editing one ${name} at the same moment, ${ROUNDS} rounds: nothing lost, nothing hidden`, () => withApp(env, async ({ page, openTab }) => {
      const tabs = await doc.open(page, count, openTab);
      for (let n = 0; n < ROUNDS; n++) await round(tabs, doc, n);
    }));
  }
}

test('a write this tab was not told of, in another field, is merged with its edit', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Written behind');
  await section(page, 'A.1 Project planning');
  // Another writer changed the product behind this tab's back (no storage event reaches the writer).
  await settled(page);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('jsp-planner/plan/'));
    const file = JSON.parse(localStorage.getItem(key));
    file.plan.project.product = 'Written elsewhere';
    localStorage.setItem(key, JSON.stringify(file));
  });
  await page.getByLabel('Security budget').fill('Typed here');
  assert.equal(await saveStatus(page), 'Saved in this browser');
  const [stored] = Object.values(await storedPlans(page));
  assert.equal(stored.plan.project.product, 'Written elsewhere');
  assert.equal(stored.plan.project.resources.budget, 'Typed here');
  assert.equal(await page.getByLabel('Product', { exact: true }).inputValue(), 'Written elsewhere');
  assert.equal(await page.locator('.banner.conflict').count(), 0);
}));
