import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineBytes } from '../src/lib/search/line-reader.ts';
import { LineWriter } from '../src/lib/search/line-writer.ts';
import { mulberry32 } from './helpers.ts';
import { scratchDir } from './scratch.ts';

/**
 * The search index reads its records as bytes, a line at a time (line-reader.ts), and moves them
 * into the shards' files as bytes (line-writer.ts): the lines must be the file's, whatever the
 * chunk boundaries, and the files written the same bytes as from text.
 */
const dir = scratchDir('nianbao-lines-');
const PIECES = ['a', '政府信息公开', '{"url":"/reports/x/"}', '\n', '\n\n', '𠀀', 'é', ' '];

describe('lineBytes', () => {
  it('gives the non-empty lines of any text, for any chunk size (random texts, fixed seed)', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = Math.floor(random() * 40);
      for (let i = 0; i < n; i++)
        text += PIECES[Math.floor(random() * PIECES.length)]!.repeat(1 + Math.floor(random() * 5));
      const file = join(dir, `t${round}.txt`);
      writeFileSync(file, text);
      const chunk = 1 + Math.floor(random() * 24);
      // Decoded as they come: a line is a view of the buffer, read again after it.
      const got: string[] = [];
      for (const b of lineBytes(file, chunk)) got.push(b.toString());
      expect(got, `round ${round}, chunk ${chunk}`).toEqual(text.split('\n').filter(Boolean));
    }
  });

  it('lines moved as bytes are the file written from their text', () => {
    const lines = ['{"t":"政府信息公开工作年度报告"}', 'plain', '𠀀é', '{"u":"/a/"}'];
    const src = join(dir, 'src.jsonl');
    const fromText = new LineWriter(src);
    for (const l of lines) fromText.write(l);
    fromText.close();
    const copy = join(dir, 'copy.jsonl');
    const fromBytes = new LineWriter(copy);
    // A small chunk: every line is a view of a buffer read again after it.
    for (const b of lineBytes(src, 3)) fromBytes.write(b);
    fromBytes.close();
    expect(readFileSync(copy)).toEqual(readFileSync(src));
  });
});
