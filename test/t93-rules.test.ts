import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText } from './helpers.ts';

/** A fresh tester's t93 (test/fixtures/tester/t93, README.txt its notes): the session's new rules attacked. */
const wrong = new URL('./fixtures/tester/t93/wrong/', import.meta.url);
const loss = new URL('./fixtures/tester/t93/loss/', import.meta.url);
const agency = new URL('./fixtures/tester/t93/agency/', import.meta.url);

describe("t93: 二's header words for the agency's own column", () => {
  const files = testerFiles(wrong);
  it('has its files', () => expect(files.length).toBe(7));
  for (const file of files) it(file, async () => expect(await wrongInFile(wrong, file)).toEqual([]));
});

describe('t93: rows read before the new rules are read still', () => {
  const files = testerFiles(loss);
  it('has its files', () => expect(files.length).toBe(5));
  for (const file of files) {
    it(`${file}: no wrong number`, async () => expect(await wrongInFile(loss, file)).toEqual([]));
    it(`${file}: every number read`, async () => expect(await missingInFile(loss, file)).toEqual([]));
  }
});

describe("t93: a portal's banner above a title naming no agency is not the report's agency", () => {
  const files = testerFiles(agency);
  it('has its files', () => expect(files.length).toBe(2));
  for (const file of files)
    it(file, () => {
      const truth = JSON.parse(readFileSync(new URL(`${file}.json`, agency), 'utf8')) as { expect: { agency: string } };
      expect(ok(parseText(readFileSync(new URL(file, agency)), file)).report.agency).toBe(truth.expect.agency);
    });
});
