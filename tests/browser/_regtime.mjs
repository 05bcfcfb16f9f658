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
const r = await page.evaluate(async () => {
  const out = [];
  for (let i = 0; i < 20; i++) {
    const b = document.querySelectorAll('table.register tbody button'); b[(i * 37) % b.length].click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const t0 = performance.now();
    const input = document.querySelector('#risk-owner');
    input.value = `Owner edited ${i}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    const t2 = performance.now();
    document.body.getBoundingClientRect();
    const t3 = performance.now();
    out.push([t1 - t0, t2 - t1, t3 - t2]);
  }
  return out;
});
const med = (k) => r.map((x) => x[k]).sort((a, b) => a - b)[10].toFixed(1);
console.log('dispatch', med(0), 'to timeout', med(1), 'layout', med(2));
await env.stop();
