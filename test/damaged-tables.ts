import { textToLines } from '../src/lib/decode/lines.ts';
import { damage, strayBesideShort, type DamageKind, type DRow } from '../src/lib/synth/damage.ts';
import { Random } from '../src/lib/synth/random.ts';
import { makeTables, type Tables } from '../src/lib/synth/values.ts';
import type { TableRead } from '../src/lib/tables/read.ts';
import { readActive, readRequests, readReview } from '../src/lib/tables/sections.ts';
import { activeRows, requestRows, reviewColumns, reviewRows } from '../src/lib/template/definitions.ts';

/** Correct tables from the synthetic generator's values, damaged at random, as section text. */

type Style = 'pipes' | 'tabs' | 'markdown' | 'lines' | 'blank-lines' | 'spaces';
const STYLES: Style[] = ['pipes', 'tabs', 'markdown', 'lines', 'blank-lines', 'spaces'];
const KINDS: DamageKind[] = [
  'glued-cells',
  'short-row',
  'duplicated-row',
  'cell-text',
  'reordered-rows',
  'label-missing',
];

export { Random };

function render(rows: Array<{ label: string; cells: string[] }>, style: Style): string[] {
  const out: string[] = [];
  rows.forEach((r, i) => {
    const all = r.label ? [r.label, ...r.cells] : r.cells;
    if (style === 'pipes') out.push(`${all.join(' | ')} |`);
    else if (style === 'tabs') out.push(all.join('\t'));
    else if (style === 'markdown') {
      out.push(`| ${all.join(' | ')} |`);
      if (i === 0) out.push(`|${' --- |'.repeat(all.length)}`);
    } else if (style === 'lines') out.push(...all.map((c) => `${c} |`), '|');
    else if (style === 'blank-lines') out.push(...all.flatMap((c) => [c, '']));
    else out.push(all.join(' '));
  });
  return out;
}

type Target = 'active' | 'requests' | 'review';
/** 二's header of the other form, and what else is gone that would name the rows' form. */
type FormDamage = 'other-form-header' | 'form-labels-lost' | 'form-rows-dropped' | 'form-caption-dropped';
export interface Case {
  target: Target;
  style: Style;
  kinds: Array<DamageKind | 'source-error' | 'repeated-column' | 'stray-beside-short' | FormDamage>;
  text: string;
  truth: Map<string, number>;
  mustNull: Set<string>;
  /** The report's year, to read it with: one of the rows' form where the header is the other's. */
  year?: number;
}

/**
 * `styles`: the flattenings to draw from (all by default; one for a shape's own property test).
 * `only`: instead of 1–2 damages of KINDS and a source error now and then, one row of 三 with a
 * value lost and a stray number and another row a cell short (synth/damage.ts, strayBesideShort).
 */
export function makeCase(rng: Random, styles: readonly Style[] = STYLES, only?: 'stray-beside-short'): Case | null {
  const layout = rng.pick(['2019', '2021'] as const);
  const t: Tables = makeTables(rng, rng.pick([2, 10, 60, 400, 3000]), layout, layout);
  const target = rng.weighted<Target>({ active: 1, requests: 3, review: 1 });
  const style = rng.pick(styles);
  let rows: DRow[];
  const truth = new Map<string, number>();
  if (target === 'active') {
    rows = activeRows[layout].map((d) => {
      const vals = t.active[d.key]!;
      d.columns.forEach((c, j) => truth.set(`${d.key}.${c.key}`, vals[j]!));
      return {
        key: d.key,
        label: d.label,
        cells: d.columns.map((c, j) => (c.kind === 'money' ? `${vals[j]}万元` : String(vals[j]))),
      };
    });
  } else if (target === 'requests') {
    rows = requestRows[layout].map((d) => {
      const vals = t.requests[d.key]!;
      d.columns.forEach((c, j) => truth.set(`${d.key}.${c.key}`, vals[j]!));
      return { key: d.key, label: d.label, cells: vals.map(String) };
    });
  } else {
    t.review.forEach((v, j) => truth.set(`${reviewRows[Math.floor(j / 5)]!.key}.${reviewColumns[j % 5]!.key}`, v));
    rows = [{ key: 'review', label: '', cells: t.review.map(String) }];
  }
  // The source's own arithmetic wrong in one cell (a typo in the agency's table): that cell's
  // right value is still the source's, and no reading may "fix" the sum it breaks.
  let sourceError = false;
  if (only) {
    if (target !== 'requests') return null;
    const d = strayBesideShort(rng, rows);
    return d ? caseOf(rng, { layout, target, style, rows: d.rows, truth, kinds: [only], mustNull: new Set() }) : null;
  }
  if (target !== 'active' && rng.chance(0.3)) {
    const i = rng.int(0, rows.length - 1);
    const row = rows[i]!;
    const j = rng.int(0, row.cells.length - 1);
    const v = Number(row.cells[j]) + rng.int(1, 9);
    rows[i] = { ...row, cells: row.cells.map((c, k) => (k === j ? String(v) : c)) };
    truth.set(
      target === 'review'
        ? `${reviewRows[Math.floor(j / 5)]!.key}.${reviewColumns[j % 5]!.key}`
        : `${row.key}.${requestRows[layout].find((d) => d.key === row.key)!.columns[j]!.key}`,
      v,
    );
    sourceError = true;
  }
  const kinds: Array<DamageKind | 'source-error' | 'repeated-column' | 'stray-beside-short' | FormDamage> = [];
  const mustNull = new Set<string>();
  const n = rng.int(1, 2);
  for (let k = 0; k < n; k++) {
    const kind = rng.pick(KINDS);
    // Text in a cell would make a space-separated line text as a whole: not that flattening.
    if (kind === 'cell-text' && style === 'spaces') continue;
    const d = damage(rng, rows, kind);
    if (!d) continue;
    kinds.push(kind);
    rows = d.rows;
    for (const m of d.mustNull) mustNull.add(m);
  }
  if (!kinds.length) return null;
  if (sourceError) kinds.push('source-error');
  return caseOf(rng, { layout, target, style, rows, truth, kinds, mustNull });
}

interface Drawn {
  layout: '2019' | '2021';
  target: Target;
  style: Style;
  rows: DRow[];
  truth: Map<string, number>;
  kinds: Case['kinds'];
  /** `rowKey.colIndex` of the cells that must be NULL. */
  mustNull: Set<string>;
}

/** The damaged rows as a case: under the header (one of its labels repeated now and then), as text. */
function caseOf(rng: Random, { layout, target, style, rows: drawn, truth, kinds, mustNull }: Drawn): Case {
  let rows = drawn;
  const addr = (k: string) => {
    const [row, j] = k.split('.') as [string, string];
    if (target === 'review')
      return `${reviewRows[Math.floor(Number(j) / 5)]!.key}.${reviewColumns[Number(j) % 5]!.key}`;
    const def = (target === 'active' ? activeRows[layout] : requestRows[layout]).find((d) => d.key === row)!;
    return `${row}.${def.columns[Number(j)]!.key}`;
  };
  const header =
    target === 'active'
      ? [
          layout === '2019'
            ? ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']
            : ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ]
      : target === 'requests'
        ? [
            ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
            ['自然人', '法人或其他组织', '总计'],
            ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
          ]
        : [
            ['行政复议', '行政诉讼'],
            ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
          ];
  // A header that names one column twice (a label written over another's): no number of the
  // table can be placed by column, so every one must be NULL.
  if (rng.chance(0.1)) {
    const first = target === 'active' ? 0 : 1;
    const at = header.flatMap((h, i) => (i < first ? [] : h.map((_, j) => [i, j] as const)));
    const labels = at.filter(([, j]) => !(target === 'active' && j === 0));
    const [i, j] = rng.pick(labels);
    const others = labels.filter(([a, b]) => a !== i || b !== j).map(([a, b]) => header[a]![b]!);
    header[i]![j] = rng.pick(others.filter((l) => l !== header[i]![j]));
    kinds.push('repeated-column');
  }
  // 二's header of the other form (a 2019 header over 2021 rows, or the reverse), in a report of a
  // year of the rows' form: the columns the header names are not the rows', so no number of the
  // rows under it is proven. A side generator (from the table's values), so that every other
  // case is drawn as before.
  let year: number | undefined;
  let caption = target === 'active';
  const side = new Random(sideSeed(truth));
  if (target === 'active' && side.chance(0.1)) {
    header[0] =
      layout === '2019'
        ? ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']
        : ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'];
    year = layout === '2019' ? 2020 : 2022;
    kinds.push('other-form-header');
    // Nothing but the header left to name a form, so the table is read with the header's and
    // only the rows' own shape says otherwise (rows-form.ts): a 2019 table whose 2019-only rows
    // lost their labels (其他对外管理服务事项 and 政府集中采购: their values left as lines of
    // numbers) or were not printed; a 2021 table without its 收费金额 caption.
    if (layout === '2019' && side.chance(0.6)) {
      const drop = side.chance(0.3);
      const only = new Set(['其他对外管理服务事项', '政府集中采购']);
      rows = rows.flatMap((r) => (!only.has(r.label) ? [r] : drop ? [] : [{ ...r, label: '', damaged: true }]));
      kinds.push(drop ? 'form-rows-dropped' : 'form-labels-lost');
    } else if (layout === '2021' && side.chance(0.5)) {
      caption = false;
      kinds.push('form-caption-dropped');
    }
  }
  const lines = render([...header.map((h) => ({ label: h[0]!, cells: h.slice(1) })), ...rows], style);
  if (caption)
    lines.push(
      ...render([{ label: layout === '2019' ? '采购总金额（万元）' : '本年收费金额（单位：万元）', cells: [] }], style),
    );
  const all = kinds.includes('repeated-column') || kinds.includes('other-form-header') ? [...truth.keys()] : [];
  return {
    target,
    style,
    kinds,
    text: lines.join('\n'),
    truth,
    mustNull: new Set([...[...mustNull].map(addr), ...all]),
    ...(year === undefined ? {} : { year }),
  };
}

/** A seed from a table's values, for a side generator that leaves the main stream as it was. */
function sideSeed(truth: Map<string, number>): number {
  let h = 17;
  for (const v of truth.values()) h = (Math.imul(h, 31) + Math.round(v * 100)) | 0;
  return h;
}

export function read(c: Case, year: number): TableRead | null {
  const lines = textToLines(c.text);
  if (c.target === 'active') return readActive(lines, year).read;
  if (c.target === 'requests') return readRequests(lines, year).read;
  return readReview(lines);
}
