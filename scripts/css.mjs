// Minify style/main.css into target/style/main.css, which index.html links
// (Trunk's pre-build hook, Trunk.toml). The source keeps its comments, which
// say why each rule is there; the shipped copy is 30 kB instead of 41 kB
// (7 kB gzip instead of 10). Trunk's own minifier cannot be used: it would
// minify index.html too, which scripts/wasm.mjs and scripts/csp.mjs edit.
// By hand: node scripts/css.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'lightningcss';

const from = 'style/main.css';
const to = 'target/style/main.css';
const { code, warnings } = transform({ filename: from, code: readFileSync(from), minify: true });
for (const w of warnings) console.warn(`[css] ${from}: ${w.message}`);
mkdirSync('target/style', { recursive: true });
writeFileSync(to, code);
console.log(`[css] ${to}: ${code.length} bytes from ${readFileSync(from).length}`);
