import { requestIdentities, reviewIdentities, type Identity } from '../template/identities.ts';
import type { CellOut } from '../tables/read.ts';
import type { CheckOut } from './checks.ts';

/**
 * Numbers read from a scan's OCR text layer (invisible text over the page's image: pdf-ink.ts)
 * are a machine's reading of the image, not the source's own characters: a misread digit (16836
 * for 15836, 123 for 128) reads like any number, and a failed check there is far likelier the
 * OCR's error than the agency's (a fresh tester's t78). So in such a report a number is published
 * only where the arithmetic vouches for it: at least one identity naming its cell holds and none
 * fails. The rest — 二's, which no identity names, and those of a failing identity — are left
 * NULL (`unreadable`), their raw text kept. Pure: the keys (`table.row.col`) of the cells to
 * leave NULL.
 */
export function unverifiedOcrCells(
  cells: readonly CellOut[],
  checks: readonly CheckOut[],
  layoutRequests: '2019' | '2021' | null,
  /** The lines that are an OCR layer's (a scanned page's): cells on other lines are the document's own. */
  ocrLines: ReadonlySet<number> | null = null,
): Set<string> {
  const identities = new Map<string, Identity>();
  if (layoutRequests) for (const i of requestIdentities(layoutRequests)) identities.set(i.id, i);
  for (const i of reviewIdentities) identities.set(i.id, i);
  const held = new Set<string>();
  const failed = new Set<string>();
  for (const c of checks) {
    const i = identities.get(c.check_id);
    if (!i || c.status === 'not_assessable') continue;
    for (const a of [...i.lhs, ...i.rhs]) (c.status === 'pass' ? held : failed).add(`${a.table}.${a.row}.${a.col}`);
  }
  const out = new Set<string>();
  for (const c of cells) {
    if (c.state !== 'number' || (ocrLines && !ocrLines.has(c.line))) continue;
    const key = `${c.table_id}.${c.row_key}.${c.col_key}`;
    if (!held.has(key) || failed.has(key)) out.add(key);
  }
  return out;
}
