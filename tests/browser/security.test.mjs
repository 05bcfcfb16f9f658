// No network and a strict policy: the built page carries a Content-Security-
// Policy that allows only its own files, nothing violates it through a full
// workflow, and the page asks for nothing but its own static files. Then
// hostile text imported in a plan file shows as text in every view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import {
  start, withApp, createPlan, section, sections, storedPlans, download, importFile, backToList, ready, DIST,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });


/** Record every request and every CSP violation of the context; call before opening a page. */
async function watch(context) {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return requests;
}

test('the built index.html carries a strict Content-Security-Policy', async () => {
  const html = await (await fetch(env.base)).text();
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(policy, 'a CSP meta element');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(directives['script-src'].slice(2).every((s) => s.startsWith("'sha256-")), 'inline scripts only by hash');
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes('http'), 'no unsafe-inline, no other origin');
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
});

test('a full workflow requests only the app’s own files and violates nothing', () => withApp(env, { acceptDownloads: true, open: false }, async ({ context, openTab }) => {
  const requests = await watch(context);
  const page = await openTab();
  await createPlan(page, 'Network watch');
  for (const { name } of await sections(page)) await section(page, name);
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  await page.locator('#need-matrix tbody button.rel').first().click();
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('Pump firmware');
  await page.getByRole('button', { name: 'Add risk' }).click();
  // Each key waits for the view it opens: the help dialog opens in an effect,
  // so an Escape sent before it is shown would close nothing.
  await page.locator('body').press('w');
  await page.locator('html[data-workshop]').waitFor({ state: 'attached' });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  await page.keyboard.press('w');
  await page.locator('html:not([data-workshop])').waitFor({ state: 'attached' });
  await section(page, 'Report and exports');
  await download(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  await download(page, () => page.getByRole('button', { name: 'Download risk register (CSV)' }).click());
  await page.pdf();
  const file = await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click());
  await backToList(page);
  await importFile(page, 'again.json', file.text);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await page.locator('.plan-page').waitFor();
  await page.reload();
  await ready(page);

  const own = new Set(readdirSync(DIST).map((f) => `${env.base}${f}`));
  own.add(env.base);
  const foreign = requests.filter((u) => !own.has(u.split('#')[0]) && !u.startsWith(`blob:${env.origin}`));
  assert.deepEqual(foreign, [], 'every request is for one of the app’s own static files (downloads use local blob: URLs)');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the recording saw the app load');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
}));

test('the policy really blocks other origins, inline scripts and inline handlers', () => withApp(env, {
  open: false,
  allowErrors: 'the test makes the page break its policy, and Chromium logs each refusal as a console error',
}, async ({ context, openTab }) => {
  await watch(context);
  const page = await openTab();
  const fetched = await page.evaluate(() => fetch('https://example.org/beacon').then(() => 'sent', () => 'blocked'));
  assert.equal(fetched, 'blocked');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    img.setAttribute('onerror', 'window.__handler = 1');
    img.setAttribute('onload', 'window.__handler = 1');
    document.body.append(img);
  });
  await page.waitForFunction(() => window.__violations.length >= 3);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'inline script did not run');
  assert.equal(await page.evaluate(() => window.__handler), undefined, 'inline handler did not run');
  const v = await page.evaluate(() => window.__violations);
  assert.ok(v.some((x) => x.startsWith('connect-src')), v.join('\n'));
}));

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const LINK = '[open](javascript:window.__pwned=3) <a href="javascript:window.__pwned=4">x</a>';

/** Every free-text field of an exported plan, made hostile. */
function poison(plan) {
  const bad = (tag) => `${tag} ${PAYLOAD} ${LINK}`;
  plan.name = bad('Hostile plan');
  plan.project.product = bad('product');
  plan.project.description = bad('description');
  plan.project.resources = { budget: bad('budget'), people: bad('people'), activities: bad('activities') };
  plan.project.inputs.forEach((i) => { i.label = bad('input'); });
  for (const k of Object.keys(plan.management)) if (typeof plan.management[k] === 'string') plan.management[k] = bad(k);
  plan.management.sbom.owner = bad('sbom owner');
  plan.stakeholders.forEach((s) => { s.name = bad('stakeholder'); });
  plan.user_needs = [{ id: 'UN-1', text: bad('user need') }];
  plan.needs.forEach((n) => { n.text = bad('need'); n.user_need_ids = ['UN-1']; });
  plan.criteria.likelihood_levels = plan.criteria.likelihood_levels.map((l) => bad(l));
  plan.controls = [{ id: 'C-001', description: bad('control'), kind: 'design', status: 'planned', verification: bad('verification').slice(0, 290), categories: [] }];
  plan.risks.forEach((r) => {
    Object.assign(r, { asset: bad('asset'), threat: bad('threat'), controls: bad('controls'), owner: bad('owner'), control_ids: ['C-001'] });
    r.acceptance = { rationale: bad('rationale'), approver: bad('approver').slice(0, 290), date: '2026-11-24' };
  });
  plan.roles.forEach((r) => { r.name = bad('role'); });
  plan.activities.forEach((a) => { a.name = bad('activity'); });
  return plan;
}

test('hostile text in an imported plan shows as text in every view', () => withApp(env, { acceptDownloads: true, open: false }, async ({ context, openTab }) => {
  const requests = await watch(context);
  const page = await openTab();
  await createPlan(page, 'Source');
  await section(page, 'A.2 Stakeholder needs');
  await page.getByRole('button', { name: 'Add the JSP’s example needs' }).click();
  await section(page, 'Risk register');
  await page.getByLabel('Asset or function').first().fill('x');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const file = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export plan file' }).click())).text);
  file.plan.id = 'plan-hostile00000001';
  poison(file.plan);
  await backToList(page);
  await importFile(page, 'hostile.json', JSON.stringify(file));
  await page.locator('.plan-page').waitFor();

  const checkPage = async (where) => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: no script ran`);
    assert.equal(await page.locator('img[src="x"], script:not([type]), b').count(), 0, `${where}: no markup from text`);
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0, `${where}: no javascript: link`);
  };
  for (const { name } of await sections(page)) {
    await section(page, name);
    await checkPage(name);
  }
  await page.locator('body').press('w');
  await checkPage('workshop mode');
  await page.locator('body').press('w');
  await section(page, 'Report and exports');
  assert.ok((await page.locator('article.report').innerText()).includes(PAYLOAD), 'the report shows the text itself');
  await backToList(page);
  await checkPage('plan list');
  assert.ok((await page.locator('table.plans').innerText()).includes('Hostile plan <img src=x'));
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the recording saw the app load');
  assert.ok(!requests.some((u) => u.endsWith('/x')), 'no request for the injected image');
  assert.equal(Object.keys(await storedPlans(page)).length, 2);
}));
