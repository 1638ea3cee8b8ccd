import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../scripts/serve.ts';

/** The preview server (scripts/serve.ts) against the requests that crashed or misled the old one. */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    // `path` goes out byte for byte (fetch would normalise "/%" or "//host").
    const req = request(
      { host: u.hostname, port: u.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-serve-'));
const parquet = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
const csvGz = gzipSync(`\uFEFFreport_id,value\n${'a,1\n'.repeat(500)}`);
const page = `<!doctype html><html lang="zh-CN"><title>t</title><p>${'政府信息公开'.repeat(400)}</p></html>`;
let server: Server;
let url: string;

beforeAll(async () => {
  mkdirSync(join(dir, 'reports', 'abc'), { recursive: true });
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>找不到</title>');
  writeFileSync(join(dir, 'reports', 'abc', 'index.html'), page);
  writeFileSync(join(dir, 'data', 'cells.parquet'), parquet);
  writeFileSync(join(dir, 'data', 'SHA256SUMS'), `${'0'.repeat(64)}  cells.parquet\n`);
  mkdirSync(join(dir, 'data', 'cells'));
  writeFileSync(join(dir, 'data', 'cells', 'cells-00001.csv.gz'), csvGz);
  ({ server, url } = await serveStatic(dir));
});
afterAll(async () => {
  await new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('answers a malformed path with 400 and keeps running', async () => {
    for (const p of ['/%', '/%zz/', '/a%00b', '/%E4%B8']) expect((await raw(url, p)).status, p).toBe(400);
    expect((await raw(url, '/')).status).toBe(200);
  });

  it('never redirects but to an old address’s new one, least of all to another origin', async () => {
    for (const p of [
      '/%2Fevil.example%2F..%2Freports',
      '//evil.example/reports',
      '/%2F%2Fevil.example/reports',
      '/reports/abc',
      '/reports',
    ]) {
      const r = await raw(url, p);
      expect(r.headers.location, p).toBeUndefined();
      expect(r.status >= 300 && r.status < 400, `${p}: ${r.status}`).toBe(false);
    }
    expect((await raw(url, '/reports/abc')).status).toBe(200);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await raw(url, '/', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    const head = await raw(url, '/data/cells.parquet', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(parquet.length));
  });

  it('serves byte ranges (206) uncompressed, as DuckDB reads Parquet over HTTP', async () => {
    const r = await raw(url, '/data/cells.parquet', {
      headers: { range: 'bytes=100-199', 'accept-encoding': 'gzip, br' },
    });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 100-199/${parquet.length}`);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.equals(parquet.subarray(100, 200))).toBe(true);
    const tail = await raw(url, '/data/cells.parquet', { headers: { range: 'bytes=4000-' } });
    expect(tail.body.equals(parquet.subarray(4000))).toBe(true);
    // A form it does not support is ignored: the whole file, never wrong bytes.
    const multi = await raw(url, '/data/cells.parquet', { headers: { range: 'bytes=0-1,5-6' } });
    expect(multi.status).toBe(200);
    expect(multi.body.equals(parquet)).toBe(true);
  });

  it('sends the right content types, also for the extensionless SHA256SUMS', async () => {
    expect((await raw(url, '/data/SHA256SUMS')).headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await raw(url, '/data/cells.parquet')).headers['content-type']).toBe('application/vnd.apache.parquet');
    expect((await raw(url, '/')).headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves a .csv.gz as the gzip file it is: application/gzip, no Content-Encoding, the bytes SHA256SUMS lists', async () => {
    for (const headers of [{ 'accept-encoding': 'gzip, br' }, {}] as Array<Record<string, string>>) {
      const r = await raw(url, '/data/cells/cells-00001.csv.gz', { headers });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/gzip');
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.equals(csvGz)).toBe(true);
    }
    const range = await raw(url, '/data/cells/cells-00001.csv.gz', { headers: { range: 'bytes=0-9' } });
    expect(range.status).toBe(206);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.body.equals(csvGz.subarray(0, 10))).toBe(true);
  });

  it('compresses pages with brotli or gzip', async () => {
    const br = await raw(url, '/reports/abc/', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    expect((await raw(url, '/', { headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip');
    expect((await raw(url, '/')).headers['content-encoding']).toBeUndefined();
  });

  it('sends the CSP as a header with frame-ancestors, and nosniff, on every answer', async () => {
    for (const p of ['/', '/data/SHA256SUMS', '/no/such/', '/%']) {
      const r = await raw(url, p);
      expect(r.headers['content-security-policy'], p).toMatch(/^default-src 'self'; .*; frame-ancestors 'self'$/);
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
    }
  });

  it('sends an old address to its new one on this site, as `_redirects` does on a static host', async () => {
    const id = '0123456789abcdef';
    for (const [p, status, to] of [
      [`/reports/${id}/source/`, 301, `/reports/${id}/`],
      [`/reports/${id}/source/index.html?x=1`, 301, `/reports/${id}/?x=1`],
      [`/reports/${id}.csv`, 301, `/reports/${id}.json`],
      // A data file gone (now in parts or compressed): the data page's list of its files, for now (302).
      ['/data/checks.csv', 302, '/data/#checks'],
      ['/data/nianbao.duckdb', 302, '/data/#duckdb'],
      ['/data/nianbao.duckdb?v=2', 302, '/data/?v=2#duckdb'],
    ] as const) {
      const r = await raw(url, p);
      expect(r.status, p).toBe(status);
      expect(r.headers.location, p).toBe(to);
    }
    // A file that is there is served, whatever the rules say; other paths are the 404 page.
    expect((await raw(url, '/data/cells.parquet')).status).toBe(200);
    expect((await raw(url, '/reports/xyz/source/')).status).toBe(404);
    const sub = await serveStatic(dir, '/nianbao/');
    try {
      const r = await raw(sub.url, `/nianbao/reports/${id}/source`);
      expect([r.status, r.headers.location]).toEqual([301, `/nianbao/reports/${id}/`]);
    } finally {
      sub.server.close();
    }
  });

  it('answers unknown addresses with the 404 page', async () => {
    const r = await raw(url, '/no/such/page/');
    expect(r.status).toBe(404);
    expect(r.body.toString()).toContain('找不到');
  });

  it('serves under a base path', async () => {
    const sub = await serveStatic(dir, '/nianbao/');
    try {
      expect((await raw(sub.url, '/nianbao/reports/abc/')).status).toBe(200);
      expect((await raw(sub.url, '/reports/abc/')).status).toBe(404);
    } finally {
      sub.server.close();
    }
  });

  it('listens on another address when asked (HOST): every interface is shown as localhost', async () => {
    const all = await serveStatic(dir, '/', 0, '0.0.0.0');
    try {
      expect(all.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      expect((all.server.address() as { address: string }).address).toBe('0.0.0.0');
      expect((await raw(all.url, '/reports/abc/')).status).toBe(200);
    } finally {
      all.server.close();
    }
    // The default is this machine only.
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('a busy port gives one clear line, not a stack trace, and PORT is honoured', () => {
    const port = Number(new URL(url).port);
    for (const args of [[dir, '--check-port'], [dir]]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, PORT: String(port) },
        timeout: 30_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trim()).toBe(
        `serve: port ${port} is already in use (another server is running?): stop it, or choose another port with PORT=8080 npm start`,
      );
    }
  });

  it('--help and -h print the usage and exit 0 without serving; an unknown option is an error with the usage', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', ...args], {
        encoding: 'utf8',
        // A server that started would run until the timeout (status null).
        env: { ...process.env, PORT: '0' },
        timeout: 30_000,
      });
    for (const flag of ['--help', '-h']) {
      const r = run(dir, flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^usage: npm run preview -- \[DIR\]/);
      expect(r.stdout).toContain('--check-port');
      expect(r.stdout).not.toContain('serving');
    }
    for (const [args, message] of [
      [['--bogus'], 'serve: unknown option: --bogus'],
      [[dir, '--port'], 'serve: --port needs a value'],
      [[dir, dir], 'serve: one folder to serve, not two'],
    ] as const) {
      const r = run(...args);
      expect(r.status, r.stdout).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('usage: npm run preview --');
      expect(r.stdout).toBe('');
    }
  });
});
