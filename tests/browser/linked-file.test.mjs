// A plan linked to a file on disk (the File System Access API; src/web/linked_file.rs).
//
// The test hook: headless Chromium has no way to click a native file picker,
// so an init script (PICKERS below) replaces window.showSaveFilePicker and
// window.showOpenFilePicker with functions that hand back real
// FileSystemFileHandles from the origin-private file system
// (navigator.storage.getDirectory(), then getFileHandle(name, {create:true})).
// Everything after the picker is the app's real code path against a real
// file: createWritable, getFile, the permission calls, IndexedDB keeping the
// handle over a reload. The test plays the other person ("someone saved the
// file", "a git pull") by writing that file itself. Handles of the private
// file system are always granted, so for "allow writing again" the hook also
// makes queryPermission answer 'prompt' while localStorage holds
// test/permission = prompt (requestPermission then grants and clears it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withApp, createPlan, storedPlans, download, section, backToList, eventually, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const PICKERS = () => {
  // Init scripts run in the first blank page too, which has no storage.
  if (location.protocol !== 'http:') return;
  const handle = async (name) => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
  window.showSaveFilePicker = async (options) => {
    localStorage.setItem('test/save-options', JSON.stringify(options));
    return handle(options.suggestedName);
  };
  window.showOpenFilePicker = async () => [await handle(localStorage.getItem('test/open-file'))];
  if (localStorage.getItem('test/permission') === 'prompt') {
    FileSystemHandle.prototype.queryPermission = async () => 'prompt';
    FileSystemHandle.prototype.requestPermission = async () => {
      localStorage.removeItem('test/permission');
      return 'granted';
    };
  }
};

/** Where the browser has no File System Access API (Firefox, Safari). */
const NO_PICKERS = () => {
  for (const name of ['showSaveFilePicker', 'showOpenFilePicker']) {
    delete window[name];
    delete Window.prototype[name];
  }
};

const field = (page, label) => page.getByLabel(label, { exact: true });
const FILE = 'linked-pump.jsp-plan.json';

/**
 * The text of a file in the origin-private file system ("on disk"). While
 * the app closes a write, Chromium moves its temporary copy into place, and
 * a read at that moment finds no file: then it reads again.
 */
const readDisk = (page, name = FILE) => page.evaluate(async (n) => {
  const dir = await navigator.storage.getDirectory();
  for (let tries = 0; ; tries++) {
    try {
      return await (await (await dir.getFileHandle(n)).getFile()).text();
    } catch (e) {
      // NotReadableError: the file changed between getFile() and reading it (the app wrote it meanwhile).
      if (!['NotFoundError', 'NotReadableError'].includes(e.name) || tries > 20) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}, name);

/** Someone else writes the file on disk. */
const writeDisk = (page, text, name = FILE) => page.evaluate(async ([n, t]) => {
  const dir = await navigator.storage.getDirectory();
  const w = await (await dir.getFileHandle(n, { create: true })).createWritable();
  await w.write(t);
  await w.close();
}, [name, text]);

const diskPlan = async (page, name = FILE) => JSON.parse(await readDisk(page, name)).plan;
const storedPlan = async (page) => Object.values(await storedPlans(page))[0].plan;
const regainFocus = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));
const banner = (page) => page.getByTestId('linked-file');
const plainText = (s) => s.replace(/[\u2068\u2069]/g, '');

/** Open the app with the picker hook; a plan named "Linked pump", saved to its file. */
async function savedToFile(openTab, context) {
  await context.addInitScript(PICKERS);
  const page = await openTab();
  await createPlan(page, 'Linked pump');
  await page.getByRole('button', { name: 'Save to file…' }).click();
  await page.getByText(`Saved “\u2068Linked pump\u2069” to \u2068${FILE}\u2069.`, { exact: false }).waitFor();
  return page;
}

test('Save to file writes what Export writes, and every later saved edit reaches the file', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    const page = await savedToFile(openTab, context);
    // The picker was asked with plain option objects: the suggested name and the JSON type.
    const options = JSON.parse(await page.evaluate(() => localStorage.getItem('test/save-options')));
    assert.deepEqual(options, {
      suggestedName: FILE,
      types: [{ description: 'JSP Planner plan file', accept: { 'application/json': ['.json'] } }],
      id: 'jsp-plan',
    });
    const exported = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
    assert.equal(await readDisk(page), exported.text, 'the same bytes as Export');
    assert.equal(plainText(await page.locator('.plan-actions .linked-file').innerText()), `Linked to ${FILE}`);
    assert.equal(await page.getByRole('button', { name: `Unlink ${FILE}` }).count(), 1);

    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('Pump');
    await field(page, 'Security budget').fill('Budget here');
    await eventually(async () => {
      const p = await diskPlan(page);
      return [p.project.product, p.project.resources.budget];
    }, ['Pump', 'Budget here']);
    // The file is the plan as stored here, written as Export writes it.
    const again = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
    assert.equal(await readDisk(page), again.text);
    // The plan list knows it was saved to a file.
    await backToList(page);
    assert.notEqual(await page.locator('table.plans tbody tr td').nth(1).innerText(), 'Never');
  }));

test('a file changed on disk is offered as a merge when the app regains focus, and the merge holds both changes', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    const page = await savedToFile(openTab, context);
    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('Pump (here)');
    await eventually(async () => (await diskPlan(page)).project.product, 'Pump (here)');

    // A colleague saves the file (or a git pull brings their change).
    const file = JSON.parse(await readDisk(page));
    file.plan.project.resources.budget = 'Budget from the colleague';
    await writeDisk(page, JSON.stringify(file, null, 2));
    await regainFocus(page);

    const dialog = page.getByRole('dialog', { name: 'Merge “Linked pump”' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /1 change from the file apply by themselves; nothing conflicts\./);
    assert.match(plainText(await banner(page).innerText()), new RegExp(`${FILE} changed on disk since this app last wrote it`));
    // Nothing is written anywhere before the merge.
    assert.equal((await storedPlan(page)).project.resources.budget, '');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog.waitFor({ state: 'detached' });

    const stored = (await storedPlan(page)).project;
    assert.deepEqual([stored.product, stored.resources.budget], ['Pump (here)', 'Budget from the colleague']);
    // The merge is written back to the file, and the banner is gone.
    await eventually(async () => {
      const p = (await diskPlan(page)).project;
      return [p.product, p.resources.budget];
    }, ['Pump (here)', 'Budget from the colleague']);
    assert.equal(await banner(page).innerText(), '');
    assert.equal(await field(page, 'Security budget').inputValue(), 'Budget from the colleague');
  }));

test('an edit made after the file changed on disk is not written over it: both sides merge', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    const page = await savedToFile(openTab, context);
    const file = JSON.parse(await readDisk(page));
    file.plan.project.resources.budget = 'Budget from disk';
    await writeDisk(page, JSON.stringify(file, null, 2));
    // No focus event: the edit's own write finds the file changed.
    await section(page, 'A.1 Project planning');
    await field(page, 'Security people').fill('People here');
    const dialog = page.getByRole('dialog', { name: 'Merge “Linked pump”' });
    await dialog.waitFor();
    assert.equal((await diskPlan(page)).project.resources.people, '', 'the file on disk was not written over');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await eventually(async () => {
      const p = (await diskPlan(page)).project.resources;
      return [p.people, p.budget];
    }, ['People here', 'Budget from disk']);
  }));

test('a broken file on disk is named in words, and nothing changes until the user chooses', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    const page = await savedToFile(openTab, context);
    const before = await storedPlan(page);
    const good = await readDisk(page);
    // A git merge left its conflict markers in the file.
    const broken = `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`;
    await writeDisk(page, broken);
    await regainFocus(page);
    const error = page.getByTestId('errors').locator('.notice-text').first();
    await error.waitFor();
    assert.match(plainText(await error.innerText()), new RegExp(`^${FILE} on disk cannot be read as this plan\\. .+ Nothing was changed here, and the file is not written until you choose\\.$`));
    assert.match(plainText(await banner(page).innerText()), /cannot be read as this plan/);
    assert.deepEqual(await storedPlan(page), before, 'the plan here is unchanged');

    // An edit stays in the browser's storage; the broken file is left alone.
    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('Pump');
    await settled(page);
    assert.equal((await storedPlan(page)).project.product, 'Pump');
    assert.equal(await readDisk(page), broken);
    assert.equal(await page.getByRole('dialog').count(), 0, 'no merge is offered for a file that is not a plan');

    await banner(page).getByRole('button', { name: 'Write this plan over the file' }).click();
    const product = async () => (await diskPlan(page).catch(() => ({ project: {} }))).project.product;
    await eventually(product, 'Pump');
    await eventually(async () => banner(page).innerText(), '');

    // Broken again: written over on request even with no edit since the last write.
    await writeDisk(page, broken);
    await regainFocus(page);
    await banner(page).getByRole('button', { name: 'Write this plan over the file' }).click();
    await eventually(product, 'Pump');
  }));

test('where the browser has no file system access the menu says so, and Export and Import stay', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    await context.addInitScript(NO_PICKERS);
    const page = await openTab();
    await page.getByRole('button', { name: 'Open file…' }).click();
    const error = page.getByTestId('errors').locator('.notice-text').first();
    await error.waitFor();
    assert.equal(await error.innerText(), 'Opening a file on disk and keeping it linked needs Chrome or Edge; use Import here.');
    assert.equal(await page.getByRole('button', { name: 'Import plan files…' }).count(), 1);
    await createPlan(page, 'No file access');
    assert.equal(await page.locator('.plan-actions .linked-file').innerText(),
      'Saving to a file on disk needs Chrome or Edge; use Export and Import here.');
    assert.equal(await page.getByRole('button', { name: 'Save to file…' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Export plan file' }).count(), 1);
  }));

test('a reload keeps the link; without permission edits stay in the browser until "Allow writing again" writes them', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    const page = await savedToFile(openTab, context);
    await page.reload();
    await page.locator('.plan-page').waitFor();
    await page.locator('.plan-actions .linked-file').waitFor();
    assert.equal(plainText(await page.locator('.plan-actions .linked-file').innerText()), `Linked to ${FILE}`);
    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('After reload');
    await eventually(async () => (await diskPlan(page)).project.product, 'After reload');

    // The browser asks again after this reload.
    await page.evaluate(() => localStorage.setItem('test/permission', 'prompt'));
    await page.reload();
    const line = banner(page);
    await line.getByRole('button', { name: 'Allow writing again' }).waitFor();
    assert.equal(plainText(await line.locator('p').innerText()), `Linked to ${FILE} — allow writing again`);
    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('Kept meanwhile');
    await settled(page);
    assert.equal((await storedPlan(page)).project.product, 'Kept meanwhile', 'the edit is in the browser');
    assert.equal((await diskPlan(page)).project.product, 'After reload', 'and not yet in the file');

    await line.getByRole('button', { name: 'Allow writing again' }).click();
    await eventually(async () => (await diskPlan(page)).project.product, 'Kept meanwhile');
    await eventually(async () => line.innerText(), '');
  }));

test('Open file… imports a plan file from disk and links the plan to it', () =>
  withApp(env, { open: false }, async ({ context, openTab }) => {
    await context.addInitScript(PICKERS);
    const page = await openTab();
    // A plan file someone shared, on disk.
    await createPlan(page, 'Shared on disk');
    const shared = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
    await backToList(page);
    await page.getByRole('button', { name: 'Delete Shared on disk' }).click();
    await page.getByRole('button', { name: 'Delete plan' }).click();
    await writeDisk(page, shared.text, 'shared.json');
    await page.evaluate(() => localStorage.setItem('test/open-file', 'shared.json'));

    await page.getByRole('button', { name: 'Open file…' }).click();
    await page.locator('.plan-page').waitFor();
    await page.locator('.plan-actions .linked-file').waitFor();
    assert.equal(plainText(await page.locator('.plan-actions .linked-file').innerText()), 'Linked to shared.json');
    assert.match(plainText(await page.getByTestId('infos').innerText()), /“Shared on disk” is linked to shared\.json/);
    await section(page, 'A.1 Project planning');
    await field(page, 'Product').fill('Edited after opening');
    await eventually(async () => (await diskPlan(page, 'shared.json')).project.product, 'Edited after opening');
  }));
