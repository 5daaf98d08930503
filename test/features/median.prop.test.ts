import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { median } from "../../src/features/median.js";

describe("median (internal selection)", () => {
  test.prop([
    fc.oneof(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 300 }),
    ),
  ])("equals the middle of the sorted values (mean of the two middle ones for an even count)", (values) => {
    const sorted = values.slice().sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const expected =
      sorted.length % 2 === 1
        ? sorted[middle]
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    const buffer = new Float64Array(values.length + 5).fill(-1);
    buffer.set(values);
    expect(median(buffer, values.length, { counts: new Int32Array(1) })).toBe(expected);
  });
});
