import { describe, expect, it } from 'vitest';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

/** Replaces every value of section 三's rows (lines between its heading and 四's). */
function damageRequests(text: string, value: (v: string) => string): string {
  let inside = false;
  return text
    .split('\n')
    .map((l) => {
      if (l.startsWith('三、')) inside = true;
      else if (l.startsWith('四、政府信息公开行政复议')) inside = false;
      if (!inside || !/^[一二四（].* \| \d/.test(l)) return l;
      return l.replace(/ \| (\d+)(?= \|)/g, (_m, v: string) => ` | ${value(v)}`);
    })
    .join('\n');
}

describe('report status', () => {
  it('is complete when every table is read', () => {
    expect(ok(parseText(buildReport({ style: 'pipes' }))).report.status).toBe('complete');
  });

  it('is partial when a table was found but none of its cells could be read', () => {
    const p = ok(parseText(damageRequests(buildReport({ style: 'pipes' }), (v) => `约${v}`)));
    const requests = p.cells.filter((c) => c.table_id === 'requests');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((c) => c.value === null)).toBe(true);
    expect(p.report.status).toBe('partial');
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && d.message.includes('三'))).toBe(true);
  });

  it('stays complete when some cells of a table could not be read', () => {
    let n = 0;
    const p = ok(parseText(damageRequests(buildReport({ style: 'pipes' }), (v) => (n++ === 3 ? `约${v}` : v))));
    expect(p.cells.some((c) => c.table_id === 'requests' && c.state === 'unreadable')).toBe(true);
    expect(p.report.status).toBe('complete');
  });
});
