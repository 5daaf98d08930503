import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TierPolicy } from "../../src/index.js";
import { ONLINE_RETAIL_ARGUMENTS } from "../onlineRetail.js";
import { csvRows as csv, runCommand as run } from "./runCommand.js";

const work = mkdtempSync(join(tmpdir(), "keyaccount-tier-"));
const file = (name: string, text: string): string => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

// A: 9,000.00 over three orders; B: 3,000.00 over two; C: 500.00 once.
const transactions = file(
  "sales.csv",
  [
    "customerId,date,amount,orderId",
    "A,2024-03-01,3000.00,1",
    "A,2024-06-01,3000.00,2",
    "A,2024-09-01,3000.00,3",
    "B,2024-04-01,1500.00,4",
    "B,2024-10-01,1500.00,5",
    "C,2024-11-01,500.00,6",
  ].join("\n"),
);

const policy: TierPolicy = {
  version: 1,
  name: "by revenue and fit",
  ratings: [{ name: "fit", min: 1, max: 5 }],
  dimensions: [
    {
      name: "value",
      weight: 4,
      metrics: [{ metric: "revenue", weight: 1, normalise: { method: "minMax", min: 0, max: 1000000 } }],
    },
    {
      name: "fit",
      weight: 1,
      metrics: [
        {
          metric: "rating.fit",
          weight: 1,
          normalise: { method: "minMax", min: 1, max: 5 },
          missing: "exclude",
        },
      ],
    },
  ],
  tiers: [{ name: "strategic" }, { name: "key" }, { name: "ordinary" }],
  assignment: {
    method: "thresholds",
    thresholds: [
      { tier: "strategic", minScore: 70 },
      { tier: "key", minScore: 25 },
    ],
  },
  hysteresis: { downPeriods: 2 },
};
const policyPath = file("policy.json", JSON.stringify(policy));
const ratings = file("ratings.csv", "id,fit\nA,5\nB,1\n");
const common = ["--as-of", "2024-12-31", "--policy", policyPath, "--currency", "CNY"];

describe("keyaccount tier", () => {
  it("writes each customer's tier, score, reason and dimension scores", async () => {
    const { code, stdout, stderr } = await run("tier", transactions, ...common, "--ratings", ratings);
    expect(stderr).toContain('tiered 3 customers with "by revenue and fit": strategic 1, key 0, ordinary 2');
    expect(code).toBe(0);
    const rows = csv(stdout);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "tier",
      "score",
      "previous_tier",
      "changed",
      "periods_below",
      "reason",
      "score_value",
      "score_fit",
    ]);
    // A: value 90, fit 100 → (4·90 + 100) / 5 = 92. B: value 30, fit 0 → 24. C: value 5, fit excluded → 5.
    expect(rows.map((row) => [row.id, row.tier, row.score, row.score_value, row.score_fit])).toEqual([
      ["A", "strategic", "92", "90", "100"],
      ["B", "ordinary", "24", "30", "0"],
      ["C", "ordinary", "5", "5", ""],
    ]);
    expect(rows[0]?.reason).toBe("Score 92 reaches the strategic threshold of 70.");
  });

  it("reads a features table written by summarize as well as the transactions", async () => {
    const features = join(work, "features.csv");
    const summarized = await run(
      "summarize",
      transactions,
      "--as-of",
      "2024-12-31",
      "--currency",
      "CNY",
      "--out",
      features,
    );
    expect(summarized.code).toBe(0);
    const fromTransactions = await run("tier", transactions, ...common, "--ratings", ratings);
    const fromFeatures = await run("tier", features, ...common, "--ratings", ratings);
    expect(fromFeatures.code).toBe(0);
    expect(fromFeatures.stdout).toBe(fromTransactions.stdout);
    expect(fromFeatures.stderr).not.toContain("rows read");
  });

  it("computes the growth metrics from a transaction file, not from a features table", async () => {
    // G: 100.00 in June 2023, 100.00 in March and 300.00 in September 2024, two categories.
    // F: 500.00 in March 2023, 200.00 in February 2024, one category.
    const sales = file(
      "growth.csv",
      [
        "customerId,date,amount,orderId,category",
        "G,2023-06-15,100.00,1,pumps",
        "G,2024-03-15,100.00,2,pumps",
        "G,2024-09-15,300.00,3,valves",
        "F,2023-03-15,500.00,4,pumps",
        "F,2024-02-15,200.00,5,pumps",
      ].join("\n"),
    );
    const growthPolicy = file(
      "growth-policy.json",
      JSON.stringify({
        ...policy,
        name: "growth",
        ratings: [],
        dimensions: [
          {
            name: "growth",
            weight: 1,
            metrics: [
              { metric: "yearOverYearGrowth", weight: 1, normalise: { method: "minMax", min: -1, max: 3 } },
              { metric: "crossSell", weight: 1, normalise: { method: "minMax", min: 0, max: 2 } },
              { metric: "trendGrowthRate", weight: 2, normalise: { method: "minMax", min: -0.5, max: 0.5 } },
              { metric: "shareOfWallet", weight: 1, normalise: { method: "minMax", min: 0, max: 1 } },
            ],
          },
        ],
      } satisfies TierPolicy),
    );
    const potentials = file("potentials.csv", "id,potential\nG,800.00\nF,1000.00\n");
    const args = ["--as-of", "2024-12-31", "--currency", "CNY", "--policy", growthPolicy];
    const growthArgs = [...args, "--category-col", "category", "--potentials", potentials];
    const { code, stdout } = await run("tier", sales, ...growthArgs);
    expect(code).toBe(0);
    // Year over year: G 400 ÷ 100 − 1 = 3 → 100 points, F 200 ÷ 500 − 1 = −0.6 → 10. Cross-sell: G 1 → 50, F 0.
    // Trend over the 12 months of 2024 (slope ÷ mean): G 12/143 → 58.39 points, F −54/143 → 12.24 points.
    // Share of wallet: G 400 ÷ 800 → 50 points, F 200 ÷ 1000 → 20 points.
    // G: (100 + 50 + 2 · 58.39 + 50) / 5 = 63.36; F: (10 + 0 + 2 · 12.24 + 20) / 5 = 10.90.
    expect(csv(stdout).map((row) => [row.id, row.score_growth])).toEqual([
      ["F", "10.9"],
      ["G", "63.36"],
    ]);
    const explained = await run("tier", sales, ...growthArgs, "--explain", "G");
    expect(explained.stdout).toMatch(/yearOverYearGrowth\s+20\.0 %\s+100\.00\s+20\.00\s+3\n/);
    expect(explained.stdout).toMatch(/shareOfWallet\s+20\.0 %\s+50\.00\s+10\.00\s+0\.5\n/);
    // Without --potentials the share of wallet is missing (neutral: 50 points): F (10 + 0 + 24.48 + 50) / 5.
    const withoutPotentials = await run("tier", sales, ...args, "--category-col", "category");
    expect(csv(withoutPotentials.stdout).map((row) => row.score_growth)).toEqual(["16.9", "63.36"]);
    // From a features table the growth metrics are missing: neutral, 50 points each.
    const features = join(work, "growth-features.csv");
    await run("summarize", sales, "--as-of", "2024-12-31", "--currency", "CNY", "--out", features);
    const fromFeatures = await run("tier", features, ...args);
    expect(csv(fromFeatures.stdout).map((row) => [row.id, row.score_growth])).toEqual([
      ["F", "50"],
      ["G", "50"],
    ]);
    const refused = await run("tier", features, ...args, "--potentials", potentials);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--potentials needs a transaction file");
  });

  it("reads the CLV metrics from the table of a fitted model (--clv), missing without it", async () => {
    const clvTable = file(
      "clv.csv",
      "id,clv,expected_purchases,expected_spend,p_alive\nA,1234.56,3.2,385.8,0.9\nB,100,0.5,200,0.4\n",
    );
    const clvPolicy = file(
      "clv-policy.json",
      JSON.stringify({
        ...policy,
        name: "clv",
        ratings: [],
        dimensions: [
          {
            name: "value",
            weight: 1,
            metrics: [
              { metric: "clv", weight: 1, normalise: { method: "minMax", min: 0, max: 200000 } },
              { metric: "pAlive", weight: 1, normalise: { method: "minMax", min: 0, max: 1 } },
            ],
          },
        ],
      } satisfies TierPolicy),
    );
    const args = ["--as-of", "2024-12-31", "--currency", "CNY", "--policy", clvPolicy];
    const { code, stdout } = await run("tier", transactions, ...args, "--clv", clvTable);
    expect(code).toBe(0);
    // A: 123,456 fen of 200,000 → 61.73 points, p_alive 0.9 → 90: 75.86. B: 5 and 40: 22.5. C: not in the table,
    // neutral 50 and 50.
    expect(csv(stdout).map((row) => [row.id, row.score])).toEqual([
      ["A", "75.86"],
      ["B", "22.5"],
      ["C", "50"],
    ]);
    const without = await run("tier", transactions, ...args);
    expect(csv(without.stdout).map((row) => row.score)).toEqual(["50", "50", "50"]);
  });

  it("holds a tier by hysteresis against --previous, applies overrides and prints the migration", async () => {
    const previous = file("previous.csv", "id,tier,periods_below\nA,key,0\nB,key,0\nC,key,1\nD,key,0\n");
    const overrides = file(
      "overrides.csv",
      "id,tier,reason,author,expires\nC,strategic,national framework contract,Wang Li,2024-06-30\n",
    );
    const out = join(work, "tiers.csv");
    const { code, stdout } = await run(
      "tier",
      transactions,
      ...common,
      "--ratings",
      ratings,
      "--previous",
      previous,
      "--overrides",
      overrides,
      "--migration",
      "--locale",
      "zh-CN",
      "--out",
      out,
    );
    expect(code).toBe(0);
    const rows = csv(readFileSync(out, "utf8"));
    expect(rows.map((row) => [row.id, row.tier, row.previous_tier, row.changed, row.periods_below])).toEqual([
      ["A", "strategic", "key", "true", "0"],
      ["B", "key", "key", "false", "1"],
      ["C", "ordinary", "key", "true", "0"],
    ]);
    expect(rows[1]?.reason).toContain("已连续 1 期低于 key（本期测算为 ordinary），未满 2 期，暂保留 key。");
    expect(rows[2]?.reason).toContain("Wang Li 设定的 strategic 人工调整已于 2024-06-30 到期，不再生效。");
    expect(stdout).toContain("分级迁移：升级 1 家，降级 1 家，不变 1 家，新增 0 家，退出 1 家");
    expect(stdout).toMatch(/key\s+1\s+1\s+1\s+1/);
    expect(stdout).toContain("A key → strategic（升级）");
    const alone = await run("tier", transactions, ...common, "--migration");
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--migration needs --previous");
  });

  it("explains one account", async () => {
    const { code, stdout } = await run(
      "tier",
      transactions,
      ...common,
      "--ratings",
      ratings,
      "--explain",
      "A",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("A: strategic (score 92.00)");
    expect(stdout).toMatch(/value\s+80\.0 %\s+90\.00\s+72\.00/);
    expect(stdout).toMatch(/revenue\s+80\.0 %\s+90\.00\s+72\.00\s+9000\.00 CNY/);
    expect(stdout).toMatch(/rating\.fit\s+20\.0 %\s+100\.00\s+20\.00\s+5/);
  });

  it("tiers with a preset, and refuses a bad policy listing every problem", async () => {
    const preset = await run("tier", transactions, "--as-of", "2024-12-31", "--policy", "abc");
    expect(preset.code).toBe(0);
    expect(csv(preset.stdout).map((row) => row.tier)).toEqual(["A", "A", "C"]);
    const bad = file(
      "bad.json",
      JSON.stringify({ ...policy, colour: "red", assignment: { method: "abc", metric: "turnover" } }),
    );
    const refused = await run("tier", transactions, "--as-of", "2024-12-31", "--policy", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("policy.colour: The field policy.colour is not known.");
    expect(refused.stderr).toContain("policy.assignment.metric: The metric turnover");
    const unknown = await run("tier", transactions, "--as-of", "2024-12-31", "--policy", "platinum");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--policy must be one of strategic-key-ordinary, vip-gold-silver-bronze, abc, or a JSON file that can be read; got "platinum"',
    );
  });
});

describe("keyaccount tier on the Online Retail sample", () => {
  it("tiers every customer with the strategic / key / potential / ordinary preset, in Chinese", async () => {
    const { code, stdout, stderr } = await run(
      "tier",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--policy",
      "strategic-key-ordinary",
      "--locale",
      "zh-CN",
    );
    expect(code).toBe(0);
    const rows = csv(stdout);
    // The tally names the tiers by their Chinese labels and counts the rows written.
    const count = (tier: string) => rows.filter((row) => row.tier === tier).length;
    expect(stderr).toContain(
      `已按“strategic / key / potential / ordinary”为 ${rows.length} 家客户分级：战略客户 ${count("strategic")} 家、` +
        `重点客户 ${count("key")} 家、潜力客户 ${count("potential")} 家、普通客户 ${count("ordinary")} 家`,
    );
    expect(stderr).toMatch(/共读取 30000 行：导入 \d+ 行，剔除 \d+ 行/);
    const tiers = new Set(rows.map((row) => row.tier ?? ""));
    expect([...tiers].every((tier) => ["strategic", "key", "potential", "ordinary"].includes(tier))).toBe(
      true,
    );
    expect(tiers.has("key")).toBe(true);
    for (const row of rows) {
      expect(Number(row.score)).toBeGreaterThanOrEqual(0);
      expect(Number(row.score)).toBeLessThanOrEqual(100);
      expect(row.reason).toMatch(/规则|等级/);
    }
  });
});

describe("keyaccount policy", () => {
  it("prints the JSON Schema and the presets, and checks a file", async () => {
    const schema = await run("policy", "--schema");
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).required).toEqual([
      "version",
      "name",
      "dimensions",
      "tiers",
      "assignment",
    ]);
    const preset = await run("policy", "--preset", "vip-gold-silver-bronze");
    expect(JSON.parse(preset.stdout).tiers.map((tier: { name: string }) => tier.name)).toEqual([
      "vip",
      "gold",
      "silver",
      "bronze",
    ]);
    expect((await run("policy", "--check", policyPath)).stdout).toContain(
      'the policy "by revenue and fit" is valid',
    );
    expect((await run("policy")).code).toBe(2);
  });
});
