import { describe, expect, it } from 'vitest';
import { UNCERTAIN_STATES } from '../src/lib/schema/datasets.ts';
import { makeCase, Random, read } from './damaged-tables.ts';

/**
 * The invariant as a property: take a correct table, damage it at random (glue, drop,
 * duplicate, reorder cells and rows, lose a label, put text in a number cell), read it, and no
 * published number differs from the table's; every NULL that is not a blank has a note.
 */

const TABLES = 10_000;
/** PROP_SEED=N draws the tables from seed N instead (a sweep). */
const SEED = Number(process.env.PROP_SEED ?? 20261130);

describe(`property: ${TABLES} randomly damaged tables publish no wrong number`, { timeout: 180_000 }, () => {
  it('every published number is the table’s, damaged rows NULL with a note', () => {
    const rng = new Random(SEED);
    const wrong: string[] = [];
    let tables = 0;
    let published = 0;
    let nulls = 0;
    let otherForm = 0;
    let formShapes = 0;
    while (tables < TABLES) {
      const c = makeCase(rng);
      if (!c) continue;
      tables++;
      if (c.kinds.includes('other-form-header')) otherForm++;
      if (c.kinds.some((k) => k === 'form-labels-lost' || k === 'form-rows-dropped' || k === 'form-caption-dropped'))
        formShapes++;
      const r = read(c, c.year ?? 2022);
      if (!r) continue;
      for (const cell of r.cells) {
        const k = `${cell.row_key}.${cell.col_key}`;
        const where = `#${tables} ${c.target}/${c.style}/${c.kinds.join('+')} ${k}`;
        if (cell.state === 'number') {
          published++;
          if (c.mustNull.has(k)) wrong.push(`${where}: published ${cell.value} where nothing proves it\n${c.text}`);
          else if (cell.value !== c.truth.get(k))
            wrong.push(
              `${where}: published ${cell.value} (raw "${cell.raw}"), the table has ${c.truth.get(k)}\n${c.text}`,
            );
        } else if (UNCERTAIN_STATES.has(cell.state)) {
          nulls++;
          if (!r.notes.some((n) => n.at?.row === cell.row_key || n.message.includes(cell.row_key)))
            wrong.push(`${where}: NULL without a note`);
        }
      }
      if (wrong.length > 5) break;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(tables).toBe(TABLES);
    // The property is not vacuous: most cells are still read, and damage does NULL some.
    expect(published).toBeGreaterThan(TABLES * 10);
    expect(nulls).toBeGreaterThan(TABLES);
    // 二's header of the other form is among the damage, and with it tables where nothing else
    // names the rows' form (its only labels lost, or its caption): only their shape says it.
    expect(otherForm).toBeGreaterThan(TABLES / 100);
    expect(formShapes).toBeGreaterThan(TABLES / 200);
  });
});
