// After a build: give the service worker this build's file list and version,
// and write precompressed .br and .gz copies of every file for hosts that
// serve them (scripts/serve.mjs does).
//
// The version is a hash of every file's bytes, so the worker's own text
// changes exactly when the app does: that is how browsers notice an update.
// Usage: node scripts/precache.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const WORKER = 'sw.js';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function files(dir, under = '') {
  return readdirSync(path.join(dir, under)).flatMap((name) => {
    const rel = under ? `${under}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? files(dir, rel) : [rel];
  }).sort();
}

const built = files(dist).filter((f) => !/\.(br|gz)$/.test(f) && f !== WORKER);
const hash = createHash('sha256');
for (const f of built) hash.update(f).update('\0').update(readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);

const precache = built;
const workerPath = path.join(dist, WORKER);
let worker = readFileSync(workerPath, 'utf8');
const replaced = worker
  .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(precache)};`);
if (replaced === worker || !replaced.includes(version)) throw new Error(`${workerPath}: VERSION / FILES lines not found`);
writeFileSync(workerPath, replaced);
worker = replaced;

let raw = 0;
let brotli = 0;
for (const f of [...built, WORKER]) {
  const bytes = readFileSync(path.join(dist, f));
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(path.join(dist, `${f}.br`), br);
  writeFileSync(path.join(dist, `${f}.gz`), gzipSync(bytes, { level: 9 }));
  raw += bytes.length;
  brotli += br.length;
}
console.log(`[precache] ${dist}/${WORKER}: version ${version}, ${precache.length} files; `
  + `${(raw / 1024).toFixed(1)} kB, ${(brotli / 1024).toFixed(1)} kB as brotli`);
