// The command-line tool's Word documents open in LibreOffice: the built
// binary (`jsp-planner report FILE --format docx -o OUT`, built by the
// native tests, or here if they have not run) writes the workshop plan's
// and the workshop assessment's reports; LibreOffice headless converts
// each to PDF and pdftotext reads every part's heading and each risk back.
// No browser: this file only needs the binary, LibreOffice and poppler.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'jsp-planner');
const PLAN = path.join(ROOT, 'tests/fixtures/workshop/insulin-pump.jsp-plan.json');
const ASSESSMENT = path.join(ROOT, 'tests/fixtures/workshop/acme-maturity.jsp-assessment.json');

let tmp;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jsp-cli-'));
  // The same debug build `cargo test` made for tests/cli (nothing to do then); built here when run alone.
  execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'jsp-planner'], { cwd: ROOT, stdio: 'inherit' });
  assert.ok(existsSync(BIN), `${BIN} was built`);
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** Run the tool; its exit status and standard error. */
function tool(...args) {
  const run = spawnSync(BIN, args, { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

/** The document converted by LibreOffice, as pdftotext reads it, whitespace collapsed. */
function pdfText(file) {
  // A profile of its own, so a LibreOffice already running elsewhere is not disturbed.
  const profile = `file://${path.join(tmp, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file], { stdio: 'pipe', timeout: 120000 });
  const pdf = file.replace(/\.docx$/, '.pdf');
  assert.ok(existsSync(pdf), `LibreOffice converted ${path.basename(file)}`);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('the tool writes a plan\'s Word report that LibreOffice opens, every part and risk in it', () => {
  const out = path.join(tmp, 'plan.docx');
  const run = tool('report', PLAN, '--format', 'docx', '-o', out);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK', 'a zip package');
  const text = pdfText(out);
  const plan = JSON.parse(readFileSync(PLAN, 'utf8')).plan;
  assert.ok(text.includes(plan.name), 'the title');
  for (const heading of ['Document control', 'Deliverables status', 'A.1 Release / change project planning', 'A.3 Security management plan', 'Risk register']) {
    assert.ok(text.includes(heading), `heading “${heading}” is in the document`);
  }
  assert.ok(plan.risks.length > 5);
  for (const risk of plan.risks) assert.ok(text.includes(risk.id), `${risk.id} is in the document`);
  assert.match(text, /Page 1 of \d+/, 'every page is numbered');
});

test('the tool writes an assessment\'s Word report that LibreOffice opens', () => {
  const out = path.join(tmp, 'assessment.docx');
  const run = tool('report', ASSESSMENT, '-f', 'docx', '-o', out);
  assert.equal(run.status, 0, run.stderr);
  const text = pdfText(out);
  const { assessment } = JSON.parse(readFileSync(ASSESSMENT, 'utf8'));
  assert.ok(text.includes(assessment.name), 'the title');
  for (const heading of ['Heatmap', 'Scores by component', 'Gaps, largest first', 'Roadmap']) {
    assert.ok(text.includes(heading), `heading “${heading}” is in the document`);
  }
  for (const m of assessment.milestones) assert.ok(text.includes(m.date), `milestone ${m.name} (${m.date}) is in the document`);
});
