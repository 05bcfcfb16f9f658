// Scratch: dashboard -> matrix / register painted on the 1 MB plan (as the bench).
import { start } from './harness.mjs';
import { planOfSize, storePlan } from '../../scripts/bench.mjs';
const env = await start();
const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
const page = await context.newPage();
await page.goto(env.base);
await page.locator('#plans-title').waitFor();
await storePlan(page, planOfSize(1024 * 1024, 'plan-bench'));
await page.goto(`${env.base}?p=1#overview`);
if (process.env.NOCV) await page.addStyleTag({ content: '.register tbody tr { content-visibility: visible !important; }' });
if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE });
await page.locator('.deliverables').waitFor();
const to = (hash, sel) => page.evaluate(async ({ hash, sel }) => {
  const t0 = performance.now();
  location.hash = hash;
  while (!document.querySelector(sel)) await new Promise((r) => setTimeout(r, 1));
  const t1 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [t1 - t0, performance.now() - t0];
}, { hash, sel });
for (const [name, hash, sel] of [['matrix', '#a2', '#need-matrix tbody tr[aria-rowindex] td.cell:nth-child(52) button'], ['register', '#register', 'table.register tbody tr:nth-child(500)']]) {
  const ts = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => { location.hash = '#overview'; });
    await page.locator('.deliverables').waitFor();
    await page.waitForTimeout(100);
    ts.push(await to(hash, sel));
  }
  ts.sort((a, b) => a[1] - b[1]);
  console.log(name, 'in DOM', ts[2][0].toFixed(0), 'painted', ts[2][1].toFixed(0), ts.map((t) => t[1].toFixed(0)).join(' '));
}
await env.stop();
