// LazyList.slice takes the items Array.prototype.slice takes, for any bounds, and makes only those.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LazyList } from "../../src/signals/LazyList.js";

describe("LazyList.slice", () => {
  test.prop([
    fc.nat({ max: 30 }),
    fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
    fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
  ])("gives the items an array's slice gives, making only those", (length, start, end) => {
    const made: number[] = [];
    const list = new LazyList(length, (k) => {
      made.push(k);
      return `item ${k}`;
    });
    const items = Array.from({ length }, (_, k) => `item ${k}`);
    const expected = items.slice(start, end);
    expect(list.slice(start, end)).toEqual(expected);
    expect(made).toHaveLength(expected.length);
  });
});
