// Build the app's WebAssembly into dist/ in parts and load the first.
//
// Trunk builds the page, styles and static files; this script builds the
// Rust side, because Trunk cannot split a wasm file. Each split point
// (src/web/editor.rs) cuts a part off into its own file, downloaded when
// first needed, so the first screen (the plan list) downloads less: the plan
// editor (every section, the report and the exports) at `load_plan_editor`,
// the maturity assessment at `load_assessment_part`, the SBOM readers and
// writers at `load_sbom_part`; code two parts share goes into chunk files
// the loader fetches with either:
//
//   cargo build (relocations kept, .cargo/config.toml)
//   → wasm-split-cli: main part, split parts, shared chunks, and the small loader that fetches them
//   → wasm-bindgen on the main part (keeping the exports the split parts link to)
//   → binaryen's wasm-opt -Oz on each part
//   → file names with this build's hash, and the start-up script in index.html.
//
// Trunk runs it after staging the page (Trunk.toml); by hand: node scripts/wasm.mjs dist
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dist = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const NAME = 'jsp-planner';
const WASM = `target/wasm32-unknown-unknown/${release ? 'release' : 'debug'}/${NAME}.wasm`;
const WASM_OPT = path.resolve('node_modules/binaryen/bin/wasm-opt');
// WASM_NAMES=1 keeps function names, for reading a profile (a larger build, not for shipping).
const names = process.env.WASM_NAMES === '1';
const OPT = ['-Oz', '--low-memory-unused', ...(names ? ['-g'] : [])];

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

run('cargo', ['build', ...(release ? ['--release'] : []), '--locked', '--target', 'wasm32-unknown-unknown', '--bin', NAME]);

const work = mkdtempSync(path.join(tmpdir(), 'jsp-wasm-'));
try {
  run('wasm-split-cli', ['--target', 'web', '--out-name', NAME, WASM, work]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(names ? [] : ['--remove-name-section']),
    '--remove-producers-section', '--out-dir', path.join(work, 'bound'), '--out-name', NAME, path.join(work, `${NAME}.wasm`)]);
  // Every part wasm-split-cli cut off: one `split_<name>.wasm` per split point,
  // and `chunk_<n>.wasm` for code two parts share (the loader fetches a chunk
  // with the parts that need it).
  const split = readdirSync(work).filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f)).sort();
  if (!split.includes('split_plan_editor.wasm')) throw new Error(`no split_plan_editor.wasm among ${split.join(', ')}`);
  const optimise = (from, to) => (release ? run(WASM_OPT, [...OPT, from, '-o', to]) : renameSync(from, to));
  const main = path.join(work, 'main.wasm');
  optimise(path.join(work, 'bound', `${NAME}_bg.wasm`), main);
  const out = Object.fromEntries(split.map((f) => [f, path.join(work, `opt-${f}`)]));
  for (const f of split) optimise(path.join(work, f), out[f]);

  const mainJs = readFileSync(path.join(work, 'bound', `${NAME}.js`), 'utf8');
  const loaderJs = readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  const bytes = [readFileSync(main), ...split.map((f) => readFileSync(out[f])), mainJs, loaderJs];
  const hash = bytes.reduce((h, b) => h.update(b), createHash('sha256')).digest('hex').slice(0, 16);
  // split_plan_editor.wasm → plan-editor-<hash>.wasm, split_assessment.wasm → assessment-<hash>.wasm, chunk_0.wasm → chunk-0-<hash>.wasm.
  const partName = (f) => `${f.replace(/\.wasm$/, '').replace(/^split_/, '').replaceAll('_', '-')}-${hash}.wasm`;
  const files = {
    js: `${NAME}-${hash}.js`,
    wasm: `${NAME}-${hash}_bg.wasm`,
    loader: `wasm-parts-${hash}.js`,
  };

  // The main part imports the loader, once per split point (the wasm's import keeps its module name; only the JS specifier moves).
  writeFileSync(path.join(dist, files.js), replaceAll(mainJs, 'from "./__wasm_split.js"', `from "./${files.loader}"`));
  let loader = replaceOnce(loaderJs, 'from "./jsp-planner.js"', `from "./${files.js}"`);
  for (const f of split) loader = replaceOnce(loader, `"./${f}"`, `"./${partName(f)}"`);
  writeFileSync(path.join(dist, files.loader), loader);
  renameSync(main, path.join(dist, files.wasm));
  for (const f of split) renameSync(out[f], path.join(dist, partName(f)));

  const page = path.join(dist, 'index.html');
  const html = readFileSync(page, 'utf8');
  const start = [
    `<link rel="modulepreload" href="./${files.js}">`,
    `<link rel="modulepreload" href="./${files.loader}">`,
    `<link rel="preload" href="./${files.wasm}" as="fetch" type="application/wasm" crossorigin>`,
    `<script type="module">import init from './${files.js}'; await init({ module_or_path: './${files.wasm}' });</script>`,
  ].join('\n');
  writeFileSync(page, replaceOnce(html, '</head>', `${start}\n</head>`));
  console.log(`[wasm] ${dist}: ${files.js}, ${files.wasm} (first screen); ${split.map(partName).join(', ')} (on demand)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** `text` with every occurrence of `from` replaced; there must be one at least. */
function replaceAll(text, from, to) {
  if (!text.includes(from)) throw new Error(`expected ${from} in the built files`);
  return text.replaceAll(from, to);
}

/** `text` with its one occurrence of `from` replaced; a build whose tools changed their output fails here. */
function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${from} in the built files`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
