import { describe, expect, it } from "vitest";
import {
  type CustomerFeatures,
  evaluateSignals,
  KeyAccountError,
  type PointsScore,
  type SignalAccount,
  type SignalCondition,
  type SignalGrade,
  type SignalPolicy,
  type SignalRule,
  type SignalSeverity,
} from "../../src/index.js";

const asOf = "2024-06-30";

// Features with every required field zero; the tests set the fields their metrics read.
const features = (extra: Partial<CustomerFeatures> = {}): CustomerFeatures => ({
  id: "C",
  mixedCurrencies: false,
  revenueMinor: 0,
  grossSalesMinor: 0,
  returnsMinor: 0,
  linesWithoutCost: 0,
  transactionCount: 0,
  orderCount: 0,
  purchasePeriods: 0,
  recentRevenueMinor: 0,
  previousRevenueMinor: 0,
  revenueTrendMinor: 0,
  distinctProducts: 0,
  distinctCategories: 0,
  ...extra,
});

const rule = (id: string, when: SignalCondition, extra: Partial<SignalRule> = {}): SignalRule => ({
  id,
  category: "test",
  severity: "warning",
  when,
  message: { en: id },
  ...extra,
});

const policyOf = (rules: SignalRule[], extra: Partial<SignalPolicy> = {}): SignalPolicy => ({
  version: 1,
  rules,
  ...extra,
});

// Whether a one-rule policy fires for the account.
const fires = (when: SignalCondition, account: Omit<SignalAccount, "id">): boolean =>
  evaluateSignals([{ id: "C", ...account }], policyOf([rule("r", when)]), { asOf }).alerts.length === 1;

const evidenceOf = (when: SignalCondition, account: Omit<SignalAccount, "id">) =>
  evaluateSignals([{ id: "C", ...account }], policyOf([rule("r", when)]), { asOf }).alerts[0]?.evidence;

describe("evaluateSignals: comparisons with a value", () => {
  const orders = (orderCount: number) => ({ features: features({ orderCount }) });

  it("applies each operator", () => {
    const cases: [SignalCondition, number, boolean][] = [
      [{ metric: "orders", op: ">", value: 3 }, 4, true],
      [{ metric: "orders", op: ">", value: 3 }, 3, false],
      [{ metric: "orders", op: ">=", value: 3 }, 3, true],
      [{ metric: "orders", op: ">=", value: 3 }, 2, false],
      [{ metric: "orders", op: "<", value: 3 }, 2, true],
      [{ metric: "orders", op: "<", value: 3 }, 3, false],
      [{ metric: "orders", op: "<=", value: 3 }, 3, true],
      [{ metric: "orders", op: "<=", value: 3 }, 4, false],
      [{ metric: "orders", op: "==", value: 3 }, 3, true],
      [{ metric: "orders", op: "==", value: 3 }, 4, false],
      [{ metric: "orders", op: "!=", value: 3 }, 4, true],
      [{ metric: "orders", op: "!=", value: 3 }, 3, false],
    ];
    for (const [when, count, expected] of cases)
      expect(fires(when, orders(count)), JSON.stringify(when)).toBe(expected);
  });

  it("does not hold on a missing value, whatever the operator (so its not holds)", () => {
    for (const op of ["<", "<=", ">", ">=", "==", "!="] as const) {
      expect(fires({ metric: "orders", op, value: 0 }, {})).toBe(false);
      expect(fires({ not: { metric: "orders", op, value: 0 } }, {})).toBe(true);
    }
  });

  it("explains with the value and the threshold", () => {
    expect(evidenceOf({ metric: "orders", op: ">", value: 3 }, orders(5))).toEqual([
      { metric: "orders", value: 5, test: ">", threshold: 3 },
    ]);
  });
});

describe("evaluateSignals: comparisons with another metric", () => {
  const when: SignalCondition = {
    metric: "daysSinceLastPurchase",
    op: ">",
    ref: "purchaseInterval",
    times: 2,
    plus: 5,
  };
  const account = (daysSinceLastPurchase: number, interPurchaseMedianDays?: number) => ({
    features: features({
      daysSinceLastPurchase,
      ...(interPurchaseMedianDays === undefined ? {} : { interPurchaseMedianDays }),
    }),
  });

  it("compares with ref × times + plus", () => {
    expect(fires(when, account(46, 20))).toBe(true); // 46 > 20 × 2 + 5 = 45
    expect(fires(when, account(45, 20))).toBe(false);
    expect(evidenceOf(when, account(46, 20))).toEqual([
      {
        metric: "daysSinceLastPurchase",
        value: 46,
        test: ">",
        threshold: 45,
        ref: { metric: "purchaseInterval", value: 20, times: 2, plus: 5 },
      },
    ]);
  });

  it("defaults times to 1 and plus to 0", () => {
    const plain: SignalCondition = { metric: "daysSinceLastPurchase", op: ">=", ref: "purchaseInterval" };
    expect(fires(plain, account(20, 20))).toBe(true);
    expect(fires(plain, account(19, 20))).toBe(false);
    expect(evidenceOf(plain, account(20, 20))).toEqual([
      {
        metric: "daysSinceLastPurchase",
        value: 20,
        test: ">=",
        threshold: 20,
        ref: { metric: "purchaseInterval", value: 20, times: 1, plus: 0 },
      },
    ]);
  });

  it("does not hold when the ref or the value is missing", () => {
    expect(fires(when, account(400))).toBe(false);
    expect(fires({ metric: "orders", op: "<", ref: "purchaseInterval" }, {})).toBe(false);
    // Its negation holds, with the evidence saying the threshold could not be computed.
    expect(evidenceOf({ not: when }, account(400))).toEqual([
      { metric: "daysSinceLastPurchase", value: 400, test: ">", threshold: undefined, negated: true },
    ]);
  });
});

describe("evaluateSignals: between, in and missing", () => {
  it("between includes both ends and does not hold on a missing value", () => {
    const when: SignalCondition = { metric: "orders", between: [2, 4] };
    expect([1, 2, 3, 4, 5].map((orderCount) => fires(when, { features: features({ orderCount }) }))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(fires(when, {})).toBe(false);
    expect(evidenceOf(when, { features: features({ orderCount: 2 }) })).toEqual([
      { metric: "orders", value: 2, test: "between", threshold: [2, 4] },
    ]);
  });

  it("in matches texts and numbers, not a missing value", () => {
    const tiers: SignalCondition = { metric: "tier", in: ["key", "strategic"] };
    expect(fires(tiers, { tier: "key" })).toBe(true);
    expect(fires(tiers, { tier: "ordinary" })).toBe(false);
    expect(fires(tiers, {})).toBe(false);
    expect(fires({ not: tiers }, {})).toBe(true);
    const counts: SignalCondition = { metric: "orders", in: [1, 3] };
    expect(fires(counts, { features: features({ orderCount: 3 }) })).toBe(true);
    expect(fires(counts, { features: features({ orderCount: 2 }) })).toBe(false);
    expect(evidenceOf(tiers, { tier: "key" })).toEqual([
      { metric: "tier", value: "key", test: "in", threshold: ["key", "strategic"] },
    ]);
  });

  it("missing: true holds on a missing value, missing: false on a present one", () => {
    expect(fires({ metric: "segment", missing: true }, {})).toBe(true);
    expect(fires({ metric: "segment", missing: true }, { segment: "champions" })).toBe(false);
    expect(fires({ metric: "segment", missing: false }, {})).toBe(false);
    expect(fires({ metric: "segment", missing: false }, { segment: "champions" })).toBe(true);
    expect(fires({ metric: "pAlive", missing: false }, { pAlive: 0 })).toBe(true);
    expect(evidenceOf({ metric: "segment", missing: true }, {})).toEqual([
      { metric: "segment", value: undefined, test: "missing", threshold: true },
    ]);
  });
});

describe("evaluateSignals: all, any and not", () => {
  const account = { tier: "key", pAlive: 0.2, features: features({ orderCount: 5 }) };
  const low: SignalCondition = { metric: "pAlive", op: "<", value: 0.5 };
  const many: SignalCondition = { metric: "orders", op: ">=", value: 10 };
  const key: SignalCondition = { metric: "tier", in: ["key"] };

  it("combines conditions", () => {
    expect(fires({ all: [low, key] }, account)).toBe(true);
    expect(fires({ all: [low, many] }, account)).toBe(false);
    expect(fires({ any: [low, many] }, account)).toBe(true);
    expect(fires({ any: [many, { not: key }] }, account)).toBe(false);
    expect(fires({ not: many }, account)).toBe(true);
    expect(fires({ not: { not: many } }, account)).toBe(false);
    expect(fires({ all: [{ any: [many, low] }, { not: { all: [many, key] } }] }, account)).toBe(true);
  });

  it("explains every part of an all, the parts of an any that held, and marks the parts of a not", () => {
    expect(evidenceOf({ all: [low, key] }, account)).toEqual([
      { metric: "pAlive", value: 0.2, test: "<", threshold: 0.5 },
      { metric: "tier", value: "key", test: "in", threshold: ["key"] },
    ]);
    expect(evidenceOf({ any: [many, low] }, account)).toEqual([
      { metric: "pAlive", value: 0.2, test: "<", threshold: 0.5 },
    ]);
    expect(evidenceOf({ all: [key, { not: many }] }, account)).toEqual([
      { metric: "tier", value: "key", test: "in", threshold: ["key"] },
      { metric: "orders", value: 5, test: ">=", threshold: 10, negated: true },
    ]);
    // Under a not every part of an any is explained (none held).
    expect(evidenceOf({ not: { any: [many, { metric: "tier", in: ["strategic"] }] } }, account)).toEqual([
      { metric: "orders", value: 5, test: ">=", threshold: 10, negated: true },
      { metric: "tier", value: "key", test: "in", threshold: ["strategic"], negated: true },
    ]);
    // Under a not, an all is explained by the parts that did not hold only: those made it fail.
    expect(evidenceOf({ not: { all: [key, many] } }, account)).toEqual([
      { metric: "orders", value: 5, test: ">=", threshold: 10, negated: true },
    ]);
    expect(evidenceOf({ not: { all: [key, { not: low }] } }, account)).toEqual([
      { metric: "pAlive", value: 0.2, test: "<", threshold: 0.5 },
    ]);
    // A double negation is not negated.
    expect(evidenceOf({ not: { not: low } }, account)).toEqual([
      { metric: "pAlive", value: 0.2, test: "<", threshold: 0.5 },
    ]);
  });
});

describe("evaluateSignals: scope", () => {
  const always: SignalCondition = { metric: "segment", missing: false };
  const accounts: SignalAccount[] = [
    { id: "A", tier: "key", segment: "champions" },
    { id: "B", tier: "key", segment: "at-risk" },
    { id: "C", tier: "ordinary", segment: "champions" },
    { id: "D", segment: "champions" },
  ];
  const firedFor = (scope: SignalRule["scope"]): string[] =>
    evaluateSignals(accounts, policyOf([rule("r", always, { scope })]), { asOf }).alerts.map(
      (alert) => alert.customerId,
    );

  it("restricts by tiers, by segments, by both, and not with an empty scope", () => {
    expect(firedFor({ tiers: ["key"] })).toEqual(["A", "B"]);
    expect(firedFor({ segments: ["champions"] })).toEqual(["A", "C", "D"]);
    expect(firedFor({ tiers: ["key", "ordinary"], segments: ["champions"] })).toEqual(["A", "C"]);
    expect(firedFor({})).toEqual(["A", "B", "C", "D"]);
    expect(firedFor(undefined)).toEqual(["A", "B", "C", "D"]);
    expect(firedFor({ tiers: [] })).toEqual([]);
  });
});

describe("evaluateSignals: alerts, order, keys and counts", () => {
  const always: SignalCondition = { metric: "orders", op: ">=", value: 0 };
  const make = (id: string, severity: SignalSeverity, category: string): SignalRule =>
    rule(id, always, { severity, category, message: { en: `${id} for {customer}` } });
  const policy = policyOf([
    make("r.info", "info", "care"),
    make("r.critical", "critical", "credit"),
    make("r.warning", "warning", "constructor"),
    make("r.critical-2", "critical", "toString"),
  ]);
  const accounts: SignalAccount[] = [
    { id: "B", features: features(), customer: { id: "B", name: "Beta" } },
    { id: "A", features: features() },
  ];
  const result = evaluateSignals(accounts, policy, { asOf });

  it("sorts critical, warning, info; then by account in input order; then by rule order", () => {
    expect(result.alerts.map((alert) => alert.key)).toEqual([
      "r.critical|B",
      "r.critical-2|B",
      "r.critical|A",
      "r.critical-2|A",
      "r.warning|B",
      "r.warning|A",
      "r.info|B",
      "r.info|A",
    ]);
  });

  it("gives each alert its rule, severity, category, message and rule|customer key", () => {
    expect(result.alerts[0]).toEqual({
      customerId: "B",
      rule: "r.critical",
      severity: "critical",
      category: "credit",
      message: "r.critical for Beta",
      evidence: [{ metric: "orders", value: 0, test: ">=", threshold: 0 }],
      key: "r.critical|B",
    });
    // Without a customer record {customer} is the id.
    expect(result.alerts[2]?.message).toBe("r.critical for A");
  });

  it("keeps keys stable over runs", () => {
    const again = evaluateSignals(accounts, policy, { asOf: "2024-07-31" });
    expect(again.alerts.map((alert) => alert.key)).toEqual(result.alerts.map((alert) => alert.key));
  });

  it("counts per severity and per category, with categories named like Object members", () => {
    expect(result.counts.critical).toBe(4);
    expect(result.counts.warning).toBe(2);
    expect(result.counts.info).toBe(2);
    expect({ ...result.counts.byCategory }).toEqual({ care: 2, credit: 2, constructor: 2, toString: 2 });
    expect(result.counts.byCategory.constructor).toBe(2);
  });

  it("counts zero and returns every account, in input order, with empty grades and scores", () => {
    const quiet = evaluateSignals(
      accounts,
      policyOf([rule("never", { metric: "orders", op: "<", value: 0 })]),
      {
        asOf,
      },
    );
    expect(quiet.alerts).toEqual([]);
    expect(quiet.counts).toEqual({ info: 0, warning: 0, critical: 0, byCategory: {} });
    expect(quiet.accounts).toEqual([
      { id: "B", grades: {}, scores: {} },
      { id: "A", grades: {}, scores: {} },
    ]);
  });

  it("throws a KeyAccountError for a bad asOf or a bad policy", () => {
    expect(() => evaluateSignals(accounts, policy, { asOf: "2024-02-30" })).toThrow(KeyAccountError);
    try {
      evaluateSignals(accounts, policy, { asOf: "30/06/2024" });
    } catch (error) {
      expect((error as KeyAccountError).issues.map((issue) => issue.path)).toEqual([["asOf"]]);
    }
    const bad = policyOf([rule("r", { metric: "turnover", op: ">", value: 1 })]);
    expect(() => evaluateSignals(accounts, bad, { asOf })).toThrow(KeyAccountError);
  });
});

describe("evaluateSignals: grades", () => {
  const grade: SignalGrade = {
    name: "value",
    classes: [
      {
        label: "A",
        when: { metric: "revenue", op: ">=", value: 100_000 },
        reason: { en: "revenue {revenue}", "zh-CN": "收入 {revenue}" },
      },
      { label: "B", when: { metric: "orders", op: ">=", value: 2 }, reason: { en: "{orders} orders" } },
      { label: "B-", when: { metric: "orders", op: ">=", value: 1 } },
    ],
    otherwise: "C",
  };
  const accounts: SignalAccount[] = [
    { id: "top", features: features({ revenueMinor: 123_450, orderCount: 5, currency: "CNY" }) },
    { id: "mid", features: features({ revenueMinor: 5_000, orderCount: 3, currency: "CNY" }) },
    { id: "one", features: features({ orderCount: 1 }) },
    { id: "none" },
  ];
  const policy = policyOf(
    [rule("grade.low", { metric: "grade.value", in: ["C"] }, { message: { en: "{grade.value}" } })],
    {
      grades: [grade],
    },
  );

  it("takes the first class that matches, else otherwise, with the reason and evidence in English", () => {
    const result = evaluateSignals(accounts, policy, { asOf });
    expect(result.accounts.map((account) => account.grades.value)).toEqual([
      {
        label: "A",
        reason: "revenue CN¥1,234.50",
        evidence: [{ metric: "revenue", value: 123_450, test: ">=", threshold: 100_000 }],
      },
      {
        label: "B",
        reason: "3 orders",
        evidence: [{ metric: "orders", value: 3, test: ">=", threshold: 2 }],
      },
      { label: "B-", evidence: [{ metric: "orders", value: 1, test: ">=", threshold: 1 }] },
      { label: "C", evidence: [] },
    ]);
    expect(result.accounts[2]?.grades.value).not.toHaveProperty("reason");
    expect(result.accounts[3]?.grades.value).not.toHaveProperty("reason");
  });

  it("renders reasons in zh-CN, falling back to English", () => {
    const result = evaluateSignals(accounts, policy, { asOf, locale: "zh-CN" });
    expect(result.accounts[0]?.grades.value?.reason).toBe("收入 ¥1,234.50");
    expect(result.accounts[1]?.grades.value?.reason).toBe("3 orders");
  });

  it("lets rules read the grade as a text metric", () => {
    const result = evaluateSignals(accounts, policy, { asOf });
    expect(result.alerts.map((alert) => [alert.customerId, alert.message])).toEqual([["none", "C"]]);
    expect(result.alerts[0]?.evidence).toEqual([
      { metric: "grade.value", value: "C", test: "in", threshold: ["C"] },
    ]);
  });
});

describe("evaluateSignals: one account at a time", () => {
  it("explains any account asked for, in any order and across blocks, as the whole list does", () => {
    // More accounts than one block of evaluation (65,536): every hundredth with a different order count.
    const portfolio: SignalAccount[] = Array.from({ length: 70_000 }, (_, i) => ({
      id: `C${i}`,
      features: features({ orderCount: i % 100 === 0 ? 0 : (i % 3) + 1 }),
    }));
    const policy = policyOf([], {
      grades: [
        {
          name: "orders",
          classes: [
            { label: "many", when: { metric: "orders", op: ">=", value: 3 }, reason: { en: "{orders}" } },
          ],
          otherwise: "few",
        },
      ],
    });
    const one = evaluateSignals(portfolio, policy, { asOf });
    const whole = evaluateSignals(portfolio, policy, { asOf }).accounts;
    for (const index of [69_999, 2, 65_536, 65_535, 0, 68_000, 5])
      expect(one.account(index)).toEqual(whole[index]);
    expect(one.account(65_537).grades.orders).toEqual({
      label: "many",
      reason: "3",
      evidence: [{ metric: "orders", value: 3, test: ">=", threshold: 3 }],
    });
    expect(one.account(68_000).grades.orders?.label).toBe("few");
  });
});

describe("evaluateSignals: the alert list", () => {
  // Account i has i mod 5 orders; three rules of three severities over 70,000 accounts (two blocks).
  const portfolio: SignalAccount[] = Array.from({ length: 70_000 }, (_, i) => ({
    id: `C${i}`,
    features: features({ orderCount: i % 5 }),
  }));
  const policy = policyOf([
    rule("low", { metric: "orders", op: "<=", value: 1 }, { severity: "info", category: "a" }),
    rule(
      "none",
      { metric: "orders", op: "==", value: 0 },
      {
        severity: "critical",
        category: "b",
        message: { en: "{customer} has {orders} orders" },
      },
    ),
    rule("four", { metric: "orders", op: "==", value: 4 }, { severity: "warning", category: "a" }),
  ]);
  const result = evaluateSignals(portfolio, policy, { asOf });
  const list = result.alertList;

  it("holds the same alerts as the array, in the same order, read in any order", () => {
    // i mod 5 = 0: 14,000 critical; = 4: 14,000 warnings; ≤ 1: 28,000 infos.
    expect(list.length).toBe(56_000);
    expect(result.counts).toMatchObject({ critical: 14_000, warning: 14_000, info: 28_000 });
    // In order (each block evaluated once per severity) and all at once (account by account) alike.
    const all = [...list];
    expect(all).toHaveLength(56_000);
    expect(result.alerts).toEqual(all);
    expect(list.toArray()).toEqual(all);
    for (const k of [55_999, 0, 14_000, 13_107, 13_108, 27_999, 42_000, 3])
      expect(list.at(k)).toEqual(all[k]);
    expect(list.at(-1)).toEqual(all[55_999]);
    expect([list.at(56_000), list.at(-56_001), list.at(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it("says whose alert it is and what, without making it", () => {
    // Alert 13,107 is the critical alert of account 65,535 (the first block's last), 13,108 of account 65,540.
    expect([list.accountOf(13_107), list.accountOf(13_108)]).toEqual([65_535, 65_540]);
    expect(list.at(13_108)).toMatchObject({ customerId: "C65540", message: "C65540 has 0 orders" });
    expect(list.ruleOf(0)).toEqual({ id: "none", severity: "critical", category: "b" });
    expect(list.ruleOf(14_000)).toEqual({ id: "four", severity: "warning", category: "a" });
    expect(list.ruleOf(55_999)).toEqual({ id: "low", severity: "info", category: "a" });
    expect(list.accountOf(55_999)).toBe(69_996);
    expect(() => list.accountOf(56_000)).toThrow(RangeError);
    expect(() => list.ruleOf(-1)).toThrow(RangeError);
  });

  it("stays out of a comparison or a serialisation of the result, which has the alerts", () => {
    expect(Object.keys(result)).not.toContain("alertList");
    // Account 0 (no orders): critical and info; account 1: info.
    const small = JSON.parse(JSON.stringify(evaluateSignals(portfolio.slice(0, 2), policy, { asOf })));
    expect(small.alertList).toBeUndefined();
    expect(small.alerts.map((alert: { key: string }) => alert.key)).toEqual(["none|C0", "low|C0", "low|C1"]);
  });
});

describe("evaluateSignals: points scores", () => {
  const scoreOf = (score: PointsScore, account: Omit<SignalAccount, "id">, rules: SignalRule[] = []) =>
    evaluateSignals([{ id: "C", ...account }], policyOf(rules, { scores: [score] }), { asOf });

  const health: PointsScore = {
    name: "health",
    base: 50,
    min: 0,
    max: 100,
    groups: [
      {
        name: "buying",
        max: 30,
        rules: [
          { when: { metric: "orders", op: ">=", value: 1 }, points: 20 },
          { when: { metric: "revenue", op: ">", value: 0 }, points: 20 },
          { when: { metric: "orders", op: ">=", value: 100 }, points: 50 },
        ],
      },
      { name: "risk", min: -10, rules: [{ when: { metric: "pAlive", op: "<", value: 0.5 }, points: -15 }] },
    ],
  };

  it("adds base and points, caps each group, and lists the points before the caps", () => {
    const result = scoreOf(health, { pAlive: 0.3, features: features({ orderCount: 2, revenueMinor: 500 }) });
    // 50 + min(30, 20 + 20) + max(−10, −15) = 70
    expect(result.accounts[0]?.scores.health).toEqual({
      value: 70,
      contributions: [
        { group: "buying", rule: 0, points: 20 },
        { group: "buying", rule: 1, points: 20 },
        { group: "risk", rule: 0, points: -15 },
      ],
    });
  });

  it("caps the total to the score's min and max; base defaults to 0", () => {
    const high = scoreOf(
      { ...health, base: 90 },
      { pAlive: 0.9, features: features({ orderCount: 2, revenueMinor: 1 }) },
    );
    expect(high.accounts[0]?.scores.health?.value).toBe(100); // 90 + 30
    const low = scoreOf(
      {
        name: "s",
        min: 0,
        groups: [{ name: "g", rules: [{ when: { metric: "orders", missing: true }, points: -40 }] }],
      },
      {},
    );
    expect(low.accounts[0]?.scores.s).toEqual({
      value: 0,
      contributions: [{ group: "g", rule: 0, points: -40 }],
    });
    const open = scoreOf(
      {
        name: "s",
        groups: [{ name: "g", rules: [{ when: { metric: "orders", missing: true }, points: -40 }] }],
      },
      {},
    );
    expect(open.accounts[0]?.scores.s?.value).toBe(-40);
  });

  it("halves decaying points every half-life of their age", () => {
    const decaying: PointsScore = {
      name: "engagement",
      groups: [
        {
          name: "contact",
          rules: [
            {
              when: { metric: "daysSinceLastFollowUp", op: "<=", value: 90 },
              points: 20,
              decay: { ageMetric: "daysSinceLastFollowUp", halfLifeDays: 30 },
            },
          ],
        },
      ],
    };
    const visited = (date: string) => ({ interactions: [{ customerId: "C", kind: "visit" as const, date }] });
    // 20 × 0.5^(30 / 30) = 10
    expect(scoreOf(decaying, visited("2024-05-31")).accounts[0]?.scores.engagement).toEqual({
      value: 10,
      contributions: [{ group: "contact", rule: 0, points: 10 }],
    });
    expect(scoreOf(decaying, visited("2024-06-30")).accounts[0]?.scores.engagement?.value).toBe(20);
    expect(scoreOf(decaying, visited("2024-05-01")).accounts[0]?.scores.engagement?.value).toBe(5);
    expect(scoreOf(decaying, visited("2024-06-15")).accounts[0]?.scores.engagement?.value).toBeCloseTo(
      20 * 0.5 ** 0.5,
      12,
    );
    // Beyond 90 days the rule does not hold at all.
    expect(scoreOf(decaying, visited("2024-03-01")).accounts[0]?.scores.engagement).toEqual({
      value: 0,
      contributions: [],
    });
  });

  it("gives 0 points when the age of a decaying rule is missing", () => {
    const score: PointsScore = {
      name: "s",
      base: 5,
      groups: [
        {
          name: "g",
          rules: [
            {
              when: { metric: "orders", op: ">=", value: 1 },
              points: 20,
              decay: { ageMetric: "daysSinceLastPurchase", halfLifeDays: 30 },
            },
          ],
        },
      ],
    };
    expect(scoreOf(score, { features: features({ orderCount: 3 }) }).accounts[0]?.scores.s).toEqual({
      value: 5,
      contributions: [{ group: "g", rule: 0, points: 0 }],
    });
  });

  it("lets rules and messages read the score, and grades feed scores", () => {
    const result = evaluateSignals(
      [
        { id: "A", pAlive: 0.3, features: features({ orderCount: 2, revenueMinor: 500 }) },
        { id: "B", pAlive: 0.9, features: features({ orderCount: 2, revenueMinor: 500 }) },
      ],
      policyOf(
        [
          rule(
            "health.low",
            { metric: "score.health", op: "<", value: 75 },
            {
              message: { en: "health {score.health}, grade {grade.life}" },
            },
          ),
        ],
        {
          grades: [
            {
              name: "life",
              classes: [{ label: "alive", when: { metric: "pAlive", op: ">=", value: 0.5 } }],
              otherwise: "fading",
            },
          ],
          scores: [
            {
              ...health,
              groups: [
                ...health.groups,
                { name: "grade", rules: [{ when: { metric: "grade.life", in: ["alive"] }, points: 4.5 }] },
              ],
            },
          ],
        },
      ),
      { asOf },
    );
    expect(result.accounts.map((account) => account.scores.health?.value)).toEqual([70, 84.5]);
    expect(result.alerts.map((alert) => alert.message)).toEqual(["health 70, grade fading"]);
    expect(result.alerts[0]?.evidence).toEqual([
      { metric: "score.health", value: 70, test: "<", threshold: 75 },
    ]);
  });
});

describe("evaluateSignals: messages", () => {
  const messageOf = (
    template: string,
    account: Omit<SignalAccount, "id">,
    locale: "en" | "zh-CN" = "en",
    zh?: string,
  ): string | undefined =>
    evaluateSignals(
      [{ id: "C-9", ...account }],
      policyOf([
        rule(
          "m",
          { metric: "orders", missing: false },
          { message: { en: template, ...(zh === undefined ? {} : { "zh-CN": zh }) } },
        ),
      ]),
      { asOf, locale },
    ).alerts[0]?.message;
  const money = (currency: string | undefined, revenueMinor: number) => ({
    features: features({ revenueMinor, ...(currency === undefined ? {} : { currency }) }),
  });

  it("formats money with the account's currency and its minor-unit digits", () => {
    expect(messageOf("{revenue}", money("USD", 123_450))).toBe("$1,234.50");
    expect(messageOf("{revenue}", money("CNY", 123_450))).toBe("CN¥1,234.50");
    expect(messageOf("{revenue}", money("JPY", 1_235))).toBe("¥1,235");
    expect(messageOf("{revenue}", money("CNY", 123_450), "zh-CN", "{revenue}")).toBe("¥1,234.50");
    expect(messageOf("{revenue}", money("USD", -5))).toBe("-$0.05");
  });

  it("takes the currency of the customer record when the features have none", () => {
    expect(
      messageOf("{revenue} of {creditLimit}", {
        ...money(undefined, 1_000),
        customer: { id: "C-9", name: "Acme", currency: "USD", creditLimitMinor: 2_500_000 },
      }),
    ).toBe("$10.00 of $25,000.00");
  });

  it("shows ratios as percent, other numbers with at most one decimal, texts as they are", () => {
    const account = {
      pAlive: 0.4567,
      tier: "key",
      features: features({ revenueTrendRatio: 0.125, orderCount: 1234, interPurchaseMedianDays: 12.25 }),
    };
    expect(messageOf("{revenueTrend} {pAlive} {orders} {purchaseInterval} {tier}", account)).toBe(
      "12.5% 45.7% 1,234 12.3 key",
    );
  });

  it("shows money of an account without a currency in minor units, and says so", () => {
    expect(messageOf("{revenue}", money(undefined, 123_450))).toBe("123,450 (minor units)");
    expect(messageOf("{revenue}", money(undefined, 123_450), "zh-CN", "{revenue}")).toBe(
      "123,450（最小货币单位）",
    );
    // An invoice's currency is the account's when neither the features nor the customer record has one.
    const invoice = {
      id: "I1",
      customerId: "C-9",
      issueDate: "2024-01-01",
      dueDate: "2024-01-31",
      amountMinor: 100,
      currency: "EUR",
    };
    expect(messageOf("{revenue}", { ...money(undefined, 123_450), invoices: [invoice] })).toBe("€1,234.50");
  });

  it("refuses a locale it has no texts for", () => {
    const run = () => evaluateSignals([{ id: "C-9" }], policyOf([]), { asOf, locale: "de" as "en" });
    expect(run).toThrow(KeyAccountError);
    expect(run).toThrow("locale");
  });

  it("shows a missing value as —", () => {
    expect(messageOf("interval {purchaseInterval}, segment {segment}", money("USD", 1))).toBe(
      "interval —, segment —",
    );
  });

  it("names the customer, else its id", () => {
    expect(messageOf("{customer}", { ...money("USD", 1), customer: { id: "C-9", name: "Acme" } })).toBe(
      "Acme",
    );
    expect(messageOf("{customer}", money("USD", 1))).toBe("C-9");
  });

  it("uses the zh-CN text, and English when the rule has none", () => {
    const account = money("CNY", 100);
    expect(messageOf("{orders} orders", account, "zh-CN", "{orders} 单")).toBe("0 单");
    expect(messageOf("{orders} orders", account, "zh-CN")).toBe("0 orders");
    expect(messageOf("{orders} orders", account, "en", "{orders} 单")).toBe("0 orders");
  });
});

describe("evaluateSignals: portfolios larger than one block of accounts", () => {
  it("gives every account its grade, score and alerts in order across the blocks", () => {
    // 150,000 accounts are evaluated in three blocks (65,536 at a time); account i has i mod 7 orders.
    const count = 150_000;
    const accounts = Array.from({ length: count }, (_, i) => ({
      id: `C${i}`,
      features: features({ orderCount: i % 7 }),
    }));
    const policy = policyOf(
      [
        rule("many", { metric: "orders", op: ">=", value: 6 }, { severity: "info" }),
        rule("none", { metric: "orders", op: "==", value: 0 }, { severity: "critical" }),
      ],
      {
        grades: [
          {
            name: "size",
            classes: [{ label: "big", when: { metric: "orders", op: ">=", value: 5 } }],
            otherwise: "small",
          },
        ],
        scores: [
          {
            name: "orders",
            groups: [{ name: "g", rules: [{ when: { metric: "orders", op: ">", value: 2 }, points: 1 }] }],
          },
        ],
      },
    );
    const result = evaluateSignals(accounts, policy, { asOf });
    // i mod 7 = 0: 21,429 accounts (0, 7, …, 149,996); = 6: 21,428.
    expect(result.counts).toMatchObject({ critical: 21_429, info: 21_428, warning: 0 });
    const critical = result.alerts.filter((alert) => alert.severity === "critical");
    expect(critical.map((alert) => alert.customerId).slice(9361, 9364)).toEqual([
      "C65527",
      "C65534",
      "C65541",
    ]);
    expect(result.alerts.at(-1)?.customerId).toBe("C149995");
    // 65,540 mod 7 = 6 (big, 1 point), 65,541 mod 7 = 0 (small, 0 points): either side of nothing special, in
    // the second block; 65,535 mod 7 = 1, the last account of the first block.
    expect([65_535, 65_540, 65_541].map((i) => result.grades.size?.[i])).toEqual(["small", "big", "small"]);
    expect([65_535, 65_540, 65_541].map((i) => result.scores.orders?.[i])).toEqual([0, 1, 0]);
    const explained = result.accounts[65_540];
    expect(explained?.id).toBe("C65540");
    expect(explained?.grades.size?.evidence).toEqual([
      { metric: "orders", value: 6, test: ">=", threshold: 5 },
    ]);
    expect(explained?.scores.orders?.contributions).toEqual([{ group: "g", rule: 0, points: 1 }]);
  });
});
