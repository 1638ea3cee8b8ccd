import { describe, expect, it } from 'vitest';
import type { Rule } from '../src/lib/tables/glue.ts';
import { rulesNaming, termsOf } from '../src/lib/tables/rule-index.ts';
import { Random } from '../src/lib/synth/random.ts';

describe('rule-index', () => {
  it('termsOf is the left side then the right', () => {
    expect(termsOf({ lhs: ['a.total'], rhs: ['a.x', 'a.y'] })).toEqual(['a.total', 'a.x', 'a.y']);
  });

  it('property: rulesNaming is the filter of the rules naming a key, in order', () => {
    const random = new Random(20261204);
    const pick = (n: number) => random.int(0, n - 1);
    const cells = Array.from({ length: 12 }, (_, i) => `r${i % 4}.c${Math.floor(i / 4)}`);
    for (let round = 0; round < 200; round++) {
      const rules: Rule[] = Array.from({ length: 1 + pick(20) }, () => ({
        // a cell may stand on both sides or twice: it is still one rule
        lhs: Array.from({ length: 1 + pick(2) }, () => cells[pick(cells.length)]!),
        rhs: Array.from({ length: 1 + pick(5) }, () => cells[pick(cells.length)]!),
      }));
      for (let q = 0; q < 5; q++) {
        const keys = Array.from({ length: pick(5) }, () => cells[pick(cells.length)]!);
        const want = rules.filter((r) => [...r.lhs, ...r.rhs].some((t) => keys.includes(t)));
        expect(rulesNaming(rules, keys)).toEqual(want);
        // the very objects, in the rules' order
        rulesNaming(rules, keys).forEach((r, i) => expect(r).toBe(want[i]));
      }
    }
  });
});
