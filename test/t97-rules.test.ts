import { describe, expect, it } from 'vitest';
import { reportAndTruth, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t97 (test/fixtures/tester/t97, README.txt its notes): the twenty-fourth
 * session's rules attacked. Label units that contradict the row's columns, a dump's sentence or
 * list naming another report, a government's wrapped title posted by an office, a unit's on its
 * government's portal, the agency's own phone number after a role's words.
 */
const dir = new URL('./fixtures/tester/t97/', import.meta.url);

describe('t97: no wrong number, and the agency and region proven or NULL', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(18));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      const { report, expect: truth } = reportAndTruth(dir, file);
      // A government's title wrapped after its name, posted or signed by an office of its place
      // with nothing else to tell: NULL, never the office (as a banner over the office's report).
      const unproven = /^(?:003_A1|067_A3)/.test(file);
      expect(report.agency).toBe(unproven ? null : truth.agency);
      if (!unproven && truth.region_code !== undefined) expect(report.region_code).toBe(truth.region_code);
    });
});
