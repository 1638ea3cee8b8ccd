import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes manifest.json without building it as one string: at a million files the whole
 * document would be some 800 M characters, past V8's string limit (about 537 M). The entries are
 * written one by one, and the bytes are exactly those of `JSON.stringify(manifest, null, 2)`
 * followed by a newline, so readers see no difference.
 */
export function writeManifestFile(path: string, manifest: Record<string, unknown>): void {
  const fd = openSync(path, 'w');
  let buf = '';
  const put = (s: string) => {
    buf += s;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  try {
    const keys = Object.keys(manifest).filter((k) => manifest[k] !== undefined);
    put('{');
    keys.forEach((k, i) => {
      put(`${i ? ',' : ''}\n  ${JSON.stringify(k)}: `);
      const v = manifest[k];
      if (Array.isArray(v) && v.length > 0) {
        put('[');
        v.forEach((e: unknown, j) =>
          put(`${j ? ',' : ''}\n    ${indent(JSON.stringify(e, null, 2) ?? 'null', '    ')}`),
        );
        put('\n  ]');
      } else put(indent(JSON.stringify(v, null, 2), '  '));
    });
    put(keys.length ? '\n}\n' : '}\n');
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}
