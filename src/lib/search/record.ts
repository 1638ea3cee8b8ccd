import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { BLOCK_ELEMENTS as BLOCK, UNSHOWN_ELEMENTS as UNSHOWN } from './highlight.ts';

/**
 * The search record of one built page — what the index is built from and what a result shows —
 * read from the page's HTML by the markup conventions the pages use (src/pages/…, components):
 *
 * - `data-pagefind-body`: the indexed part of the page; a page without one is not indexed.
 * - `data-pagefind-ignore` (no value): an element whose text is left out (tables, figures, checks).
 * - `data-pagefind-filter="name:value"`, `data-pagefind-meta="name:value"`,
 *   `data-pagefind-sort="name:value"`: a filter value (a name may have several), a metadata value
 *   and a sort key; anywhere on the page, the value being everything after the first colon.
 * - `title`: the text of the first <h1> (the page's <title> when there is none), unless a meta
 *   attribute sets it.
 *
 * These are the attributes Pagefind reads, and the forms the pages use of them; any other
 * `data-pagefind-*` attribute or form stops the build rather than being silently misread.
 *
 * The content is the text a reader sees in the indexed part: ignored elements and script, style
 * and template contents out, block elements separated by a space, white space collapsed. A
 * heading ends a sentence (`. ` after it unless it ends in punctuation), so that a term does not
 * run from a heading into the text under it — as Pagefind read it, and as the search test's
 * ground truth does.
 */

export const SearchRecord = z.object({
  /** From the site root, without BASE_PATH, each path segment percent-encoded: /reports/0123abcd…/ */
  url: z.string().startsWith('/'),
  content: z.string(),
  filters: z.record(z.string(), z.array(z.string())),
  meta: z.record(z.string(), z.string()),
  sort: z.record(z.string(), z.string()),
});
export type SearchRecord = z.infer<typeof SearchRecord>;

/** A record as the browser gets it (the sort keys are only for the build). */
export type ShownRecord = Omit<SearchRecord, 'sort'>;

/** The page address of a file of dist/: `reports/x/index.html` → `/reports/x/`. */
export function pageUrl(file: string): string {
  const path = file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
  return `/${path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')}`;
}

const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const KNOWN = new Set([
  'data-pagefind-body',
  'data-pagefind-ignore',
  'data-pagefind-filter',
  'data-pagefind-meta',
  'data-pagefind-sort',
]);
/** A heading that ends in a letter or digit gets a full stop; one ending in punctuation does not. */
const ENDS_SENTENCE = /[\p{L}\p{N}]\s*$/u;

function pair(attr: string, value: string): [string, string] {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new Error(`${attr}="${value}": only the name:value form is supported`);
  return [
    value.slice(0, colon).trim(),
    value
      .slice(colon + 1)
      .replace(/\s+/g, ' ')
      .trim(),
  ];
}

/** The page's record, or null when it has no `data-pagefind-body` (not indexed). */
export function pageRecord(html: string, url: string): SearchRecord | null {
  const content: string[] = [];
  const filters: Record<string, string[]> = {};
  const meta: Record<string, string> = {};
  const sort: Record<string, string> = {};
  let bodies = 0;
  // Open elements: whether each is a body, ignored or unshown, to undo at its end.
  const stack: Array<{ name: string; body: boolean; ignore: boolean; unshown: boolean; from: number }> = [];
  let bodyDepth = 0;
  let ignoreDepth = 0;
  let unshownDepth = 0;
  // The first <h1>: its depth, the ignored and unshown elements around it (its text is what is
  // not left out inside it), and its text.
  let h1: { depth: number; around: number; text: string[] } | null = null;
  let title: string | null = null;
  let pageTitle: string | null = null;
  let inTitle = false;
  const indexing = () => bodyDepth > 0 && ignoreDepth === 0 && unshownDepth === 0;

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        let body = false;
        let ignore = false;
        for (const attr in attribs) {
          if (!attr.startsWith('data-pagefind-')) continue;
          if (!KNOWN.has(attr)) throw new Error(`${url}: ${attr} is not supported`);
          const value = attribs[attr]!;
          if (attr === 'data-pagefind-body') body = true;
          else if (attr === 'data-pagefind-ignore') {
            if (value !== '')
              throw new Error(`${url}: data-pagefind-ignore="${value}": only the plain form is supported`);
            ignore = true;
          } else {
            const [k, v] = pair(attr, value);
            if (attr === 'data-pagefind-filter') (filters[k] ??= []).push(v);
            else if (attr === 'data-pagefind-meta') meta[k] = v;
            else sort[k] = v;
          }
        }
        const unshown = UNSHOWN.has(name);
        stack.push({ name, body, ignore, unshown, from: content.length });
        if (body) {
          bodyDepth++;
          bodies++;
        }
        if (ignore) ignoreDepth++;
        if (unshown) unshownDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && h1 === null && title === null)
          h1 = { depth: stack.length, around: ignoreDepth + unshownDepth, text: [] };
        if (BLOCK.has(name) && indexing()) content.push(' ');
      },
      ontext(text) {
        if (inTitle) pageTitle = (pageTitle ?? '') + text;
        if (h1 && ignoreDepth + unshownDepth === h1.around) h1.text.push(text);
        if (indexing()) content.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        const shown = indexing();
        if (shown && HEADING.has(name)) {
          const own = content.slice(stack.at(-1)?.from ?? content.length).join('');
          content.push(ENDS_SENTENCE.test(own) ? '. ' : ' ');
        } else if (shown && BLOCK.has(name)) content.push(' ');
        if (h1 && stack.length === h1.depth) {
          const t = collapse(h1.text.join(''));
          if (t) title = t;
          h1 = null;
        }
        const top = stack.pop();
        if (!top) return;
        if (top.body) bodyDepth--;
        if (top.ignore) ignoreDepth--;
        if (top.unshown) unshownDepth--;
        // Report pages end with the long source view: once the last body is closed, and nothing
        // later can add a filter, a meta value or the title, the rest cannot change the record.
        if (
          bodyDepth === 0 &&
          top.body &&
          html.indexOf('data-pagefind-', parser.endIndex) < 0 &&
          (title !== null || html.indexOf('<h1', parser.endIndex) < 0)
        )
          parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (bodies === 0) return null;
  const shownTitle = title ?? (pageTitle !== null ? collapse(pageTitle) : null);
  if (shownTitle && meta.title === undefined) meta.title = shownTitle;
  return { url, content: collapse(content.join('')), filters, meta, sort };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
