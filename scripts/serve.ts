import compression from 'compression';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { CSP } from '../src/lib/site/csp.ts';
import { legacyTarget, movedLookup, movedTarget } from '../src/lib/site/legacy-urls.ts';

/**
 * The static server of `npm start`, `npm run preview`, the tests and the benchmark: sirv (a
 * maintained static-file handler: Range requests, content types, no directory redirects) with
 * on-the-fly gzip/brotli (`compression`) over node:http. What this file adds is policy:
 * - only GET and HEAD (405 otherwise); a path that is not a well-formed URL path is a 400;
 * - the site lives under `base`; anything else is the site's 404 page;
 * - sirv never redirects (`/x` serves `/x/index.html`), so no answer can send a browser to
 *   another origin; a path that is no file but an old address of one (legacy-urls.ts: the
 *   rules of `_redirects`, which static hosts apply) is redirected to its new address on this
 *   site, 301 for a report's file and 302 for a data file (it may come back);
 * - every answer carries the pages' Content-Security-Policy as a header, plus
 *   `frame-ancestors 'self'` (which a meta tag cannot carry) and `nosniff`;
 * - data files keep their bytes: a Range request is answered uncompressed (206), so DuckDB can
 *   read Parquet over HTTP, `SHA256SUMS` is served as text, and a `.csv.gz` as
 *   `application/gzip` without `Content-Encoding` (the bytes SHA256SUMS lists).
 */

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Types mrmime does not know, or that need a charset. */
const TYPES: Array<[RegExp, string]> = [
  [/(^|\/)SHA256SUMS$/, 'text/plain; charset=utf-8'],
  [/\.html?$/, 'text/html; charset=utf-8'],
  [/\.csv$/, 'text/csv; charset=utf-8'],
  [/\.json$/, 'application/json; charset=utf-8'],
  // JSON Lines (the manifest's entries, the reports index) and nianbao.sql.
  [/\.jsonl$/, 'application/jsonl; charset=utf-8'],
  [/\.sql$/, 'application/sql; charset=utf-8'],
  [/\.(?:js|mjs)$/, 'text/javascript; charset=utf-8'],
  [/\.css$/, 'text/css; charset=utf-8'],
  [/\.txt$/, 'text/plain; charset=utf-8'],
  [/\.parquet$/, 'application/vnd.apache.parquet'],
  // A table's CSV past the part limit (`cells.csv.gz`): the file, as it is (see GZIP_FILE).
  [/\.gz$/, 'application/gzip'],
  [/\.wasm$/, 'application/wasm'],
  [/\.(?:duckdb|pf_\w+)$/, 'application/octet-stream'],
  // "/x/" and "/x" are served from /x/index.html or /x.html.
  [/(?:^|\/)[^./]*$/, 'text/html; charset=utf-8'],
];

/**
 * sirv sends a `.gz` file as its inner type with `Content-Encoding: gzip` (its precompressed
 * pages): a client that decodes it (curl --compressed, fetch, some browsers) gets plain CSV, to
 * be saved under the .gz name, with another SHA-256 than SHA256SUMS lists. A data file is the
 * download itself.
 */
const GZIP_FILE = /\.gz$/;

const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml|application\/javascript)/;

/** A single `bytes=a-b` or `bytes=a-` range is served; any other Range header is ignored (RFC 9110 allows it). */
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;

function decodePath(url: string): string | null {
  // Only origin-form targets ("/path?query"); "//host/x" or "http://…" are refused.
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const raw = url.split(/[?#]/, 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null; // "/%", "/%zz", broken UTF-8
  }
  if (/[\u0000-\u001f\\]/.test(path)) return null;
  return path;
}

/**
 * `redirects`: whether old addresses are redirected (as `_redirects` on a static host); false
 * serves the 404 page for them, as object storage does, where the 404 page's script redirects.
 */
export function handler(
  dir: string,
  base = '/',
  redirects = true,
): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(dir);
  const page404 = resolve(root, '404.html');
  const files = sirv(root, {
    dev: true, // look files up per request: no scan of a 100,000-page dist at start
    etag: true,
    extensions: ['html'],
    setHeaders: (res, pathname) => {
      const type = TYPES.find(([re]) => re.test(pathname));
      // Otherwise sirv's own (mrmime) type stands.
      if (type) res.setHeader('Content-Type', type[1]);
      if (GZIP_FILE.test(pathname)) {
        // sirv passes its headers (Content-Encoding among them) to writeHead: drop that one.
        const writeHead = res.writeHead.bind(res) as (
          code: number,
          headers?: Record<string, unknown>,
        ) => ServerResponse;
        (res as { writeHead: unknown }).writeHead = (code: number, headers?: Record<string, unknown>) => {
          if (headers) delete headers['Content-Encoding'];
          return writeHead(code, headers);
        };
      }
    },
  });
  const compress = compression({
    filter: (req, res) =>
      !req.headers.range && res.statusCode !== 206 && COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
  });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(page404) ? readFileSync(page404) : 'not found');
  };
  return (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('method not allowed\n');
    }
    const path = decodePath(req.url ?? '');
    if (path === null || path.split('/').some((seg) => seg === '..')) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('bad request\n');
    }
    if (!path.startsWith(base)) return notFound(res);
    const range = req.headers.range;
    if (range !== undefined) {
      const m = SIMPLE_RANGE.exec(range);
      if (!m || (m[2] && Number(m[2]) < Number(m[1]))) delete req.headers.range;
    }
    // An old address's query goes with it to the new one (`_redirects` hosts keep it too).
    const query = /\?.*$/.exec(req.url ?? '')?.[0] ?? '';
    // sirv sees the path below `base`.
    const rest = req.url!.slice(encodeURI(base).length - 1);
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    // Not a file: an old address (`_redirects`) goes to its new one, anything else is the 404 page.
    const missing = () => {
      const to = redirects ? (legacyTarget(path, base) ?? movedReport(root, path, base)) : null;
      if (to === null) return notFound(res);
      const hash = to.indexOf('#');
      const [target, fragment] = hash < 0 ? [to, ''] : [to.slice(0, hash), to.slice(hash)];
      res.writeHead(to.startsWith(`${base}data/`) ? 302 : 301, { Location: encodeURI(target) + query + fragment });
      res.end();
    };
    compress(req as never, res as never, () => files(req, res, missing));
  };
}

/** An edited report's old address: the new one, from the lookup file the 404 script reads (site/moved-reports.ts). */
function movedReport(root: string, path: string, base: string): string | null {
  const found = movedLookup(path, base);
  if (!found) return null;
  try {
    return movedTarget(found, JSON.parse(readFileSync(join(root, found.file.slice(base.length)), 'utf8')), base);
  } catch {
    return null;
  }
}

export function serveStatic(
  dir: string,
  base = '/',
  port = 0,
  host = '127.0.0.1',
  redirects = true,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler(dir, base, redirects));
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address();
      // Every interface (0.0.0.0, ::) is reached here as localhost; an IPv6 address in brackets.
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      ok({ server, url: `http://${shown}:${typeof address === 'object' && address ? address.port : port}${base}` });
    });
  });
}

/** Whether `port` can be bound on `host` now (checked before a long build). */
export function portFree(port: number, host = '127.0.0.1'): Promise<true | string> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => ok(e.code ?? e.message));
    probe.listen(port, host, () => probe.close(() => ok(true)));
  });
}

export const portMessage = (port: number, code: string) =>
  code === 'EADDRINUSE'
    ? `serve: port ${port} is already in use (another server is running?): stop it, or choose another port with PORT=8080 npm start`
    : `serve: cannot listen on port ${port}: ${code}`;

export const USAGE = [
  'usage: npm run preview -- [DIR] [--port N] [--base PATH] [--check-port]',
  '  DIR           the built site to serve (default: dist)',
  '  --port N      the port to listen on (default: PORT, else 4321; 0 = any free port)',
  '                on 127.0.0.1 only, unless HOST names another address (HOST=0.0.0.0: every interface,',
  '                e.g. in a container; the site is static and public, but nothing else restricts access)',
  '  --base PATH   the path the site lives under, as it was built (default: BASE_PATH, else /)',
  '  --check-port  only check that the port is free, then exit (npm start runs it before building)',
  '  --help, -h    print this and exit',
].join('\n');

export interface ServeOptions {
  dir: string;
  port: string | undefined;
  base: string | undefined;
  checkPort: boolean;
}

/** The command line: the options, `help`, or an error message (printed with the usage). */
export function parseServeArgs(argv: readonly string[]): ServeOptions | 'help' | { error: string } {
  const out: ServeOptions = { dir: 'dist', port: undefined, base: undefined, checkPort: false };
  let dirGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--port' || a === '--base') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value` };
      out[a === '--port' ? 'port' : 'base'] = v;
    } else if (a === '--check-port') out.checkPort = true;
    else if (a.startsWith('-')) return { error: `unknown option: ${a}` };
    else if (dirGiven) return { error: `one folder to serve, not two: ${out.dir} and ${a}` };
    else {
      out.dir = a;
      dirGiven = true;
    }
  }
  return out;
}

// Command line (npm run preview): tsx scripts/serve.ts [DIR] [--base /x/] [--port N] [--check-port];
// BASE_PATH and PORT work too. --check-port only checks that the port is free (npm start runs it
// before building, so that a busy port is reported at once, in one line).
if (import.meta.url === `file://${process.argv[1]}`) {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    process.exit(0);
  }
  if ('error' in parsed) {
    console.error(`serve: ${parsed.error}\n${USAGE}`);
    process.exit(2);
  }
  const { dir, checkPort } = parsed;
  const portText = parsed.port ?? process.env.PORT;
  const port = Number(portText ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a whole number from 0 to 65535, not "${portText}"`);
    process.exit(2);
  }
  // The address to listen on: this machine only by default; HOST=0.0.0.0 for a container.
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const free = await portFree(port, host);
  if (free !== true) {
    console.error(portMessage(port, free));
    process.exit(1);
  }
  if (!checkPort) {
    try {
      const { url } = await serveStatic(dir, parsed.base ?? process.env.BASE_PATH ?? '/', port, host);
      console.log(
        `serving ${dir} at ${url} (Ctrl+C to stop, or kill ${process.pid}: the server's own process, which npm does not pass a kill on to)`,
      );
    } catch (e) {
      console.error(portMessage(port, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      process.exit(1);
    }
  }
}
