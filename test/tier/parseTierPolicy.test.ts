import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  formatMessage,
  KeyAccountError,
  parseTierPolicy,
  TIER_PRESETS,
  type TierPolicy,
  tierPolicySchema,
} from "../../src/index.js";

function issuesOf(input: unknown): { code: string; path: string }[] {
  try {
    parseTierPolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(KeyAccountError);
    return (error as KeyAccountError).issues.map((issue) => ({
      code: issue.code,
      path: issue.path.join("."),
    }));
  }
  throw new Error("the policy was accepted");
}

const base: TierPolicy = {
  version: 1,
  name: "test",
  ratings: [{ name: "fit", min: 1, max: 5 }],
  dimensions: [
    {
      name: "value",
      weight: 60,
      metrics: [
        { metric: "revenue", weight: 2, normalise: { method: "percentile" } },
        { metric: "rating.fit", weight: 1, normalise: { method: "minMax", min: 1, max: 5 } },
      ],
    },
    {
      name: "credit",
      weight: 40,
      metrics: [
        {
          metric: "averageDaysToPay",
          weight: 1,
          normalise: {
            method: "bands",
            bands: [
              { from: 0, points: 100 },
              { from: 60, points: 0 },
            ],
          },
        },
      ],
    },
  ],
  tiers: [
    { name: "strategic", gates: [{ metric: "dimension.credit", min: 30 }] },
    { name: "key" },
    { name: "ordinary" },
  ],
  assignment: {
    method: "thresholds",
    thresholds: [
      { tier: "strategic", minScore: 80 },
      { tier: "key", minScore: 60 },
    ],
  },
};

describe("parseTierPolicy", () => {
  it("accepts the presets and a valid policy", () => {
    for (const preset of Object.values(TIER_PRESETS)) expect(parseTierPolicy(preset)).toEqual(preset);
    expect(parseTierPolicy(base)).toEqual(base);
  });

  it("lists every problem at once, each with its JSON path", () => {
    const bad = JSON.parse(
      JSON.stringify({
        ...base,
        colour: "red",
        dimensions: [
          {
            ...base.dimensions[0],
            metrics: [{ metric: "turnover", weight: 1, normalise: { method: "percentile" } }],
          },
          { ...base.dimensions[1], weight: 0 },
        ],
        assignment: {
          method: "thresholds",
          thresholds: [
            { tier: "strategic", minScore: 60 },
            { tier: "key", minScore: 60 },
          ],
        },
      }),
    );
    expect(issuesOf(bad)).toEqual([
      { code: "field.unknown", path: "policy.colour" },
      { code: "policy.metric.unknown", path: "policy.dimensions.0.metrics.0.metric" },
      { code: "policy.threshold.order", path: "policy.assignment.thresholds.1.minScore" },
    ]);
  });

  it("checks the well-formed parts of a document with type errors: a wrong type and an unknown metric both", () => {
    const bad = structuredClone(base) as unknown as {
      dimensions: { weight: unknown; metrics: { metric: string; weight: unknown }[] }[];
      tiers: { gates: unknown }[];
      assignment: { thresholds: { minScore: unknown }[] };
    };
    (bad.dimensions[0] as (typeof bad.dimensions)[0]).weight = "60";
    (bad.dimensions[1]?.metrics[0] as (typeof bad.dimensions)[0]["metrics"][0]).metric = "turnover";
    expect(issuesOf(bad)).toEqual([
      { code: "option.invalid", path: "policy.dimensions.0.weight" },
      { code: "policy.metric.unknown", path: "policy.dimensions.1.metrics.0.metric" },
    ]);
    // A broken metric entry is skipped, its neighbours checked; a broken gate list hides nothing else; thresholds
    // out of order are told beside a wrongly typed field elsewhere.
    const metrics = (bad.dimensions[0] as (typeof bad.dimensions)[0]).metrics;
    metrics[0] = { metric: "nps", weight: "x" };
    metrics[1] = { metric: "rating.colour", weight: 1, normalise: { method: "percentile" } } as never;
    (bad.tiers[0] as (typeof bad.tiers)[0]).gates = "credit";
    (bad.assignment.thresholds[1] as (typeof bad.assignment.thresholds)[0]).minScore = 90;
    const issues = issuesOf(bad);
    expect(issues).toEqual([
      { code: "option.invalid", path: "policy.dimensions.0.weight" },
      { code: "option.invalid", path: "policy.dimensions.0.metrics.0.weight" },
      { code: "option.invalid", path: "policy.dimensions.0.metrics.0.normalise" },
      { code: "option.invalid", path: "policy.tiers.0.gates" },
      { code: "policy.metric.unknown", path: "policy.dimensions.0.metrics.1.metric" },
      { code: "policy.metric.unknown", path: "policy.dimensions.1.metrics.0.metric" },
      { code: "policy.threshold.order", path: "policy.assignment.thresholds.1.minScore" },
    ]);
  });

  it("does not check references to a list whose names are broken, nor weight sums with a broken weight", () => {
    const bad = {
      ...base,
      ratings: [{ name: 5, min: 1, max: 5 }],
      tiers: [{ name: "strategic" }, { name: ["key"] }, { name: "ordinary" }],
      dimensions: [
        { ...base.dimensions[0], weight: 0 },
        { ...base.dimensions[1], weight: null },
      ],
    };
    expect(issuesOf(bad)).toEqual([
      { code: "option.invalid", path: "policy.ratings.0.name" },
      { code: "option.invalid", path: "policy.dimensions.1.weight" },
      { code: "option.invalid", path: "policy.tiers.1.name" },
    ]);
    expect(issuesOf("not a policy")).toEqual([{ code: "option.invalid", path: "policy" }]);
  });

  it("rejects __proto__ and constructor keys and reserved names", () => {
    const text = JSON.stringify(base).replace(
      '"name":"test"',
      '"name":"test","__proto__":{"x":1},"constructor":1',
    );
    expect(issuesOf(JSON.parse(text))).toEqual([
      { code: "field.unknown", path: "policy.__proto__" },
      { code: "field.unknown", path: "policy.constructor" },
    ]);
    const reserved = { ...base, tiers: [{ name: "constructor" }, { name: "key" }, { name: "key" }] };
    expect(issuesOf(reserved).map((issue) => issue.code)).toEqual([
      "policy.name.reserved",
      "policy.name.duplicate",
      "policy.tier.unknown",
    ]);
  });

  it("rejects negative weights and weights that add up to 0", () => {
    const negative = structuredClone(base) as TierPolicy;
    (negative.dimensions[0] as TierPolicy["dimensions"][0]).weight = -1;
    expect(issuesOf(negative)).toEqual([{ code: "option.invalid", path: "policy.dimensions.0.weight" }]);
    const zero = structuredClone(base) as TierPolicy;
    for (const dimension of zero.dimensions) dimension.weight = 0;
    for (const metric of zero.dimensions[1]?.metrics ?? []) metric.weight = 0;
    expect(issuesOf(zero)).toEqual([
      { code: "policy.weights.sum", path: "policy.dimensions" },
      { code: "policy.weights.sum", path: "policy.dimensions.1.metrics" },
    ]);
  });

  it("rejects unordered thresholds, wrong tier sequences, share totals above 1, bad bands and ranges", () => {
    expect(
      issuesOf({
        ...base,
        assignment: {
          method: "thresholds",
          thresholds: [
            { tier: "key", minScore: 60 },
            { tier: "strategic", minScore: 80 },
          ],
        },
      }),
    ).toEqual([{ code: "policy.tiers.sequence", path: "policy.assignment.thresholds" }]);
    expect(
      issuesOf({
        ...base,
        assignment: {
          method: "shares",
          shares: [
            { tier: "strategic", share: 0.6 },
            { tier: "key", share: 0.5 },
          ],
        },
      }),
    ).toEqual([{ code: "policy.share.total", path: "policy.assignment.shares" }]);
    const bands = structuredClone(base) as TierPolicy;
    const credit = bands.dimensions[1]?.metrics[0] as TierPolicy["dimensions"][0]["metrics"][0];
    credit.normalise = {
      method: "bands",
      bands: [
        { from: 0, points: 0 },
        { from: 0, points: 100 },
      ],
    };
    expect(issuesOf(bands)).toEqual([
      { code: "policy.band.order", path: "policy.dimensions.1.metrics.0.normalise.bands.1.from" },
      { code: "policy.band.points", path: "policy.dimensions.1.metrics.0.normalise.bands.1.points" },
    ]);
    expect(
      issuesOf({
        ...base,
        ratings: [{ name: "fit", min: 5, max: 1 }],
        tiers: [{ name: "strategic", gates: [{ metric: "score" }] }, { name: "key" }, { name: "ordinary" }],
        newAccounts: { graceDays: 90, tier: "new" },
      }),
    ).toEqual([
      { code: "policy.range.order", path: "policy.ratings.0" },
      { code: "policy.condition.empty", path: "policy.tiers.0.gates.0" },
      { code: "policy.tier.unknown", path: "policy.newAccounts.tier" },
    ]);
  });

  it("renders every policy issue in English and Chinese", () => {
    try {
      parseTierPolicy({ ...base, assignment: { method: "abc", metric: "turnover" } });
    } catch (error) {
      const [issue] = (error as KeyAccountError).issues;
      expect(issue?.message).toBe(
        "The metric turnover at policy.assignment.metric is not known: use a metric of TIER_METRICS, a declared rating (rating.NAME), score or dimension.NAME.",
      );
      expect(formatMessage(issue?.code ?? "field.unknown", issue?.params, "zh-CN")).toContain(
        "指标 turnover 不存在",
      );
    }
  });

  it("exports a JSON Schema for CRM settings forms", () => {
    const schema = z.toJSONSchema(tierPolicySchema()) as {
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual(["version", "name", "dimensions", "tiers", "assignment"]);
    expect(schema.additionalProperties).toBe(false);
  });
});
