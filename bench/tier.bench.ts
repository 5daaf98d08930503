// Scoring and tiering a portfolio: 1,000,000 accounts on the VIP / gold / silver / bronze preset (percentile and
// min–max metrics, thresholds with hysteresis against a previous run), and the browser what-if case — 10,000
// accounts re-tiered after a threshold change, with the scorecard kept (target: under 16 ms, one animation
// frame). A run of the second case is a slider sweep of 10 threshold positions, so its time ÷ 10 is one change.
// The 1M case returns columns; the per-account objects with their reasons are built on first read. Accounts are
// made here by the library's seeded generator, not by summarize.
import {
  assignTiers,
  type CustomerFeatures,
  createRandom,
  type PreviousTier,
  type Scorecard,
  scoreAccounts,
  TIER_PRESETS,
  type TierInput,
  type TierPolicy,
} from "../src/index.js";
import type { BenchCase } from "./case.js";

const TIERS = ["vip", "gold", "silver", "bronze"];

function accounts(count: number, seed: number): TierInput[] {
  const next = createRandom(seed);
  const list: TierInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const orders = 1 + Math.floor(-Math.log(1 - next()) * 6);
    const revenueMinor = Math.round(orders * 2000 * (0.2 + 4 * next() * next()));
    const id = `C${String(i).padStart(7, "0")}`;
    const features = {
      id,
      revenueMinor,
      grossMarginMinor: Math.round(revenueMinor * (0.1 + 0.3 * next())),
      orderCount: orders,
      tenureDays: Math.floor(next() * 3000),
      daysSinceLastPurchase: Math.floor(next() * 720),
      receivables: next() < 0.7 ? { maxDaysPastDue: Math.floor(next() * next() * 120) } : undefined,
    } as CustomerFeatures;
    list[i] = { id, features };
  }
  return list;
}

function previousOf(inputs: readonly TierInput[], seed: number): PreviousTier[] {
  const next = createRandom(seed);
  return inputs.map((input) => ({ id: input.id, tier: TIERS[Math.floor(next() * TIERS.length)] as string }));
}

const policy = TIER_PRESETS["vip-gold-silver-bronze"];
let large: TierInput[] = [];
let largePrevious: PreviousTier[] = [];
let small: Scorecard | undefined;
let smallPrevious: PreviousTier[] = [];
let changed: TierPolicy[] = [];

export const cases: BenchCase[] = [
  {
    name: "score + tier (VIP preset, hysteresis against a previous run), 1M accounts",
    setup: () => {
      if (large.length > 0) return;
      large = accounts(1_000_000, 11);
      largePrevious = previousOf(large, 12);
    },
    run: () => assignTiers(scoreAccounts(large, policy), { asOf: "2024-12-31", previous: largePrevious }),
    rows: 1_000_000,
  },
  {
    name: "re-tier 10,000 accounts after a threshold change (scorecard kept), ×10 slider positions",
    setup: () => {
      const inputs = accounts(10_000, 21);
      small = scoreAccounts(inputs, policy);
      smallPrevious = previousOf(inputs, 22);
      // A what-if slider: the VIP threshold moved through 80..89, one policy per position.
      changed = Array.from({ length: 10 }, (_, k) => ({
        ...policy,
        assignment: {
          method: "thresholds",
          thresholds: [
            { tier: "vip", minScore: 80 + k },
            { tier: "gold", minScore: 70 },
            { tier: "silver", minScore: 50 },
          ],
        },
      }));
    },
    run: () =>
      changed.map(
        (what) =>
          assignTiers(small as Scorecard, { asOf: "2024-12-31", previous: smallPrevious, policy: what })
            .tierIndex,
      ),
    rows: 100_000,
  },
];
