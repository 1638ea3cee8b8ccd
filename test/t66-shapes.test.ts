import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t66 (test/fixtures/tester/t66, each file with its truth, README.txt its notes):
 * tables broken across pages, as real PDFs are —
 *
 * - a PDF whose 三 header repeats on every page with a row numbering its columns (1 2 … 7): the
 *   number row was not taken for part of the repeated header and was joined to a row of blank
 *   cells the page break cut, published as its values (decode/pdf-layout.ts dropRepeatedHeader);
 * - plain pdftotext of a LibreOffice PDF, 二's amount header `金额（单` / `位：万` / a page's footer
 *   and running header / `元）`: read in 元 from the `元）` alone, 6250 万元 published as 0.625
 *   (tables/units.ts, a unit cut after its prefix);
 * - `pdftotext -layout`, numbers wrapped in narrow cells around a label with no values on its
 *   line (`67 … 12 … 79` / `7.属于行政执法案卷` / `0 0 0 0 0 0 0`): the line below published as
 *   the row (tables/rows.ts, a line of numbers right above the label); and one number alone
 *   between a header's words and a one-column row's label (`8283` / `行政许可` / `0`);
 * - plain pdftotext, an item's label not found (`不予处 2.重复申请`) right above the next row's,
 *   the two rows' values in one run that happened to add up (tables/rows.ts, numberedAbove);
 * - plain pdftotext, 2019's procurement row `3437.97` / `52` / `万元`: the amount's first line
 *   above the count, 52 published as the amount (tables/sections.ts, fractionalCountRows).
 */
const dir = new URL('./fixtures/tester/t66/', import.meta.url);

describe('t66: every published number is the file’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(10));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
