/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, period 2³²), for simulations that must be
 * replayable: the same seed always gives the same sequence, on every platform.
 *
 * @param seed - Any integer (taken modulo 2³²).
 * @returns A function returning the next uniform number in [0, 1).
 *
 * @example
 * ```ts
 * const random = createRandom(42);
 * random(); // => 0.6011037519201636
 * ```
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
