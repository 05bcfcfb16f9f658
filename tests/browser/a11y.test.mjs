// Accessibility: axe-core checks every view against WCAG 2.1 A and AA, in
// both themes, in workshop mode, and with a dialog and the help open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { start, withApp, createPlan, section, backToList, sections } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Run axe on the page as it is; returns readable lines, one per failing node. */
async function audit(page, where) {
  // An information notice fades out over its last second; caught mid-fade its
  // text is briefly faint. Audit the steady state: every animation at its end.
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.split('\n')[1]?.trim()}`));
}

async function populated(page) {
  await createPlan(page, 'Accessible plan');
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Pump firmware');
  await page.getByRole('button', { name: 'Add risk' }).click();
}

for (const theme of ['light', 'dark']) {
  test(`every view passes axe (WCAG 2.1 AA), ${theme} theme`, () => withApp(env, { colorScheme: theme }, async ({ page }) => {
    const found = [];
    found.push(...await audit(page, 'empty plan list'));
    await populated(page);
    for (const { name } of await sections(page)) {
      await section(page, name);
      found.push(...await audit(page, name));
    }
    // A revision with an approval and a comparison shown; the Word export's chooser.
    await section(page, 'Revisions and approvals');
    await page.getByLabel('Revision label').fill('A');
    await page.getByLabel('What changed').fill('First issue');
    await page.getByRole('button', { name: 'Issue revision' }).click();
    await page.locator('#approval-1-name').fill('Ana Author');
    await page.locator('#approval-1-date').fill('2026-11-24');
    await page.getByRole('button', { name: 'Record approval' }).click();
    await page.getByRole('button', { name: 'Take back the approval of Ana Author' }).waitFor();
    await page.getByRole('button', { name: 'Compare revision 1 with the draft' }).click();
    await page.locator('.revision-output').waitFor();
    found.push(...await audit(page, 'revisions, an approval and a comparison'));
    await section(page, 'Report and exports');
    await page.getByRole('button', { name: 'Download Word document…' }).click();
    await page.getByRole('dialog', { name: 'Download a Word document' }).waitFor();
    found.push(...await audit(page, 'Word export dialog'));
    await page.keyboard.press('Escape');
    await page.locator('body').press('w');
    for (const name of ['A.2 Stakeholder needs', 'A.3 Risk acceptability', 'Risk register']) {
      await page.goto(`${env.base}#${{ 'A.2 Stakeholder needs': 'a2', 'A.3 Risk acceptability': 'criteria', 'Risk register': 'register' }[name]}`);
      await page.locator('.stepper').waitFor();
      found.push(...await audit(page, `workshop: ${name}`));
    }
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    found.push(...await audit(page, 'shortcuts help'));
    await page.keyboard.press('Escape');
    await page.locator('body').press('w');
    await backToList(page);
    found.push(...await audit(page, 'plan list'));
    await page.getByRole('button', { name: 'Rename Accessible plan' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...await audit(page, 'rename dialog'));
    assert.deepEqual(found, []);
  }));
}

// The register's rows are laid out as grids (so an edit lays out one row, not
// all); the browser must still expose a table of rows and cells. Rows far off
// screen are skipped until scrolled to (content-visibility), as the needs
// matrix draws only the rows near its view; their text stays findable.
test('the risk register is a table to assistive technology', () => withApp(env, async ({ page, context }) => {
  await populated(page);
  await page.getByLabel('Asset or function').first().fill('Bluetooth pairing');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await page.locator('table.register tbody tr').nth(1).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const role = (n) => n.role?.value;
  const table = nodes.find((n) => role(n) === 'table' && n.name?.value === 'Risk register entries');
  assert.ok(table, 'the register is a table named by its caption');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const under = (n, wanted, out = []) => {
    for (const c of n.childIds ?? []) {
      const child = byId.get(c);
      if (!child) continue;
      if (wanted.includes(role(child))) out.push(child);
      under(child, wanted, out);
    }
    return out;
  };
  const rows = under(table, ['row']);
  assert.equal(rows.length, 3, 'a header row and two entries');
  const headers = under(rows[0], ['columnheader']).map((n) => n.name?.value);
  assert.deepEqual(headers.slice(0, 3), ['Id', 'Asset or function', 'Threat or vulnerability']);
  const second = rows[2];
  assert.equal(under(second, ['rowheader'])[0]?.name?.value, 'R-002');
  assert.deepEqual(under(second, ['cell']).slice(0, 1).map((n) => n.name?.value), ['Bluetooth pairing'], 'the asset is the first cell of its row');
}));
