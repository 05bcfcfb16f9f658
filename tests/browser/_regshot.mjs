// Scratch: screenshots of the register table at laptop and projector sizes.
import { start } from './harness.mjs';
import { bigPlan, storePlan } from '../../scripts/bench.mjs';
const env = await start();
for (const [w, h, ws] of [[1366, 768, false], [1280, 720, true]]) {
  const context = await env.browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.locator('#plans-title').waitFor();
  const p = bigPlan({ risks: 30 });
  p.plan.risks[1].asset = 'Bluetooth Low Energy pairing interface'; p.plan.risks[1].threat = 'An attacker within radio range replays a captured bolus command';
  p.plan.risks[2].initial = null; p.plan.risks[1].owner = 'Firmware security lead';
  await storePlan(page, p);
  await page.goto(`${env.base}?p=1#register`);
  await page.locator('table.register tbody tr').first().waitFor();
  if (ws) { await page.keyboard.press('w'); await page.waitForTimeout(300); }
  await page.locator('table.register').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('table.register').scrollIntoView());
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/reg-${w}.png` });
  await context.close();
}
await env.stop();
