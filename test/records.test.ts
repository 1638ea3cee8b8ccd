import { describe, expect, it } from 'vitest';
import { delimitedRows } from '../src/lib/decode/delimited.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { endsQuoted, fieldLines, joinQuotedRecords, quotedTabRows } from '../src/lib/decode/records.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText, pipesAsDelimited, rowOf } from './helpers.ts';

/** A pipes report re-written with delimiter `d` (fields as they are: the test quotes its own). */
const asDelimited = (text: string, d: ',' | '\t') => pipesAsDelimited(text, d);

const seven = (n: number) => Array.from({ length: 7 }, (_, i) => String(n + i));
const spec = {
  style: 'pipes' as const,
  requests: {
    granted: seven(1),
    partly_granted: seven(2),
    withheld_third_party: seven(3),
    withheld_internal: seven(4),
  },
};

/** Row labels and a header cell wrapped inside their quoted fields (a spreadsheet's Alt+Enter). */
function wrapped(d: ',' | '\t'): string {
  return asDelimited(buildReport(spec), d)
    .replace(`本年新制作数量${d}`, `"本年新\n制作数量"${d}`)
    .replace(`\n（二）部分公开${d}`, `\n"（二）部分\r\n公开"${d}`)
    .replace(`\n（三）5.属于三类内部事务信息${d}`, `\n"（三）5.属于""三类""\n内部事务信息"${d}`)
    .replace(`\n（一）予以公开${d}1${d}`, `\n（一）予以公开${d}"1\n2"${d}`);
}

describe('records over several lines (quoted fields with line breaks)', () => {
  it('knows when a line ends inside a quoted field', () => {
    expect(endsQuoted('"行政规范性', ',')).toBe(true);
    expect(endsQuoted('规章,"1,205",1', ',')).toBe(false);
    expect(endsQuoted('a,"他说""好', ',')).toBe(true);
    expect(endsQuoted('文件",27,9', ',', true)).toBe(false);
    // A quote inside a field opens nothing.
    expect(endsQuoted('根据"条例,规定', ',')).toBe(false);
  });

  it('joins the lines of one record, and leaves a stray quote in prose alone', () => {
    const lines = textToLines(
      '规章,1,2,3\n"行政规范性\n文件",27,9,143\n"本年收费\n金额"\n"一段话\n没有结束\n行政许可,5,,\n"他说""好""\n了"之后',
    );
    expect(joinQuotedRecords(lines, ',').map((l) => l.raw)).toEqual([
      '规章,1,2,3',
      '"行政规范性\n文件",27,9,143',
      '本年收费 金额',
      '"一段话',
      '没有结束',
      '行政许可,5,,',
      '"他说""好""',
      '了"之后',
    ]);
    const rows = delimitedRows(textToLines('规章,1,2,3\n"行政规范性\n文件",27,9,143\n行政许可,5,,\n行政处罚,6,,'));
    expect(rows[1]!.cells!.map((c) => c.raw)).toEqual(['行政规范性 文件', '27', '9', '143']);
    expect(rows[1]!.no).toBe(2);
    // Each cell at the line it stands on: the numbers below the label's first line (t70).
    expect(rows[1]!.cells!.map((c) => c.no)).toEqual([2, 3, 3, 3]);
  });

  it('a field stands on the line of its first character that is no space', () => {
    expect(fieldLines('"一、本年新收政府信息公开\n申请数量"\t\t\t1\t0', '\t')).toEqual([0, 1, 1, 1, 1]);
    expect(fieldLines('a,"b\n\nc",,"d"', ',')).toEqual([0, 0, 2, 2]);
    expect(fieldLines('a,"\nb",c', ',')).toEqual([0, 1, 1]);
  });

  it('tab records too: a number links to its own line, not the wrapped label’s first', () => {
    const lines = quotedTabRows(
      textToLines('规章\t1\t2\t3\n"行政规范性\n文件"\t27\t9\t143\n行政许可\t5\t\t\n行政处罚\t6\t\t'),
    );
    expect(lines[1]!.cells!.map((c) => c.no)).toEqual([2, 3, 3, 3]);
  });

  for (const [name, d] of [
    ['CSV', ','],
    ['tab-separated text', '\t'],
  ] as const)
    it(`${name}: a wrapped label reads as the template's, a wrapped number is unreadable`, () => {
      const text = wrapped(d);
      for (const piece of ['"本年新\n', '"（二）部分\r\n', '""\n内部事务信息"', '"1\n2"'])
        expect(text).toContain(piece);
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('2 3 4 5 6 7 8');
      expect(rowOf(p.cells, 'requests', 'withheld_internal')).toBe('4 5 6 7 8 9 10');
      // "1⏎2" is two numbers in one cell, never 12; the row's other cells keep their columns.
      expect(rowOf(p.cells, 'requests', 'granted')).toBe('U 2 3 4 5 6 7');
      expect(rowOf(p.cells, 'requests', 'withheld_third_party')).toBe('3 4 5 6 7 8 9');
    });

  it('a label its line break makes no template label, or two, gives its numbers to no row', () => {
    const text = asDelimited(buildReport(spec), ',')
      .replace('\n（三）4.保护第三方合法权益,', '\n"（三）4.保护第三方\n权益",')
      .replace('\n（三）1.属于国家秘密,', '\n"（三）1.属于国家秘密\n2.其他法律行政法规禁止公开",')
      .replace(/\n（三）2\.其他法律行政法规禁止公开,[^\n]*/, '');
    const p = ok(parseText(text));
    expect(p.cells.filter((c) => c.row_key === 'withheld_third_party' && c.state === 'number')).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('A A A A A A A');
    expect(p.cells.filter((c) => c.row_key === 'withheld_prohibited' && c.state === 'number')).toEqual([]);
    expect(p.diagnostics.map((x) => x.code)).toContain('W_CELLS_AMBIGUOUS');
  });

  it('tab rows with a quoted field become rows with exact cells; others are left to the table reader', () => {
    const lines = textToLines(
      '信息内容\t本年\t上年\n规章\t1\t2\n"3.危及""三安全一稳定"""\t4\t5\n"行政规范性\n文件"\t6\t7',
    );
    const rows = quotedTabRows(lines);
    expect(rows.map((l) => l.cells?.map((c) => c.raw))).toEqual([
      undefined,
      undefined,
      ['3.危及"三安全一稳定"', '4', '5'],
      ['行政规范性 文件', '6', '7'],
    ]);
  });
});
