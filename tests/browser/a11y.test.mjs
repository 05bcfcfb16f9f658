// Accessibility: axe-core checks every view against WCAG 2.1 A and AA, in
// both themes, in workshop mode, and with a dialog and the help open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { start, openApp, createPlan, section, backToList, SECTIONS } from './harness.mjs';

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
  test(`every view passes axe (WCAG 2.1 AA), ${theme} theme`, async () => {
    const context = await env.browser.newContext({ colorScheme: theme });
    const { page } = await openApp(context, env.base);
    const found = [];
    found.push(...await audit(page, 'empty plan list'));
    await populated(page);
    for (const name of SECTIONS) {
      await section(page, name);
      found.push(...await audit(page, name));
    }
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
    await context.close();
  });
}
