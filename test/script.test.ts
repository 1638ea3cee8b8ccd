import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/lib/decode/decode.ts';
import {
  foldScript,
  looksTraditional,
  traditionalInHead,
  traditionalInHeadByPattern,
} from '../src/lib/decode/script.ts';
import { Random } from '../src/lib/synth/random.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText, rowOf } from './helpers.ts';

const TRAD =
  '廣州市越秀區人民政府辦公室2023年政府信息公開工作年度報告\n一、總體情況\n本機關認真貫徹落實條例，處理申請。\n';

describe('traditional script', () => {
  it('is recognised, folded for matching, and the raw text is kept', () => {
    expect(looksTraditional(TRAD)).toBe(true);
    expect(looksTraditional('广州市越秀区人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况')).toBe(false);
    const { lines, folded } = foldScript(textToLines(TRAD));
    expect(folded).toBe(true);
    expect(lines[0]!.text).toBe('广州市越秀区人民政府办公室2023年政府信息公开工作年度报告');
    expect(lines[0]!.raw).toBe('廣州市越秀區人民政府辦公室2023年政府信息公開工作年度報告');
    expect(lines[1]!.text).toBe('一、总体情况');
  });

  it('a simplified page with a traditional copy below is folded too; a few traditional characters (a 繁體 link) are not (t71)', () => {
    const simplified =
      '广州市越秀区人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实条例。\n'.repeat(60);
    const below = foldScript(textToLines(`${simplified}${TRAD}`));
    expect(below.folded).toBe(true);
    expect(below.lines.at(-3)!.text).toBe('广州市越秀区人民政府办公室2023年政府信息公开工作年度报告');
    expect(foldScript(textToLines(`${simplified}繁體 | 無障礙 | 關於我們\n`)).folded).toBe(false);
  });

  it('Hong Kong variants fold too: 衞生健康委員會 is 卫生健康委员会, one agency with 衛生', () => {
    const hk = '廣東省衞生健康委員會2023年政府信息公開工作年度報告\n一、總體情況\n本機關認真貫徹落實條例，處理申請。\n';
    expect(foldScript(textToLines(hk)).lines[0]!.text).toBe('广东省卫生健康委员会2023年政府信息公开工作年度报告');
  });

  it('a whole report in traditional script is read, its narrative stays as published', () => {
    const simplified = buildReport({
      style: 'pipes',
      requests: { new_received: ['5', '1', '0', '0', '1', '0', '7'], total: ['5', '1', '0', '0', '1', '0', '7'] },
    });
    const toTrad = (s: string) =>
      s
        .replace(/开/g, '開')
        .replace(/报/g, '報')
        .replace(/处/g, '處')
        .replace(/请/g, '請')
        .replace(/数/g, '數')
        .replace(/总/g, '總')
        .replace(/结/g, '結')
        .replace(/转/g, '轉')
        .replace(/计/g, '計')
        .replace(/关/g, '關')
        .replace(/规/g, '規')
        .replace(/为/g, '為');
    const p = ok(parseText(toTrad(simplified)));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 1 0 7');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('0 0 0 0 0 0 0');
    expect(p.report.status).toBe('complete');
    const label = p.cells.find((c) => c.row_key === 'new_received' && c.col_key === 'total')!;
    expect(label.raw).toBe('7');
  });

  it('an amount in 萬元 (traditional 万元) is read as 万元, its raw text kept as published', () => {
    const simplified = buildReport({ style: 'pipes', active: { procurement: ['24', '4227.82万元'] } });
    const trad = simplified
      .replace(/开/g, '開')
      .replace(/报/g, '報')
      .replace(/处/g, '處')
      .replace(/请/g, '請')
      .replace(/数/g, '數')
      .replace(/总/g, '總')
      .replace(/规/g, '規')
      .replace(/万元/g, '萬元');
    const p = ok(parseText(trad));
    const c = p.cells.find((c) => c.row_key === 'procurement' && c.col_key === 'amount')!;
    expect(c).toMatchObject({ state: 'number', value: 4227.82, raw: '4227.82萬元' });
  });

  it('the title is given in simplified script, a crawler’s 標題: label cut', () => {
    const p = ok(parseText(`標題: ${TRAD}`));
    expect(p.report.title).toBe('广州市越秀区人民政府办公室2023年政府信息公开工作年度报告');
    expect(p.report.agency).toBe('广州市越秀区人民政府办公室');
  });
});

describe('Big5 bytes', () => {
  it('are decoded as Big5, not read as GB18030 nonsense', () => {
    const bytes = new Uint8Array(iconv.encode(TRAD, 'big5'));
    const d = decode(bytes);
    expect(d).toMatchObject({ ok: true, encoding: 'big5', text: TRAD });
  });

  it('HKSCS characters (峯 is FBDF) keep their character: no private-use code point, no lost character', () => {
    const text = `赤峯市松山區人民政府2023年政府信息公開工作年度報告\n${TRAD}`;
    const d = decode(new Uint8Array(iconv.encode(text, 'big5hkscs')));
    expect(d).toMatchObject({ ok: true, encoding: 'big5', text, badLines: [] });
  });

  it('a private-use character in decoded text marks its line as unreadable', () => {
    const d = decode(new TextEncoder().encode('第一行\n赤\uE11A市\n'));
    expect(d).toMatchObject({ ok: true, badLines: [2] });
  });

  it('GB18030 bytes stay GB18030', () => {
    const text =
      '广州市越秀区人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实条例，处理申请。\n';
    expect(decode(new Uint8Array(iconv.encode(text, 'gb18030')))).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      text,
    });
  });
});

describe('traditional characters in the head', () => {
  it("the table scan gives the pattern's answer on random documents", () => {
    const rng = new Random(3);
    const pieces = ['本年', '政府信息公开', '總', '报', '報', '条例', '，', 'abc', ''];
    for (let n = 0; n < 5_000; n++) {
      const lines: string[] = [];
      const count = rng.int(0, 40);
      for (let i = 0; i < count; i++) {
        let t = '';
        const len = rng.int(0, 60);
        // Mostly simplified: a traditional character now and then, before or after 1,500 characters.
        for (let k = 0; k < len; k++) t += pieces[rng.chance(0.995) ? rng.int(0, 1) : rng.int(0, pieces.length - 1)];
        lines.push(t);
      }
      const ls = textToLines(lines.join('\n'));
      expect(traditionalInHead(ls)).toBe(traditionalInHeadByPattern(ls));
    }
  });
});
