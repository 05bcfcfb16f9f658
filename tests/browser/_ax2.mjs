// Scratch: is an off-screen register cell (content-visibility: auto) in Chrome's accessibility tree?
import { start, openApp, createPlan, section } from './harness.mjs';
const env = await start();
const context = await env.browser.newContext();
const { page } = await openApp(context, env.base);
await createPlan(page, 'x');
await section(page, 'Risk register');
for (const a of ['One', 'Two']) { await page.getByLabel('Asset or function').first().fill(a); await page.getByRole('button', { name: 'Add risk' }).click(); }
await page.locator('table.register tbody tr').nth(1).waitFor();
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(300);
const cdp = await context.newCDPSession(page);
const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'table.register tbody td' });
const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId: nodeIds[0], fetchRelatives: true });
console.log(nodes.map((n) => `${n.role?.value} ${JSON.stringify(n.name?.value)} ignored=${n.ignored}`).join('\n'));
const q = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, accessibleName: 'Two' });
console.log('query Two:', q.nodes.map((n) => n.role?.value));
await env.stop();
