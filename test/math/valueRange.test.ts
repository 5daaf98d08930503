import { describe, expect, it } from "vitest";
import { valueRange } from "../../src/math/valueRange.js";

describe("valueRange", () => {
  it("gives the minimum, the maximum and whether all values are whole", () => {
    expect(valueRange([3, -1, 7])).toEqual({ min: -1, max: 7, whole: true });
    expect(valueRange(Float64Array.from([0.5, 2]))).toEqual({ min: 0.5, max: 2, whole: false });
    expect(valueRange([])).toEqual({
      min: Number.POSITIVE_INFINITY,
      max: Number.NEGATIVE_INFINITY,
      whole: true,
    });
  });
});
