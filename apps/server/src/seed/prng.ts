/**
 * Small seeded PRNG so the demo clinic is byte-identical for a given anchor date.
 * mulberry32: 32-bit state, good enough spread for picking demo values.
 */
export type Rng = {
  /** Uniform float in [0, 1). */
  next: () => number;
  /** Integer in [min, max] inclusive. */
  int: (min: number, max: number) => number;
  /** Float in [min, max) rounded to `decimals` places. */
  float: (min: number, max: number, decimals: number) => number;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  /** A vaccine-style lot number, e.g. "UK482AB". */
  lot: () => string;
};

/**
 * Creates a deterministic random source from a 32-bit seed.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const float = (min: number, max: number, decimals: number): number => round(min + next() * (max - min), decimals);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const lot = (): string =>
    `${pick([...letters])}${pick([...letters])}${int(100, 999)}${pick([...letters])}${pick([...letters])}`;
  return { next, int, float, pick, lot };
}

/**
 * Rounds half away from zero to a fixed number of decimals (avoids 0.30000000000000004 in JSON).
 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
