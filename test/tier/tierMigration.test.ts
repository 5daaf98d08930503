import { describe, expect, it } from "vitest";
import {
  assignTiers,
  type CustomerFeatures,
  scoreAccounts,
  type TierPolicy,
  tierMigration,
} from "../../src/index.js";

const policy: TierPolicy = {
  version: 1,
  name: "test",
  dimensions: [
    {
      name: "value",
      weight: 1,
      metrics: [{ metric: "revenue", weight: 1, normalise: { method: "minMax", min: 0, max: 100 } }],
    },
  ],
  tiers: [{ name: "strategic" }, { name: "key" }, { name: "ordinary" }],
  assignment: {
    method: "thresholds",
    thresholds: [
      { tier: "strategic", minScore: 80 },
      { tier: "key", minScore: 50 },
    ],
  },
};

describe("tierMigration", () => {
  it("counts accounts and revenue from each previous tier to each current tier and lists the moves", () => {
    const revenues: [string, number][] = [
      ["A", 90],
      ["B", 60],
      ["C", 20],
      ["D", 85],
      ["E", 55],
    ];
    const card = scoreAccounts(
      revenues.map(([id, revenueMinor]) => ({ id, features: { id, revenueMinor } as CustomerFeatures })),
      policy,
    );
    const result = assignTiers(card, {
      asOf: "2024-12-31",
      previous: [
        { id: "A", tier: "strategic" },
        { id: "B", tier: "strategic" },
        { id: "C", tier: "key" },
        { id: "D", tier: "key" },
        { id: "Z", tier: "ordinary" },
      ],
    });
    const migration = tierMigration(result);
    expect(migration.from).toEqual(["strategic", "key", "ordinary", "new"]);
    expect(migration.to).toEqual(["strategic", "key", "ordinary", "departed"]);
    expect(migration.accounts).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 1, 0, 0],
    ]);
    expect(migration.revenueMinor).toEqual([
      [90, 60, 0, 0],
      [85, 0, 20, 0],
      [0, 0, 0, 0],
      [0, 55, 0, 0],
    ]);
    expect(migration.moved.map((move) => [move.id, move.from, move.to, move.up])).toEqual([
      ["B", "strategic", "key", false],
      ["C", "key", "ordinary", false],
      ["D", "key", "strategic", true],
    ]);
    expect(migration.moved[0]?.reasons.map((reason) => reason.code)).toEqual([
      "tier.threshold.met",
      "tier.hysteresis.down-periods",
    ]);
    expect(migration.counts).toEqual({ up: 1, down: 2, unchanged: 1, new: 1, departed: 1 });
  });
});
