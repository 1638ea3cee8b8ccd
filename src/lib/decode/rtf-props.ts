import { inkOfColour, inkOfSize, WHITE, worse, type Ink, type Rgba } from './ink.ts';

/**
 * RTF character formatting that decides what a reader sees of text, by the rule the other
 * readers follow (docx-hidden.ts for .docx, doc-text.ts for .doc, shown.ts for web pages):
 *
 * - hidden (\v, \webhidden), struck through (\strike, \striked1: struck text is deleted text) and
 *   deleted by a tracked change (\deleted) text is no text of the document: it is left out;
 * - text set off the baseline (\super, \sub, \up N, \dn N) is a mark, like <sup> in HTML: its
 *   digits come out behind `^` (`37^1`, unreadable), never as digits of the number before it;
 * - a property is set directly (in the text's group, inherited by groups inside it, all reset by
 *   \plain) or else by the text's character style (\cs N) or paragraph style (\s N), each
 *   followed up its \sbasedon chain as the stylesheet defines it. Direct formatting wins. These
 *   are Word's toggle properties, which Word combines across style levels in its own way: when
 *   both style levels set one and not both to off, the text is unsure (kept behind
 *   UNSURE_MARK, never read as a digit), as the .docx reader does.
 */

/** The properties read: hiding ones and raising ones (script: \super/\sub, pos: \up/\dn). */
export type Prop = 'v' | 'webhidden' | 'strike' | 'striked' | 'deleted' | 'script' | 'pos';
const HIDING: readonly Prop[] = ['v', 'webhidden', 'strike', 'striked', 'deleted'];
const RAISING: readonly Prop[] = ['script', 'pos'];

/** A property's value where it is set: true (on), false (off); absent: not set there. */
export type CharProps = Partial<Record<Prop, boolean>>;

/**
 * Character values that decide whether text is seen (ink.ts): its colour (\cf, an index into the
 * colour table; 0 is auto), its size (\fs, half-points) and what is behind it (\highlight,
 * \chcbpat, \cb: colour table indexes).
 */
export type InkWord = 'cf' | 'fs' | 'highlight' | 'chcbpat' | 'cb';
export type InkProps = Partial<Record<InkWord, number>>;

/** A style of the stylesheet: `\s N` paragraph, `\cs N` character (others are not read). */
export interface StyleDef {
  kind: 'para' | 'char' | 'other';
  num: number;
  basedOn: number | null;
  props: CharProps;
  ink?: InkProps;
}

/** The stylesheet: styles by kind and number (`para:0`, `char:15`). */
export type Styles = Map<string, StyleDef>;

const key = (kind: StyleDef['kind'], num: number) => `${kind}:${num}`;

/** A new style entry: with no \s or \cs it is paragraph style 0 (the RTF default). */
export function newStyle(): StyleDef {
  return { kind: 'para', num: 0, basedOn: null, props: {}, ink: {} };
}

/** A control word that sets an ink value (\cf2, \fs2…) → the word and its value, or null. */
export function inkProp(word: string, n: number | null): [InkWord, number] | null {
  if (word === 'cf' || word === 'highlight' || word === 'chcbpat' || word === 'cb') return [word, n ?? 0];
  if (word === 'fs') return ['fs', n ?? 24];
  return null;
}

/**
 * Whether text so formatted is seen (ink.ts): its colour (directly, or else by its character or
 * paragraph style; auto by default) over its highlight or character shading, else its
 * paragraph's (\cbpat) or cell's (\clcbpat) shading, else the white page; its size (12pt by
 * default). `colours`: the colour table (index 0, and any entry without values: auto).
 */
export function inkAs(
  f: Formatting & { ink: InkProps },
  styles: Styles,
  colours: Array<Rgba | null>,
  under: number | null,
): Ink {
  const value = (w: InkWord): number | undefined => {
    if (f.ink[w] !== undefined) return f.ink[w];
    for (const [kind, num] of levels(f)) {
      const v = styleInk(styles, kind, num, w);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const fs = value('fs');
  const size = inkOfSize(fs === undefined ? 12 : fs / 2);
  const cf = value('cf');
  const fg = cf ? colours[cf] : undefined;
  if (!fg) return size;
  let bg: Rgba = WHITE;
  for (const k of [value('highlight'), value('chcbpat'), value('cb'), under]) {
    if (!k) continue;
    const c = colours[k];
    if (c) {
      bg = c;
      break;
    }
  }
  return worse(inkOfColour(fg, bg), size);
}

function styleInk(styles: Styles, kind: StyleDef['kind'], num: number | null, w: InkWord): number | undefined {
  const seen = new Set<number>();
  while (num !== null && !seen.has(num)) {
    seen.add(num);
    const s = styles.get(key(kind, num));
    if (!s) return undefined;
    const v = s.ink?.[w];
    if (v !== undefined) return v;
    num = s.basedOn;
  }
  return undefined;
}

export function addStyle(styles: Styles, s: StyleDef): void {
  if (s.kind !== 'other') styles.set(key(s.kind, s.num), s);
}

/**
 * A control word that sets a character property → the property and its value, or null. A
 * toggle without a parameter (\v, \strike) is on, with 0 off; \up and \dn raise by their
 * parameter (6 half-points without one), 0 is the baseline.
 */
export function charProp(word: string, n: number | null): [Prop, boolean] | null {
  switch (word) {
    case 'v':
    case 'webhidden':
    case 'strike':
    case 'striked':
    case 'deleted':
      return [word, n !== 0];
    case 'super':
    case 'sub':
      return ['script', true];
    case 'nosupersub':
      return ['script', false];
    case 'up':
    case 'dn':
      return ['pos', n !== 0];
  }
  return null;
}

/** Where text stands: its direct properties, its character style and its paragraph style. */
export interface Formatting {
  props: CharProps;
  cs: number | null;
  ps: number;
}

/** What becomes of text so formatted: shown, left out (hidden), or kept behind a mark (unsure). */
export function shownAs(f: Formatting, styles: Styles): 'shown' | 'hidden' | 'unsure' {
  let unsure = false;
  for (const p of HIDING) {
    const direct = f.props[p];
    if (direct !== undefined) {
      if (direct) return 'hidden';
      continue;
    }
    const set = levels(f)
      .map(([kind, num]) => styleValue(styles, kind, num, p))
      .filter((v): v is boolean => v !== null);
    if (set.length === 1 && set[0]) return 'hidden';
    if (set.length > 1 && set.some(Boolean)) unsure = true;
  }
  return unsure ? 'unsure' : 'shown';
}

/** Whether text so formatted is set off the baseline: directly, or else by the first style level that says. */
export function raisedAs(f: Formatting, styles: Styles): boolean {
  for (const p of RAISING) {
    const direct = f.props[p];
    if (direct !== undefined) {
      if (direct) return true;
      continue;
    }
    for (const [kind, num] of levels(f)) {
      const v = styleValue(styles, kind, num, p);
      if (v === null) continue;
      if (v) return true;
      break;
    }
  }
  return false;
}

/** The style levels of text: its character style, then its paragraph style. */
function levels(f: Formatting): Array<[StyleDef['kind'], number | null]> {
  return [
    ['char', f.cs],
    ['para', f.ps],
  ];
}

/** A property as one style sets it, or the style it is based on (null: not set on that chain). */
function styleValue(styles: Styles, kind: StyleDef['kind'], num: number | null, p: Prop): boolean | null {
  const seen = new Set<number>();
  while (num !== null && !seen.has(num)) {
    seen.add(num);
    const s = styles.get(key(kind, num));
    if (!s) return null;
    const v = s.props[p];
    if (v !== undefined) return v;
    num = s.basedOn;
  }
  return null;
}

/**
 * Raised text as the readers write it: each run of digits behind `^` (`1` → `^1`), other
 * characters as they are. `afterDigit`: the text before was a raised digit (the run goes on).
 */
export function raisedText(s: string, afterDigit: boolean): string {
  return s.replace(/[0-9０-９]+/g, (d, at: number) => (at === 0 && afterDigit ? d : `^${d}`));
}
