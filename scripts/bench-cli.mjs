// Benchmark of the command-line tool (not a test): `check` and `merge` of
// a plan file of about 4 MB (the file limit), run as the release binary
// (what `cargo install --path .` installs), median of RUNS runs each.
//
// The plan is the browser benchmark's big plan (scripts/bench.mjs
// planOfSize: 4,000 risks sharing 400 controls, a 50 x 200 needs matrix,
// padded to 3.9 MB), brought to the current format version by the tool's
// own `migrate` (timed too). Ours changes 100 risk owners, theirs 100 needs'
// texts and one owner ours changed too: one conflict, so the merge also
// writes its report.
//
// Goals: `check` 250 ms, `merge` 1000 ms. The tool runs where a person
// waits on it: `check` in a pre-commit hook or a CI step over every plan
// of a repository (a quarter second for the largest plan the app accepts
// leaves room for a dozen plans in a hook), `merge` once per plan file
// inside `git merge`, which should still answer within a second. The files
// people keep are far smaller (the workshop plan is 26 kB).
//
// Usage: node scripts/bench-cli.mjs BINARY   (scripts/bench.sh builds the binary and runs this)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planOfSize } from './bench.mjs';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
const GOALS = { check: 250, merge: 1000 };
const bin = process.argv[2];
if (!bin) throw new Error('usage: node scripts/bench-cli.mjs BINARY');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jsp-bench-cli-'));
const at = (name) => path.join(tmp, name);

/** Run the tool; its wall time in ms, failing unless it exits with `expected`. */
function timed(args, expected = 0) {
  const t0 = performance.now();
  const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (run.status !== expected) throw new Error(`jsp-planner ${args.join(' ')} exited ${run.status}, not ${expected}: ${run.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms, goal) => `${ms.toFixed(0)} ms${goal ? ` (${ms <= goal ? 'within' : 'OVER'} goal ${goal} ms)` : ''}`;

try {
  const generated = planOfSize(3.9 * 1024 * 1024, 'plan-4000', { risks: 4000, controls: 400 });
  writeFileSync(at('old.json'), JSON.stringify(generated));
  const migrate = timed(['migrate', at('old.json'), '-o', at('base.json')]);
  const base = JSON.parse(readFileSync(at('base.json'), 'utf8'));
  const ours = structuredClone(base);
  const theirs = structuredClone(base);
  for (let i = 0; i < 100; i++) {
    ours.plan.risks[i * 3].owner = `Our owner ${i}`;
    theirs.plan.needs[i].text = `Their need ${i}`;
  }
  theirs.plan.risks[0].owner = 'Their owner 0';
  writeFileSync(at('ours.json'), JSON.stringify(ours));
  writeFileSync(at('theirs.json'), JSON.stringify(theirs));
  const mb = (statSync(at('base.json')).size / 1024 / 1024).toFixed(2);

  // check exits 1: the generated plan has gaps (unverified controls, texts left empty).
  const checks = Array.from({ length: RUNS }, () => timed(['check', at('base.json')], 1));
  const merges = Array.from({ length: RUNS }, (_, i) => {
    copyFileSync(at('ours.json'), at(`ours-${i}.json`));
    return timed(['merge', at('base.json'), at(`ours-${i}.json`), at('theirs.json')], 1);
  });
  const merged = JSON.parse(readFileSync(at('ours-0.json'), 'utf8')).plan;
  if (merged.risks[3].owner !== 'Our owner 1' || merged.needs[1].text !== 'Their need 1' || merged.risks[0].owner !== 'Our owner 0') {
    throw new Error('the merge did not keep both sides\' changes');
  }
  console.log(`Command-line tool (release build), a ${mb} MB plan (${base.plan.risks.length} risks, ${base.plan.controls.length} controls, `
    + `${base.plan.stakeholders.length} x ${base.plan.needs.length} matrix), median of ${RUNS}:`);
  console.log(`  check ${fmt(median(checks), GOALS.check)}`);
  console.log(`  merge, 100 changes each side and 1 conflict ${fmt(median(merges), GOALS.merge)}`);
  console.log(`  migrate from format version ${generated.version} (once) ${fmt(migrate)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
