// The duplicate-row check of the transaction ingest: for any sequence of rows it gives the row each was first read
// on, as a Map of the rows' texts would, across the table's growth (rows of 20,000 and more fill it past 3/4 many
// times over).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { RowFingerprints } from "../../src/ingest/rowFingerprints.js";

function expected(rows: readonly Record<string, string>[]): number[] {
  const seen = new Map<string, number>();
  return rows.map((row, k) => {
    const text = JSON.stringify(Object.entries(row));
    const first = seen.get(text);
    if (first !== undefined) return first;
    seen.set(text, k + 1);
    return 0;
  });
}

describe("RowFingerprints", () => {
  test.prop(
    [
      fc.array(
        fc.record({
          id: fc.integer({ min: 0, max: 30_000 }).map(String),
          kind: fc.constantFrom("sale", "return"),
        }),
        {
          minLength: 20_000,
          maxLength: 25_000,
        },
      ),
    ],
    { numRuns: 5 },
  )("gives the first row of every repeated row and 0 for a new one", (rows) => {
    const fingerprints = new RowFingerprints();
    expect(rows.map((row, k) => fingerprints.firstRow(row, k + 1))).toEqual(expected(rows));
  });
});
