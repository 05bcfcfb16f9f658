// Scratch: profile only the "shown" part of register owner edits on a 1 MB plan. Not a test.
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
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
const incl = new Map(); let total = 0; const times = [];
for (let i = 0; i < 20; i++) {
  await page.evaluate((i) => new Promise((r) => { const b = document.querySelectorAll('table.register tbody button'); b[(i * 37) % b.length].click(); requestAnimationFrame(() => setTimeout(r, 50)); }), i);
  await cdp.send('Profiler.start');
  times.push(await page.evaluate(async (i) => {
    const t0 = performance.now();
    const input = document.querySelector('#risk-owner');
    input.value = `Owner edited ${i}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    document.body.getBoundingClientRect();
    return performance.now() - t0;
  }, i));
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const s of profile.samples) {
    const n0 = byId.get(s).callFrame.functionName;
    if (n0 === '(idle)' || n0 === '(program)') continue;
    const excl = process.env.EXCL ? new RegExp(process.env.EXCL) : null;
    let skip = false;
    for (let cur = s; excl && cur !== undefined; cur = parent.get(cur)) if (excl.test(byId.get(cur).callFrame.functionName)) { skip = true; break; }
    if (skip) continue;
    total++;
    const seen = new Set();
    for (let cur = s; cur !== undefined; cur = parent.get(cur)) {
      const name = (byId.get(cur).callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}$/, '').replace(/17h[0-9a-f]{16}E$/, '');
      if (seen.has(name)) continue; seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + 1);
    }
  }
}
times.sort((a, b) => a - b);
console.log('samples per edit', (total / 20).toFixed(0), 'median', times[10].toFixed(1), times.map((t) => t.toFixed(0)).join(' '));
const pat = new RegExp(process.env.PAT ?? '.');
for (const [n, c] of [...incl].filter(([n]) => pat.test(n)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 70))) console.log(String(c).padStart(6), (100 * c / total).toFixed(1).padStart(5) + '%', n.slice(0, 170));
await env.stop();
