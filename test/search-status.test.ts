import { describe, expect, it } from 'vitest';
import { cutNote, queryLabel } from '../src/lib/search/status.ts';

describe('the search status line', () => {
  it('says how the query was read: each reading, each term in its script readings', () => {
    expect(queryLabel([[['复议']]], false, '复议')).toBe('“复议”：');
    expect(queryLabel([[['资讯公开', '信息公开']]], true, '資訊公開')).toBe(
      '“资讯公开”或“信息公开”（由“資訊公開”转为简体）：',
    );
    expect(queryLabel([[['住建局2023']], [['住建局'], ['2023']]], false, '住建局 2023')).toBe(
      '“住建局2023”，或同时含有“住建局”“2023”：',
    );
    expect(queryLabel([], false, '')).toBe('');
  });

  it('says when a long query was cut', () => {
    expect(cutNote(1500, 64)).toBe('查询共 1500 个字，太长，只按前 64 个字搜索。');
  });
});
