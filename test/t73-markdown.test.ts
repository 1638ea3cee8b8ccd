import { describe, expect, it } from 'vitest';
import { linesWithTables, tableBlocks } from '../src/lib/decode/embedded-tables.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { markdownCell } from '../src/lib/tables/tokens.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { readFileSync } from 'node:fs';

/**
 * A fresh tester's t73 (test/fixtures/tester/t73, README.txt its notes): reports as PDF-to-markdown
 * tools write them. Rows whose trailing or middle empty cells a converter dropped were read a
 * column off; MinerU's HTML tables, inline-math numbers and backslash escapes lost every cell.
 */
const dir = new URL('./fixtures/tester/t73/', import.meta.url);

describe('t73: every published number is the file’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(13));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

const read = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('a `|` row narrower than its table', () => {
  it('proves no blank cell with the empty piece after its label (y01: 予以公开 read a column off)', () => {
    const p = read('y01_total_blank_trimmed_c04.md');
    for (const col of ['natural_person', 'commercial', 'total'])
      expect(p.cells.find((c) => c.row_key === 'granted' && c.col_key === col)!.value).toBeNull();
  });
  it('a row as wide as its table is read as before', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '|  |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 三、本年度办理结果 | （一）予以公开 |  | 4 | 0 | 0 | 2 | 2 | 1 | 9 |',
    ].join('\n');
    expect(rowOf(ok(parseText(`测试局2023年政府信息公开工作年度报告\n${text}\n`)).cells, 'requests', 'granted')).toBe(
      '4 0 0 2 2 1 9',
    );
  });
});

describe('HTML tables in a text file (MinerU)', () => {
  it('are read as tables, every cell (v01: 0 of 200 before)', () => {
    const p = read('v01_mineru_html.md');
    expect(p.cells.filter((c) => c.value !== null).length).toBe(200);
  });
  it('keep their line numbers, and the text around them its own', () => {
    const text = 'a\n\n<table>\n<tr><td>规章</td><td>1</td></tr>\n<tr><td>x</td><td>2</td></tr>\n</table>\nb';
    const lines = linesWithTables(text, textToLines)!;
    expect(lines.map((l) => [l.no, l.text])).toEqual([
      [1, 'a'],
      [2, ''],
      [4, '规章 | 1'],
      [5, 'x | 2'],
      [7, 'b'],
    ]);
    expect(linesWithTables('no table here <tables>', textToLines)).toBeNull();
  });
  it('a table inside a table is one block; an unclosed one runs to the end', () => {
    const t = '<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>\n<table></table> <table>';
    expect(tableBlocks(t)).toEqual([
      [0, 67],
      [68, 83],
      [84, 91],
    ]);
  });
  it('a table no reader sees is none: in a comment, a script, a template, a hidden element, a closed <details>, markdown code (t77, t81)', () => {
    const table = '<table><tr><td>规章</td><td>5</td></tr></table>';
    const rows = (text: string, md = true) =>
      (linesWithTables(text, textToLines, md) ?? []).filter((l) => l.cells).map((l) => l.text);
    for (const hidden of [
      `<!-- ${table} -->`,
      `<!--\n${table}\n-->`,
      `<script type="text/html">\n${table}\n</script>`,
      `<template>\n${table}\n</template>`,
      `<noframes>\n${table}\n</noframes>`,
      `<div style="display:none">\n${table}\n</div>`,
      `<div hidden>\n\n${table}\n\n</div>`,
      `<input type="hidden" value="\n${table}\n">`,
      `<details data-open="false"><summary>上年数据</summary>\n${table}\n</details>`,
      `\`\`\`html\n${table}\n\`\`\``,
      `\`${table}\``,
      `    ${table}`,
    ])
      expect(rows(`a\n\n${hidden}\n\nb`), hidden).toEqual([]);
    // Seen: open <details>, after text on its line, in a blockquote, indented inside a <div>;
    // in .txt, ``` and ~~~ are no code.
    for (const seen of [
      `<details open>\n${table}\n</details>`,
      `表1：${table}`,
      `> ${table}`,
      `<div>\n    ${table}\n</div>`,
      `\`\`\`\ncode\n\`\`\`\n${table}`,
    ])
      expect(rows(`a\n\n${seen}\n\nb`), seen).toEqual(['规章 | 5']);
    expect(rows(`~~~~~~\n${table}\n~~~~~~`, false)).toEqual(['规章 | 5']);
  });
  it('a table a <style> rule of the file hides is read as a page’s hidden table: not at all', () => {
    const text = `<style>.old{display:none}</style>\n<table class="old"><tr><td>规章</td><td>5</td></tr></table>\n`;
    expect(linesWithTables(text, textToLines)!.filter((l) => l.text.includes('规章'))).toEqual([]);
  });
});

describe('markdown cells', () => {
  it('a backslash escape is its character; a number as inline math is the number', () => {
    expect(markdownCell('1\\.属于国家秘密')).toBe('1.属于国家秘密');
    expect(markdownCell('\\-')).toBe('-');
    expect(markdownCell('$12$')).toBe('12');
    expect(markdownCell('$$2395.73$$')).toBe('2395.73');
    expect(markdownCell('**$53$**')).toBe('53');
  });
  it('math holding anything else is left as it is (spaced digits are no number)', () => {
    expect(markdownCell('$1 2$')).toBe('$1 2$');
    expect(markdownCell('$x$')).toBe('$x$');
  });
});

describe('t77: a table no reader sees is no table of the report', () => {
  const t77 = new URL('./fixtures/tester/t77/', import.meta.url);
  const files = testerFiles(t77);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(t77, file)).toEqual([]);
      expect(await missingInFile(t77, file)).toEqual([]);
    });
});

describe('t81: a table is read where a reader sees it, and only there', () => {
  const t81 = new URL('./fixtures/tester/t81/', import.meta.url);
  const files = testerFiles(t81);
  it('has its files', () => expect(files.length).toBe(10));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(t81, file)).toEqual([]);
      expect(await missingInFile(t81, file)).toEqual([]);
    });
});
