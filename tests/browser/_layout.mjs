// Scratch: what a one-cell change costs in layout on the 1 MB register.
import { start } from './harness.mjs';
import { planOfSize, storePlan } from '../../scripts/bench.mjs';
const env = await start();
const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await context.newPage();
await page.goto(env.base);
await page.locator('#plans-title').waitFor();
await storePlan(page, planOfSize(1024 * 1024, 'plan-bench'));
await page.goto(`${env.base}?p=1#register`);
await page.locator('table.register tbody tr').first().waitFor();
await page.waitForTimeout(500);
const probe = (label) => page.evaluate(async (label) => {
  const ts = [];
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    const el = document.querySelectorAll('table.register .owner')[(i * 37) % 500];
    const t0 = performance.now();
    el.textContent = `Owner x ${i}`;
    document.body.getBoundingClientRect();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return `${label}: ${ts[7].toFixed(2)} ms`;
}, label);
console.log(await probe('owner text'));
await page.evaluate(() => { document.querySelector('table.register').style.tableLayout = 'auto'; });
console.log(await probe('auto layout'));
await page.evaluate(() => { document.querySelector('table.register').style.tableLayout = 'fixed'; document.querySelectorAll('.register thead th').forEach((t) => { t.style.position = 'static'; }); });
console.log(await probe('no sticky'));
await page.evaluate(() => { document.querySelector('nav')?.remove(); document.querySelector('.placement, .risk-grid')?.remove(); });
console.log(await probe('no nav/placement'));
await env.stop();
