// Importing a plan this browser holds already: the dialog says how the two
// copies stand before the user chooses; a copy that does not fit in storage
// is refused as an import (nothing was being edited), with the room it needs
// and the room free; a compact file just under the file limit imports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, withApp, createPlan, storedPlans, download, importFile, backToList, section, settled, fillStorage,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const LIMIT = 4 * 1024 * 1024;
const dialog = (page) => page.getByRole('dialog', { name: 'This plan is already in your library' });
const noticeTexts = async (page) => (await page.getByTestId('errors').locator('.notice-text').allInnerTexts()).map((t) => t.replace(/[\u2068\u2069]/g, ''));

test('the import dialog says the copies are identical, or which is newer and when each was edited', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Shared plan');
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Ventilator');
  await settled(page);
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);

  await importFile(page, exported.name, exported.text);
  await dialog(page).waitFor();
  const said = await dialog(page).innerText();
  assert.match(said, /The file’s copy is identical to yours \(last edited [^)]*\d[^)]*\): importing it changes nothing\./);
  await page.getByRole('button', { name: 'Cancel import' }).click();

  // An edit here makes this browser's copy the newer one; both times are given.
  await page.getByRole('button', { name: 'Shared plan', exact: true }).click();
  await section(page, 'A.1 Project planning');
  await page.getByLabel('Product', { exact: true }).fill('Ventilator, edited here');
  await settled(page);
  await backToList(page);
  await importFile(page, exported.name, exported.text);
  await dialog(page).waitFor();
  const newer = await dialog(page).innerText();
  assert.match(newer, /Your copy is newer: it was last edited .*\d.*, the file’s .*\d/);
  assert.doesNotMatch(newer, /identical/);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  assert.equal(Object.keys(await storedPlans(page)).length, 1);
}));

test('a copy that does not fit in storage is refused as an import, saying the room needed and free', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Roomy plan');
  await settled(page);
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);
  const before = await storedPlans(page);
  await fillStorage(page);
  await importFile(page, exported.name, exported.text);
  await page.getByRole('button', { name: 'Keep both' }).click();
  const [words] = await noticeTexts(page);
  assert.match(words, /Browser storage is full, so the file was not imported\./);
  assert.match(words, /It needs about \d+(\.\d)? (kB|MB) of storage and about \d+(\.\d)? (kB|MB) is free\./);
  assert.doesNotMatch(words, /latest changes|export this plan/i, 'nothing was being edited');
  assert.deepEqual(await storedPlans(page), before);
}));

test('a compact plan file 200 bytes under the file limit imports', () => withApp(env, async ({ page }) => {
  await createPlan(page, 'Near the limit');
  await settled(page);
  const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  const file = JSON.parse(exported.text);
  const risk = (i) => ({
    id: `R-${String(i + 1).padStart(4, '0')}`, asset: 'Pump', threat: `Threat ${String(i).padStart(5, '0')} ${'t'.repeat(900)}`, initial: null, controls: '',
    residual: null, need_ids: [], owner: '', status: 'open', treatment: null, control_ids: [], acceptance: { rationale: '', approver: '', date: '' },
  });
  const size = () => Buffer.byteLength(JSON.stringify(file));
  const one = size();
  file.plan.risks.push(risk(0));
  const perRisk = size() - one + 1;
  file.plan.risks = Array.from({ length: Math.floor((LIMIT - 200 - one) / perRisk) }, (_, i) => risk(i));
  file.plan.risks.at(-1).controls = 'c'.repeat(LIMIT - 200 - size());
  const text = JSON.stringify(file);
  assert.equal(Buffer.byteLength(text), LIMIT - 200);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#plans-title').waitFor();

  await importFile(page, 'near.jsp-plan.json', text);
  await page.locator('.plan-page').waitFor();
  await page.getByText(/^Imported “/).waitFor();
  assert.deepEqual(await noticeTexts(page), [], 'no error');
  const stored = Object.values(await storedPlans(page));
  assert.equal(stored.length, 1);
  assert.equal(stored[0].plan.risks.length, file.plan.risks.length);
}));
