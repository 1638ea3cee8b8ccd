import { CheckRow, CheckStatus, SectionRow } from '../schema/datasets.ts';
import type { CheckOut } from '../checks/checks.ts';

/**
 * `CheckRow.parse({ report_id, ...check })` and `SectionRow.parse({ report_id, ...section })`
 * without zod's cost per row (some thirty checks and seven sections per report), as
 * schema/cell-row.ts does for cells. A row the plain tests below accept is one the schema
 * accepts, and the object built is the one zod returns (the schema's keys, in its order, other
 * keys dropped); anything else goes to the schema itself, so a bad row fails exactly as before,
 * with zod's message. test/rows.test.ts compares both on random rows.
 */

const STATUSES = new Set<unknown>(CheckStatus.options);
/** z.number().nullable(): null, or a number that is neither NaN nor infinite. */
const nullableNumber = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

export function checkRow(report_id: string, c: CheckOut): CheckRow {
  const { check_id, status, expected, actual, detail } = c;
  if (
    typeof report_id === 'string' &&
    !('report_id' in c) &&
    typeof check_id === 'string' &&
    STATUSES.has(status) &&
    nullableNumber(expected) &&
    nullableNumber(actual) &&
    typeof detail === 'string'
  )
    return { report_id, check_id, status, expected, actual, detail };
  return CheckRow.parse({ report_id, ...c });
}

type SectionIn = Omit<SectionRow, 'report_id'>;

export function sectionRow(report_id: string, s: SectionIn): SectionRow {
  const { section, heading, text } = s;
  if (
    typeof report_id === 'string' &&
    !('report_id' in s) &&
    Number.isSafeInteger(section) &&
    section >= 0 &&
    section <= 6 &&
    (heading === null || typeof heading === 'string') &&
    typeof text === 'string'
  )
    return { report_id, section, heading, text };
  return SectionRow.parse({ report_id, ...s });
}
