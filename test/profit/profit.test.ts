import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  type CostModel,
  type CustomerFeatures,
  type CustomerPnl,
  costModelSchema,
  customerProfit,
  type Interaction,
  type Invoice,
  KeyAccountError,
  multiplyExact,
  type ProfitInput,
  parseCostModel,
  profitInputFromFeatures,
  profitInputs,
  profitTable,
  type Transaction,
} from "../../src/index.js";
import { profitRow } from "../../src/profit/ProfitRow.js";

const t = (date: string, amountMinor: number, extra: Partial<Transaction> = {}): Transaction => ({
  customerId: "C1",
  date,
  amountMinor,
  currency: "EUR",
  kind: "sale",
  ...extra,
});
const TRANSACTIONS: Transaction[] = [
  t("2024-03-01", 10000, { orderId: "O1", discountMinor: 1000, costMinor: 6000 }),
  t("2024-03-01", 5000, { orderId: "O1" }),
  t("2024-03-10", 20000, { orderId: "O2", costMinor: 12000 }),
  t("2024-03-12", -5000, { kind: "return", costMinor: -3000 }),
  t("2024-04-05", 99999, { orderId: "O3" }), // after the period
  t("2024-02-28", 77777, { orderId: "O0" }), // before it
];
const i = (kind: Interaction["kind"], date: string): Interaction => ({ customerId: "C1", kind, date });
const INTERACTIONS = [
  i("visit", "2024-03-02"),
  i("call", "2024-03-05"),
  i("call", "2024-03-06"),
  i("complaint", "2024-03-07"),
  i("email", "2024-03-08"),
  i("visit", "2024-04-02"),
];
const INVOICES: Invoice[] = [
  {
    id: "INV1",
    customerId: "C1",
    issueDate: "2024-03-01",
    dueDate: "2024-03-11",
    amountMinor: 15000,
    currency: "EUR",
    payments: [
      { date: "2024-04-10", amountMinor: 5000 },
      { date: "2024-03-21", amountMinor: 10000 },
    ],
  },
  {
    id: "INV2",
    customerId: "C1",
    issueDate: "2024-03-20",
    dueDate: "2024-03-31",
    amountMinor: 9000,
    currency: "EUR",
  },
];
const RECORDS = {
  transactions: TRANSACTIONS,
  interactions: INTERACTIONS,
  invoices: INVOICES,
  tiers: new Map([["C1", "A"]]),
};
const MARCH = { from: "2024-03-01", to: "2024-03-31" };
const MODEL: CostModel = {
  currency: "EUR",
  marginRate: 0.3,
  perOrderMinor: 500,
  perOrderLineMinor: 100,
  perDeliveryMinor: 700,
  perVisitMinor: 8000,
  perCallMinor: 1000,
  perComplaintMinor: 2500,
  financing: { rate: 0.0005, per: "day" },
  tierCostsMinor: { A: 20000 },
};

describe("profitInputs", () => {
  it("gathers the period's facts from the records", () => {
    const inputs = profitInputs(RECORDS, MARCH);
    // INV1: 15000 late 03-12 … 03-21 (10 days, the payment day counts) + 5000 late 03-22 … 03-31 (10 days);
    // INV2 is due on the last day: not late.
    expect(inputs).toEqual([
      {
        id: "C1",
        tier: "A",
        salesMinor: 35000,
        discountsMinor: 1000,
        returnsMinor: 5000,
        costOfGoodsMinor: 15000,
        uncostedRevenueMinor: 5000,
        orders: 2,
        orderLines: 3,
        deliveries: 2,
        visits: 1,
        calls: 2,
        complaints: 1,
        overdueAmountDays: 150000 + 50000,
      },
    ]);
  });

  it("rejects a bad period", () => {
    expect(() => profitInputs({ transactions: [] }, { from: "2024-04-01", to: "2024-03-01" })).toThrow(
      KeyAccountError,
    );
  });
});

describe("customerProfit", () => {
  const inputs = profitInputs(RECORDS, MARCH);

  it("computes the P&L line by line, exact to the cent", () => {
    const [pnl] = customerProfit(inputs, MODEL);
    // gross 35000 + 1000; net 36000 − 1000 − 5000 = 30000; estimated COGS 5000 × 0.7 = 3500 → 18500;
    // cost to serve 2×500 + 3×100 + 2×700 + 8000 + 2×1000 + 2500 + 200000 × 0.0005 + 20000 = 35300.
    expect(pnl).toEqual({
      id: "C1",
      tier: "A",
      grossSalesMinor: 36000,
      discountsMinor: 1000,
      returnsMinor: 5000,
      netRevenueMinor: 30000,
      costOfGoodsMinor: 18500,
      estimatedCostOfGoodsMinor: 3500,
      uncostedRevenueMinor: 0,
      grossMarginMinor: 11500,
      costToServe: {
        ordersMinor: 1000,
        orderLinesMinor: 300,
        deliveriesMinor: 1400,
        visitsMinor: 8000,
        callsMinor: 2000,
        complaintsMinor: 2500,
        financingMinor: 100,
        accountManagementMinor: 20000,
      },
      costToServeMinor: 35300,
      profitMinor: -23800,
      marginPercent: (-23800 / 30000) * 100,
    });
  });

  it("uses the financing rate's time unit and leaves uncosted lines visible without a margin rate", () => {
    const { marginRate: _, ...withoutRate } = MODEL;
    const [pnl] = customerProfit(inputs, { ...withoutRate, financing: { rate: 0.1, per: "year" } });
    // 200000 × 0.1 / 365.2425 = 54.76 → 55
    expect(pnl?.costToServe.financingMinor).toBe(55);
    expect(pnl?.uncostedRevenueMinor).toBe(5000);
    expect(pnl?.costOfGoodsMinor).toBe(15000);
  });

  it("rejects a bad cost model listing every problem", () => {
    try {
      parseCostModel({ currency: "usd", perCallMinor: -1, marginRate: 1.5, colour: "red" });
      expect.unreachable();
    } catch (error) {
      const issues = (error as KeyAccountError).issues;
      expect(issues.map((issue) => issue.path.join("."))).toEqual(
        expect.arrayContaining([
          "costModel.currency",
          "costModel.perCallMinor",
          "costModel.marginRate",
          "costModel.colour",
        ]),
      );
      expect(issues).toHaveLength(4);
    }
    expect(() => customerProfit([], JSON.parse('{"currency":"EUR","__proto__":{}}'))).toThrow(
      KeyAccountError,
    );
  });

  it("exports a JSON Schema for forms", () => {
    const schema = z.toJSONSchema(costModelSchema()) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.required).toEqual(["currency"]);
    expect(Object.keys(schema.properties)).toContain("financing");
  });
});

describe("profitTable", () => {
  it("reads features as profitInputFromFeatures does, and gives customerProfit's numbers as columns", () => {
    const features = [
      {
        id: "A",
        grossSalesMinor: 12000,
        returnsMinor: 2000,
        revenueMinor: 10000,
        grossMarginMinor: 4000,
        grossMarginRate: 0.4,
        linesWithoutCost: 0,
        orderCount: 3,
        transactionCount: 4,
        purchasePeriods: 2,
      },
      {
        id: "B",
        grossSalesMinor: 9999,
        returnsMinor: 0,
        revenueMinor: 9999,
        linesWithoutCost: 5,
        orderCount: 1,
        transactionCount: 5,
        purchasePeriods: 1,
        interactions: { complaintCount: 2 },
      },
    ] as unknown as CustomerFeatures[];
    const fromFeatures = profitTable(features, MODEL);
    const inputs = features.map(profitInputFromFeatures);
    expect(fromFeatures).toEqual(profitTable(inputs, MODEL));
    const rows = customerProfit(inputs, MODEL);
    expect(Array.from(fromFeatures.profitMinor)).toEqual(rows.map((row) => row.profitMinor));
    // B: 9999 uncosted × 0.7 = 6999.3 → 6999; margin 3000; 500 + 5 × 100 + 700 + 2 × 2500 = 6700 → −3700.
    expect(rows[1]).toMatchObject({
      estimatedCostOfGoodsMinor: 6999,
      grossMarginMinor: 3000,
      profitMinor: -3700,
    });
    expect(
      Number.isNaN(profitTable([{ ...(inputs[0] as ProfitInput), salesMinor: 0 }], MODEL).marginPercent[0]),
    ).toBe(true);
  });

  it("reads each customer through a row view as customerProfit makes it, tier and no margin included", () => {
    const inputs = [
      ...profitInputs(RECORDS, MARCH),
      { ...(profitInputs(RECORDS, MARCH)[0] as ProfitInput), id: "Z", tier: "key", salesMinor: 0 },
    ];
    const table = profitTable(inputs, { ...MODEL, tierCostsMinor: { key: 1000 } });
    customerProfit(inputs, { ...MODEL, tierCostsMinor: { key: 1000 } }).forEach((pnl, i) => {
      const view = profitRow(table, i);
      const read = Object.fromEntries(
        Object.keys(pnl).map((field) => [field, view[field as keyof CustomerPnl]]),
      );
      expect(read).toEqual(pnl);
    });
    expect(profitRow(table, inputs.length - 1)).toMatchObject({ tier: "key", marginPercent: undefined });
  });
});

describe("multiplyExact", () => {
  it("rounds half to even on numbers and on BigInt", () => {
    const half = { numerator: 1n, denominator: 2n };
    expect([5, 15, -5, -7, 1].map((x) => multiplyExact(x, half))).toEqual([2, 8, -2, -4, 0]);
    // 9e15 × 3 / 7 = 3857142857142857.14… (beyond 2^53 on the way)
    expect(multiplyExact(9e15, { numerator: 3n, denominator: 7n })).toBe(3857142857142857);
  });
});
