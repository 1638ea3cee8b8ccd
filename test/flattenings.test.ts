import { describe, expect, it } from 'vitest';
import { buildReport, type Style } from './fixtures/build.ts';
import { ok, parseText, rowOf } from './helpers.ts';

const requests = {
  new_received: ['5', '1', '0', '0', '1', '0', '7'],
  carried_over: ['1', '0', '0', '0', '0', '0', '1'],
  granted: ['3', '1', '0', '0', '0', '0', '4'],
  unable_not_held: ['2', '0', '0', '0', '1', '0', '3'],
  total: ['5', '1', '0', '0', '1', '0', '7'],
  carried_forward: ['1', '0', '0', '0', '0', '0', '1'],
};
const active = { licensing: ['58', '-3', '8458'], procurement: ['43', '22.67万元'] };
const review = ['1', '2', '0', '0', '3', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0'];

describe('every flattening reads the same numbers', () => {
  const styles: Style[] = ['lines', 'blank-lines', 'pipes', 'markdown', 'tabs', 'spaces', 'html'];
  for (const style of styles) {
    it(style, () => {
      const text = buildReport({ style, requests, active, review });
      const p = ok(parseText(text, style === 'html' ? 'r.html' : 'r.txt'));
      expect(p.report.status).toBe('complete');
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 1 0 7');
      expect(rowOf(p.cells, 'requests', 'unable_not_held')).toBe('2 0 0 0 1 0 3');
      expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('1 0 0 0 0 0 1');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('58 -3 8458');
      expect(rowOf(p.cells, 'active', 'procurement')).toBe('43 22.67');
      expect(rowOf(p.cells, 'review', 'review')).toBe('1 2 0 0 3');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 0 0');
      expect(p.report.checks_failed).toBe(0);
      expect(p.report.cells_ambiguous).toBe(0);
    });
  }
});

describe('cells', () => {
  it('full-width digits, thousands separators and units', () => {
    const text = buildReport({ active: { licensing: ['１２', '+1', '1,234件'], procurement: ['3', '226,700元'] } });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('12 1 1234');
    expect(rowOf(p.cells, 'active', 'procurement')).toBe('3 22.67');
    const cell = p.cells.find((c) => c.row_key === 'licensing' && c.col_key === 'prev_items')!;
    expect(cell.raw).toBe('１２');
  });

  it('blank and not-applicable cells stay NULL with their state', () => {
    const text = buildReport({ style: 'pipes', requests: { granted: ['/', '-', '—', '无', '', '', '0'] } });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('N N N N B B 0');
    for (const c of p.cells.filter((c) => c.row_key === 'granted' && c.col_key !== 'total')) expect(c.value).toBeNull();
  });

  it('an amount without any unit is ambiguous, not guessed', () => {
    const p = ok(parseText(buildReport({ active: { procurement: ['3', '1500'] } })));
    const amount = p.cells.find((c) => c.row_key === 'procurement' && c.col_key === 'amount')!;
    expect(amount.state).toBe('ambiguous');
    expect(amount.value).toBeNull();
    expect(p.diagnostics.some((d) => d.code === 'W_UNIT_UNKNOWN')).toBe(true);
  });

  it('a header unit applies to bare amounts', () => {
    const text = buildReport({ active: { procurement: ['3', '1500'] } }).replace(
      '政府集中采购 |',
      '信息内容 | 采购项目数量 | 采购总金额（万元） |\n政府集中采购 |',
    );
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'procurement')).toBe('3 1500');
  });

  it('a header naming the amount column alone places no value by count (a fresh tester’s t67)', () => {
    // The header names one of the sub-table's two columns: that the row's first value is the
    // column it does not name (采购项目数量) is not proven.
    const text = buildReport({ active: { procurement: ['3', '1500'] } }).replace(
      '政府集中采购 |',
      '采购总金额（万元） |\n政府集中采购 |',
    );
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'procurement')).toBe('A A');
  });

  it('a fractional count is unreadable, not rounded', () => {
    const p = ok(parseText(buildReport({ active: { licensing: ['1.5', '0', '2'] } })));
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('U 0 2');
  });

  it('a whole count written as a spreadsheet writes it (12.0) is that count; 12.50 is not', () => {
    const p = ok(parseText(buildReport({ active: { licensing: ['12.0', '0.00', '12.50'] } })));
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('12 0 U');
  });
});

describe('layouts', () => {
  it('2021 section 二 and 三', () => {
    const text = buildReport({
      title: '测试市测试局2022年政府信息公开工作年度报告',
      head: ['发布时间：2023-01-20'],
      layoutActive: '2021',
      layoutRequests: '2021',
      active: { rules: ['1', '0', '5'], normative_docs: ['3', '1', '20'], licensing: ['100'], fees: ['2.5'] },
      requests: {
        new_received: ['2', '0', '0', '0', '0', '0', '2'],
        other_misc: ['1', '0', '0', '0', '0', '0', '1'],
        granted: ['1', '0', '0', '0', '0', '0', '1'],
        total: ['2', '0', '0', '0', '0', '0', '2'],
      },
    });
    const p = ok(parseText(text));
    expect(p.report).toMatchObject({
      layout_active: '2021',
      layout_requests: '2021',
      era: '2021',
      year: 2022,
      checks_failed: 0,
    });
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('3 1 20');
    expect(rowOf(p.cells, 'active', 'fees')).toBe('2.5');
    expect(rowOf(p.cells, 'requests', 'other_misc')).toBe('1 0 0 0 0 0 1');
    expect(p.cells.some((c) => c.row_key === 'other')).toBe(false);
    // Its group's merged label flattened onto the row (a fresh tester's t60: not found at all).
    for (const label of ['（六）其他处理3.其他', '（六）其他处理 3.其他', '其他处理（3）其他']) {
      const flat = ok(parseText(text.replace(/^.*3\.其他/m, (m) => m.replace(/[（(]六[）)]?\s*3\.其他/, label))));
      expect(rowOf(flat.cells, 'requests', 'other_misc'), label).toBe('1 0 0 0 0 0 1');
    }
  });

  it('mixed: 2021 section 二 with the 2019 single （六） row in 三', () => {
    const p = ok(
      parseText(
        buildReport({
          title: '测试市测试局2023年政府信息公开工作年度报告',
          layoutActive: '2021',
          layoutRequests: '2019',
        }),
      ),
    );
    expect(p.report).toMatchObject({ layout_active: '2021', layout_requests: '2019', era: '2021' });
    expect(p.cells.some((c) => c.row_key === 'other')).toBe(true);
  });
});

describe('messy flattenings', () => {
  it('header words split over lines and page footers inside a table', () => {
    const text = buildReport({ style: 'blank-lines', requests })
      .replace('本年新制作数量', '本年新\n制作数量')
      .replace('二、上年结转政府信息公开申请数量', '-3-\n\n二、上年结转政府信息公开申请数量');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 1 0 7');
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('1 0 0 0 0 0 1');
    expect(p.report.status).toBe('complete');
  });

  it('blank applicant cells before a filled total (blank lines)', () => {
    const text = buildReport({ style: 'blank-lines' }).replace(
      /(一、本年新收政府信息公开申请数量)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0/,
      '$1\n\n\n\n\n\n\n\n 0',
    );
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('B B B B B B 0');
  });

  it('blank cells in a |-joined row keep their positions', () => {
    const p = ok(parseText(buildReport({ style: 'pipes', requests: { granted: ['', '1', '', '', '', '', '1'] } })));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('B 1 B B B B 1');
  });

  it('blank cells anywhere in one-cell-per-line text without separators (x | style)', () => {
    for (const granted of [
      ['1', '', '0', '0', '0', '0', '1'],
      ['', '1', '0', '0', '0', '0', '1'],
      ['1', '0', '0', '0', '0', '1', ''],
    ]) {
      const p = ok(parseText(buildReport({ style: 'lines', requests: { granted } })));
      expect(rowOf(p.cells, 'requests', 'granted')).toBe(granted.map((g) => g || 'B').join(' '));
    }
  });

  it('a blank cell between values separated by blank lines cannot be placed: ambiguous, NULL', () => {
    const text = buildReport({ style: 'blank-lines' }).replace(/(（一）予以公开)\n\n0\n\n0\n\n0/, '$1\n\n1\n\n\n\n0');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('A A A A A A A');
  });

  it('site chrome around the report is ignored', () => {
    const text = `当前位置：首页 > 政务公开\n打印 关闭\n${buildReport({ requests })}责任编辑：张三\n分享到：\n`;
    const p = ok(parseText(text));
    expect(p.report.title).toBe('测试市测试局2020年政府信息公开工作年度报告');
    expect(p.sections.find((s) => s.section === 6)!.text).toBe('无。');
  });

  it('HTML with rowspan and colspan gives exact cells', () => {
    const html = `<!doctype html><html lang="zh-CN"><body><nav>首页 | 政务公开</nav>
<h1>测试县人民政府2020年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td rowspan="3" colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>4</td><td></td><td>&nbsp;</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>
<tr><td colspan="2">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>
<tr><td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td colspan="7">/</td></tr>
</table>
<script>document.write('<p>一、总体情况</p>')</script>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></body></html>`;
    const p = ok(parseText(html, 'r.html'));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('4 B B 0 0 1 5');
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('4 0 0 0 0 1 5');
    // A "/" drawn across every column says "/" for each of them.
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('N N N N N N N');
    const cell = p.cells.find((c) => c.row_key === 'granted' && c.col_key === 'total')!;
    expect(html.split('\n')[cell.line - 1]).toContain('（一）予以公开');
    expect(p.report.status).toBe('partial');
  });
});

describe('HTML number cells spanning rows (rowspan; Word’s vMerge comes as rowspan)', () => {
  const page = (rows: string) => `<!doctype html><html lang="zh-CN"><body>
<h1>测试县人民政府2020年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
<tr><td rowspan="4">三、本年度办理结果</td>${rows}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></body></html>`;

  it('the number is no row’s own; the other cells of both rows keep their columns', () => {
    const p = ok(
      parseText(
        page(`<td>（一）予以公开</td><td>37</td><td rowspan="2">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>37</td></tr>
<tr><td>（二）部分公开</td><td>13</td><td>0</td><td>0</td><td>0</td><td>3</td><td>16</td></tr>
<tr><td>（三）1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td rowspan="2">1</td></tr>
<tr><td>（三）2.其他法律行政法规禁止公开</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>`),
        'r.html',
      ),
    );
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('37 A 0 0 0 0 37');
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('13 A 0 0 0 3 16');
    // Covering the last column: the row below still has its seven positions.
    expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 A');
    expect(rowOf(p.cells, 'requests', 'withheld_prohibited')).toBe('2 0 0 0 0 0 A');
    expect(p.cells.find((c) => c.row_key === 'partly_granted' && c.col_key === 'commercial')!.raw).toBe('0');
  });
});

describe('a row short of several separated cells', () => {
  it('is not glued back and split again to fit its row sum: its cells may be lost, not glued', () => {
    // 264 | 503 | 48 | 131 splits uniquely as 2|64|50|3|4|8 = 131; with another row unreadable
    // no column sum checks it, and the source shows four cells, not six glued ones.
    for (const style of ['pipes', 'spaces', 'tabs'] as Style[]) {
      const text = buildReport({
        style,
        requests: {
          ...requests,
          granted: ['264', '503', '48', '131'],
          unable_not_held: ['见附件', '0', '0', '0', '1', '0', '3'],
        },
      });
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'requests', 'granted'), style).not.toMatch(/\d/);
    }
  });
});

describe('row label variants', () => {
  it('（七）合计 is the total row; a bare 合计 is not taken for it', () => {
    for (const style of ['pipes', 'spaces', 'lines'] as Style[]) {
      const text = buildReport({ style, requests });
      expect(text).toContain('（七）总计');
      const p = ok(parseText(text.replace('（七）总计', '（七）合计')));
      expect(rowOf(p.cells, 'requests', 'total')).toBe(rowOf(ok(parseText(text)).cells, 'requests', 'total'));
      expect(rowOf(p.cells, 'requests', 'total')).not.toMatch(/[A-Z]/);
      const bare = ok(parseText(text.replace('（七）总计', '合计')));
      expect(rowOf(bare.cells, 'requests', 'total')).not.toMatch(/\d/);
    }
  });
});

describe('HTML cells spanning value columns', () => {
  const page = (rows: string) => `<!doctype html><html lang="zh-CN"><body>
<h1>测试县人民政府2020年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>
${rows}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></body></html>`;

  it('a number spanning two columns of a row belongs to neither: both NULL, ambiguous, with its raw text', () => {
    const p = ok(
      parseText(
        page(
          '<tr><td>三、本年度办理结果</td><td>（一）予以公开</td><td colspan="2">0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>',
        ),
        'r.html',
      ),
    );
    const cells = p.cells.filter((c) => c.table_id === 'requests' && c.row_key === 'granted');
    expect(cells.map((c) => c.state).slice(0, 3)).toEqual(['ambiguous', 'ambiguous', 'number']);
    expect(cells.slice(0, 2).map((c) => [c.value, c.raw])).toEqual([
      [null, '0'],
      [null, '0'],
    ]);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('A A 0 0 0 1 5');
    expect(p.diagnostics.some((d) => d.code === 'W_CELLS_AMBIGUOUS' && /colspan/.test(d.message))).toBe(true);
  });

  it('a row with one source cell per column reads them, whatever the grid positions they span', () => {
    const p = ok(
      parseText(
        page(
          '<tr><td>三、本年度办理结果</td><td>（一）予以公开</td><td colspan="2">3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>4</td></tr>',
        ),
        'r.html',
      ),
    );
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('3 0 0 0 0 1 4');
  });
});

describe('glued digits', () => {
  it('a row glued into one run is split by the row sum when only one split works', () => {
    // 4 0 0 0 0 1 | 5 → "4000015": the six applicants must add up to the total.
    const text = buildReport({
      style: 'lines',
      requests: {
        ...requests,
        granted: ['4000015'],
        total: ['6', '1', '0', '0', '1', '0', '8'],
        new_received: ['6', '1', '0', '0', '1', '0', '8'],
      },
    });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('4 0 0 0 0 1 5');
    const c = p.cells.find((c) => c.row_key === 'granted' && c.col_key === 'total')!;
    expect(c.raw).toBe('5');
  });

  it('a label glued to its numbers (行政规范性文件693665) with several valid splits is ambiguous', () => {
    const text = buildReport({
      style: 'spaces',
      layoutActive: '2021',
      title: '测试局2022年政府信息公开工作年度报告',
    }).replace(/行政规范性文件 0 0 0/, '行政规范性文件693665');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
    expect(p.report.cells_ambiguous).toBe(3);
    const c = p.cells.find((c) => c.row_key === 'normative_docs')!;
    expect(c.raw).toBe('693665');
    expect(c.value).toBeNull();
  });

  it('a glued run with no arithmetic over it is split only when no reading with blank cells exists', () => {
    const glued = (run: string) =>
      rowOf(
        ok(
          parseText(
            buildReport({
              style: 'spaces',
              layoutActive: '2021',
              title: '测试局2022年政府信息公开工作年度报告',
            }).replace(/行政规范性文件 0 0 0/, `行政规范性文件${run}`),
          ),
        ).cells,
        'active',
        'normative_docs',
      );
    // 005 can only be 0|0|5 (no number has a leading zero).
    expect(glued('005')).toBe('0 0 5');
    // 100 is 1|0|0, or 100 and two blank cells: the section 二 table has no arithmetic to tell.
    expect(glued('100')).toBe('A A A');
  });

  it('column sums decide between row-valid splits', () => {
    // granted "11002" could be 1 1 0 0 | 2 …; with the 7 columns: candidates are filtered by the
    // row sum, then by （七）总计 per column.
    const base = {
      new_received: ['1', '1', '0', '0', '0', '0', '2'],
      total: ['1', '1', '0', '0', '0', '0', '2'],
      granted: ['1100002'],
    };
    const p = ok(parseText(buildReport({ style: 'lines', requests: base })));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('1 1 0 0 0 0 2');
    expect(p.report.checks_failed).toBe(0);
  });

  it('no split satisfying the arithmetic → unreadable, NULL', () => {
    const p = ok(parseText(buildReport({ style: 'lines', requests: { granted: ['1111119'] } })));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('U U U U U U U');
  });

  it('glued section 四 split by its block sums', () => {
    // 10 2 0 0 12 | 0 0 0 0 0 | 1 0 0 0 1 glued into one run of 17 digits.
    const p = ok(parseText(buildReport({ style: 'lines', review: ['10200120000010001'] })));
    expect(rowOf(p.cells, 'review', 'review')).toBe('10 2 0 0 12');
    expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('0 0 0 0 0');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('1 0 0 0 1');
  });
});
