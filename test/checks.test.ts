import { describe, expect, it } from 'vitest';
import { crossYearChecks } from '../src/lib/checks/checks.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText, rowOf } from './helpers.ts';

const byId = (p: ReturnType<typeof ok>, id: string) => p.checks.find((c) => c.check_id === id)!;

describe('checks', () => {
  it('all pass on a consistent report', () => {
    const p = ok(
      parseText(
        buildReport({
          requests: {
            new_received: ['1', '0', '0', '0', '0', '0', '1'],
            granted: ['1', '0', '0', '0', '0', '0', '1'],
            total: ['1', '0', '0', '0', '0', '0', '1'],
          },
        }),
      ),
    );
    expect(p.checks.length).toBe(23 + 7 + 7 + 3);
    expect(p.checks.every((c) => c.status === 'pass')).toBe(true);
  });

  it('row sum fails: applicants do not add up to 总计 — and the number is kept as written', () => {
    const p = ok(parseText(buildReport({ requests: { granted: ['2', '1', '0', '0', '0', '0', '4'] } })));
    const c = byId(p, 'requests.row_sum.granted');
    expect(c).toMatchObject({ status: 'fail', expected: 4, actual: 3 });
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('2 1 0 0 0 0 4');
    expect(p.report.checks_failed).toBeGreaterThan(0);
  });

  it('leaf rows of 三 must add up to （七）总计, per column', () => {
    const p = ok(
      parseText(
        buildReport({
          requests: {
            new_received: ['3', '0', '0', '0', '0', '0', '3'],
            granted: ['2', '0', '0', '0', '0', '0', '2'],
            total: ['3', '0', '0', '0', '0', '0', '3'],
          },
        }),
      ),
    );
    expect(byId(p, 'requests.leaf_sum.natural_person')).toMatchObject({ status: 'fail', expected: 3, actual: 2 });
    expect(byId(p, 'requests.leaf_sum.commercial').status).toBe('pass');
  });

  it('identity 一 + 二 = （七） + 四', () => {
    const p = ok(
      parseText(
        buildReport({
          requests: {
            new_received: ['2', '0', '0', '0', '0', '0', '2'],
            granted: ['1', '0', '0', '0', '0', '0', '1'],
            total: ['1', '0', '0', '0', '0', '0', '1'],
          },
        }),
      ),
    );
    expect(byId(p, 'requests.identity.total')).toMatchObject({ status: 'fail', expected: 2, actual: 1 });
    // Its sides named, the left first as the label reads (t107: "合计 1 ≠ 2" put the right first).
    expect(byId(p, 'requests.identity.total').detail).toMatch(/：等号左边 2，右边 1（相差 1）$/);
  });

  it('review blocks must add up to their 总计', () => {
    const p = ok(
      parseText(buildReport({ review: ['1', '1', '0', '0', '3', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'] })),
    );
    expect(byId(p, 'review.block_sum.review')).toMatchObject({ status: 'fail', expected: 3, actual: 2 });
    expect(byId(p, 'review.block_sum.suit_direct').status).toBe('pass');
  });

  it('a NULL input makes a check not assessable, never a pass', () => {
    const p = ok(parseText(buildReport({ requests: { granted: ['', '0', '0', '0', '0', '0', '0'] } })));
    expect(byId(p, 'requests.row_sum.granted').status).toBe('not_assessable');
    expect(byId(p, 'requests.leaf_sum.natural_person').status).toBe('not_assessable');
  });

  it('across years: 上年结转 against last year’s 结转下年度, and 现行有效 under 2021', () => {
    const y1 = ok(
      parseText(
        buildReport({
          layoutActive: '2021',
          requests: {
            carried_forward: ['2', '0', '0', '0', '0', '0', '2'],
            new_received: ['2', '0', '0', '0', '0', '0', '2'],
          },
          active: { rules: ['1', '0', '5'] },
        }),
      ),
    );
    const y2 = ok(
      parseText(
        buildReport({
          layoutActive: '2021',
          requests: { carried_over: ['1', '0', '0', '0', '0', '0', '1'] },
          active: { rules: ['2', '1', '6'] },
        }),
      ),
    );
    const checks = crossYearChecks(y1.cells, y2.cells, 2021, '2021', '2021');
    expect(checks.find((c) => c.check_id === 'cross_year.carryover.natural_person')).toMatchObject({
      status: 'fail',
      expected: 1,
      actual: 2,
    });
    // The detail names which value is this year's (a fresh tester's t91: "合计 2 ≠ 1" read as
    // this year's 2, the numbers of the two years swapped).
    expect(checks.find((c) => c.check_id === 'cross_year.carryover.natural_person')!.detail).toMatch(
      /：本年 1，2021 年 2（相差 -1）$/,
    );
    expect(checks.find((c) => c.check_id === 'cross_year.carryover.commercial')!.status).toBe('pass');
    expect(checks.find((c) => c.check_id === 'cross_year.in_force.rules')).toMatchObject({
      status: 'pass',
      expected: 6,
      actual: 6,
    });
  });
});
