import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode } from '../decode/decode.ts';
import { unescapeName } from '../ingest/names.ts';
import { readRaw } from '../ingest/walk.ts';

/**
 * The raw file behind a report, decoded, as lines (line numbers match the cells' `line`).
 * The raw directory is NIANBAO_RAW (default data/raw); `sourceFile` is the manifest's path
 * (escaped bytes for a name that is not UTF-8, see ingest/names.ts). A path that would leave
 * the raw folder, also through a symbolic link, is refused.
 */
export function readSource(sourceFile: string): string[] | null {
  try {
    const root = realpathSync.native(Buffer.from(resolve(process.env.NIANBAO_RAW ?? 'data/raw')), { encoding: 'buffer' });
    if (sourceFile.split('/').some((p) => p === '' || p === '.' || p === '..')) return null;
    const full = realpathSync.native(Buffer.concat([root, Buffer.from('/'), unescapeName(sourceFile)]), { encoding: 'buffer' });
    if (!(full.length > root.length && full.subarray(0, root.length).equals(root) && full[root.length] === 0x2f)) return null;
    const d = decode(readRaw(full));
    return d.ok ? d.text.split(/\r\n|\r|\n/) : null;
  } catch {
    return null;
  }
}
