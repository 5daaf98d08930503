// RFM on the UCI Online Retail sample (test/fixtures/README.md) after ingest: the whole file for invariants, and
// ten customers' rows for a hand computation (the comments show the arithmetic).
import { beforeAll, describe, expect, it } from "vitest";
import { ingestTransactions, type RfmResult, rfm, summarize, type Transaction } from "../../src/index.js";
import { ONLINE_RETAIL_INGEST, onlineRetailRows } from "../onlineRetail.js";

const rows = onlineRetailRows();

// The grid as a 5 × 5 literal (rows R 1..5, columns FM 1..5), written independently of GRID_SEGMENTS.
const GRID = [
  ["lost", "lost", "at-risk", "cant-lose", "cant-lose"],
  ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  ["about-to-sleep", "about-to-sleep", "need-attention", "loyal", "loyal"],
  ["promising", "potential-loyalist", "loyal", "champions", "champions"],
  ["recent", "potential-loyalist", "potential-loyalist", "champions", "champions"],
];

// The first ten customers in file order whose rows have no cancellation, no zero price and no duplicate line.
const EXCERPT = ["12923", "15594", "16771", "13488", "15122", "16188", "16969", "17619", "12982", "16369"];

describe("rfm on the Online Retail sample", () => {
  let records: Transaction[];
  let all: RfmResult;

  beforeAll(() => {
    ({ records } = ingestTransactions(rows, { ...ONLINE_RETAIL_INGEST, maxIssues: Infinity }));
    all = rfm(summarize({ transactions: records }, { asOf: "2011-12-09" }).features);
  });

  it("scores every customer with a sale and puts each in its grid cell", () => {
    const buyers = new Set(records.filter((r) => r.kind === "sale").map((r) => r.customerId));
    expect(all.customers).toHaveLength(buyers.size);
    expect(all.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(buyers.size);
    expect(all.segments.reduce((sum, s) => sum + s.revenueShare, 0)).toBeCloseTo(1, 12);
    for (const c of all.customers) {
      expect(c.segment).toBe(GRID[c.r - 1]?.[Math.round((c.f + c.m) / 2) - 1]);
    }
    // Quantile scores split the customers roughly in fifths where values are not tied.
    const rCounts = [1, 2, 3, 4, 5].map((r) => all.customers.filter((c) => c.r === r).length);
    for (const count of rCounts) expect(count / buyers.size).toBeGreaterThan(0.15);
  });

  it("matches a hand computation on ten customers", () => {
    const excerpt = records.filter((r) => EXCERPT.includes(r.customerId));
    const result = rfm(summarize({ transactions: excerpt }, { asOf: "2011-12-09" }).features);
    // Raw values from the rows (days to 2011-12-09, distinct invoices, Σ quantity × price in pence):
    // 12923 64 1 995 · 15594 30 3 14312 · 16771 75 4 12292 · 13488 17 10 59983 · 15122 114 2 10240
    // 16188 141 2 4410 · 16969 191 1 2364 · 17619 312 1 995 · 12982 242 1 1500 · 16369 18 3 10275
    const raw = new Map(result.customers.map((c) => [c.id, [c.recency, c.frequency, c.monetary]]));
    expect(raw.get("13488")).toEqual([17, 10, 59983]);
    expect(raw.get("16969")).toEqual([191, 1, 2364]);
    // Type-7 breaks, h = 9j/5: recency 27.6 70.6 124.8 201.2; orders 1 1.6 2.4 3.2; pence 1399 3591.6 10254 12696.
    expect(result.breaks.recency.breaks).toEqual([27.6, 70.6, 124.8, 201.2]);
    expect(result.breaks.frequency.breaks).toEqual([1, 1.6, 2.4, 3.2]);
    expect(result.breaks.monetary.breaks).toEqual([1399, 3591.6, 10254, 12696]);
    // Codes and grid cells: 12923 411 promising · 15594 445 (FM 5) champions · 16771 354 (FM 5) loyal
    // 13488 555 champions · 15122 333 need attention · 16188 233 at risk · 16969 212 (FM 2) hibernating
    // 17619 111 lost · 12982 112 (FM 2) lost · 16369 544 champions
    expect(Object.fromEntries(result.customers.map((c) => [c.id, c.code]))).toEqual({
      "12923": "411",
      "12982": "112",
      "13488": "555",
      "15122": "333",
      "15594": "445",
      "16188": "233",
      "16369": "544",
      "16771": "354",
      "16969": "212",
      "17619": "111",
    });
    const counts = Object.fromEntries(
      result.segments.filter((s) => s.customers > 0).map((s) => [s.segment, s.customers]),
    );
    expect(counts).toEqual({
      champions: 3,
      lost: 2,
      promising: 1,
      loyal: 1,
      "need-attention": 1,
      "at-risk": 1,
      hibernating: 1,
    });
    // Revenue share of the champions: (14312 + 59983 + 10275) / 117366.
    const champions = result.segments.find((s) => s.segment === "champions");
    expect(champions?.revenueShare).toBeCloseTo(84570 / 117366, 12);
  });
});
