// Profiling aid (not shipped): CPU profile of keystrokes / a section opening in the 4,000-risk plan.
// Usage: WASM_NAMES=1 scripts/build.sh; node scripts/profile-big.mjs owner|docid|trace
import { writeFileSync } from 'node:fs';
import { start } from '../tests/browser/harness.mjs';
import { planOfSize, storePlan } from './bench.mjs';

const what = process.argv[2] ?? 'owner';
const env = await start();
try {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${env.base}?big`);
  await page.locator('#plans-title, .plan-page').first().waitFor();
  await page.evaluate(() => localStorage.clear());
  await storePlan(page, planOfSize(3.9 * 1024 * 1024, 'plan-4000', { risks: 4000, controls: 400 }));
  await page.goto(`${env.base}?big=1#overview`);
  await page.locator('.deliverables').waitFor({ timeout: 60000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (what === 'trace') {
    await cdp.send('Profiler.start');
    await page.evaluate(() => { location.hash = '#trace'; });
    await page.locator('#trace-title').waitFor({ timeout: 60000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  } else {
    const [hash, sel] = what === 'owner' ? ['#register', '#risk-owner'] : ['#report', '#doc-id'];
    await page.evaluate((h) => { location.hash = h; }, hash);
    if (what === 'owner') {
      await page.locator('table.register tbody tr').first().waitFor();
      await page.evaluate(() => document.querySelector('table.register tbody button').click());
    }
    await page.locator(sel).waitFor();
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    await page.evaluate(async (sel) => {
      const input = document.querySelector(sel);
      for (let i = 0; i < 10; i++) {
        input.value = `typed ${'x'.repeat(i)}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(() => setTimeout(r, 0), 0)));
      }
    }, sel);
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/perf2/${what}.cpuprofile`, JSON.stringify(profile));
  // Self and total time per function.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const t = dt[i] / 1000;
    const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    const n = byId.get(id);
    self.set(name(n), (self.get(name(n)) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + t);
    }
  });
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`).join('\n');
  console.log('SELF\n' + top(self) + '\nTOTAL\n' + top(total));
  await context.close();
} finally {
  await env.stop();
}
