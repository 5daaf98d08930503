// The summary's description for the closing accounting: every field but the per-customer parts, and the features
// (made when first read: a million objects for a million customers) never read.
import { describe, expect, it } from "vitest";
import { summaryMeta } from "../../src/cli/summaryMeta.js";
import { summarize } from "../../src/index.js";

describe("summaryMeta", () => {
  it("copies the summary's fields but features and columns, without reading the features", () => {
    const summary = summarize(
      {
        transactions: [
          { customerId: "C1", date: "2024-05-01", amountMinor: 1250, currency: "USD", kind: "sale" },
        ],
      },
      { asOf: "2024-06-30" },
    );
    const { features: _features, ...expected } = summary;
    const untouched = Object.defineProperty({ ...expected }, "features", {
      get: () => {
        throw new Error("the features were read");
      },
    });
    expect(summaryMeta(untouched as typeof summary)).toEqual(expected);
    expect(summaryMeta(summary)).toEqual(expected);
  });
});
