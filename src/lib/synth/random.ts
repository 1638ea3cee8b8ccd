/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Picks a key by weight. */
  weighted<K extends string>(w: Record<K, number>): K {
    const entries = Object.entries(w) as Array<[K, number]>;
    let r = this.next() * entries.reduce((a, [, x]) => a + x, 0);
    for (const [k, x] of entries) if ((r -= x) < 0) return k;
    return entries[entries.length - 1]![0];
  }
  /** Small counts, mostly 0, occasionally large: like real request numbers. */
  count(scale: number): number {
    if (this.chance(0.45)) return 0;
    const x = -Math.log(1 - this.next()) * scale;
    return Math.floor(x);
  }
}
