import { hash } from 'node:crypto';
import type { ManifestEntry, ReportRow } from '../schema/datasets.ts';
import { diag } from '../schema/diagnostics.ts';
import type { CellOut } from '../tables/read.ts';
import { correctionMarked } from './corrected.ts';

/**
 * One report, counted once. Byte-identical files are dropped before parsing (manifest outcome
 * `duplicate`); this finds the copies that differ in bytes:
 *  - the same text in another encoding, line ending or byte-order mark (same normalised text);
 *  - another file of the same agency and year whose numbers agree table by table (an HTML page
 *    and its text copy): every table both have is equal, and they share at least MIN_NONZERO
 *    numbers that are not 0 (two small agencies' all-zero tables prove nothing). The same
 *    agency: the same name and the same known place — a name whose place is NULL or ambiguous
 *    is no agency's but its own (a NULL equals nothing). Cells that are NULL in both count for
 *    nothing either: only number cells go into a table's hash, and only non-zero numbers into
 *    MIN_NONZERO; a cell NULL in one and a number in the other makes the tables differ.
 *  - conversions of one file (`conversionStem`: `x.pdf`, `x.txt`, `x.layout.txt` in one folder) of
 *    the same agency name and year, places not known to differ, whose numbers nowhere differ
 *    (`rowsAgree`: a conversion that read fewer cells, such as pdftotext's reading-order text,
 *    is still a copy of the one that read more), with no MIN_NONZERO: the names say they are
 *    one report, and the numbers must only not contradict it.
 *  - another file of the same agency and year whose every cell is the same (`cells`: each cell's
 *    row, column, state and value; a table or cell that one has and the other not makes them
 *    differ), whatever its name (report.pdf and converted.txt in one folder): the same known
 *    place, with no MIN_NONZERO (the place proves the agency, the cells the report); or places
 *    not known to differ (NULL or ambiguous) in one folder — a folder is one source — with
 *    MIN_NONZERO non-zero numbers, since namesakes of one province (two 城关镇) may both print
 *    zeros. Files of such a name in other folders stay two reports (flagged, in no total).
 * One of each group stays canonical — the best read (complete before partial before text_only,
 * then more numbers, fewer ambiguous cells), then the first in path order — and the others get
 * `duplicate_of` = its report_id. Their rows stay published; totals and charts skip them.
 */

export interface Fingerprint {
  /** MD5 of the normalised text (line ends and byte-order marks are gone by then); it only tells copies apart. */
  text: string;
  /** Per table: hash of its number cells, how many, how many not 0. */
  tables: Record<string, { hash: string; n: number; nonzero: number }>;
  numbers: number;
  /**
   * Per row read whole (every cell of it a number): `table.row=hash` (of its cells and values),
   * `,`-separated in key order. Two conversions of one report may each read rows the other
   * did not; the rows both read whole must agree (`rowsAgree`). A string: small, and cheap to
   * pass between threads.
   */
  rows: string;
  /**
   * Every cell of the report — row, column, state and value, NULL ones too — as one order-free
   * hash and the count: equal only when the two reports read the same cells the same.
   */
  cells: string;
}

const MIN_NONZERO = 3;

/** The fingerprint of a parsed report. The text is already normalised (one `\n` per line). */
export function fingerprint(text: string, cells: CellOut[]): Fingerprint {
  // Per table, an order-free sum of two 32-bit hashes of (row, column, value): no strings to
  // build or sort for a hundred cells per report.
  const acc = new Map<string, { a: number; b: number; n: number; nonzero: number }>();
  for (const c of cells) {
    if (c.state !== 'number' || c.value === null) continue;
    let t = acc.get(c.table_id);
    if (!t) acc.set(c.table_id, (t = { a: 0, b: 0, n: 0, nonzero: 0 }));
    const k = keyPair(c.row_key, c.col_key);
    const ha = cellHash(c.value, k[0], 0x01000193);
    const hb = cellHash(c.value, k[1], 0x5bd1e995);
    t.a = (t.a + ha) >>> 0;
    t.b = (t.b + Math.imul(hb, 0x9e3779b1)) >>> 0;
    t.n++;
    if (c.value !== 0) t.nonzero++;
  }
  // Per row: the same order-free hash, and whether every cell of it is a number.
  const rowAcc = new Map<string, { h: number; whole: boolean }>();
  for (const c of cells) {
    const key = `${c.table_id}.${c.row_key}`;
    let r = rowAcc.get(key);
    if (!r) rowAcc.set(key, (r = { h: 0, whole: true }));
    if (c.state !== 'number' || c.value === null) r.whole = false;
    else r.h = (r.h + cellHash(c.value, keyPair(c.row_key, c.col_key)[0], 0x01000193)) >>> 0;
  }
  const rows = [...rowAcc]
    .filter(([, r]) => r.whole)
    .map(([k, r]) => `${k}=${r.h.toString(36)}`)
    .sort()
    .join(',');
  // Every cell: its keys, its state and its value.
  let ca = 0;
  let cb = 0;
  for (const c of cells) {
    const k = keyPair(c.row_key, c.col_key);
    const t = keyPair(c.table_id, c.state);
    ca = (ca + cellHash(c.value, (k[0] ^ Math.imul(t[0], 0x27d4eb2d)) >>> 0, 0x01000193)) >>> 0;
    cb = (cb + Math.imul(cellHash(c.value, (k[1] ^ Math.imul(t[1], 0x165667b1)) >>> 0, 0x5bd1e995), 0x9e3779b1)) >>> 0;
  }
  const tables: Fingerprint['tables'] = {};
  let numbers = 0;
  for (const k of [...acc.keys()].sort()) {
    const t = acc.get(k)!;
    tables[k] = { hash: `${t.a.toString(16)}.${t.b.toString(16)}.${t.n}`, n: t.n, nonzero: t.nonzero };
    numbers += t.n;
  }
  // One-shot hash: no Hash object per report (the same digest as createHash(…).update(…)).
  return {
    text: hash('md5', text, 'base64'),
    tables,
    numbers,
    rows,
    cells: `${ca.toString(36)}.${cb.toString(36)}.${cells.length}`,
  };
}

/** The rows both fingerprints read whole agree, hash for hash (none in common agree too). */
export function rowsAgree(a: Fingerprint, b: Fingerprint): boolean {
  if (!a.rows || !b.rows) return true;
  const mine = new Map(a.rows.split(',').map((e) => e.split('=') as [string, string]));
  for (const e of b.rows.split(',')) {
    const [k, h] = e.split('=') as [string, string];
    const other = mine.get(k);
    if (other !== undefined && other !== h) return false;
  }
  return true;
}

/**
 * The name a file has before its format's suffixes: `001_huaian2024.pdf`, `001_huaian2024.txt`
 * and `001_huaian2024.layout.txt` (pdftotext's reading-order and -layout conversions) are all
 * `001_huaian2024`, in their folder; `report.v1.pdf` and `report.v2.pdf` are not one.
 */
export function conversionStem(path: string): string {
  let s = path.replace(/\.[^./]+$/, '');
  s = s.replace(/\.(?:layout|raw|txt|text|pdf|docx?|wps|html?|rtf|ofd|xlsx?)$/i, '');
  return s;
}

function mix(h: number, s: string, prime: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), prime);
  return h;
}

/**
 * Per (row, column): the hash of the two keys under each seed, made once (a few hundred
 * pairs in all), so that a cell costs one lookup rather than one per key and seed.
 */
const KEY_PAIRS = new Map<string, Map<string, [number, number]>>();
function keyPair(row: string, col: string): [number, number] {
  let byRow = KEY_PAIRS.get(row);
  if (!byRow) KEY_PAIRS.set(row, (byRow = new Map<string, [number, number]>()));
  let k = byRow.get(col);
  if (!k)
    byRow.set(col, (k = [keysHash(row, col, 0x811c9dc5, 0x01000193), keysHash(row, col, 0x9747b28c, 0x5bd1e995)]));
  return k;
}

function keysHash(row: string, col: string, seed: number, prime: number): number {
  const h = Math.imul(mix(seed, row, prime) ^ 0x2e, prime) ^ mix(seed ^ 0x5bd1e995, col, prime);
  return Math.imul(h, prime);
}

/** A cell's hash: its keys' hash (`keyPair`) mixed with its value (NULL: a value no number has). */
function cellHash(v: number | null, keys: number, prime: number): number {
  let h = keys;
  if (v === null) h = mix(Math.imul(h ^ 0x3d, prime), '\u0000null', prime);
  else if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) h = Math.imul(Math.imul(h ^ 0x3d, prime) ^ v, prime);
  else h = mix(Math.imul(h ^ 0x3d, prime), String(v), prime);
  // Final avalanche so that sums of nearby values do not cancel out.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Same numbers: every table both have is equal, and enough non-zero numbers are shared. */
export function sameNumbers(a: Fingerprint, b: Fingerprint): boolean {
  let shared = 0;
  for (const [t, x] of Object.entries(a.tables)) {
    const y = b.tables[t];
    if (!y) continue;
    if (x.hash !== y.hash) return false;
    shared += x.nonzero;
  }
  return shared >= MIN_NONZERO;
}

export interface Candidate {
  report: ReportRow;
  entry: ManifestEntry;
  fingerprint: Fingerprint | null;
}

const STATUS_RANK: Record<ReportRow['status'], number> = { complete: 2, partial: 1, text_only: 0 };

/** Sets `duplicate_of` on every copy (in place) and says so in its manifest entry. Input in path order. */
export function markDuplicates(kept: Candidate[], agencyKey: (r: ReportRow) => string | null): void {
  const parent = kept.map((_, i) => i);
  const members = kept.map((_, i) => [i]);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a === b) return;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    parent[gone] = keep;
    members[keep]!.push(...members[gone]!);
    members[gone] = [];
  };
  // "The same numbers" is not transitive (a report whose table is missing matches two reports
  // that differ in it): groups join only when every report of one has the numbers of every
  // report of the other.
  // Nor is a report that says it corrects (更正: corrected.ts) the same as one that does not,
  // though the numbers both print agree: the correction may be in a table it leaves out (a fresh
  // tester's t71: its 四 corrected in words, the original's 四 added to totals as the copy's).
  const compatible = (i: number, j: number) =>
    members[find(i)]!.every((a) =>
      members[find(j)]!.every(
        (b) =>
          sameNumbers(kept[a]!.fingerprint!, kept[b]!.fingerprint!) &&
          correctionMarked(kept[a]!.report) === correctionMarked(kept[b]!.report),
      ),
    );
  // Conversions of one file (conversionStem): of one agency name and year, their places not
  // known to differ, and every row both read whole the same. Neither the place nor MIN_NONZERO
  // is needed: the file names say they are one report; the numbers only must not say otherwise.
  const convertible = (i: number, j: number) =>
    members[find(i)]!.every((a) =>
      members[find(j)]!.every((b) => {
        const x = kept[a]!;
        const y = kept[b]!;
        return (
          x.report.agency === y.report.agency &&
          !placesDiffer(x.report, y.report) &&
          rowsAgree(x.fingerprint!, y.fingerprint!) &&
          tablesAgreeWhereWhole(x.fingerprint!, y.fingerprint!)
        );
      }),
    );
  // Every cell the same (`cells`), of one agency and year: the same known place, or places not
  // known in one folder with enough non-zero numbers to tell two namesakes' reports apart.
  const identical = (i: number, j: number) =>
    members[find(i)]!.every((a) =>
      members[find(j)]!.every((b) => {
        const x = kept[a]!;
        const y = kept[b]!;
        if (x.fingerprint!.cells !== y.fingerprint!.cells || x.report.year !== y.report.year) return false;
        const kx = agencyKey(x.report);
        const ky = agencyKey(y.report);
        if (kx !== null && ky !== null) return kx === ky;
        return (
          x.report.agency === y.report.agency &&
          folderOf(x.entry.path) === folderOf(y.entry.path) &&
          nonzero(x.fingerprint!) >= MIN_NONZERO
        );
      }),
    );
  const byCells = new Map<string, number[]>();
  const byText = new Map<string, number>();
  const byAgencyYear = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  kept.forEach((k, i) => {
    if (!k.fingerprint) return;
    const first = byText.get(k.fingerprint.text);
    if (first !== undefined) union(first, i);
    else byText.set(k.fingerprint.text, i);
    if (k.report.agency && k.report.year !== null) {
      const key = `${conversionStem(k.entry.path)}\u0000${k.report.agency}\u0000${k.report.year}`;
      const list = byStem.get(key) ?? [];
      for (const j of list) if (find(j) !== find(i) && convertible(j, i)) union(j, i);
      list.push(i);
      byStem.set(key, list);
    }
    // A report with no number (text only, or every cell NULL) has nothing to be the same in.
    if (k.report.agency && k.report.year !== null && k.fingerprint.numbers > 0) {
      const key = `${k.fingerprint.cells}\u0000${k.report.year}`;
      const list = byCells.get(key) ?? [];
      for (const j of list) if (find(j) !== find(i) && identical(j, i)) union(j, i);
      list.push(i);
      byCells.set(key, list);
    }
    // Of one agency only when its name and place are known (run.ts, agencyKey): a NULL matches nothing.
    const agency = agencyKey(k.report);
    if (agency === null || k.report.year === null) return;
    const key = `${agency}\u0000${k.report.year}`;
    const list = byAgencyYear.get(key) ?? [];
    for (const j of list) if (find(j) !== find(i) && compatible(j, i)) union(j, i);
    list.push(i);
    byAgencyYear.set(key, list);
  });
  const groups = new Map<number, number[]>();
  kept.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const best = members.reduce((a, b) => (better(kept[b]!, kept[a]!) ? b : a));
    const canon = kept[best]!;
    for (const i of members) {
      if (i === best) continue;
      const k = kept[i]!;
      k.report.duplicate_of = canon.report.report_id;
      k.entry.duplicate_of = canon.entry.path;
      const same =
        k.fingerprint!.text === canon.fingerprint!.text
          ? 'the same text'
          : sameNumbers(k.fingerprint!, canon.fingerprint!) && agencyKey(k.report) !== null
            ? 'the same agency, year and numbers'
            : k.fingerprint!.cells === canon.fingerprint!.cells &&
                conversionStem(k.entry.path) !== conversionStem(canon.entry.path)
              ? 'the same agency and year, and every cell the same, under another file name'
              : 'another format or conversion of the same file: the same name but for its format suffix, the same agency and year, and no number that differs';
      k.entry.diagnostics.push(
        diag(
          'W_DUPLICATE_REPORT',
          `a copy of ${canon.entry.path} (${same}); counted once, as that report`,
          k.entry.path,
        ),
      );
    }
  }
}

/** The folder a file is in ('' at the top). */
const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** How many numbers of the report are not 0. */
const nonzero = (f: Fingerprint) => Object.values(f.tables).reduce((a, t) => a + t.nonzero, 0);

/** Both places known (run.ts agencyKey) and not the same. */
function placesDiffer(
  a: Pick<ReportRow, 'region_code' | 'region_basis'>,
  b: Pick<ReportRow, 'region_code' | 'region_basis'>,
): boolean {
  const known = (r: typeof a) => r.region_code !== null && r.region_basis !== 'ambiguous';
  return known(a) && known(b) && a.region_code !== b.region_code;
}

/** Tables that both read with the same count of numbers agree (a table read whole in both). */
function tablesAgreeWhereWhole(a: Fingerprint, b: Fingerprint): boolean {
  for (const [t, x] of Object.entries(a.tables)) {
    const y = b.tables[t];
    if (y && x.n === y.n && x.hash !== y.hash) return false;
  }
  return true;
}

/** a is a better canonical report than b (b comes first in path order, so ties keep b). */
function better(a: Candidate, b: Candidate): boolean {
  const ra = STATUS_RANK[a.report.status];
  const rb = STATUS_RANK[b.report.status];
  if (ra !== rb) return ra > rb;
  const na = a.fingerprint?.numbers ?? 0;
  const nb = b.fingerprint?.numbers ?? 0;
  if (na !== nb) return na > nb;
  return a.report.cells_ambiguous < b.report.cells_ambiguous;
}
