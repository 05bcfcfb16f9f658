// Write the Content-Security-Policy into a built index.html.
//
// The policy allows only the app's own files. Trunk's loader is an inline
// module script whose text names the hashed file names of this build, so it
// is allowed by its SHA-256 hash, computed here after every build, instead
// of by 'unsafe-inline'. Usage: node scripts/csp.mjs dist/index.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'dist/index.html';
let html = readFileSync(file, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error(`${file}: no inline loader script found`);
const hashes = inline.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The offline service worker and the install manifest, both the app's own files.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
// First in <head>, so it governs everything after it.
html = html.replace(/<head>/, `<head>\n  ${meta}`);
writeFileSync(file, html);
console.log(`[csp] ${file}: ${inline.length} inline script(s) allowed by hash`);
