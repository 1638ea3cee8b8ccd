import { describe, expect, it } from 'vitest';
import { CheckRow, SectionRow } from '../src/lib/schema/datasets.ts';
import { checkRow, sectionRow } from '../src/lib/ingest/rows.ts';

/** The fast row builders (ingest/rows.ts) against zod's parse, on random rows good and bad. */

let seed = 12345;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const NUMBERS = [0, -0, 1, 7, -3, 2.5, 6, 1e300, 2 ** 53, NaN, Infinity, -Infinity, null, undefined, '3', true];
const STRINGS = ['', 'a', '一、总体情况', null, undefined, 3, {}];

/** The outcome of `f`: the row (with its key order) or the error message. */
function outcome(f: () => unknown): { ok: true; row: unknown; keys: string[] } | { ok: false; message: string } {
  try {
    const row = f();
    return { ok: true, row, keys: Object.keys(row as object) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

describe('fast row builders give what zod gives', () => {
  it('checkRow = CheckRow.parse on random checks', () => {
    for (let i = 0; i < 5000; i++) {
      const c: Record<string, unknown> = {
        check_id: pick(STRINGS),
        status: pick(['pass', 'fail', 'not_assessable', 'passed', null]),
        expected: pick(NUMBERS),
        actual: pick(NUMBERS),
        detail: pick(STRINGS),
      };
      if (rand() < 0.1) delete c[pick(Object.keys(c))];
      if (rand() < 0.1) c.extra = 1;
      if (rand() < 0.05) c.report_id = 'other';
      const id = rand() < 0.95 ? 'abcdef0123456789' : (pick(STRINGS) as string);
      const fast = outcome(() => checkRow(id, c as never));
      const slow = outcome(() => CheckRow.parse({ report_id: id, ...c }));
      expect(fast).toEqual(slow);
      if (fast.ok && slow.ok)
        for (const k of slow.keys) expect(Object.is((fast.row as never)[k], (slow.row as never)[k])).toBe(true);
    }
  });

  it('sectionRow = SectionRow.parse on random sections', () => {
    for (let i = 0; i < 5000; i++) {
      const s: Record<string, unknown> = {
        section: pick(NUMBERS),
        heading: pick(STRINGS),
        text: pick(STRINGS),
      };
      if (rand() < 0.1) delete s[pick(Object.keys(s))];
      if (rand() < 0.1) s.extra = 1;
      if (rand() < 0.05) s.report_id = 'other';
      const id = rand() < 0.95 ? 'abcdef0123456789' : (pick(STRINGS) as string);
      const fast = outcome(() => sectionRow(id, s as never));
      const slow = outcome(() => SectionRow.parse({ report_id: id, ...s }));
      expect(fast).toEqual(slow);
      if (fast.ok && slow.ok)
        for (const k of slow.keys) expect(Object.is((fast.row as never)[k], (slow.row as never)[k])).toBe(true);
    }
  });

  it('the fast path is taken for good rows (the test above would pass if it never were)', () => {
    const good = { check_id: 'x', status: 'pass' as const, expected: 1, actual: 1, detail: '' };
    expect(checkRow('abcdef0123456789', good)).toEqual({ report_id: 'abcdef0123456789', ...good });
    expect(sectionRow('abcdef0123456789', { section: 0, heading: null, text: '' })).toEqual({
      report_id: 'abcdef0123456789',
      section: 0,
      heading: null,
      text: '',
    });
  });
});
