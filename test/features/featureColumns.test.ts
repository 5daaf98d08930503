// Feature columns: summarize's columns against its objects, the round trip objects → columns → objects, and the
// stages that read columns (rfm, profitTable) against the same stages reading objects.
import { beforeAll, describe, expect, it } from "vitest";
import { featureRow } from "../../src/features/FeatureRow.js";
import {
  type CostModel,
  type CustomerFeatures,
  type FeatureSummary,
  featureAt,
  ingestTransactions,
  profitTable,
  rfm,
  summarize,
  type Transaction,
  toFeatureColumns,
} from "../../src/index.js";
import { ONLINE_RETAIL_INGEST, onlineRetailRows } from "../onlineRetail.js";

const MODEL: CostModel = {
  currency: "GBP",
  marginRate: 0.35,
  perOrderMinor: 250,
  perOrderLineMinor: 15,
  perDeliveryMinor: 400,
  perComplaintMinor: 3000,
};

describe("feature columns", () => {
  let summary: FeatureSummary;

  beforeAll(() => {
    const { records } = ingestTransactions(onlineRetailRows(), {
      ...ONLINE_RETAIL_INGEST,
      maxIssues: Infinity,
    });
    const extra: Transaction[] = [
      // A customer whose rows mix currencies, one with only a return, and one with costs on some lines.
      { customerId: "X1", date: "2011-06-01", amountMinor: 1000, currency: "GBP", kind: "sale" },
      { customerId: "X1", date: "2011-06-02", amountMinor: 2000, currency: "EUR", kind: "sale" },
      { customerId: "X2", date: "2011-06-01", amountMinor: -500, currency: "GBP", kind: "return" },
      {
        customerId: "X3",
        date: "2011-06-01",
        amountMinor: 3000,
        currency: "GBP",
        kind: "sale",
        costMinor: 1000,
      },
      { customerId: "X3", date: "2011-07-01", amountMinor: 1000, currency: "GBP", kind: "sale" },
    ];
    summary = summarize(
      {
        transactions: [...records, ...extra],
        interactions: [{ customerId: "X3", date: "2011-08-01", kind: "complaint" }],
        invoices: [
          {
            customerId: "X3",
            id: "I1",
            issueDate: "2011-07-01",
            dueDate: "2011-07-31",
            amountMinor: 4000,
            currency: "GBP",
          },
        ],
        customers: [
          { id: "X4", name: "X4", createdDate: "2011-01-01", creditLimitMinor: 10000, currency: "GBP" },
        ],
      },
      { asOf: "2011-12-09", calibrationEnd: "2011-09-30" },
    );
  });

  it("reads each customer through a row view exactly as featureAt makes it", () => {
    const { columns } = summary;
    for (let i = 0; i < columns.ids.length; i++) {
      const view = featureRow(columns, i);
      const object = featureAt(columns, i);
      const read = Object.fromEntries(
        Object.keys(object).map((field) => [field, view[field as keyof CustomerFeatures]]),
      );
      expect(read).toEqual(object);
    }
  });

  it("holds what the objects hold, NaN where a field is undefined", () => {
    const { columns, features } = summary;
    expect(columns.ids).toHaveLength(features.length);
    expect(toFeatureColumns(features)).toEqual(columns);
    for (let i = 0; i < features.length; i++) expect(featureAt(columns, i)).toEqual(features[i]);
    const x4 = columns.ids.indexOf("X4");
    expect([
      columns.creditLimitMinor[x4],
      columns.daysSinceLastPurchase[x4],
      columns.firstPurchaseDate[x4],
    ]).toEqual([10000, Number.NaN, undefined]);
  });

  it("round-trips objects made by hand", () => {
    const features = summary.features.filter((f) => f.id.startsWith("X"));
    expect(features.map((f) => f.id)).toEqual(["X1", "X2", "X3", "X4"]);
    const columns = toFeatureColumns(features);
    expect(features.map((_, i) => featureAt(columns, i))).toEqual(features);
  });

  it("is not enumerable: spreading or serialising a summary gives what it gave before", () => {
    expect(Object.keys(summary)).not.toContain("columns");
    expect(Object.keys(summary)).toContain("features");
    expect(JSON.parse(JSON.stringify(summary)).columns).toBeUndefined();
  });

  it("gives rfm and profitTable the results they give from the objects", () => {
    const { columns, features } = summary;
    expect(rfm(columns)).toEqual(rfm(features));
    expect(rfm(columns, { method: "ntile" })).toEqual(rfm(features, { method: "ntile" }));
    expect(rfm(columns).excluded).toEqual({ withoutPurchase: 2, mixedCurrencies: 1 });
    const sameCurrency = features.filter((f: CustomerFeatures) => !f.mixedCurrencies);
    expect(profitTable(toFeatureColumns(sameCurrency), MODEL)).toEqual(profitTable(sameCurrency, MODEL));
    expect(profitTable(columns, MODEL)).toEqual(profitTable(features, MODEL));
  });
});

describe("feature columns of plain lines", () => {
  // No calibration split, costs, products, categories, interactions, invoices or customer records: the holdout,
  // margin, breadth, interaction, receivable and credit columns hold one value, and are made when first read.
  const plain = (customerId: string, date: string, amountMinor: number): Transaction => ({
    customerId,
    date,
    amountMinor,
    currency: "EUR",
    kind: "sale",
  });
  const summarize3 = () =>
    summarize(
      {
        transactions: [
          plain("B", "2024-03-01", 700),
          plain("A", "2024-01-10", 1000),
          plain("A", "2024-02-10", 3000),
        ],
      },
      { asOf: "2024-06-30" },
    );

  it("holds what the objects hold", () => {
    const { columns, features } = summarize3();
    expect(toFeatureColumns(features)).toEqual(columns);
    expect(columns.frequencyHoldout).toEqual([Number.NaN, Number.NaN]);
    expect(columns.grossMarginMinor).toEqual([Number.NaN, Number.NaN]);
    expect(columns.distinctProducts).toEqual([0, 0]);
    expect(columns.distinctCategories).toEqual([0, 0]);
    expect(columns.interactions).toEqual([undefined, undefined]);
    expect(columns.creditUtilisation).toEqual([Number.NaN, Number.NaN]);
  });

  it("are columns like the others: the same array at every read, writable, listed in order", () => {
    const { columns } = summarize3();
    const margins = columns.grossMarginMinor;
    expect(columns.grossMarginMinor).toBe(margins);
    margins[0] = 5;
    expect(columns.grossMarginMinor[0]).toBe(5);
    expect(columns.receivables).toHaveLength(2);
    expect(0 in columns.receivables).toBe(true);
    expect(Object.keys(columns)).toEqual(Object.keys(toFeatureColumns([])));
  });

  it("can be read from frozen columns", () => {
    const { columns } = summarize3();
    Object.freeze(columns);
    expect(columns.distinctProducts).toEqual([0, 0]);
    expect(columns.receivables).toEqual([undefined, undefined]);
  });
});
