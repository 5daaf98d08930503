// The packed text column of the line store and the reversal ledger: texts read back as written, one byte a
// character until a text needs two, repeats of the previous text sharing its characters, and rows moved.
import { describe, expect, it } from "vitest";
import { PackedTexts } from "../../src/model/PackedTexts.js";
import { textHash } from "../../src/model/textHash.js";

describe("PackedTexts", () => {
  it("reads back every text, across the widening to two bytes a character and the growth of its buffers", () => {
    const texts = new PackedTexts(4);
    const written: (string | undefined)[] = [];
    for (let row = 0; row < 3000; row++) {
      if (row === 4) texts.grow(3000);
      const text =
        row % 7 === 0
          ? undefined
          : row === 1500
            ? "订单-Ω-1500"
            : row % 5 === 0
              ? written[row - 1]
              : `SO-${row}-Ö`;
      if (text !== undefined) texts.set(row, text);
      written.push(text);
    }
    written.forEach((text, row) => {
      expect(texts.at(row)).toBe(text);
      if (text !== undefined) expect(texts.matches(row, text)).toBe(true);
    });
    expect(texts.matches(1500, "订单-Ω-150")).toBe(false);
    expect(texts.matches(0, "")).toBe(false);
    // A repeat of the previous row's text shares its characters.
    expect(texts.start[10]).toBe(texts.start[9]);
  });

  it("keeps texts longer than a byte's span, before and after shorter ones, and hashes them as textHash does", () => {
    const texts = new PackedTexts(4);
    const long = "订".repeat(300);
    texts.set(0, "SO-1");
    texts.set(1, long);
    texts.set(3, "x".repeat(254));
    expect([texts.at(0), texts.at(1), texts.at(2), texts.at(3)]).toEqual([
      "SO-1",
      long,
      undefined,
      "x".repeat(254),
    ]);
    expect(texts.span).toBeInstanceOf(Int32Array);
    expect([texts.hash(0), texts.hash(1)]).toEqual([textHash("SO-1"), textHash(long)]);
    const moved = texts.rearranged(Int32Array.from([3, 2, 1, 0]));
    expect([moved.at(0), moved.at(2), moved.at(3)]).toEqual(["x".repeat(254), long, "SO-1"]);
  });

  it("moves rows to new positions, sharing the characters", () => {
    const texts = new PackedTexts(3);
    texts.set(0, "a");
    texts.set(2, "c");
    const moved = texts.rearranged(Int32Array.from([2, 0, 1]));
    expect([moved.at(0), moved.at(1), moved.at(2)]).toEqual([undefined, "c", "a"]);
  });
});
