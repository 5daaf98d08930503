// The index of line ids behind the transaction ingest's repeated-id check: for any sequence of ids it gives the
// row each was first read on, exactly as a Map of the texts would, across its growth and rehashing, for ids of any
// characters (two-byte ones included) and ids whose hashes collide.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { LineIdIndex } from "../../src/ingest/LineIdIndex.js";
import { textHash } from "../../src/model/textHash.js";

function firstRows(ids: readonly string[]): number[] {
  const index = new LineIdIndex();
  return ids.map((id, k) => index.firstRow(id, k + 1));
}

function expected(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id, k) => {
    const first = seen.get(id);
    if (first !== undefined) return first;
    seen.set(id, k + 1);
    return 0;
  });
}

describe("LineIdIndex", () => {
  test.prop([
    fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "SO-1", "订单-1", "")), {
      maxLength: 3000,
    }),
  ])("gives the first row of every repeated id and 0 for a new one, as a Map does", (ids) => {
    expect(firstRows(ids)).toEqual(expected(ids));
  });

  it("tells apart ids whose hashes are the same, and keeps them through 50,000 entries", () => {
    // Two ids with the same FNV-1a hash, found by search (about 80,000 tries for 32 bits).
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let k = 0; pair === undefined; k++) {
      const id = `L-${k}`;
      const other = byHash.get(textHash(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(textHash(id), id);
    }
    const [first, second] = pair;
    expect(textHash(first)).toBe(textHash(second));
    const ids = [
      first,
      ...Array.from({ length: 50_000 }, (_, k) => `SO-${k}-Ö`),
      second,
      first,
      second,
      "SO-7-Ö",
    ];
    const rows = firstRows(ids);
    expect(rows.slice(-4)).toEqual([0, 1, 50_002, 9]);
    expect(rows).toEqual(expected(ids));
  });
});
