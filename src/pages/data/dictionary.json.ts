import type { APIRoute } from 'astro';
import { CSV_NOTE, FILE_DOCS, TABLE_DOCS, columnDocs, keyDictionary } from '../../lib/schema/dictionary.ts';
import { TABLE_NAMES } from '../../lib/write/datapackage.ts';
import { notInThisShard, rendersNational } from '../../lib/site/shard.ts';

/** The data dictionary as JSON (the same content as /data/dictionary/). */
export const GET: APIRoute = () => {
  if (!rendersNational()) return notInThisShard();
  const body = {
    tables: TABLE_NAMES.map((t) => ({ name: t, description: { en: TABLE_DOCS[t][0], zh: TABLE_DOCS[t][1] }, columns: columnDocs(t) })),
    keys: keyDictionary(),
    csv: { en: CSV_NOTE[0], zh: CSV_NOTE[1] },
    files: FILE_DOCS.map((f) => ({ name: f.name, en: f.doc[0], zh: f.doc[1] })),
  };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
