import { describe, expect, it } from 'vitest';
import { BYTES_PER_FILE, heapNeededMb } from '../src/lib/ingest/heap.ts';

const GB = 1024 ** 3;

describe('the heap a run needs', () => {
  it('is the default below about half a million files on a 24 GB machine', () => {
    expect(heapNeededMb(10_000, 4.5 * GB, 24 * GB)).toBeNull();
    expect(heapNeededMb(100_000, 4.5 * GB, 24 * GB)).toBeNull();
  });
  it('grows with the files above it, up to three quarters of the memory', () => {
    const mb = heapNeededMb(1_000_000, 4.5 * GB, 24 * GB)!;
    expect(mb * 1024 * 1024).toBeGreaterThanOrEqual(1_000_000 * BYTES_PER_FILE);
    expect(heapNeededMb(10_000_000, 4.5 * GB, 24 * GB)).toBe(18 * 1024);
  });
});
