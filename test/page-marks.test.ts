import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { gluedPageMarks } from '../src/lib/decode/page-marks.ts';

const texts = (s: string) => gluedPageMarks(textToLines(s)).map((l) => l.text);

describe('gluedPageMarks (a running header printed over a row)', () => {
  it('blanks the mark inside a row and marks the cell it touches; its own lines stay', () => {
    const out = texts(
      ['政务公开 2024', 'a', '政务公开 2024', 'b', '政务公开 2024', '3.危及“三安全一稳定”政务公开 20246 0 3'].join(
        '\n',
      ),
    );
    expect(out.slice(0, 5)).toEqual(['政务公开 2024', 'a', '政务公开 2024', 'b', '政务公开 2024']);
    expect(out[5]).toBe(`3.危及“三安全一稳定”${' '.repeat(8)}⁇6 0 3`);
  });
  it('a table line recurring in copies of a table is no mark (no year or page number)', () => {
    const lines = ['行政许可 0', '行政许可 0', '行政许可 0', '其他对外管理服务事项行政许可 0 5'];
    expect(texts(lines.join('\n'))).toEqual(lines);
  });
});
