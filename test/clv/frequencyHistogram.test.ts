// The in-sample frequency histogram against the model (Fader, Hardie & Lee 2005, figure 1).
import { describe, expect, it } from "vitest";
import { bgBb, bgNbd, frequencyHistogram, groupSummaries } from "../../src/index.js";
import { cdnowSummaries, donations } from "./fixtures.js";

describe("frequencyHistogram", () => {
  const customers = cdnowSummaries();
  const params = bgNbd.fit(groupSummaries(customers)).params;
  const bars = frequencyHistogram(bgNbd, params, customers);

  it("CDNOW, BG/NBD: the actual counts of figure 1 and a close model", () => {
    // The 2,357 customers' repeat purchases in the 39-week calibration period, 0 … 6 and 7+.
    expect(bars.map((bar) => bar.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(bars.map((bar) => bar.andMore)).toEqual([false, false, false, false, false, false, false, true]);
    const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
    expect(sum(bars.map((bar) => bar.expected))).toBeCloseTo(2357, 9);
    // Close agreement, as in the paper's figure: every bar within 13% (the largest relative gaps are at x = 6,
    // 29 vs 25.5, and 7+, 64 vs 71.9; the largest absolute one at x = 2, 214 vs 192.5), and a χ² over the 8 bars
    // of 4.8.
    let chiSquare = 0;
    for (const bar of bars) {
      expect(Math.abs(bar.expected - bar.actual) / bar.actual).toBeLessThan(0.13);
      chiSquare += (bar.actual - bar.expected) ** 2 / bar.expected;
    }
    expect(chiSquare).toBeCloseTo(4.82, 1);
  });

  it("hand-checked bars: P(X(T) = 0) = (α/(α+T))^r, P(X(T) = 1) from eq. 8", () => {
    const { r, alpha, a, b } = params;
    let zero = 0;
    let one = 0;
    for (const { T } of customers) {
      const none = (alpha / (alpha + T)) ** r;
      zero += none;
      // B(a, b+1)/B(a, b) = b/(a+b), B(a+1, b)/B(a, b) = a/(a+b), P(N ≥ 1) = 1 − P(N = 0).
      one += (b / (a + b)) * r * none * (T / (alpha + T)) + (a / (a + b)) * (1 - none);
    }
    expect(bars[0]?.expected).toBeCloseTo(zero, 8);
    expect(bars[1]?.expected).toBeCloseTo(one, 8);
    expect(zero).toBeCloseTo(1407.68, 2);
  });

  it("weights and maxFrequency", () => {
    const grouped = [
      { frequency: 0, recency: 0, T: 10, weight: 3 },
      { frequency: 4, recency: 8, T: 10, weight: 2 },
    ];
    const bars2 = frequencyHistogram(bgNbd, params, grouped, 2);
    expect(bars2.map((bar) => [bar.frequency, bar.andMore, bar.actual])).toEqual([
      [0, false, 3],
      [1, false, 0],
      [2, true, 2],
    ]);
    expect(bars2.reduce((total, bar) => total + bar.expected, 0)).toBeCloseTo(5, 12);
  });

  it("BG/BB on the donations: n = 6 opportunities, bars 0 … 6", () => {
    const data = donations();
    const fit = bgBb.fit(groupSummaries(data));
    const donors = frequencyHistogram(bgBb, fit.params, data, 6);
    expect(donors.map((bar) => bar.actual)).toEqual([3464, 1823, 1430, 1085, 1036, 1063, 1203]);
    expect(donors.reduce((total, bar) => total + bar.expected, 0)).toBeCloseTo(11_104, 8);
    // Within 6% per bar (the largest gap at x = 2: 1430 vs 1349).
    for (const bar of donors) expect(Math.abs(bar.expected - bar.actual) / bar.actual).toBeLessThan(0.06);
  });
});
