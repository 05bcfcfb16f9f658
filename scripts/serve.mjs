// Serve dist/ on loopback, at / and at /jsp-planner/ (subpath hosting).
// Usage: node scripts/serve.mjs [--port 8080] [--dir dist]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const SUBPATH = '/jsp-planner';

/** Start a static server for `dir`; resolves to { server, url } once listening. */
export function startServer({ dir, port = 0, host = '127.0.0.1' } = {}) {
  const root = dir ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  // Precompressed .br / .gz copies (scripts/precache.mjs) are sent when the browser accepts them.
  const files = sirv(root, { dev: true, etag: true, brotli: true, gzip: true });
  const server = http.createServer((req, res) => {
    if (req.url === SUBPATH) {
      res.writeHead(301, { location: `${SUBPATH}/` }).end();
      return;
    }
    if (req.url.startsWith(`${SUBPATH}/`)) req.url = req.url.slice(SUBPATH.length);
    files(req, res, () => res.writeHead(404).end('not found'));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await startServer({ port: Number(arg('--port', 8080)), dir: arg('--dir') });
  console.log(`JSP Planner: ${url}/  (also ${url}${SUBPATH}/)`);
}
