import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * A small static file server for tests and the benchmark: serves `dir` under `base` (e.g.
 * `/nianbao/`), maps `/x/` to `/x/index.html`, answers 404 with the site's 404.html, and never
 * serves a file outside `dir`. `npm start` uses `astro preview`; this exists so tests control
 * the port and the process.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
};

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.svg']);

export function serveStatic(dir: string, base = '/', port = 0): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send404 = () => {
      const page = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('not found');
    };
    if (!path.startsWith(base)) return send404();
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return send404();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Text is gzipped when the client accepts it, as static hosts and CDNs do (Pagefind's own
    // files are compressed already; data downloads are sent as they are, so checksums hold).
    const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, gzip ? { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-type': type, 'content-length': statSync(file).size });
    if (req.method === 'HEAD') return res.end();
    if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}${base}` });
  }));
}

// Command line (npm run preview): tsx scripts/serve.ts DIR [--base /x/] [--port N]; BASE_PATH and PORT work too.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
  const { url } = await serveStatic(dir, opt('--base') ?? process.env.BASE_PATH ?? '/', Number(opt('--port') ?? process.env.PORT ?? 4321));
  console.log(`serving ${dir} at ${url} (Ctrl+C to stop)`);
}
