import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { decode } from '../decode/decode.ts';

/**
 * The raw file behind a report, decoded, as lines (line numbers match the cells' `line`).
 * The raw directory is NIANBAO_RAW (default data/raw); a path that would leave it is refused.
 */
export function readSource(sourceFile: string): string[] | null {
  const root = resolve(process.env.NIANBAO_RAW ?? 'data/raw');
  const full = resolve(join(root, sourceFile));
  if (!full.startsWith(root + sep)) return null;
  try {
    const d = decode(readFileSync(full));
    return d.ok ? d.text.split(/\r\n|\r|\n/) : null;
  } catch {
    return null;
  }
}
