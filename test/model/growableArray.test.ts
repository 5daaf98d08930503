import { describe, expect, it, vi } from "vitest";
import { growableArray, grownArray, releaseArray } from "../../src/model/growableArray.js";

describe("growableArray, grownArray and releaseArray", () => {
  it("grow a column in place, keeping its entries and zeroing the new ones", () => {
    const days = growableArray(Int32Array, 4);
    days.set([5, 6, 7, 8]);
    const grown = grownArray(days, 10);
    expect(grown).toBe(days);
    expect([...grown]).toEqual([5, 6, 7, 8, 0, 0, 0, 0, 0, 0]);
    expect(grown.length).toBe(10);
  });

  it("copy a plain typed array into a growable one", () => {
    const amounts = Float64Array.from([1.5, -2.25]);
    const grown = grownArray(amounts, 3);
    expect(grown).not.toBe(amounts);
    expect([...grown]).toEqual([1.5, -2.25, 0]);
    expect(grownArray(grown, 5)).toBe(grown);
    expect([...grown]).toEqual([1.5, -2.25, 0, 0, 0]);
  });

  it("give a growable column's memory back at once, and leave a plain one to the collector", () => {
    const days = grownArray(growableArray(Int32Array, 4), 1000);
    releaseArray(days);
    expect(days.length).toBe(0);
    expect(days.buffer.byteLength).toBe(0);
    const plain = Int32Array.from([1, 2]);
    releaseArray(plain);
    expect([...plain]).toEqual([1, 2]);
  });

  it("copy on an engine without resizable buffers, keeping the entries", async () => {
    const resize = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resize") as PropertyDescriptor;
    delete (ArrayBuffer.prototype as { resize?: unknown }).resize;
    try {
      vi.resetModules();
      const plain = await import("../../src/model/growableArray.js");
      const days = plain.growableArray(Int32Array, 2);
      days.set([3, 4]);
      const grown = plain.grownArray(days, 5);
      expect(grown).not.toBe(days);
      expect([...grown]).toEqual([3, 4, 0, 0, 0]);
      expect([...days]).toEqual([3, 4]);
      plain.releaseArray(grown);
      expect([...grown]).toEqual([3, 4, 0, 0, 0]);
    } finally {
      Object.defineProperty(ArrayBuffer.prototype, "resize", resize);
      vi.resetModules();
    }
  });
});
