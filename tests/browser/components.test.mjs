// The component register (Third-party components): SBOM import with a
// preview (CycloneDX 1.6 with nested components and FDA properties, SPDX
// 2.3), a re-import listing what changes before it applies and keeping what
// the team wrote, the filters, keyboard-only editing, the CycloneDX export
// checked against CycloneDX's published 1.6 schema, files refused with the
// plan unchanged, axe in both themes and the projector's 18 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { start, withApp, createPlan, storedPlans, download, eventually, settled } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sbom');
const fixture = (name) => readFileSync(path.join(FIXTURES, name));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** A new plan, showing its component register. */
async function registerPage(page, name = 'Pump') {
  await createPlan(page, name);
  await page.evaluate(() => { location.hash = '#components'; });
  await page.locator('#components-title').waitFor();
}

/**
 * Choose `name` (bytes) in "Import SBOM…", by its button and the file picker
 * as a user does; resolves once the preview dialog or a refusal shows.
 */
async function chooseSbom(page, name, buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import SBOM…' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer });
  await page.locator('dialog.sbom-preview, [data-testid="errors"] .notice-text').first().waitFor();
}

/** Import a fixture, confirming its preview. */
async function importSbom(page, name) {
  await chooseSbom(page, name, fixture(name));
  const dialog = page.getByRole('dialog', { name: 'Import the SBOM?' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The open plan as stored. */
async function stored(page) {
  return Object.values(await storedPlans(page))[0].plan;
}

/** The drawn rows: component cell, support, end of support. */
async function rows(page) {
  return page.locator('table.components tbody tr[data-component]').evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.textContent.trim());
    return [cells[0], cells[5], cells[6]];
  }));
}

test('a CycloneDX 1.6 SBOM with nested components and FDA properties is previewed, then imported with support levels and dates', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await chooseSbom(page, 'infusion-pump-2.1.cdx.json', fixture('infusion-pump-2.1.cdx.json'));
  const dialog = page.getByRole('dialog', { name: 'Import the SBOM?' });
  assert.match(await dialog.innerText(), /CycloneDX 1\.6 SBOM of Infusion pump 2\.1/);
  assert.equal(await dialog.locator('.sbom-summary').innerText(), '6 added.');
  // Nothing changes until confirmed.
  assert.equal((await stored(page)).components.length, 0);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await eventually(() => rows(page), [
    ['CMP-001 poky', 'Actively maintained', '2026-04-30'],
    ['CMP-002 openssl', 'Actively maintained', '2026-09-07'],
    ['CMP-003 busybox', 'No longer maintained', '—'],
    ['CMP-004 lodash', 'Abandoned', '—'],
    ['CMP-005 org.apache.logging.log4j/log4j-core', 'Unknown', '—'],
    ['CMP-006 SoftDevice S140', 'Actively maintained', '2031-06-30'],
  ]);
  const plan = await stored(page);
  const openssl = plan.components.find((c) => c.name === 'openssl');
  assert.deepEqual([openssl.version, openssl.supplier, openssl.licence, openssl.kind], ['3.0.2', 'OpenSSL Software Foundation', 'Apache-2.0', 'library']);
  assert.equal(plan.components.find((c) => c.name === 'poky').end_of_life, '2027-04-30');
  assert.equal(plan.components.find((c) => c.name === 'lodash').licence, 'MIT OR CC0-1.0');
  assert.match(await page.locator('.notices').innerText(), /SBOM imported: 6 added\./);
}));

test('an SPDX 2.3 SBOM is read: suppliers, licences and validUntilDate as end of support', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.spdx.json');
  const plan = await stored(page);
  const byName = Object.fromEntries(plan.components.map((c) => [c.name, c]));
  assert.ok(!byName['Infusion pump'], 'the product itself is not one of its components');
  assert.match(byName.openssl.supplier, /^OpenSSL Software Foundation/, '“Organization: ” is not kept');
  assert.equal(byName.openssl.end_of_support, '2026-09-07');
  assert.equal(byName['linux-kernel'].end_of_support, '2026-12-31');
  assert.equal(byName['linux-kernel'].licence, 'GPL-2.0-only WITH Linux-syscall-note');
  assert.equal(byName.busybox.supplier, 'Erik Andersen');
  const drawn = await rows(page);
  assert.ok(drawn.some(([name, support, end]) => name.endsWith('openssl') && support === 'Unknown' && end === '2026-09-07'), JSON.stringify(drawn));
}));

test('a re-import lists what it adds, removes and changes before it applies, and keeps the team’s notes', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.cdx.json');
  // The team writes about openssl.
  await page.getByRole('button', { name: 'Edit CMP-002 openssl 3.0.2' }).click();
  await page.getByLabel('Notes').fill('Patched for CVE-2024-0727 in our build');
  await page.getByLabel('Who monitors it').fill('Product security');
  await settled(page);
  const before = await stored(page);

  await chooseSbom(page, 'infusion-pump-2.2.cdx.json', fixture('infusion-pump-2.2.cdx.json'));
  const dialog = page.getByRole('dialog', { name: 'Import the SBOM?' });
  assert.match(await dialog.locator('.sbom-summary').innerText(), /^1 added, 1 changed, 1 removed/);
  assert.match(await dialog.locator('.sbom-added').innerText(), /zlib 1\.3\.1/);
  assert.match(await dialog.locator('.sbom-changed').innerText(), /CMP-002 openssl 3\.0\.2[^]*Version: 3\.0\.2 → 3\.0\.13/);
  assert.match(await dialog.locator('.sbom-removed').innerText(), /busybox 1\.35\.0 · removed/);
  // Cancel: nothing changed.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await stored(page), before);

  await importSbom(page, 'infusion-pump-2.2.cdx.json');
  await settled(page);
  const after = await stored(page);
  const openssl = after.components.find((c) => c.name === 'openssl');
  assert.equal(openssl.id, 'CMP-002', 'matched, not removed and added');
  assert.equal(openssl.version, '3.0.13');
  assert.equal(openssl.notes, 'Patched for CVE-2024-0727 in our build');
  assert.equal(openssl.monitoring.who, 'Product security');
  assert.deepEqual(after.components.map((c) => c.name).sort(), ['SoftDevice S140', 'lodash', 'log4j-core', 'openssl', 'poky', 'zlib']);
  // One undo step takes the whole import back.
  await page.keyboard.press('Control+z');
  await eventually(async () => (await stored(page)).components.map((c) => c.version), before.components.map((c) => c.version));
}));

test('the filters show components whose support ends before the product’s, or is unknown, or has ended', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.cdx.json');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Support ends before the product’s' });
  assert.equal(await page.locator('table.components tbody tr[data-component]').count(), 0, 'no product date yet: nothing is before it');
  assert.match(await page.locator('.filters').innerText(), /Set the product’s planned end of support in A\.1 first/);
  // The product's planned end of support, in A.1.
  await page.getByRole('link', { name: 'set it in A.1' }).click();
  await page.getByLabel('Planned end of support of the product').fill('2030-01-01');
  await page.evaluate(() => { location.hash = '#components'; });
  await page.locator('#components-title').waitFor();
  assert.match(await page.locator('.product-end').innerText(), /2030-01-01/);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Support ends before the product’s' });
  await eventually(() => rows(page), [
    ['CMP-001 poky', 'Actively maintained', '2026-04-30'],
    ['CMP-002 openssl', 'Actively maintained', '2026-09-07'],
  ]);
  assert.equal(await page.locator('.count-line').innerText(), '2 of 6 components shown.');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Support not known' });
  await eventually(async () => (await rows(page)).map((r) => r[0]), ['CMP-005 org.apache.logging.log4j/log4j-core']);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'No longer maintained or abandoned' });
  await eventually(async () => (await rows(page)).map((r) => r[0]), ['CMP-003 busybox', 'CMP-004 lodash']);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All components' });
  await page.getByLabel('Find components').fill('nordic');
  await eventually(async () => (await rows(page)).map((r) => r[0]), ['CMP-006 SoftDevice S140']);
}));

test('the register downloads as a CycloneDX 1.6 SBOM valid against the published schema, and as CSV, once per double-click', () => withApp(env, { acceptDownloads: true }, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.cdx.json');
  await page.getByRole('button', { name: 'Edit CMP-005 org.apache.logging.log4j/log4j-core 2.17.1' }).click();
  await page.getByLabel('Level of support').selectOption({ label: 'No longer maintained' });
  await page.getByLabel('End of support', { exact: true }).fill('2025-12-31');
  const sbom = await download(page, () => page.getByRole('button', { name: 'Download SBOM (CycloneDX 1.6)' }).click());
  assert.equal(sbom.name, 'pump.cdx.json');
  const bom = JSON.parse(sbom.text);
  assert.equal(bom.specVersion, '1.6');
  assert.equal(await new Validation.JsonValidator(Spec.Version.v1dot6).validate(sbom.text), null, 'valid against the CycloneDX 1.6 JSON schema');
  const all = [];
  const walk = (cs) => cs?.forEach((c) => { all.push(c); walk(c.components); });
  walk(bom.components);
  const log4j = all.find((c) => c.name === 'log4j-core');
  const props = Object.fromEntries(log4j.properties.map((p) => [p.name, p.value]));
  assert.equal(props['cdx:fda:level-of-support'], 'no longer maintained');
  assert.equal(props['cdx:fda:end-of-support-date'], '2025-12-31');

  const csv = await download(page, () => page.getByRole('button', { name: 'Download components (CSV)' }).click());
  assert.equal(csv.name, 'pump-components.csv');
  assert.equal(csv.text.trim().split('\r\n').length, 7, 'a header and six components');
  assert.match(csv.text, /log4j-core/);

  // A double-click downloads once.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  const first = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download components (CSV)' }).dblclick();
  await first;
  // A second download would be offered by the same task as the first: let any run.
  await settled(page);
  assert.equal(downloads, 1);

  // The same downloads in Report and exports.
  await page.evaluate(() => { location.hash = '#report'; });
  const fromReport = await download(page, () => page.locator('.report-actions').getByRole('button', { name: 'Download SBOM (CycloneDX 1.6)' }).click());
  assert.equal(JSON.parse(fromReport.text).components.length, bom.components.length);
}));

test('malformed and wrong-kind files are refused in plain words and the plan is unchanged', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.cdx.json');
  await settled(page);
  const before = await stored(page);
  const planFile = JSON.stringify({ format: 'jsp-planner/plan', version: 6, plan: before });
  const cases = [
    ['bad-spdx-3.spdx.json', fixture('bad-spdx-3.spdx.json'), /This is an SPDX 3 file/],
    ['pump.jsp-plan.json', Buffer.from(planFile), /This is a JSP Planner plan file, not an SBOM/],
    ['bad-cyclonedx.cdx.xml', fixture('bad-cyclonedx.cdx.xml'), /This is an XML file/],
    ['bad-broken.cdx.json', fixture('bad-broken.cdx.json'), /line \d+, column \d+/],
  ];
  for (const [name, buffer, why] of cases) {
    await chooseSbom(page, name, buffer);
    const notice = page.getByTestId('errors').locator('.notice-text').last();
    const text = (await notice.innerText()).replace(/[\u2068\u2069]/g, '');
    assert.match(text, why, name);
    assert.match(text, new RegExp(`^“${name.replaceAll('.', '\\.')}” was not imported\\. .* The plan is unchanged\\.$`), name);
    assert.equal(await page.locator('dialog.sbom-preview').count(), 0, `${name}: no preview`);
    await page.getByTestId('errors').getByRole('button', { name: /Dismiss/ }).last().click();
  }
  assert.deepEqual(await stored(page), before);
}));

test('a component is added, edited and removed with the keyboard alone', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  await page.getByLabel('Add a component').focus();
  await page.keyboard.type('zlib');
  await page.keyboard.press('Enter');
  // The new component's editor opens at its version.
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'component-version');
  await page.keyboard.type('1.3.1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('madler');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mark Adler');
  await page.keyboard.press('Enter');
  // Enter closes the editor and puts the focus on the row.
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit CMP-001 madler/zlib 1.3.1');
  assert.equal(await page.locator('.component-editor').count(), 0);
  // Enter on the row opens the editor again; the level of support is chosen with the arrow keys.
  await page.keyboard.press('Enter');
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'component-name');
  await page.getByLabel('Level of support').focus();
  await page.getByLabel('Level of support').selectOption({ label: 'Actively maintained' });
  await page.keyboard.press('Escape');
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit CMP-001 madler/zlib 1.3.1');
  // A second component; the arrow keys move between the rows.
  await page.getByLabel('Add a component').focus();
  await page.keyboard.type('busybox');
  await page.keyboard.press('Enter');
  // Its editor opens at Version (as for the first), then Escape goes back to its row.
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'component-version');
  await page.keyboard.press('Escape');
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit CMP-002 busybox');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit CMP-001 madler/zlib 1.3.1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove CMP-001 madler/zlib 1.3.1');
  await page.keyboard.press('Enter');
  await eventually(async () => (await stored(page)).components.map((c) => c.name), ['busybox']);
  assert.match(await page.locator('.notices').innerText(), /Removed CMP-001 .*madler\/zlib 1\.3\.1.*\. Ctrl\+Z/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit CMP-002 busybox', 'the focus moves to the next row');
  await page.keyboard.press('Control+z');
  await eventually(async () => (await stored(page)).components.map((c) => [c.name, c.version, c.supplier, c.support]),
    [['zlib', '1.3.1', 'Mark Adler', 'actively_maintained'], ['busybox', '', '', 'unknown']]);
}));

test('a 3,000-component register draws only the rows in view; dashboard gap links land on a far component’s field and on the filtered register', () => withApp(env, async ({ page }) => {
  await registerPage(page);
  // The last 12 components' support is not known: 10 are named gaps, the other 2 one gap (1 once one is set).
  const bom = {
    bomFormat: 'CycloneDX', specVersion: '1.6', version: 1,
    components: Array.from({ length: 3000 }, (_, i) => ({
      type: 'library', name: `lib${i}`, version: `1.${i}`, purl: `pkg:npm/lib${i}@1.${i}`,
      properties: i < 2988 ? [{ name: 'cdx:fda:level-of-support', value: 'actively maintained' }] : [],
    })),
  };
  await chooseSbom(page, 'big.cdx.json', Buffer.from(JSON.stringify(bom)));
  await page.getByRole('dialog', { name: 'Import the SBOM?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('tr[data-component="CMP-001"]').waitFor();
  const drawn = await page.locator('table.components tbody tr[data-component]').count();
  assert.ok(drawn > 5 && drawn < 100, `${drawn} rows drawn`);
  await page.locator('.components-region').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator('tr[data-component="CMP-3000"]').waitFor();
  assert.equal(await page.locator('tr[data-component="CMP-3000"]').getAttribute('aria-rowindex'), '3001');

  // A named gap: the component's editor opens at its level of support, though its row is not drawn.
  await page.evaluate(() => { location.hash = '#overview'; });
  await page.getByRole('link', { name: 'CMP-2995 lib2994 1.2994: find out its level of support.' }).click();
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'component-support');
  assert.equal(await page.locator('#component-editor-title').innerText(), 'Edit CMP-2995 lib2994 1.2994');
  await page.getByLabel('Level of support').selectOption({ label: 'Abandoned' });
  await eventually(async () => (await stored(page)).components[2994].support, 'abandoned');
  // The gap for the rest: the register filtered to them.
  await page.evaluate(() => { location.hash = '#overview'; });
  await page.getByRole('link', { name: '1 more component with support not known.' }).click();
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'component-show');
  assert.equal(await page.locator('.count-line').innerText(), '11 of 3,000 components shown.');
}));

for (const theme of ['light', 'dark']) {
  test(`the register, its editor and the import preview pass axe, ${theme} theme`, () => withApp(env, { colorScheme: theme }, async ({ page }) => {
    await registerPage(page);
    await importSbom(page, 'infusion-pump-2.1.cdx.json');
    await page.getByRole('button', { name: 'Edit CMP-002 openssl 3.0.2' }).click();
    const audit = async (where) => {
      await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} at ${n.target.join(' ')}`));
    };
    const found = await audit('register and editor');
    await chooseSbom(page, 'infusion-pump-2.2.cdx.json', fixture('infusion-pump-2.2.cdx.json'));
    found.push(...await audit('import preview'));
    assert.deepEqual(found, []);
  }));
}

test('on the projector (workshop mode, 1280x720) the register’s text is 18 px or more and nothing scrolls sideways', () => withApp(env, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
  await registerPage(page);
  await importSbom(page, 'infusion-pump-2.1.cdx.json');
  await page.locator('body').press('w');
  await page.locator('html[data-workshop="on"]').waitFor();
  const measured = await page.evaluate(() => {
    const region = document.querySelector('.components-region');
    const sizes = [...document.querySelectorAll('table.components th, table.components td')]
      .filter((c) => c.offsetParent !== null && c.textContent.trim())
      .map((c) => parseFloat(getComputedStyle(c).fontSize));
    const top = region.getBoundingClientRect().top;
    return { min: Math.min(...sizes), sideways: region.scrollWidth > region.clientWidth + 1, page: document.documentElement.scrollWidth > innerWidth, top };
  });
  assert.ok(measured.min >= 18, `table text ${measured.min} px`);
  assert.equal(measured.sideways, false, 'the table fits its box');
  assert.equal(measured.page, false, 'the page does not scroll sideways');
  assert.ok(measured.top < 720 / 3 * 2, `the register starts at ${measured.top} px`);
}));
