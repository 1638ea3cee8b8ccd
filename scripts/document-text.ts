/**
 * tsx scripts/document-text.ts FILE…
 * Prints the text the ingest extracts from a PDF or Word file: one line per paragraph or table
 * row (cells between " | "), with the page for PDFs. For looking at what the readers see.
 */
import { readFileSync } from 'node:fs';
import { convertDocument } from '../src/lib/decode/document.ts';

for (const file of process.argv.slice(2)) {
  const c = await convertDocument(file, new Uint8Array(readFileSync(file)));
  console.log(`== ${file}`);
  if (!c.ok) console.log(`rejected: ${c.code}: ${c.reason}`);
  else if (c.format === 'pdf') c.located.forEach((l, i) => console.log(`${i + 1}\tp${l.page}\t${l.raw}`));
  else console.log('html' in c ? c.html : c.text);
}
