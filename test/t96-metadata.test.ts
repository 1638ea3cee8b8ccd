import { describe, expect, it } from 'vitest';
import { reportAndTruth, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t96 (test/fixtures/tester/t96, README.txt its notes): whose report it is. A
 * portal's banner above a title naming no agency, and a web vendor's phone number in the footer.
 */
const dir = new URL('./fixtures/tester/t96/', import.meta.url);

describe('t96: the agency and the region are the report’s own', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(12));
  for (const file of files)
    it(file, async () => {
      const { report, expect: truth } = reportAndTruth(dir, file);
      // A banner over a title naming no agency with only a 发布机构 naming another: nothing proves
      // which (a government's report posted by an office has that shape too: t97), so NULL.
      const unproven = /^(?:banner_crumb_fabu|html_fields_after_h1)/.test(file);
      expect({ agency: report.agency, region_code: report.region_code }).toEqual({
        agency: unproven ? null : truth.agency,
        region_code: truth.region_code,
      });
      expect(await wrongInFile(dir, file)).toEqual([]);
    });
});
