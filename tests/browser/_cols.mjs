// Scratch: register column widths at laptop and projector sizes.
import { start } from './harness.mjs';
import { bigPlan, storePlan } from '../../scripts/bench.mjs';
const env = await start();
for (const [w, h, ws] of [[1366, 768, false], [1280, 720, true], [1920, 1080, false]]) {
  const context = await env.browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.locator('#plans-title').waitFor();
  await storePlan(page, bigPlan());
  await page.goto(`${env.base}?p=1#register`);
  if (ws) await page.evaluate(() => localStorage.setItem('jsp-planner/workshop', 'on'));
  if (ws) await page.reload();
  await page.locator('table.register tbody tr').first().waitFor();
  const cols = await page.evaluate(() => [...document.querySelectorAll('table.register thead th')].map((t) => Math.round(t.getBoundingClientRect().width)).join(' ') + ' table ' + Math.round(document.querySelector('table.register').getBoundingClientRect().width) + ' font ' + getComputedStyle(document.querySelector('table.register')).fontSize);
  console.log(w, ws ? 'workshop' : '', cols);
  await context.close();
}
await env.stop();
