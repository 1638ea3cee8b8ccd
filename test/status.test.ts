import { describe, expect, it } from 'vitest';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

/** Replaces every value of section 三's rows (lines between its heading and 四's). */
function damageRequests(text: string, value: (v: string) => string): string {
  let inside = false;
  return text
    .split('\n')
    .map((l) => {
      if (l.startsWith('三、')) inside = true;
      else if (l.startsWith('四、政府信息公开行政复议')) inside = false;
      if (!inside || !/^[一二四（].* \| \d/.test(l)) return l;
      return l.replace(/ \| (\d+)(?= \|)/g, (_m, v: string) => ` | ${value(v)}`);
    })
    .join('\n');
}

describe('report status', () => {
  it('is complete when every table is read', () => {
    expect(ok(parseText(buildReport({ style: 'pipes' }))).report.status).toBe('complete');
  });

  it('is partial when a table was found but none of its cells could be read', () => {
    const p = ok(parseText(damageRequests(buildReport({ style: 'pipes' }), (v) => `约${v}`)));
    const requests = p.cells.filter((c) => c.table_id === 'requests');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((c) => c.value === null)).toBe(true);
    expect(p.report.status).toBe('partial');
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && d.message.includes('三'))).toBe(true);
  });

  it('stays complete when some cells of a table could not be read', () => {
    let n = 0;
    const p = ok(parseText(damageRequests(buildReport({ style: 'pipes' }), (v) => (n++ === 3 ? `约${v}` : v))));
    expect(p.cells.some((c) => c.table_id === 'requests' && c.state === 'unreadable')).toBe(true);
    expect(p.report.status).toBe('complete');
  });

  describe('a section 四 whose cells are all present but empty', () => {
    const empty = Array.from({ length: 15 }, () => '');
    const review = (p: ReturnType<typeof ok>) => p.cells.filter((c) => c.table_id === 'review');
    const missing = (p: ReturnType<typeof ok>) =>
      p.diagnostics.filter((d) => d.code === 'W_TABLE_MISSING' && d.message.includes('四'));

    for (const style of ['pipes', 'html', 'lines'] as const)
      it(`${style}: fifteen blank cells (NULL, blank), the table found, the report complete`, () => {
        const p = ok(parseText(buildReport({ style, review: empty }), style === 'html' ? 't.html' : 't.txt'));
        const cells = review(p);
        expect(cells).toHaveLength(15);
        expect(cells.every((c) => c.state === 'blank' && c.value === null)).toBe(true);
        expect(missing(p)).toEqual([]);
        expect(p.report.status).toBe('complete');
        // The blank cells point at the empty row, never at the heading.
        const lines = buildReport({ style, review: empty }).split('\n');
        const heading = lines.findIndex((l) => l.includes('四、政府信息公开行政复议')) + 1;
        expect(cells.every((c) => c.line > heading + 1)).toBe(true);
      });

    it('as section 三 treats an all-blank table: its empty rows are blank cells too (one cell per line)', () => {
      const requests = Object.fromEntries(
        ['new_received', 'carried_over', 'granted'].map((k) => [k, Array.from({ length: 7 }, () => '')]),
      );
      const p = ok(parseText(buildReport({ style: 'lines', requests })));
      expect(p.cells.filter((c) => c.table_id === 'requests' && c.row_key === 'granted').map((c) => c.state)).toEqual(
        Array.from({ length: 7 }, () => 'blank'),
      );
    });

    it('a count of empty cells that is not proven: found, every cell ambiguous, the report partial (as for 三)', () => {
      // Markdown pads every row to the widest, so the empty row's last piece may be a cell or the padding.
      const p = ok(parseText(buildReport({ style: 'markdown', review: empty })));
      const cells = review(p);
      expect(cells).toHaveLength(15);
      expect(cells.every((c) => c.state === 'ambiguous' && c.value === null)).toBe(true);
      expect(missing(p).map((d) => d.message)).toEqual([
        'section 四: the table was found, but none of its cells could be read (all ambiguous or unreadable)',
      ]);
      expect(p.report.status).toBe('partial');
    });

    it('no empty cell at all after the header (blank lines): no table shows, as before', () => {
      const p = ok(parseText(buildReport({ style: 'blank-lines', review: empty })));
      expect(review(p)).toEqual([]);
      expect(missing(p)).toHaveLength(1);
      expect(p.report.status).toBe('partial');
    });

    it('a section 四 of text only, with no table header, stays a missing table', () => {
      const text = buildReport({ style: 'pipes' }).replace(
        /(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(五、)/,
        '$1本年度未发生行政复议、行政诉讼案件。\n | | |\n$2',
      );
      const p = ok(parseText(text));
      expect(review(p)).toEqual([]);
      expect(missing(p)).toHaveLength(1);
    });
  });
});
