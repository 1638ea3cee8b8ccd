import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { damage, type DamageKind } from '../src/lib/synth/damage.ts';
import { Random } from '../src/lib/synth/random.ts';
import { makeTables } from '../src/lib/synth/values.ts';
import { readReview } from '../src/lib/tables/sections.ts';
import { reviewColumns, reviewRows } from '../src/lib/template/definitions.ts';

/**
 * The invariant for section 四 printed as several tables (行政复议, then 行政诉讼 with its two
 * blocks), each under its own header: the tables in either order, one of them damaged (a cell
 * lost, two glued, text in a cell, its line of values printed twice), at times a third table
 * naming a block again (another year's), or 行政诉讼 not split into its blocks — and no published
 * number differs from the table's.
 */

const TABLES = 2000;
const SEED = 20261215;

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const KINDS: DamageKind[] = ['short-row', 'glued-cells', 'cell-text', 'duplicated-row'];
type Style = 'pipes' | 'tabs' | 'spaces' | 'html';
const STYLES: Style[] = ['pipes', 'tabs', 'spaces', 'html'];

interface Part {
  header: string[][];
  /** Lines of values (two when printed twice). */
  rows: string[][];
  /** The blocks its values are (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉), in order. */
  blocks: number[];
}

function render(parts: Part[], style: Style): string {
  const rows = parts.flatMap((p) => [...p.header, ...p.rows]);
  if (style === 'html')
    return parts
      .map(
        (p) =>
          `<table>${[...p.header, ...p.rows].map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`,
      )
      .join('\n');
  return rows.map((r) => (style === 'pipes' ? `${r.join(' | ')} |` : r.join(style === 'tabs' ? '\t' : ' '))).join('\n');
}

const key = (b: number, j: number) => `${reviewRows[b]!.key}.${reviewColumns[j]!.key}`;

describe(
  `property: ${TABLES} damaged 四 printed as several tables publish no wrong number`,
  { timeout: 180_000 },
  () => {
    it('every published number is the table’s', () => {
      const rng = new Random(SEED);
      const wrong: string[] = [];
      let published = 0;
      let nulls = 0;
      for (let n = 0; n < TABLES && wrong.length <= 5; n++) {
        const vals = makeTables(rng, rng.pick([2, 10, 60, 400]), '2021', '2021').review.map(String);
        const truth = new Map(vals.map((v, j) => [key(Math.floor(j / 5), j % 5), Number(v)]));
        const mustNull = new Set<string>();
        const split = rng.chance(0.85);
        const parts: Part[] = [
          { header: [['行政复议'], RESULTS], rows: [vals.slice(0, 5)], blocks: [0] },
          {
            header: split
              ? [['行政诉讼'], ['未经复议直接起诉', '复议后起诉'], [...RESULTS, ...RESULTS]]
              : [['行政诉讼'], [...RESULTS, ...RESULTS]],
            rows: [vals.slice(5)],
            blocks: [1, 2],
          },
        ];
        if (!split) for (let j = 5; j < 15; j++) mustNull.add(key(Math.floor(j / 5), j % 5));
        if (rng.chance(0.2)) parts.reverse();
        // Another table naming 行政复议 again, with other values: neither is proven the report's.
        if (rng.chance(0.1)) {
          parts.push({
            header: [['行政复议'], RESULTS],
            rows: [vals.slice(0, 5).map((v) => String(Number(v) + 1))],
            blocks: [0],
          });
          for (let j = 0; j < 5; j++) mustNull.add(key(0, j));
        }
        const kind = rng.pick(KINDS);
        const p = rng.pick(parts);
        const d = damage(rng, [{ key: 'p', label: '', cells: p.rows[0]! }], kind);
        if (d) {
          p.rows = d.rows.map((r) => r.cells);
          const at = (k: string) => {
            const j = Number(k.split('.')[1]);
            const b = p.blocks[Math.floor(j / 5)]!;
            return key(b, j % 5);
          };
          for (const k of d.mustNull) mustNull.add(at(k));
        }
        const style = rng.pick(STYLES);
        // Text in a cell makes a space-separated line text: not that flattening.
        if (style === 'spaces' && kind === 'cell-text') continue;
        const text = render(parts, style);
        const r = readReview(style === 'html' ? htmlToLines(text) : textToLines(text));
        if (!r) continue;
        for (const c of r.cells) {
          const k = `${c.row_key}.${c.col_key}`;
          const where = `#${n} ${style} ${kind}${split ? '' : ' unsplit'} ${k}`;
          if (c.state === 'number') {
            published++;
            if (mustNull.has(k)) wrong.push(`${where}: published ${c.value} where nothing proves it\n${text}`);
            else if (c.value !== truth.get(k))
              wrong.push(`${where}: published ${c.value}, the table has ${truth.get(k)}\n${text}`);
          } else nulls++;
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      // Every table is damaged in one part: the others are still read.
      expect(published).toBeGreaterThan(TABLES * 4);
      expect(nulls).toBeGreaterThan(TABLES);
    });
  },
);
