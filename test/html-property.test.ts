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

/** The case's tab-separated rows as an HTML table; with `blankTotals`, 三's 总计 column left empty. */
function toHtml(c: Case, rng: Random, blankTotals: boolean): { html: string; mustNull: Set<string> } {
  const mustNull = new Set(c.mustNull);
  const wholeTotalRow = rng.chance(0.5);
  const rows = c.text.split('\n').map((line) => {
    const cells = line.split('\t');
    const key = REQUEST_LABELS.get(cells[0]!);
    if (blankTotals && key !== undefined && cells.length === 8) {
      for (let j = key === 'total' && wholeTotalRow ? 1 : 7; j < 8; j++) cells[j] = '';
      for (const col of key === 'total' && wholeTotalRow ? requestRows['2021'][0]!.columns : [{ key: 'total' }])
        mustNull.add(`${key}.${col.key}`);
    }
    return `<tr>${cells.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`;
  });
  return { html: `<table>\n${rows.join('\n')}\n</table>`, mustNull };
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
    while (tables < TABLES) {
      const c = makeCase(rng, ['tabs']);
      if (!c) continue;
      tables++;
      // (Not with a row printed twice: two copies that differ only in 总计 are the same copy once it is blank.)
      const blankTotals = c.target === 'requests' && rng.chance(0.5) && !c.kinds.includes('duplicated-row');
      if (blankTotals) blanked++;
      const { html, mustNull } = toHtml(c, rng, blankTotals);
      const r = read(c, html);
      if (!r) continue;
      for (const cell of r.cells) {
        const k = `${cell.row_key}.${cell.col_key}`;
        const where = `#${tables} ${c.target} ${c.kinds.join('+')}${blankTotals ? '+blank-totals' : ''} ${k}`;
        if (cell.state === 'number') {
          published++;
          if (blankTotals && cell.col_key !== 'total') totalsRead++;
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
  });
});
