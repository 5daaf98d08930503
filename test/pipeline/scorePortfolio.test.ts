// scorePortfolio end to end: the published BG/NBD calibration fit of CDNOW through the pipeline's model check, a
// hand-built portfolio whose tiers, P&L, alerts, tasks and reasons are computed by hand, the stages' own results
// agreeing with the pipeline's per-account entries, and the streaming form giving the same result in any order.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignTiers,
  type Customer,
  createPortfolioAccumulator,
  evaluateSignals,
  type Invoice,
  KeyAccountError,
  LazyList,
  type PortfolioPolicy,
  type PortfolioRecords,
  parsePortfolioPolicy,
  scorePortfolio,
  summarize,
  type Transaction,
} from "../../src/index.js";
import { cdnowTransactions } from "../cdnow.js";

const sale = (
  customerId: string,
  date: string,
  amountMinor: number,
  extra: Partial<Transaction> = {},
): Transaction => ({
  customerId,
  date,
  amountMinor,
  currency: "USD",
  kind: "sale",
  ...extra,
});

const overdueInvoice = (customerId: string, id: string, dueDate: string, amountMinor: number): Invoice => ({
  id,
  customerId,
  issueDate: "2026-01-01",
  dueDate,
  amountMinor,
  currency: "USD",
});

// Three customers: C1 buys most, C2 a little, C3 least and owes an invoice 100 days past due on 2026-11-30.
const customers: Customer[] = [
  { id: "C1", name: "Acme", owner: "Li" },
  { id: "C2", name: "Beta" },
  { id: "C3", name: "Gamma" },
];
const records: PortfolioRecords = {
  customers,
  transactions: [
    sale("C1", "2026-02-01", 600_000, { costMinor: 400_000 }),
    sale("C1", "2026-06-01", 300_000, { costMinor: 200_000 }),
    sale("C2", "2026-03-15", 80_000),
    sale("C3", "2026-04-20", 20_000),
  ],
  invoices: [overdueInvoice("C3", "INV-3", "2026-08-22", 20_000)],
};

const policy: PortfolioPolicy = {
  version: 1,
  name: "hand-built",
  currency: "USD",
  clv: false,
  tiers: "abc",
  signals: ["credit"],
};

describe("scorePortfolio on a hand-built portfolio", () => {
  const result = scorePortfolio(records, policy, { asOf: "2026-11-30" });

  it("tiers the accounts by their ABC class of revenue, with the reason", () => {
    // Revenue 900,000 / 80,000 / 20,000 of 1,000,000: C1 alone reaches 80% (A), C2 brings it to 98% (B), C3 C.
    expect(result.accounts.map((account) => [account.id, account.tier])).toEqual([
      ["C1", "A"],
      ["C2", "B"],
      ["C3", "C"],
    ]);
    expect(result.byTier.map((row) => [row.tier, row.accounts, row.revenueMinor])).toEqual([
      ["A", 1, 900_000],
      ["B", 1, 80_000],
      ["C", 1, 20_000],
    ]);
    expect(result.accounts[1]?.reasonText).toBe(
      "Class B on revenue (the accounts ranked above hold 90 % of it): Class B.",
    );
  });

  it("carries each account's P&L: recorded costs, no cost to serve without a cost model", () => {
    const [c1, c2] = result.accounts;
    expect([c1?.revenueMinor, c1?.grossMarginMinor, c1?.profitMinor, c1?.costToServeMinor]).toEqual([
      900_000, 300_000, 300_000, 0,
    ]);
    expect(c2?.grossMarginMinor).toBe(80_000);
    expect(result.totals).toEqual({
      accounts: 3,
      revenueMinor: 1_000_000,
      grossMarginMinor: 400_000,
      profitMinor: 400_000,
      clvMinor: 0,
    });
    expect(c1?.name).toBe("Acme");
    expect(c1?.owner).toBe("Li");
  });

  it("raises the credit alert of the invoice 100 days past due, on that account only", () => {
    const critical = result.signals.alerts.filter((alert) => alert.severity === "critical");
    expect(critical.map((alert) => [alert.customerId, alert.rule])).toEqual([
      ["C3", "credit.overdue-90-plus"],
    ]);
    expect(result.accounts[2]?.alerts.map((alert) => alert.rule)).toContain("credit.overdue-90-plus");
    expect(result.accounts[0]?.alerts).toEqual([]);
    expect(result.accounts[2]?.grades.credit?.label).toBeDefined();
    // Each account's counts are those of its own alerts, by severity.
    for (const account of result.accounts) {
      const of = (severity: string) => account.alerts.filter((alert) => alert.severity === severity).length;
      expect(account.alertCounts).toEqual({
        critical: of("critical"),
        warning: of("warning"),
        info: of("info"),
      });
    }
    expect(result.accounts[2]?.alertCounts.critical).toBe(1);
    expect(result.account(2).alerts).toEqual(result.accounts[2]?.alerts);
  });

  it("has no CLV when the policy turns it off, and says nothing about it", () => {
    expect(result.clv).toMatchObject({ fitted: false, issues: [] });
    expect(result.accounts.every((account) => account.clvMinor === undefined)).toBe(true);
  });

  it("agrees with the stages run on their own", () => {
    const direct = assignTiers(result.scorecard, { asOf: "2026-11-30" });
    expect(result.accounts.map((account) => account.tier)).toEqual(
      direct.accounts.map((account) => account.tier),
    );
    const summary = summarize(
      { transactions: records.transactions ?? [], invoices: records.invoices, customers: records.customers },
      { asOf: "2026-11-30", timeUnit: "week", currency: "USD" },
    );
    expect(result.features.features).toEqual(summary.features);
    const signals = evaluateSignals(
      summary.features.map((features, i) => ({
        id: features.id,
        features,
        customer: customers[i],
        invoices: records.invoices?.filter((invoice) => invoice.customerId === features.id),
        tier: result.accounts[i]?.tier,
        segment: result.accounts[i]?.rfm?.segment,
        activity: { recentOrders: 0, previousOrders: 0, recentCategories: 0, previousCategories: 0 },
      })),
      { version: 1, include: ["credit"] },
      { asOf: "2026-11-30" },
    );
    expect(result.signals.alerts.map((alert) => alert.key)).toEqual(signals.alerts.map((alert) => alert.key));
  });

  it("speaks Chinese when asked", () => {
    const zh = scorePortfolio(records, policy, { asOf: "2026-11-30", locale: "zh-CN" });
    expect(zh.locale).toBe("zh-CN");
    const c3 = zh.accounts[2];
    expect(c3?.alerts.find((alert) => alert.severity === "critical")?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("follows the previous run: the migration matrix and which accounts changed", () => {
    const again = scorePortfolio(records, policy, {
      asOf: "2026-11-30",
      previous: [
        { id: "C1", tier: "A", periodsBelow: 0 },
        { id: "C2", tier: "A", periodsBelow: 0 },
      ],
    });
    expect(again.accounts.map((account) => [account.id, account.previousTier, account.changed])).toEqual([
      ["C1", "A", false],
      ["C2", "A", true],
      ["C3", undefined, false],
    ]);
    expect(again.migration?.counts).toMatchObject({ unchanged: 1, down: 1, new: 1 });
    expect(result.migration).toBeUndefined();
  });

  it("times its stages only with a clock", () => {
    let tick = 0;
    const timed = scorePortfolio(records, policy, { asOf: "2026-11-30", now: () => (tick += 10) });
    expect(Object.keys(timed.timings)).toEqual([
      "transactions",
      "features",
      "rfm",
      "clv",
      "profit",
      "tiers",
      "signals",
      "results",
    ]);
    expect(Object.values(timed.timings).every((ms) => ms === 10)).toBe(true);
    expect(result.timings).toEqual({});
  });
});

describe("scorePortfolio's CLV stage", () => {
  it("reproduces the published BG/NBD fit of CDNOW's calibration period in its model check", () => {
    // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426 on weeks 1–39 (to 1997-09-30);
    // the holdout is the 273 days to 1998-06-30.
    const result = scorePortfolio(
      { transactions: cdnowTransactions() },
      {
        version: 1,
        name: "CDNOW",
        tiers: "abc",
        signals: [],
        clv: { model: "bgnbd", holdoutDays: 273 },
      },
      { asOf: "1998-06-30" },
    );
    const check = result.clv.check;
    expect(check?.calibrationEnd).toBe("1997-09-30");
    expect(check?.params.r).toBeCloseTo(0.243, 3);
    expect(check?.params.alpha).toBeCloseTo(4.414, 2);
    expect(check?.params.a).toBeCloseTo(0.793, 2);
    expect(check?.params.b).toBeCloseTo(2.426, 2);
    const holdout = summarize(
      { transactions: cdnowTransactions() },
      { asOf: "1998-06-30", calibrationEnd: "1997-09-30", timeUnit: "week" },
    );
    expect(check?.totalActual).toBe(
      holdout.features.reduce((sum, features) => sum + (features.frequencyHoldout ?? 0), 0),
    );
    expect(result.clv.fitted).toBe(true);
    expect(result.clv.spend?.q).toBeGreaterThan(1);
    const withClv = result.accounts.filter((account) => account.clvMinor !== undefined);
    expect(withClv).toHaveLength(2357);
    expect(withClv.every((account) => account.clvMinor !== undefined && account.clvMinor > 0)).toBe(true);
    expect(result.totals.clvMinor).toBeCloseTo(
      withClv.reduce((sum, account) => sum + (account.clvMinor ?? 0), 0),
      3,
    );
  });

  it("does not fit with fewer repeat buyers than the policy asks for, and says why", () => {
    const result = scorePortfolio(
      records,
      { ...policy, clv: { minRepeatBuyers: 2 } },
      { asOf: "2026-11-30" },
    );
    expect(result.clv.fitted).toBe(false);
    expect(result.clv.repeatBuyers).toBe(1);
    expect(result.clv.issues.map((issue) => [issue.code, issue.params])).toEqual([
      ["model.too-few-repeat-buyers", { repeatBuyers: 1, required: 2, model: "bgnbd" }],
    ]);
    expect(result.issues.map((issue) => issue.code)).toContain("model.too-few-repeat-buyers");
  });

  it("uses given models instead of fitting", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const result = scorePortfolio(
      records,
      { ...policy, clv: { minRepeatBuyers: 1000 } },
      { asOf: "2026-11-30", models: { purchase: { model: "bgnbd", params } } },
    );
    expect(result.clv.fitted).toBe(true);
    expect(result.clv.purchase?.params).toEqual(params);
    expect(result.accounts.every((account) => account.pAlive !== undefined && account.pAlive > 0)).toBe(true);
  });
});

describe("parsePortfolioPolicy", () => {
  const problems = (input: unknown): string[] => {
    try {
      parsePortfolioPolicy(input);
    } catch (error) {
      if (error instanceof KeyAccountError) return error.issues.map((issue) => issue.path.join("."));
      throw error;
    }
    return [];
  };

  it("accepts presets, pack lists and the defaults", () => {
    expect(parsePortfolioPolicy(policy)).toEqual(policy);
  });

  it("reports the parts' problems under their own keys, all at once", () => {
    expect(
      problems({
        version: 1,
        name: "bad",
        tiers: {
          version: 1,
          name: "t",
          dimensions: [],
          tiers: [{ name: "A" }],
          assignment: { method: "rules" },
        },
        signals: { version: 1, rules: [{ id: "x" }] },
        costModel: { currency: "usd" },
      }).every((path) => /^policy\.(tiers|signals|costModel)\./.test(path)),
    ).toBe(true);
    expect(problems({ version: 1, name: "bad", tiers: "abc", costModel: { currency: "usd" } })).toEqual([
      "policy.costModel.currency",
    ]);
  });

  it("rejects unknown keys, __proto__ included, unknown presets and packs", () => {
    expect(problems(JSON.parse('{"version":1,"name":"p","tiers":"abc","__proto__":{"x":1}}'))).toEqual([
      "policy.__proto__",
    ]);
    expect(problems({ version: 1, name: "p", tiers: "abcd" })).toEqual(["policy.tiers"]);
    expect(problems({ version: 1, name: "p", tiers: "abc", signals: ["churn", "weather"] })).toEqual([
      "policy.signals",
    ]);
  });

  it("refuses a cost model in another currency than the portfolio", () => {
    expect(problems({ ...policy, costModel: { currency: "EUR" } })).toEqual(["policy.costModel.currency"]);
  });
});

describe("createPortfolioAccumulator", () => {
  it("gives scorePortfolio's result whatever the order the transactions stream in", () => {
    const expected = JSON.stringify(scorePortfolio(records, policy, { asOf: "2026-11-30" }).accounts);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(records.transactions as Transaction[], { minLength: 4, maxLength: 4 }),
        (order) => {
          const run = createPortfolioAccumulator(policy, { asOf: "2026-11-30" });
          for (const transaction of order) run.addTransaction(transaction);
          expect(JSON.stringify(run.result(records).accounts)).toBe(expected);
        },
      ),
    );
  });

  it("reads the pool states and ratings from Maps as from objects, and account(i) as accounts[i]", () => {
    const ratedPolicy: PortfolioPolicy = {
      ...policy,
      signals: ["follow-up"],
      tiers: {
        version: 1,
        name: "rated",
        ratings: [{ name: "fit", min: 1, max: 5 }],
        dimensions: [
          {
            name: "fit",
            weight: 1,
            metrics: [{ metric: "rating.fit", weight: 1, normalise: { method: "minMax", min: 1, max: 5 } }],
          },
        ],
        tiers: [{ name: "key" }, { name: "other" }],
        assignment: { method: "thresholds", thresholds: [{ tier: "key", minScore: 50 }] },
      },
    };
    const pool = { C2: { claimedDate: "2026-01-05" }, C3: { locked: true } };
    const ratings = { C1: { fit: 5 }, C2: { fit: 2 } };
    const asObjects = scorePortfolio({ ...records, pool, ratings }, ratedPolicy, { asOf: "2026-11-30" });
    const asMaps = scorePortfolio(
      { ...records, pool: new Map(Object.entries(pool)), ratings: new Map(Object.entries(ratings)) },
      ratedPolicy,
      { asOf: "2026-11-30" },
    );
    expect(asMaps.accounts).toEqual(asObjects.accounts);
    // Fit 5 scores 100, fit 2 scores 25; C3 has no rating: the neutral 50, which reaches key.
    expect(asObjects.accounts.map((account) => account.tier)).toEqual(["key", "other", "key"]);
    const one = scorePortfolio({ ...records, pool, ratings }, ratedPolicy, { asOf: "2026-11-30" });
    expect([2, 0, 1].map((i) => one.account(i))).toEqual([2, 0, 1].map((i) => asObjects.accounts[i]));
  });

  it("lists the tasks made when read, the same as the tasks", () => {
    // Created two months before asOf and never followed up: each account is overdue by the default cadence.
    const created = {
      ...records,
      customers: customers.map((customer) => ({ ...customer, createdDate: "2026-10-01" })),
    };
    const followed = scorePortfolio(created, { ...policy, signals: ["follow-up"] }, { asOf: "2026-11-30" });
    expect(followed.taskList.length).toBe(3);
    expect(followed.tasks.map((task) => [task.kind, task.customerId])).toEqual([
      ["follow-up", "C1"],
      ["follow-up", "C2"],
      ["follow-up", "C3"],
    ]);
    expect([...followed.taskList]).toEqual(followed.tasks);
    expect(Object.keys(followed)).not.toContain("taskList");
  });

  it("reads customer records from a list that makes them when read, in any order, as from an array", () => {
    const created = customers.map((customer) => ({ ...customer, createdDate: "2026-10-01" }));
    const texts = [...created].reverse().map((customer) => JSON.stringify(customer));
    const made = new LazyList(texts.length, (k) => JSON.parse(texts[k] as string) as Customer);
    const options = { asOf: "2026-11-30" };
    const followUp: PortfolioPolicy = { ...policy, signals: ["follow-up"] };
    const fromArray = scorePortfolio({ ...records, customers: created }, followUp, options);
    const fromList = scorePortfolio({ ...records, customers: made }, followUp, options);
    expect(fromList.accounts).toEqual(fromArray.accounts);
    expect(fromList.tasks).toEqual(fromArray.tasks);
    expect(fromList.tasks.map((task) => task.customerId)).toEqual(["C1", "C2", "C3"]);
    // Without C2's record, C2 is an account of unknown customer, and its name is its id.
    const withoutC2 = new LazyList(2, (k) => JSON.parse(texts[k === 0 ? 0 : 2] as string) as Customer);
    const partial = scorePortfolio({ ...records, customers: withoutC2 }, followUp, options);
    expect(partial.issues.filter((issue) => issue.code === "reference.unknown-customer")).toMatchObject([
      { params: { value: "C2" } },
    ]);
    expect(partial.accounts.map((account) => account.name)).toEqual([
      fromArray.accounts[0]?.name,
      undefined,
      fromArray.accounts[2]?.name,
    ]);
  });

  it("gives one result per run, and says so when asked again or given more", () => {
    const run = createPortfolioAccumulator(policy, { asOf: "2026-11-30" });
    for (const transaction of records.transactions ?? []) run.addTransaction(transaction);
    expect(run.result(records).accounts.map((account) => account.id)).toEqual(["C1", "C2", "C3"]);
    expect(() => run.result(records)).toThrow(/given its result/);
    expect(() => run.addTransaction(sale("C1", "2026-11-01", 100))).toThrow(/given its result/);
  });

  it("refuses a day that is not YYYY-MM-DD", () => {
    expect(() => createPortfolioAccumulator(policy, { asOf: "30/11/2026" })).toThrow(/asOf/);
  });
});
