import { start, openApp, createPlan, section } from './harness.mjs';
const env = await start();
const context = await env.browser.newContext();
const { page } = await openApp(context, env.base);
await createPlan(page, 'x');
await section(page, 'Risk register');
for (const a of ['One', 'Two']) { await page.getByLabel('Asset or function').first().fill(a); await page.getByRole('button', { name: 'Add risk' }).click(); }
await page.locator('table.register tbody tr').nth(1).waitFor();
await page.locator('table.register tbody tr').nth(1).scrollIntoViewIfNeeded(); await page.waitForTimeout(300);
const cdp = await context.newCDPSession(page);
const { nodes } = await cdp.send('Accessibility.getFullAXTree');
const byId = new Map(nodes.map((n) => [n.nodeId, n]));
const t = nodes.find((n) => n.role?.value === 'table' && n.name?.value === 'Risk register entries');
const dump = (n, d) => { if (d > 6) return; console.log(' '.repeat(d*2) + n.role?.value + ' ' + JSON.stringify(n.name?.value ?? '')); for (const c of n.childIds ?? []) { const ch = byId.get(c); if (ch) dump(ch, d+1); } };
dump(t, 0);
await env.stop();
