/**
 * Tabs that align columns, not separate fields: `pdftotext -layout` text passed through
 * `unexpand` (or an editor that turns runs of spaces into tabs) has tabs beside runs of spaces
 * (`\t   1288\t21       0`), which a tab-separated reading takes for cells, a double tab for a
 * blank one: a fresh tester's rows were read a column off (3 wrong cells). A text with three
 * lines or more of a tab beside two spaces or more has each tab expanded to the next stop of
 * eight columns (a character one column, as pdftotext counts), so that its columns are read by
 * position (layout-cells.ts); any other text is returned as it is (a tab-separated table's tabs
 * are its fields' edges).
 */
export function expandAlignmentTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const mixed = /\t {2,}\S|\S {2,}\t/g;
  let n = 0;
  while (n < 3 && mixed.exec(text)) n++;
  if (n < 3) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - ([...out].length % 8)) : ch;
      return out;
    })
    .join('\n');
}
