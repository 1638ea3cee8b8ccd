import { describe, expect, it } from 'vitest';
import { consistentNoise, noiseOfRows } from '../src/lib/tables/rows.ts';
import { parseCell, readCell } from '../src/lib/tables/cell.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fast paths give what the plain forms give', () => {
  it('noiseOfRows = consistentNoise for every row of random tables', () => {
    const r = rng(7);
    let decided = 0;
    for (let n = 0; n < 3000; n++) {
      const trails = new Map<number, number>();
      const nLines = Math.floor(r() * 12);
      for (let l = 0; l < nLines; l++) if (r() < 0.7) trails.set(l, Math.floor(r() * 4));
      // Row lines: some without trails, some repeated (two labels on one line).
      const lines = Array.from({ length: Math.floor(r() * 10) }, () => Math.floor(r() * (nLines + 2)));
      const fast = noiseOfRows(trails, lines);
      for (const own of [...lines, -1, nLines + 3]) {
        const want = consistentNoise(trails, lines, own);
        expect(fast(own)).toBe(want);
        if (want !== null) decided++;
      }
    }
    // The random tables exercise both answers.
    expect(decided).toBeGreaterThan(1000);
  });
});

describe('parseCell', () => {
  it('never reads a number a double cannot hold exactly: more than 15 significant digits are ambiguous', () => {
    for (const kind of ['count', 'signed', 'money'] as const) {
      const unit = kind === 'money' ? '万元' : null;
      expect(parseCell('123456789012345', kind, unit)).toMatchObject({ state: 'number', value: 123456789012345 });
      for (const t of ['9007199254740993', '1234567890123456', '12345678901234567', '1,234,567,890,123,456'])
        expect(parseCell(t, kind, unit), `${kind} ${t}`).toMatchObject({ state: 'ambiguous', value: null });
    }
    // Zeros that carry no digit do not count: a spreadsheet's 12.000… is still 12.
    expect(parseCell('12.0000000000000000', 'count')).toMatchObject({ state: 'number', value: 12 });
    expect(parseCell('1234567890123.4567', 'money', '万元')).toMatchObject({ state: 'ambiguous', value: null });
    expect(parseCell('1234567890.12345', 'money', '万元')).toMatchObject({ state: 'number', value: 1234567890.12345 });
  });

  it('reads every text as readCell (its plain form) does', () => {
    const r = rng(11);
    const chars = [
      '0',
      '1',
      '2',
      '5',
      '9',
      '0',
      '7',
      ' ',
      ',',
      '.',
      '-',
      '+',
      '万元',
      '元',
      '件',
      '/',
      '无',
      '０',
      '١',
    ];
    const texts = ['0', '00', '01', '10', '007', '123', '1,234', ' 12', '12 ', '12.0', '-3', '+4', '', ' '];
    texts.push('123456789012345', '1234567890123456', '9007199254740993', '12345678901234567890');
    for (let n = 0; n < 20000; n++) {
      const len = 1 + Math.floor(r() * 6);
      let t = '';
      for (let i = 0; i < len; i++) t += chars[Math.floor(r() * chars.length)];
      texts.push(t);
    }
    let fast = 0;
    for (const t of texts)
      for (const kind of ['count', 'signed', 'money'] as const)
        for (const unit of [null, '万元', '元'] as const) {
          expect(parseCell(t, kind, unit)).toEqual(readCell(t, kind, unit));
          if (kind !== 'money' && /^(?:0|[1-9]\d*)$/.test(t)) fast++;
        }
    expect(fast).toBeGreaterThan(1000);
  });
});
