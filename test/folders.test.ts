import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestedFolders, undecodedPathProblem } from '../src/lib/ingest/folders.ts';
import { scratchDir } from './scratch.ts';

describe('raw and output folders that hold one another are refused', () => {
  const tmp = scratchDir('nianbao-folders-');
  const raw = join(tmp, 'data', 'raw');
  mkdirSync(raw, { recursive: true });
  symlinkSync(join(tmp, 'data'), join(tmp, 'link'));

  it('apart (siblings, or a name that only starts the same) is fine, whether the output exists or not', () => {
    expect(nestedFolders(raw, join(tmp, 'data', 'build'))).toBeNull();
    expect(nestedFolders(raw, join(tmp, 'data', 'raw-build'))).toBeNull();
    expect(nestedFolders(raw, join(tmp, 'elsewhere', 'new', 'out'))).toBeNull();
  });

  it('the same folder, the output inside the raw folder, the raw folder inside the output', () => {
    expect(nestedFolders(raw, `${raw}/`)).toMatch(/same folder/);
    expect(nestedFolders(raw, join(raw, 'build'))).toMatch(/output folder .* is inside the raw folder/);
    expect(nestedFolders(raw, join(raw, 'a', 'b', 'new'))).toMatch(/inside the raw folder/);
    expect(nestedFolders(raw, join(tmp, 'data'))).toMatch(/raw folder .* is inside the output folder/);
  });

  it('through a symbolic link too', () => {
    expect(nestedFolders(join(tmp, 'link', 'raw'), join(raw, 'out'))).toMatch(/inside the raw folder/);
    expect(nestedFolders(raw, join(tmp, 'link', 'raw', 'out'))).toMatch(/inside the raw folder/);
    expect(nestedFolders(raw, join(tmp, 'link'))).toMatch(/inside the output folder/);
  });
});

describe('undecodedPathProblem', () => {
  it('says a name with U+FFFD (a byte Node could not read as UTF-8) is refused, in Chinese and English', () => {
    expect(undecodedPathProblem('--out', 'data/build')).toBeNull();
    expect(undecodedPathProblem('--out', '数据/年报')).toBeNull();
    expect(undecodedPathProblem('NIANBAO_DATA', 'out-\uFFFD')).toMatch(/^NIANBAO_DATA: 路径.*UTF-8.*"out-\uFFFD"$/);
  });
});
