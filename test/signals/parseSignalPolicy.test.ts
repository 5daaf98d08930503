import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  type IssuePath,
  KeyAccountError,
  parseSignalPolicy,
  type SignalCondition,
  type SignalPolicy,
  type SignalRule,
  signalPolicySchema,
} from "../../src/index.js";

interface Found {
  code: string;
  path: IssuePath;
}

function issuesOf(input: unknown): Found[] {
  try {
    parseSignalPolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(KeyAccountError);
    return (error as KeyAccountError).issues.map((issue) => ({ code: issue.code, path: issue.path }));
  }
  throw new Error("the policy was accepted");
}

function messagesOf(input: unknown): string[] {
  try {
    parseSignalPolicy(input);
  } catch (error) {
    return (error as KeyAccountError).issues.map((issue) => issue.message);
  }
  throw new Error("the policy was accepted");
}

const rule = (when: unknown, extra: Partial<Record<keyof SignalRule, unknown>> = {}): unknown => ({
  id: "r1",
  category: "churn",
  severity: "warning",
  when,
  message: { en: "Check {customer}" },
  ...extra,
});
const withRules = (...rules: unknown[]): unknown => ({ version: 1, rules });
const whenPath = (...rest: (string | number)[]): IssuePath => ["policy", "rules", 0, "when", ...rest];

// A valid policy with every part: settings, a grade, a score with decay, rules of every condition form.
const valid: SignalPolicy = {
  version: 1,
  name: "small",
  include: ["credit"],
  settings: {
    windowDays: 60,
    payWindowDays: 120,
    followUpCadenceDays: { strategic: 14, key: 30, default: 60 },
    responseTargetHours: 12,
    resolutionTargetHours: { key: 48, default: 96 },
    pool: { noFollowUpDays: 30, noDealDays: 90, warnDays: 5 },
    care: {
      lookAheadDays: 21,
      kinds: ["birthday", "holiday"],
      holidays: [
        { date: "--10-01", name: "National Day" },
        { date: "2025-01-29", name: "Spring Festival" },
      ],
      tiers: ["key"],
    },
    expiryWarningDays: 45,
    verificationReviewDays: 300,
    profileReviewDays: 90,
  },
  grades: [
    {
      name: "activity",
      classes: [
        {
          label: "dormant",
          when: { metric: "daysSinceLastPurchase", op: ">", ref: "purchaseInterval", times: 3, plus: 7 },
          reason: {
            en: "{daysSinceLastPurchase} days without an order",
            "zh-CN": "{daysSinceLastPurchase} 天未下单",
          },
        },
        { label: "active", when: { metric: "orders", between: [1, 1000] } },
      ],
      otherwise: "new",
    },
  ],
  scores: [
    {
      name: "engagement",
      base: 10,
      min: 0,
      max: 100,
      groups: [
        {
          name: "contact",
          max: 40,
          rules: [
            {
              when: { metric: "daysSinceLastFollowUp", op: "<=", value: 90 },
              points: 20,
              decay: { ageMetric: "daysSinceLastFollowUp", halfLifeDays: 30 },
            },
            { when: { metric: "grade.activity", in: ["active"] }, points: 15 },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: "own.low-engagement",
      category: "churn",
      severity: "warning",
      when: {
        all: [
          { metric: "score.engagement", op: "<", value: 30 },
          {
            any: [
              { metric: "tier", in: ["key", "strategic"] },
              { not: { metric: "segment", missing: true } },
            ],
          },
          { metric: "grade.credit", in: ["C", "D"] },
        ],
      },
      message: { en: "{customer}: engagement {score.engagement}, credit {grade.credit}" },
      scope: { tiers: ["key"], segments: ["champions"] },
    },
  ],
};

describe("parseSignalPolicy: a valid policy", () => {
  it("returns the policy unchanged (round trip)", () => {
    expect(parseSignalPolicy(valid)).toEqual(valid);
    expect(parseSignalPolicy(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
    expect(parseSignalPolicy({ version: 1 })).toEqual({ version: 1 });
  });

  it("agrees with the exported schema on the shape", () => {
    expect(z.safeParse(signalPolicySchema(), valid).success).toBe(true);
    expect(z.safeParse(signalPolicySchema(), { version: 1, colour: "red" }).success).toBe(false);
  });

  it("allows {customer} and metric placeholders in both languages", () => {
    const policy = withRules(
      rule(
        { metric: "orders", op: ">", value: 0 },
        {
          message: {
            en: "{customer} has {orders} orders worth {revenue}",
            "zh-CN": "{customer} 共 {orders} 单，{revenue}",
          },
        },
      ),
    );
    expect(() => parseSignalPolicy(policy)).not.toThrow();
  });

  it("accepts a grade read by a score, and a grade or score read by a rule", () => {
    expect(() => parseSignalPolicy(valid)).not.toThrow();
  });
});

describe("parseSignalPolicy: the shape (zod)", () => {
  it("reports unknown keys as field.unknown with their paths", () => {
    expect(
      issuesOf({
        version: 1,
        colour: "red",
        settings: { pool: { noFollowUpDays: 30, days: 3 } },
        rules: [rule({ metric: "orders", op: ">", value: 1 }, { message: { en: "x", fr: "y" } })],
      }),
    ).toEqual([
      // zod reports the nested objects' keys before the document's own.
      { code: "field.unknown", path: ["policy", "settings", "pool", "days"] },
      { code: "field.unknown", path: ["policy", "rules", 0, "message", "fr"] },
      { code: "field.unknown", path: ["policy", "colour"] },
    ]);
  });

  it("reports a bad version, severity, window, pack and cadence as option.invalid", () => {
    const found = issuesOf({
      version: 2,
      include: ["churn", "marketing"],
      settings: { windowDays: -1, followUpCadenceDays: { key: 0 } },
      rules: [rule({ metric: "orders", op: ">", value: 1 }, { severity: "loud" })],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { code: "option.invalid", path: ["policy", "version"] },
        { code: "option.invalid", path: ["policy", "include", 1] },
        { code: "option.invalid", path: ["policy", "settings", "windowDays"] },
        { code: "option.invalid", path: ["policy", "rules", 0, "severity"] },
      ]),
    );
    expect(found.every((issue) => issue.code === "option.invalid")).toBe(true);
    expect(
      found.some((issue) => issue.path.join(".").startsWith("policy.settings.followUpCadenceDays")),
    ).toBe(true);
  });

  it("rejects a rule id or category with characters outside letters, digits, . - _", () => {
    expect(issuesOf(withRules(rule({ metric: "orders", op: ">", value: 1 }, { id: "my rule" })))).toEqual([
      { code: "option.invalid", path: ["policy", "rules", 0, "id"] },
    ]);
  });

  it("rejects __proto__ and constructor keys anywhere", () => {
    const document = JSON.parse(
      `{"version":1,"__proto__":{"polluted":true},"constructor":1,
        "settings":{"__proto__":{"x":1}},
        "rules":[{"id":"r1","category":"churn","severity":"info",
          "when":{"metric":"orders","op":">","value":1,"__proto__":{"x":1}},
          "message":{"en":"x","constructor":"y"}}]}`,
    );
    const found = issuesOf(document);
    expect(found).toEqual(
      expect.arrayContaining([
        { code: "field.unknown", path: ["policy", "__proto__"] },
        { code: "field.unknown", path: ["policy", "constructor"] },
        { code: "field.unknown", path: ["policy", "settings", "__proto__"] },
        { code: "field.unknown", path: ["policy", "rules", 0, "message", "constructor"] },
        { code: "field.unknown", path: whenPath("__proto__") },
      ]),
    );
    expect(found).toHaveLength(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reserves __proto__, constructor and prototype as grade and score names", () => {
    const grade = (name: string) => ({ name, classes: [], otherwise: "A" });
    const score = (name: string) => ({ name, groups: [] });
    const found = issuesOf({
      version: 1,
      grades: [grade("constructor"), grade("prototype")],
      scores: [score("constructor")],
    });
    expect(found).toEqual([
      { code: "policy.name.reserved", path: ["policy", "grades", 0, "name"] },
      { code: "policy.name.reserved", path: ["policy", "grades", 1, "name"] },
      { code: "policy.name.reserved", path: ["policy", "scores", 0, "name"] },
    ]);
    // __proto__ is not an id (it starts with _) and is reserved as well.
    expect(issuesOf({ version: 1, grades: [grade("__proto__")] })).toEqual([
      { code: "option.invalid", path: ["policy", "grades", 0, "name"] },
      { code: "policy.name.reserved", path: ["policy", "grades", 0, "name"] },
    ]);
  });
});

describe("parseSignalPolicy: per-tier settings", () => {
  it("rejects reserved tier names as keys of a per-tier setting", () => {
    const document = JSON.parse(
      `{"version":1,"settings":{
        "followUpCadenceDays":{"__proto__":5,"key":30,"default":60},
        "responseTargetHours":{"constructor":12},
        "resolutionTargetHours":{"prototype":48,"default":72}}}`,
    );
    expect(issuesOf(document)).toEqual([
      { code: "policy.name.reserved", path: ["policy", "settings", "followUpCadenceDays", "__proto__"] },
      { code: "policy.name.reserved", path: ["policy", "settings", "responseTargetHours", "constructor"] },
      { code: "policy.name.reserved", path: ["policy", "settings", "resolutionTargetHours", "prototype"] },
    ]);
    expect(() =>
      parseSignalPolicy({ version: 1, settings: { followUpCadenceDays: { key: 30, default: 60 } } }),
    ).not.toThrow();
  });
});

describe("parseSignalPolicy: conditions", () => {
  const invalid = (when: unknown, path: IssuePath = whenPath()): void => {
    expect(issuesOf(withRules(rule(when)))).toEqual([{ code: "signal.condition.invalid", path }]);
  };

  it("reports conditions that are not objects", () => {
    invalid("orders > 3");
    invalid(null);
    invalid([{ metric: "orders", op: ">", value: 1 }]);
  });

  it("reports all/any/not mixed with other keys, empty or not lists", () => {
    invalid({ all: [{ metric: "orders", op: ">", value: 1 }], metric: "orders" });
    invalid({ all: [] });
    invalid({ any: { metric: "orders", op: ">", value: 1 } });
    invalid({ not: "orders" }, whenPath("not"));
  });

  it("reports a leaf without a metric, with no form or with two forms", () => {
    invalid({ op: ">", value: 1 });
    invalid({ metric: "orders" });
    invalid({ metric: "orders", op: ">", value: 1, between: [1, 2] });
    invalid({ metric: "orders", in: [1], missing: true });
  });

  it("reports value, ref, times or plus outside op", () => {
    invalid({ metric: "orders", between: [1, 2], value: 1 });
    invalid({ metric: "orders", missing: true, ref: "revenue" });
  });

  it("reports a bad op, value, ref and factors", () => {
    invalid({ metric: "orders", op: "=>", value: 1 });
    invalid({ metric: "orders", op: ">" });
    invalid({ metric: "orders", op: ">", value: 1, ref: "revenue" });
    invalid({ metric: "orders", op: ">", value: "1" });
    invalid({ metric: "orders", op: ">", value: Number.POSITIVE_INFINITY });
    invalid({ metric: "orders", op: ">", value: 1, times: 2 });
    invalid({ metric: "orders", op: ">", ref: "previousOrders", times: "2" });
    invalid({ metric: "orders", op: ">", ref: "previousOrders", plus: Number.NaN });
  });

  it("reports bad between, in and missing lists", () => {
    invalid({ metric: "orders", between: [1] });
    invalid({ metric: "orders", between: [1, "2"] });
    invalid({ metric: "orders", in: [] });
    invalid({ metric: "orders", in: [true] });
    invalid({ metric: "orders", missing: "yes" });
    invalid({ metric: 3, op: ">", value: 1 }, whenPath("metric"));
  });

  it("reports a between whose low is above its high as policy.range.order", () => {
    expect(issuesOf(withRules(rule({ metric: "orders", between: [5, 2] })))).toEqual([
      { code: "policy.range.order", path: whenPath("between") },
    ]);
    expect(() => parseSignalPolicy(withRules(rule({ metric: "orders", between: [2, 2] })))).not.toThrow();
  });

  it("reports an unknown key of a leaf as field.unknown", () => {
    expect(issuesOf(withRules(rule({ metric: "orders", op: ">", value: 1, unit: "days" })))).toEqual([
      { code: "field.unknown", path: whenPath("unit") },
    ]);
  });

  it("gives the exact path of a nested part", () => {
    const when: SignalCondition = {
      all: [
        { metric: "orders", op: ">", value: 1 },
        {
          any: [{ metric: "revenue", op: ">", value: 1 }, { not: { metric: "turnover", op: "<", value: 5 } }],
        },
        { metric: "daysSinceLastOrder", op: ">", value: 30 },
      ],
    };
    expect(issuesOf(withRules(rule(when)))).toEqual([
      { code: "signal.metric.unknown", path: whenPath("all", 1, "any", 1, "not", "metric") },
      { code: "signal.metric.unknown", path: whenPath("all", 2, "metric") },
    ]);
  });
});

describe("parseSignalPolicy: metrics", () => {
  it("reports unknown metrics and refs, and grades or scores the policy does not define", () => {
    expect(
      issuesOf(
        withRules(
          rule({
            all: [
              { metric: "orders", op: ">", ref: "ordres" },
              { metric: "grade.credit", in: ["A"] },
              { metric: "score.health", op: ">", value: 1 },
              { metric: "toString", missing: true },
              { metric: "__proto__", missing: true },
            ],
          }),
        ),
      ),
    ).toEqual([
      { code: "signal.metric.unknown", path: whenPath("all", 0, "ref") },
      { code: "signal.metric.unknown", path: whenPath("all", 1, "metric") },
      { code: "signal.metric.unknown", path: whenPath("all", 2, "metric") },
      { code: "signal.metric.unknown", path: whenPath("all", 3, "metric") },
      { code: "signal.metric.unknown", path: whenPath("all", 4, "metric") },
    ]);
  });

  it("knows the grades and scores of the included packs", () => {
    const policy = {
      version: 1,
      include: ["credit", "churn"],
      rules: [
        rule({
          all: [
            { metric: "grade.credit", in: ["D"] },
            { metric: "score.health", op: "<", value: 40 },
          ],
        }),
      ],
    };
    expect(() => parseSignalPolicy(policy)).not.toThrow();
  });

  it("reports a text metric (or ref) compared as a number, naming the test", () => {
    const found = issuesOf(
      withRules(
        rule({
          all: [
            { metric: "tier", op: "<", value: 1 },
            { metric: "orders", op: ">", ref: "segment" },
            { metric: "npsClass", between: [0, 1] },
            { metric: "tier", in: ["key"] },
            { metric: "segment", missing: false },
          ],
        }),
      ),
    );
    expect(found).toEqual([
      { code: "signal.metric.text", path: whenPath("all", 0, "metric") },
      { code: "signal.metric.text", path: whenPath("all", 1, "ref") },
      { code: "signal.metric.text", path: whenPath("all", 2, "metric") },
    ]);
    const messages = messagesOf(withRules(rule({ metric: "tier", op: "<", value: 1 })));
    expect(messages).toEqual([
      "The metric tier at policy.rules.0.when.metric is text: test it with in or missing, not with <.",
    ]);
  });

  it("reports a grade that depends on a grade or a score", () => {
    const found = issuesOf({
      version: 1,
      grades: [
        {
          name: "base",
          classes: [{ label: "x", when: { metric: "orders", op: ">", value: 0 } }],
          otherwise: "y",
        },
        {
          name: "derived",
          classes: [
            { label: "a", when: { metric: "grade.base", in: ["x"] } },
            { label: "b", when: { any: [{ metric: "orders", op: ">", ref: "score.s" }] } },
          ],
          otherwise: "c",
        },
      ],
      scores: [{ name: "s", groups: [] }],
    });
    expect(found).toEqual([
      { code: "signal.metric.order", path: ["policy", "grades", 1, "classes", 0, "when", "metric"] },
      { code: "signal.metric.order", path: ["policy", "grades", 1, "classes", 1, "when", "any", 0, "ref"] },
    ]);
  });

  it("reports a score that depends on a score, but lets it read a grade", () => {
    const found = issuesOf({
      version: 1,
      grades: [{ name: "g", classes: [], otherwise: "A" }],
      scores: [
        {
          name: "a",
          groups: [{ name: "x", rules: [{ when: { metric: "grade.g", in: ["A"] }, points: 1 }] }],
        },
        {
          name: "b",
          groups: [
            { name: "x", rules: [{ when: { not: { metric: "score.a", op: ">", value: 1 } }, points: 1 }] },
          ],
        },
      ],
    });
    expect(found).toEqual([
      {
        code: "signal.metric.order",
        path: ["policy", "scores", 1, "groups", 0, "rules", 0, "when", "not", "metric"],
      },
    ]);
  });

  it("reports a decay whose age is not in days, or unknown", () => {
    const decayRule = (ageMetric: string) => ({
      when: { metric: "orders", op: ">", value: 0 },
      points: 10,
      decay: { ageMetric, halfLifeDays: 30 },
    });
    const found = issuesOf({
      version: 1,
      scores: [
        {
          name: "s",
          groups: [
            {
              name: "g",
              rules: [
                decayRule("orders"),
                decayRule("longestResponseHours"),
                decayRule("daysSinceLastOrder"),
                decayRule("tenure"),
              ],
            },
          ],
        },
      ],
    });
    const path = (r: number): IssuePath => [
      "policy",
      "scores",
      0,
      "groups",
      0,
      "rules",
      r,
      "decay",
      "ageMetric",
    ];
    expect(found).toEqual([
      { code: "signal.metric.not-days", path: path(0) },
      { code: "signal.metric.not-days", path: path(1) },
      { code: "signal.metric.unknown", path: path(2) },
    ]);
    expect(
      issuesOf({
        version: 1,
        scores: [
          {
            name: "s",
            groups: [
              {
                name: "g",
                rules: [{ ...decayRule("tenure"), decay: { ageMetric: "tenure", halfLifeDays: 0 } }],
              },
            ],
          },
        ],
      }),
    ).toEqual([
      {
        code: "option.invalid",
        path: ["policy", "scores", 0, "groups", 0, "rules", 0, "decay", "halfLifeDays"],
      },
    ]);
  });
});

describe("parseSignalPolicy: names, ids and ranges", () => {
  it("reports duplicate rule ids, in the policy and against an included pack", () => {
    const found = issuesOf({
      version: 1,
      include: ["churn"],
      rules: [
        rule({ metric: "orders", op: ">", value: 1 }, { id: "own" }),
        rule({ metric: "orders", op: ">", value: 1 }, { id: "own" }),
        rule({ metric: "orders", op: ">", value: 1 }, { id: "churn.no-contact" }),
      ],
    });
    expect(found).toEqual([
      { code: "policy.name.duplicate", path: ["policy", "rules", 1, "id"] },
      { code: "policy.name.duplicate", path: ["policy", "rules", 2, "id"] },
    ]);
    // Without the pack the same id is free.
    expect(() =>
      parseSignalPolicy(withRules(rule({ metric: "orders", op: ">", value: 1 }, { id: "churn.no-contact" }))),
    ).not.toThrow();
  });

  it("reports duplicate grade and score names, including a pack's", () => {
    const found = issuesOf({
      version: 1,
      include: ["credit", "churn"],
      grades: [
        { name: "credit", classes: [], otherwise: "A" },
        { name: "g", classes: [], otherwise: "A" },
        { name: "g", classes: [], otherwise: "B" },
      ],
      scores: [{ name: "health", groups: [] }],
    });
    expect(found).toEqual([
      { code: "policy.name.duplicate", path: ["policy", "grades", 0, "name"] },
      { code: "policy.name.duplicate", path: ["policy", "grades", 2, "name"] },
      { code: "policy.name.duplicate", path: ["policy", "scores", 0, "name"] },
    ]);
  });

  it("reports a score or group whose min is above its max", () => {
    const found = issuesOf({
      version: 1,
      scores: [{ name: "s", min: 100, max: 0, groups: [{ name: "g", min: 5, max: -5, rules: [] }] }],
    });
    expect(found).toEqual([
      { code: "policy.range.order", path: ["policy", "scores", 0] },
      { code: "policy.range.order", path: ["policy", "scores", 0, "groups", 0] },
    ]);
  });
});

describe("parseSignalPolicy: message placeholders", () => {
  it("reports placeholders that are neither metrics nor customer, per language", () => {
    const found = issuesOf({
      version: 1,
      grades: [
        {
          name: "g",
          classes: [
            {
              label: "A",
              when: { metric: "orders", op: ">", value: 0 },
              reason: { en: "{orders} orders", "zh-CN": "{订单} 单" },
            },
          ],
          otherwise: "B",
        },
      ],
      rules: [
        rule(
          { metric: "orders", op: ">", value: 1 },
          { message: { en: "{customer} {name} {score.none} {grade.g}", "zh-CN": "{ orders }" } },
        ),
      ],
    });
    expect(found).toEqual([
      { code: "signal.placeholder.unknown", path: ["policy", "grades", 0, "classes", 0, "reason", "zh-CN"] },
      { code: "signal.placeholder.unknown", path: ["policy", "rules", 0, "message", "en"] },
      { code: "signal.placeholder.unknown", path: ["policy", "rules", 0, "message", "en"] },
      { code: "signal.placeholder.unknown", path: ["policy", "rules", 0, "message", "zh-CN"] },
    ]);
    expect(
      messagesOf(withRules(rule({ metric: "orders", op: ">", value: 1 }, { message: { en: "{name}" } }))),
    ).toEqual([
      "The message at policy.rules.0.message.en names name, which is neither a metric nor customer.",
    ]);
  });
});

describe("parseSignalPolicy: every problem at once", () => {
  it("reports a shape error and an unknown metric elsewhere together", () => {
    const found = issuesOf({
      version: 1,
      settings: { windowDays: "90" },
      grades: [
        {
          name: "g",
          classes: [{ label: "A", when: { metric: "score.x", op: ">", value: 1 } }],
          otherwise: "B",
        },
      ],
      rules: [
        rule({ metric: "orders", op: ">", value: 1 }, { severity: "urgent" }),
        rule(
          {
            all: [
              { metric: "orders", op: ">", value: 1 },
              { metric: "ordres", op: ">", value: 1 },
            ],
          },
          { id: "r2" },
        ),
      ],
    });
    expect(found).toEqual([
      { code: "option.invalid", path: ["policy", "settings", "windowDays"] },
      { code: "option.invalid", path: ["policy", "rules", 0, "severity"] },
      { code: "signal.metric.unknown", path: ["policy", "grades", 0, "classes", 0, "when", "metric"] },
      { code: "signal.metric.unknown", path: ["policy", "rules", 1, "when", "all", 1, "metric"] },
    ]);
  });

  it("throws one KeyAccountError whose message lists every problem", () => {
    try {
      parseSignalPolicy(withRules(rule({ metric: "turnover", op: "<", value: 5 }, { severity: "loud" })));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyAccountError);
      const message = (error as Error).message;
      expect(message).toContain("policy.rules.0.severity");
      expect(message).toContain("policy.rules.0.when.metric: The metric turnover");
    }
  });

  it("rejects input that is not an object", () => {
    for (const input of [null, 1, "policy", []])
      expect(issuesOf(input).every((issue) => issue.code === "option.invalid")).toBe(true);
  });
});
