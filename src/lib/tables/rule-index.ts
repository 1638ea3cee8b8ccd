import type { Rule } from './glue.ts';

// A table's identities are built once per template and reused for every row of every file
// (read.ts `rulesOf`), so what a row's lookups need is indexed once per identities array: each
// row is checked against the few identities that name it, not against all of its table's.
const TERMS = new WeakMap<Rule, string[]>();
const BY_TERM = new WeakMap<Rule[], Map<string, number[]>>();

/** The cells an identity names, its left side's first (`[...lhs, ...rhs]`), computed once. */
export function termsOf(r: Rule): string[] {
  let t = TERMS.get(r);
  if (!t) TERMS.set(r, (t = [...r.lhs, ...r.rhs]));
  return t;
}

/**
 * The identities of `rules` that name any of `keys` (`row.col` cell keys), in `rules`' order:
 * the same as `rules.filter((r) => termsOf(r).some((t) => keys.includes(t)))`. `rules` must not
 * change after its first lookup (it is indexed once).
 */
export function rulesNaming(rules: Rule[], keys: readonly string[]): Rule[] {
  let byTerm = BY_TERM.get(rules);
  if (!byTerm) {
    const index = new Map<string, number[]>();
    rules.forEach((r, i) => {
      for (const t of termsOf(r)) {
        const at = index.get(t);
        if (!at) index.set(t, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    });
    BY_TERM.set(rules, (byTerm = index));
  }
  const hit = new Set<number>();
  for (const k of keys) for (const i of byTerm.get(k) ?? []) hit.add(i);
  return [...hit].sort((a, b) => a - b).map((i) => rules[i]!);
}
