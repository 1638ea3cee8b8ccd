import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  layoutOrderProblem,
  layoutUnnamedColumn,
  REQUEST_LAYOUT_PIECES,
  reviewBlocksProblem,
  reviewBlocksProven,
  suitLabelsProblem,
} from '../src/lib/tables/header.ts';
import { layoutReview } from '../src/lib/synth/layout-text.ts';
import { expandAlignmentTabs } from '../src/lib/decode/tabs.ts';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * 三's header as `pdftotext -layout` sets it out, each label (or piece of a wrapped one) over its
 * column: a fresh tester's one-edit variants of the real 淮安 2024 report (121 cells published
 * in the form's order under a header naming the columns in another, 25 published as 其他 under
 * 个体工商户).
 */
const text = readFileSync(new URL('./fixtures/documents/huaian2024.layout.txt', import.meta.url), 'utf8');
const truth = JSON.parse(
  readFileSync(new URL('./fixtures/documents/huaian2024.truth.json', import.meta.url), 'utf8'),
) as { cells: Array<{ table_id: string; row_key: string; col_key: string; value: number | null }> };
const requests = (t: string) =>
  ok(parseText(t, '001_huaian2024.layout.txt')).cells.filter((c) => c.table_id === 'requests');
const edit = (from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const want = (row: string, col: string) =>
  truth.cells.find((c) => c.table_id === 'requests' && c.row_key === row && c.col_key === col)?.value;

describe("三's header set out by position", () => {
  it('as published: every cell of 三 read, the right value', () => {
    const cells = requests(text);
    expect(cells).toHaveLength(truth.cells.filter((c) => c.table_id === 'requests').length);
    for (const c of cells) expect(c.value, `${c.row_key}.${c.col_key}`).toBe(want(c.row_key, c.col_key));
  });

  it('two labels swapped, wrapped or whole: no value placed', () => {
    for (const variant of [
      edit('商业企      科研机', '科研机      商业企').replace('业        构', '构        业'),
      edit('商业企      科研机', '科研机构    商业企业').replace('业        构', '          '),
    ]) {
      const cells = requests(variant);
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.filter((c) => c.value !== null)).toEqual([]);
    }
  });

  it('自然人 after 其他: no value placed', () => {
    const lines = text.split('\n');
    const k = lines.findIndex((l) => /^ {20,}自然人 +总计$/.test(l));
    expect(k).toBeGreaterThan(0);
    lines[k] = `${' '.repeat(83)}自然人  总计`;
    expect(requests(lines.join('\n')).filter((c) => c.value !== null)).toEqual([]);
  });

  it('a label the form does not have where 其他 stands: that column NULL, the others read', () => {
    const cells = requests(edit(`${' '.repeat(75)}其他`, `${' '.repeat(75)}个体工商户`));
    expect(cells.filter((c) => c.col_key === 'other_org' && c.value !== null)).toEqual([]);
    const others = cells.filter((c) => c.col_key !== 'other_org');
    expect(others.every((c) => c.value === want(c.row_key, c.col_key))).toBe(true);
    expect(others.filter((c) => c.value !== null).length).toBeGreaterThan(100);
  });

  it('finds a label whose characters are spaced apart (generated seed 113: 商业企业 before `自 然 人`, read in the form’s order)', () => {
    const header = [
      '                 商业企 自 然 人 科研机 社会公益 法律服务 其他    总计',
      '                   业              构     组织    机构',
    ];
    expect(layoutOrderProblem(header, REQUEST_LAYOUT_PIECES)).toMatch(/left of 自 然 人/);
    // In the form's order, spaced or not, no problem.
    expect(
      layoutOrderProblem(
        ['                 自 然 人 商业企 科研机 社会公益 法律服务 其他    总计'],
        REQUEST_LAYOUT_PIECES,
      ),
    ).toBeNull();
  });

  it('says nothing of lines not set out by position (pieces run together, prose)', () => {
    expect(layoutOrderProblem(['自然  社会  法律  总', '商业科研  其'], REQUEST_LAYOUT_PIECES)).toBeNull();
    expect(
      layoutOrderProblem(
        ['        本年度共收到申请，其中法律服务机构3件，商业企业5件，自然人40件，合计48件'],
        REQUEST_LAYOUT_PIECES,
      ),
    ).toBeNull();
    expect(layoutUnnamedColumn(['        小计     商业企业'], REQUEST_LAYOUT_PIECES)).toBe('unknown');
    expect(layoutUnnamedColumn(['        自然人     商业企业'], REQUEST_LAYOUT_PIECES)).toBeNull();
  });
});

describe('two fresh testers’ variants of the real report (test/fixtures/tester/t-layout-header)', () => {
  // 144 + 167 wrong cells before: the header's order not read where its lines had the note at
  // the left margin, tabs, a long word, or a header repeated after a page break in another
  // order; each file with its truth (values by the header's meaning).
  const dir = new URL('./fixtures/tester/t-layout-header/', import.meta.url);
  const files = [
    'L06_cols_swapped.txt',
    'L16_hdr_unnamed_other.txt',
    'L18_natural_last.txt',
    'f01_nat_tot_stagger_note.layout.txt',
    'f02b_soc_leg_stagger_note_distinct.layout.txt',
    'f03_com_res_swap_tabs.layout.txt',
    'f04_legal_other_longword_distinct.layout.txt',
    'x02_header_repeat_reordered.layout.txt',
    // Rows aligned by tabs beside runs of spaces (unexpand): a double tab was a blank cell.
    'f05_tabs_rows.layout.txt',
    // A third tester: one of the two swapped labels letter-spaced (`自 然 人`, `其  他`), wrapped a
    // character a line (`自` / `然人`, `总` / `计`), or with a mark or note (`自然人*`,
    // `总计（件）`); a repeated header so after a page break.
    's02_np_co_spaced.txt',
    's02b_np_co_wrapped.txt',
    's05_total_vertical_qita.txt',
    'w02_qita_total_paren.txt',
    'w03_np_co_star.txt',
    'w04_le_qita_spaced.txt',
    'w05_np_co_vertical.txt',
    'p03_rep_swapped_np_co_spaced.txt',
    // In the form's order: a unit's note beside the labels, 其它 for 其他 (read whole).
    'u04_unit_after_total.txt',
    'u07_unit_on_pieces.txt',
    'o03_qita_variant.txt',
    // 四: 其他结果's and 尚未审结's pieces in each other's place (`尚未审   其他`).
    'f06_review_other_pending.layout.txt',
    'f06b_suit2_other_pending.layout.txt',
    // 四, a swap shown on no one line (`结果   其他结` over `维持   果`, 纠正 further on), a piece
    // letter-spaced (`纠 正`), 总计 and a bare 尚未 swapped: read block by block over the values.
    'r05_b1_other_corr.txt',
    'r01_b1_swap_spaced.txt',
    'x01_review_total_pending.layout.txt',
    // 四's blocks named 未经复议直接起诉 | 复议后起诉 | (none), no 行政复议 line above them.
    'c01_DAR_nogroups.layout.txt',
  ];
  for (const file of files)
    it(`${file}: no wrong number`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
    });
});

describe('the note broken beside the header’s pieces, in the form’s order', () => {
  it('is read whole (a fresh tester: 商业企 was read as at 科研机构’s place, 175 cells NULL)', () => {
    const file = 'n04_note_beside_pieces_real.layout.txt';
    const dir = new URL('./fixtures/tester/t-layout-header/', import.meta.url);
    const p = ok(parseText(readFileSync(new URL(file, dir)), file));
    expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
    const cells = p.cells.filter((c) => c.table_id === 'requests');
    expect(cells.filter((c) => c.value === null)).toEqual([]);
  });
});

describe('expandAlignmentTabs', () => {
  it('expands tabs beside runs of spaces to stops of eight, and leaves a tab-separated table', () => {
    const aligned = ['规章\t   1\t0   11', '行政许可\t\t  447228', '行政处罚  \t3985758'].join('\n');
    expect(expandAlignmentTabs(aligned).split('\n')).toEqual([
      '规章         1    0   11',
      '行政许可              447228',
      '行政处罚    3985758',
    ]);
    const tsv = ['规章\t1\t0\t11', '行政许可\t447228', '行政处罚\t\t3985758'].join('\n');
    expect(expandAlignmentTabs(tsv)).toBe(tsv);
  });
});

describe('headers in the form’s order with a unit’s note or 其它 (a third tester’s false NULLs)', () => {
  const dir = new URL('./fixtures/tester/t-layout-header/', import.meta.url);
  for (const file of ['u04_unit_after_total.txt', 'u07_unit_on_pieces.txt', 'o03_qita_variant.txt'])
    it(`${file}: every cell of 三 read`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      expect(p.cells.filter((c) => c.table_id === 'requests' && c.value === null)).toEqual([]);
    });
});

describe('reviewBlocksProblem: a header aligned by width on screen (a CJK character two columns)', () => {
  // The values, then each block's labels over them, placed by display width (a fourth tester's
  // clean headers were NULL when only one column a character was tried).
  const values = '72   64    178    37    351   13    4    8    1    26   12   1    1    6    20';
  const at = [...values.matchAll(/\S+/g)].map((m) => m.index);
  const place = (labels: string[]) => {
    let line = '';
    labels.forEach((l, k) => {
      const width = [...line].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
      line += ' '.repeat(Math.max(1, at[k]! - width)) + l;
    });
    return line;
  };
  const block = ['维持', '纠正', '其他', '尚未', '总计'];
  it('says nothing of the form’s order, whichever count is asked or none', () => {
    const header = place([...block, ...block, ...block]);
    expect(reviewBlocksProblem([header], values)).toBeNull();
    expect(reviewBlocksProblem([header], values, true)).toBeNull();
  });
  it('names a swap under the document’s count', () => {
    const swapped = ['维持', '其他', '纠正', '尚未', '总计'];
    expect(reviewBlocksProblem([place([...swapped, ...block, ...block])], values, true)).toMatch(/其他 left of 纠正/);
  });
});

describe('四’s header mixing one-line and broken labels (a fourth tester’s false NULLs)', () => {
  // `结果维持 … 总计` whole in one block, `结果 … 总计` over `维持 …` in the others: read by the
  // labels' text order, 总计 was named three times on one line and 结果维持 once ("总计 twice").
  const dir = new URL('./fixtures/tester/t-layout-header/', import.meta.url);
  for (const file of [
    'c06_mixed_modes_clean.layout.txt',
    'd01_one_two_two.layout.txt',
    'd02_two_two_spaced.layout.txt',
    'd05_one_two_one.layout.txt',
  ])
    it(`${file}: every cell of 四 read, the right value`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      expect(p.cells.filter((c) => c.table_id === 'review' && c.value === null)).toEqual([]);
    });

  const values =
    '   72        64       178        37       351        13        4         8         2         27        12        3         1         6         22';
  const whole = '  结果维持      结果纠正      其他结果      尚未审结       总计';
  const top = `${whole}        结果        结果        其他        尚未        总计        结果        结果        其他        尚未        总计`;
  const under = `${' '.repeat(53)}维持        纠正        结果        审结                  维持        纠正        结果        审结`;
  it('is proven by position: every column named once over its own value, in the form’s order', () => {
    expect(reviewBlocksProven([top, under], values, false)).toBe(true);
    expect(reviewBlocksProblem([top, under], values, false)).toBeNull();
  });
  it('is not proven when a block swaps two columns, lacks one, or its blocks are named elsewhere', () => {
    const swapped = under.replace('纠正        结果', '结果        纠正');
    const swappedTop = top.replace('结果        其他', '其他        结果');
    expect(reviewBlocksProven([swappedTop, swapped], values, false)).toBe(false);
    expect(reviewBlocksProblem([swappedTop, swapped], values, false)).toMatch(/in its block 2/);
    expect(reviewBlocksProven([top.replace('尚未审结', '        '), under], values, false)).toBe(false);
    const groups = `${' '.repeat(10)}未经复议直接起诉${' '.repeat(60)}复议后起诉`;
    expect(reviewBlocksProven([groups, top, under], values, false)).toBe(false);
  });
});

describe('reviewBlocksProven over the generator’s 四 (synth/layout-text.ts layoutReview)', () => {
  // Each block whole, broken over two lines or letter-spaced, written two columns a CJK character
  // and read with the count not known: proven exactly when no two columns are swapped.
  const values = Array.from({ length: 15 }, (_, k) => String((k * 37) % 101));
  const modes = ['whole', 'broken', 'spaced'] as const;
  const split = (lines: string[]) => {
    const at = lines.findIndex((l) => /^\s*\d/.test(l));
    return { header: lines.slice(0, at).filter((l) => l.trim()), values: lines[at]! };
  };
  it('every mix of modes, every column width: proven, no problem', () => {
    for (const a of modes)
      for (const b of modes)
        for (const c of modes)
          for (const col of [14, 16]) {
            const t = split(layoutReview(values, [a, b, c], col));
            expect(reviewBlocksProven(t.header, t.values), `${a} ${b} ${c} ${col}`).toBe(true);
            expect(reviewBlocksProblem(t.header, t.values), `${a} ${b} ${c} ${col}`).toBeNull();
          }
  });
  it('two columns of a block swapped, labels and values: never proven', () => {
    for (const m of modes)
      for (let block = 0; block < 3; block++)
        for (let x = 0; x < 5; x++)
          for (let y = x + 1; y < 5; y++) {
            const t = split(layoutReview(values, [m, 'broken', m], 15, [5 * block + x, 5 * block + y]));
            expect(reviewBlocksProven(t.header, t.values), `${m} ${block} ${x}-${y}`).toBe(false);
          }
  });
});

describe('四’s 行政诉讼 blocks by their labels as reports word them (an eighth fresh tester: 128 wrong cells)', () => {
  const values = Array.from({ length: 15 }, (_, k) => String((k * 37) % 101));
  const split = (lines: string[]) => {
    const at = lines.findIndex((l) => /^\s*\d/.test(l));
    return { header: lines.slice(0, at).filter((l) => l.trim()), values: lines[at]! };
  };
  const wordings: Array<[string | null, string | null]> = [
    ['未经复议直接起诉', '复议后起诉'],
    ['直接起诉', '复议后起诉'],
    ['未经复议起诉', '经复议后起诉'],
    [null, '复议后起诉'],
    ['未经复议直接起诉', null],
    ['直接起诉', null],
  ];
  it('each over its own block: proven; the two blocks swapped with their labels: a problem, never proven', () => {
    for (const [direct, after] of wordings) {
      const ok = split(
        layoutReview(values, ['whole', 'broken', 'whole'], 15, undefined, { direct, after, swapped: false }),
      );
      expect(reviewBlocksProven(ok.header, ok.values), `${direct} ${after}`).toBe(true);
      const sw = split(
        layoutReview(values, ['whole', 'broken', 'whole'], 15, undefined, { direct, after, swapped: true }),
      );
      expect(reviewBlocksProven(sw.header, sw.values), `${direct} ${after} swapped`).toBe(false);
      expect(reviewBlocksProblem(sw.header, sw.values), `${direct} ${after} swapped`).toMatch(/another block's/);
    }
  });
  it('read as text: a header naming one of them only, or them out of order, places no value', () => {
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计未经复议直接起诉复议后起诉')).toBeNull();
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计直接起诉经复议后起诉')).toBeNull();
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计')).toBeNull();
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计复议后起诉')).toMatch(/not the other/);
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计复议后起诉直接起诉')).toMatch(/before/);
    expect(suitLabelsProblem('行政复议行政诉讼结果维持总计复议后起诉未经复议起诉')).toMatch(/before/);
  });
});
