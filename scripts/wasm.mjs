// Build the app's WebAssembly into dist/ in two parts and load the first.
//
// Trunk builds the page, styles and static files; this script builds the
// Rust side, because Trunk cannot split a wasm file. The plan editor (every
// section, the report and the exports) is cut off at the
// `load_plan_editor` split point into its own file, downloaded the first
// time a plan opens, so the first screen (the plan list) downloads less:
//
//   cargo build (relocations kept, .cargo/config.toml)
//   → wasm-split-cli: main part, editor part, and the small loader that fetches the editor
//   → wasm-bindgen on the main part (keeping the exports the editor part links to)
//   → binaryen's wasm-opt -Oz on each part
//   → file names with this build's hash, and the start-up script in index.html.
//
// Trunk runs it after staging the page (Trunk.toml); by hand: node scripts/wasm.mjs dist
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const parts = {
    main: path.join(work, 'main.wasm'),
    editor: path.join(work, 'editor.wasm'),
  };
  const optimise = (from, to) => (release ? run(WASM_OPT, [...OPT, from, '-o', to]) : renameSync(from, to));
  optimise(path.join(work, 'bound', `${NAME}_bg.wasm`), parts.main);
  optimise(path.join(work, 'split_plan_editor.wasm'), parts.editor);

  const mainJs = readFileSync(path.join(work, 'bound', `${NAME}.js`), 'utf8');
  const loaderJs = readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  const bytes = [readFileSync(parts.main), readFileSync(parts.editor), mainJs, loaderJs];
  const hash = bytes.reduce((h, b) => h.update(b), createHash('sha256')).digest('hex').slice(0, 16);
  const files = {
    js: `${NAME}-${hash}.js`,
    wasm: `${NAME}-${hash}_bg.wasm`,
    loader: `plan-editor-${hash}.js`,
    editor: `plan-editor-${hash}.wasm`,
  };

  // The main part imports the loader (the wasm's import keeps its module name; only the JS specifier moves).
  writeFileSync(path.join(dist, files.js), replaceOnce(mainJs, 'from "./__wasm_split.js"', `from "./${files.loader}"`));
  writeFileSync(path.join(dist, files.loader), replaceOnce(
    replaceOnce(loaderJs, 'from "./jsp-planner.js"', `from "./${files.js}"`),
    '"./split_plan_editor.wasm"', `"./${files.editor}"`));
  renameSync(parts.main, path.join(dist, files.wasm));
  renameSync(parts.editor, path.join(dist, files.editor));

  const page = path.join(dist, 'index.html');
  const html = readFileSync(page, 'utf8');
  const start = [
    `<link rel="modulepreload" href="./${files.js}">`,
    `<link rel="modulepreload" href="./${files.loader}">`,
    `<link rel="preload" href="./${files.wasm}" as="fetch" type="application/wasm" crossorigin>`,
    `<script type="module">import init from './${files.js}'; await init({ module_or_path: './${files.wasm}' });</script>`,
  ].join('\n');
  writeFileSync(page, replaceOnce(html, '</head>', `${start}\n</head>`));
  console.log(`[wasm] ${dist}: ${files.js}, ${files.wasm} (first screen); ${files.editor} (plan editor, on demand)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** `text` with its one occurrence of `from` replaced; a build whose tools changed their output fails here. */
function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${from} in the built files`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
