import { describe, expect, it } from 'vitest';
import { missingInFile, reportAndTruth, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t98 (test/fixtures/tester/t98, README.txt its notes): the session's revised
 * rules attacked. A header in a table of its own over a body table, a 小计 column and no 总计, a
 * government's report posted and signed by 某县政府办公室, a link to the posting unit's own report.
 */
const dir = new URL('./fixtures/tester/t98/', import.meta.url);

describe('t98: no wrong number; the header table places its body table; the agency proven or NULL', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(10));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      // But a 小计 column's files, whose total is not in the source (NULL), and no more.
      if (!/subnototal/.test(file)) expect(await missingInFile(dir, file)).toEqual([]);
      if (file.endsWith('.docx')) return;
      const { report, expect: truth } = reportAndTruth(dir, file);
      // A link to the posting office's own report proves nothing: NULL, never the office.
      expect(report.agency).toBe(/^004_M2/.test(file) ? null : truth.agency);
    });
});
