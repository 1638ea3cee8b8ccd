import { describe, expect, it } from 'vitest';
import { layoutRows } from '../src/lib/synth/layout-text.ts';
import { Random } from '../src/lib/synth/random.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * The generator's `pdftotext -layout` rows with a number wrapped in its cell (synth/layout-text.ts
 * WrappedNumber): the shapes t40 found, which the evaluation then measures at scale.
 */
const rows = [
  ['（三）不予公开1.属于国家秘密', '0', '1', '0', '0', '0', '0', '1'],
  ['2.其他法律行政法规禁止公开', '3', '0', '0', '0', '0', '0', '3'],
  ['3.危及“三安全一稳定”', '54', '0', '0', '0', '0', '0', '54'],
  ['4.保护第三方合法权益', '0', '0', '2', '0', '0', '0', '2'],
];
/** A report whose 三 is `body` under a one-line header. */
const report = (body: string[]) =>
  [
    '测试市人民政府2022年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '申请人情况  自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计',
    ...body,
    '四、政府信息公开行政复议、行政诉讼情况',
  ].join('\n');
const shaped = (w: Parameters<typeof layoutRows>[3]) =>
  layoutRows(rows, new Random(3), 'first', w).map((l) => l.replace(/\s+/g, ' ').trim());

describe('a number wrapped in its cell, as the generator writes it', () => {
  it('the first digits above the row (a cell set to its bottom), beside the rest of the label above', () => {
    const lines = shaped({ row: 2, cell: 0, beside: true, above: true });
    expect(lines).toContain('政法规禁止公开 5');
    expect(lines[lines.indexOf('政法规禁止公开 5') + 1]).toBe('3.危及“三安 4 0 0 0 0 0 54');
    expect(shaped({ row: 2, cell: 0, above: true })).toContain('5');
  });

  it('the last digit below the row, beside the rest of its label', () => {
    const lines = shaped({ row: 2, cell: 0, beside: true });
    expect(lines[lines.indexOf('3.危及“三安 5 0 0 0 0 0 54') + 1]).toBe('全一稳定” 4');
  });

  const keys = ['withheld_state_secret', 'withheld_prohibited', 'withheld_three_safeties', 'withheld_third_party'];
  const cols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
  for (const beside of [false, true])
    for (const above of [false, true])
      it(`is never read as a number cut short (beside ${beside}, above ${above})`, () => {
        const body = layoutRows(rows, new Random(3), 'first', { row: 2, cell: 0, beside, above });
        const p = ok(parseText(report(body)));
        // NULL, or not found at all when the digit below parts the label's pieces.
        expect(rowOf(p.cells, 'requests', 'withheld_three_safeties')).not.toMatch(/\d/);
        // Every number published for these rows is the row's own.
        const published = p.cells.filter((c) => c.table_id === 'requests' && c.state === 'number');
        for (const c of published) {
          const r = keys.indexOf(c.row_key);
          expect(r, c.row_key).toBeGreaterThanOrEqual(0);
          expect(c.value, `${c.row_key}.${c.col_key}`).toBe(Number(rows[r]![cols.indexOf(c.col_key) + 1]));
        }
      });
});

describe('digits that cannot start a number', () => {
  it('a 0 beside the rest of a label is the last digit of the row above’s number: the row below stands', () => {
    // t41's req_label_last: 10 wrapped as 1 over 0, the 0 beside the label's rest.
    const ten = rows.map((r, i) => (i === 2 ? [r[0]!, '10', '0', '0', '0', '0', '0', '10'] : r));
    const body = layoutRows(ten, new Random(3), 'first', { row: 2, cell: 0, beside: true });
    expect(body.map((l) => l.replace(/\s+/g, ' ').trim())).toContain('全一稳定” 0');
    const p = ok(parseText(report(body)));
    expect(rowOf(p.cells, 'requests', 'withheld_three_safeties')).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'requests', 'withheld_third_party')).toBe('0 0 2 0 0 0 2');
  });
});

describe('two cells glued, their number wrapped in its cell (synthetic seed 77)', () => {
  // `（五）4.无正当  0 0 0 0 0 0` over `理由大量反复申请  0`: the row's label wrapped, its values on
  // the first line, one short (two cells glued as 00), the glued number's last digit beside the
  // label's rest. Read from the second line alone, the 0 was placed under 法律服务机构 and six
  // cells said blank. Random rows, any pair glued, the digit below or the first digits above.
  const cols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
  const keys = ['withheld_state_secret', 'withheld_prohibited', 'withheld_three_safeties', 'withheld_third_party'];
  for (let seed = 1; seed <= 48; seed++)
    it(`publishes no number of the glued row, and only the other rows' own (seed ${seed})`, () => {
      const rng = new Random(seed);
      const values = rows.map(() => {
        const v = Array.from({ length: 6 }, () => (rng.chance(0.6) ? 0 : rng.int(1, 30)));
        return [...v, v.reduce((a, b) => a + b, 0)];
      });
      const r = rng.int(0, rows.length - 1);
      const g = rng.int(0, 5);
      const cells = values.map((v) => v.map(String));
      const glued = [...cells[r]!.slice(0, g), cells[r]![g]! + cells[r]![g + 1]!, ...cells[r]!.slice(g + 2)];
      const table = rows.map((row, i) => [row[0]!, ...(i === r ? glued : cells[i]!)]);
      const beside = rng.chance(0.5);
      const above = rng.chance(0.3);
      const body = layoutRows(table, new Random(seed + 100), 'first', { row: r, cell: g, beside, above });
      const p = ok(parseText(report(body)));
      const published = p.cells.filter((c) => c.table_id === 'requests' && c.state === 'number');
      for (const c of published) {
        const k = keys.indexOf(c.row_key);
        expect(k, `${c.row_key}: ${body.join('\n')}`).toBeGreaterThanOrEqual(0);
        // The digit below: no number of the glued row. The first digits above (a 0 there is taken
        // for the row above's last digit, a 00 being no number) leave a glued row of 0s read as
        // its cells, a column off: every value still the right one (not yet: the blank at its end).
        if (!above) expect(k, `${c.row_key}.${c.col_key} (the glued row): ${body.join('\n')}`).not.toBe(r);
        expect(c.value, `${c.row_key}.${c.col_key}: ${body.join('\n')}`).toBe(values[k]![cols.indexOf(c.col_key)]);
      }
      // No cell of these rows is blank in the source: NULL, but never for that reason.
      const blank = p.cells.filter(
        (c) => keys.includes(c.row_key) && c.state === 'blank' && !(above && c.row_key === keys[r]),
      );
      expect(blank.map((c) => `${c.row_key}.${c.col_key}`)).toEqual([]);
    });
});
