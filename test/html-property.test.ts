import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { UNCERTAIN_STATES } from '../src/lib/schema/datasets.ts';
import { readActive, readRequests, readReview } from '../src/lib/tables/sections.ts';
import { requestRows } from '../src/lib/template/definitions.ts';
import { makeCase, Random, type Case } from './damaged-tables.ts';

/**
 * The invariant for tables drawn in HTML, where every cell is a `<td>` of the grid: take a
 * damaged table (the property test's damage: a row that lost a cell has one `<td>` fewer), and
 * in half of the tables of 三 leave the 总计 column blank (`<td></td>` in every row, sometimes the
 * whole （七）总计 row too), so that no arithmetic checks the rows: an empty last cell is a blank
 * cell of the grid, and no published number differs from the table's.
 */

const TABLES = 2000;
const SEED = 20261214;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const REQUEST_LABELS = new Map([...requestRows['2019'], ...requestRows['2021']].map((d) => [d.label, d.key]));

/**
 * The case's tab-separated rows as an HTML table; with `blankTotals`, 三's 总计 column left empty;
 * with `extra`, 三's header drawn with its merged cells and a column the form does not have (法人
 * 小计 after 其他, or 上年总计 after 总计), every row (damaged ones too) a cell there.
 */
function toHtml(
  c: Case,
  rng: Random,
  blankTotals: boolean,
  extra: 'subtotal' | 'previous' | null = null,
): { html: string; mustNull: Set<string> } {
  const mustNull = new Set(c.mustNull);
  const wholeTotalRow = rng.chance(0.5);
  const td = (x: string, attrs = '') => `<td${attrs}>${esc(x)}</td>`;
  const lines = c.text.split('\n');
  const head: string[] = [];
  if (extra) {
    const [h0, h1, h2] = lines.splice(0, 3).map((l) => l.split('\t')) as [string[], string[], string[]];
    head.push(
      `<tr>${td(h0[0]!, ' rowspan="3"')}${td(h0[1] ?? '', ' colspan="8"')}</tr>`,
      `<tr>${td(h1[0]!, ' rowspan="2"')}${td(h1[1]!, ` colspan="${extra === 'subtotal' ? 6 : 5}"`)}${td(h1[2]!, ' rowspan="2"')}${extra === 'previous' ? td('上年总计', ' rowspan="2"') : ''}</tr>`,
      `<tr>${[...h2, ...(extra === 'subtotal' ? ['小计'] : [])].map((x) => td(x)).join('')}</tr>`,
    );
  }
  const rows = lines.map((line) => {
    const cells = line.split('\t');
    const key = REQUEST_LABELS.get(cells[0]!);
    if (blankTotals && key !== undefined && cells.length === 8) {
      for (let j = key === 'total' && wholeTotalRow ? 1 : 7; j < 8; j++) cells[j] = '';
      for (const col of key === 'total' && wholeTotalRow ? requestRows['2021'][0]!.columns : [{ key: 'total' }])
        mustNull.add(`${key}.${col.key}`);
    }
    // The extra cell where the row's printer put it: after the sixth value, or at the end.
    if (extra === 'subtotal') cells.splice(Math.min(7, cells.length), 0, String(rng.int(0, 99)));
    if (extra === 'previous') cells.push(String(rng.int(0, 99)));
    return `<tr>${cells.map((x) => td(x)).join('')}</tr>`;
  });
  return { html: `<table>\n${[...head, ...rows].join('\n')}\n</table>`, mustNull };
}

function read(c: Case, html: string) {
  const lines = htmlToLines(html);
  const year = c.year ?? 2022;
  if (c.target === 'review') return readReview(lines);
  return c.target === 'active' ? readActive(lines, year).read : readRequests(lines, year).read;
}

describe(`property: ${TABLES} damaged HTML tables publish no wrong number`, { timeout: 180_000 }, () => {
  it('every published number is the table’s; an empty <td> is a blank cell', () => {
    const rng = new Random(SEED);
    const wrong: string[] = [];
    let tables = 0;
    let published = 0;
    let blanked = 0;
    let totalsRead = 0;
    let extras = 0;
    let extraRead = 0;
    while (tables < TABLES) {
      const c = makeCase(rng, ['tabs']);
      if (!c) continue;
      tables++;
      // (Not with a row printed twice: two copies that differ only in 总计 are the same copy once it is blank.)
      const blankTotals = c.target === 'requests' && rng.chance(0.5) && !c.kinds.includes('duplicated-row');
      if (blankTotals) blanked++;
      // A header naming a column the form does not have (side generator: the cases as before).
      const side = new Random(tables * 7919 + 13);
      const extra = c.target === 'requests' && side.chance(0.3) ? side.pick(['subtotal', 'previous'] as const) : null;
      if (extra) extras++;
      const { html, mustNull } = toHtml(c, side, blankTotals, extra);
      const r = read(c, html);
      if (!r) continue;
      for (const cell of r.cells) {
        const k = `${cell.row_key}.${cell.col_key}`;
        const where = `#${tables} ${c.target} ${c.kinds.join('+')}${blankTotals ? '+blank-totals' : ''}${extra ? `+${extra}` : ''} ${k}`;
        if (cell.state === 'number') {
          published++;
          if (blankTotals && cell.col_key !== 'total') totalsRead++;
          if (extra) extraRead++;
          if (mustNull.has(k)) wrong.push(`${where}: published ${cell.value} where nothing proves it\n${html}`);
          else if (cell.value !== c.truth.get(k))
            wrong.push(
              `${where}: published ${cell.value} (raw "${cell.raw}"), the table has ${c.truth.get(k)}\n${html}`,
            );
        } else if (!UNCERTAIN_STATES.has(cell.state) && cell.state !== 'blank' && cell.state !== 'na')
          wrong.push(`${where}: state ${cell.state}`);
      }
      if (wrong.length > 5) break;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(tables).toBe(TABLES);
    expect(published).toBeGreaterThan(TABLES * 15);
    // The tables with a blank 总计 column are read, not only left NULL.
    expect(blanked).toBeGreaterThan(TABLES / 5);
    expect(totalsRead).toBeGreaterThan(blanked * 100);
    // The tables with an extra column are read by their header, not only left NULL.
    expect(extras).toBeGreaterThan(TABLES / 10);
    expect(extraRead).toBeGreaterThan(extras * 100);
  });
});
