import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPTIONS, examplePortfolio } from "../../examples/what-if/examplePortfolio.js";
import { REPOSITORY_ROOT } from "../../examples/what-if/serve.mjs";
import {
  generatePortfolio,
  type PortfolioModels,
  type PortfolioPolicy,
  type PortfolioResult,
  scorePortfolio,
} from "../../src/index.js";
import { type BrowserSession, launchBrowser } from "./launchBrowser.js";

// The what-if page (examples/what-if) in Debian's Chromium against the built browser bundle: it loads, a real
// mouse drag on a slider and typed values change its figures, and every figure equals what the library computes
// here in Node for the policy the page ended up with. Needs `npm run build` first (npm test runs it after).

/** What the page keeps in `window.whatIf` (examples/what-if/what-if.js). */
interface WhatIfState {
  ready: boolean;
  runs: number;
  inputs: number;
  portfolio: { accounts: number; transactions: number; revenueMinor: number };
  policy: PortfolioPolicy;
  error?: string;
  summary: {
    changedCount: number;
    changed: { id: string; from: string; to: string }[];
    clvTotalMinor: number;
    alerts: { appeared: Record<string, number>; cleared: Record<string, number> };
    recomputeMs: number;
  };
}

/** The parts of the example policy (examples/data/portfolio-policy.json) the page edits, as they are there. */
interface ExamplePolicyShape {
  tiers: { assignment: { thresholds: { tier: string; minScore: number }[] } };
  clv: { margin: number };
  signals: { settings: { followUpCadenceDays: Record<string, number> } };
}

const shape = (policy: PortfolioPolicy): ExamplePolicyShape => policy as unknown as ExamplePolicyShape;

// The screenshot of docs/what-if.md. Its figures include timings, so it differs on every run: it is written there
// only on request (`UPDATE_SCREENSHOTS=1 npm run test:browser`), else to a temporary folder.
const SCREENSHOT =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? `${REPOSITORY_ROOT}docs/images/what-if.png`
    : join(tmpdir(), "keyaccount-what-if.png");
const examplePolicy = JSON.parse(
  readFileSync(`${REPOSITORY_ROOT}examples/data/portfolio-policy.json`, "utf8"),
) as PortfolioPolicy;
const { records, previous } = examplePortfolio(generatePortfolio);
const options = { asOf: EXAMPLE_OPTIONS.asOf, previous };

const state = (page: Page): Promise<WhatIfState> =>
  page.evaluate(() => (globalThis as unknown as { whatIf: WhatIfState }).whatIf);

const numberAt = async (page: Page, testId: string): Promise<number> =>
  Number(await page.getByTestId(testId).getAttribute("data-value"));

const tierCounts = (result: PortfolioResult): Record<string, number> =>
  Object.fromEntries(result.byTier.map((row) => [row.tier, row.accounts]));

async function shownTierCounts(page: Page, tiers: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const tier of tiers) counts[tier] = await numberAt(page, `tier-accounts-${tier}`);
  return counts;
}

// Alert keys in one run and not in the other, counted by rule (the key is `rule|customerId`).
function alertChanges(from: PortfolioResult, to: PortfolioResult): Record<string, number> {
  const before = new Set(from.signals.alerts.map((alert) => alert.key));
  const counts: Record<string, number> = {};
  for (const { key, rule } of to.signals.alerts) if (!before.has(key)) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

const tierChanges = (
  from: PortfolioResult,
  to: PortfolioResult,
): { id: string; from: string; to: string }[] =>
  to.accounts.flatMap((account, i) => {
    const before = from.accounts[i];
    expect(before?.id).toBe(account.id);
    return before?.tier === account.tier
      ? []
      : [{ id: account.id, from: before?.tier ?? "", to: account.tier }];
  });

// Waits until the page's latest run used the value its control shows now (`scale`: the control's unit per policy
// unit, 100 for a per-cent field), i.e. the run after the last input event.
async function settled(
  page: Page,
  control: string,
  policyValue: (policy: PortfolioPolicy) => number | undefined,
  scale = 1,
): Promise<void> {
  await expect
    .poll(async () => {
      const { policy } = await state(page);
      const shown = Number(await page.getByTestId(control).inputValue());
      return Math.abs((policyValue(policy) ?? Number.NaN) * scale - shown) < 1e-9;
    })
    .toBe(true);
}

const attribute = (page: Page, testId: string, name: string): Promise<string | null> =>
  page.getByTestId(testId).getAttribute(name);

describe("the what-if page", () => {
  let session: BrowserSession;
  let page: Page;
  let baseline: PortfolioResult;
  let models: PortfolioModels;

  beforeAll(async () => {
    session = await launchBrowser();
    page = session.page;
    await page.goto(new URL("examples/what-if/", session.baseUrl).href);
    baseline = scorePortfolio(records, examplePolicy, options);
    const purchase = baseline.clv.purchase;
    if (purchase === undefined) throw new Error("the example portfolio fitted no purchase model");
    models = { purchase: { model: purchase.model, params: purchase.params }, spend: baseline.clv.spend };
    await page.waitForFunction(
      () => (globalThis as unknown as { whatIf?: WhatIfState }).whatIf?.ready === true,
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it("first shows the example policy's run, as the library computes it", async () => {
    expect(await attribute(page, "status", "data-state")).toBe("ready");
    expect(
      (await state(page)).portfolio,
      "the page made another portfolio than the library: is dist/browser/keyaccount.js older than src/? (npm run build)",
    ).toEqual({
      accounts: records.customers?.length,
      transactions: records.transactions?.length,
      revenueMinor: baseline.totals.revenueMinor,
    });
    const tiers = baseline.byTier.map((row) => row.tier);
    expect(tiers).toEqual(["strategic", "key", "ordinary"]);
    expect(await shownTierCounts(page, tiers)).toEqual(tierCounts(baseline));
    expect(await numberAt(page, "changed-count")).toBe(0);
    expect(await numberAt(page, "clv-total")).toBeCloseTo(baseline.totals.clvMinor, 0);
    expect(await numberAt(page, "alerts-appeared")).toBe(0);
    expect(await numberAt(page, "recompute-ms")).toBeGreaterThan(0);
  });

  it("follows a slider drag with the figures the library computes for the edited policy", async () => {
    const slider = page.getByTestId("slider-threshold-key");
    const box = await slider.boundingBox();
    if (box === null) throw new Error("the key threshold's slider is not visible");
    const threshold = (policy: PortfolioPolicy): number | undefined =>
      shape(policy).tiers.assignment.thresholds.find((entry) => entry.tier === "key")?.minScore;
    const start = threshold(examplePolicy) as number;
    expect(Number(await slider.inputValue())).toBe(start);
    // A range input's value follows the pointer across its track (0 to 100 here): grab the thumb where the
    // example's threshold puts it and drag it 8 points down, half a point at a time.
    const y = box.y + box.height / 2;
    const at = (score: number): number => box.x + 8 + ((box.width - 16) * score) / 100;
    await page.mouse.move(at(start), y);
    await page.mouse.down();
    for (let score = start - 0.5; score >= start - 8; score -= 0.5) await page.mouse.move(at(score), y);
    await page.mouse.up();
    await settled(page, "slider-threshold-key", threshold);

    const { policy, summary, runs, inputs } = await state(page);
    expect(threshold(policy)).toBeGreaterThanOrEqual(start - 10);
    expect(threshold(policy)).toBeLessThanOrEqual(start - 6);
    // Many input events, fewer recomputes: at most one per frame.
    expect(inputs).toBeGreaterThan(5);
    expect(runs).toBeLessThanOrEqual(inputs + 1);

    const edited = scorePortfolio(records, policy, { ...options, models });
    const changed = tierChanges(baseline, edited);
    // A lower bar for key moves ordinary accounts up to key (those past it by the hysteresis margin), nothing else.
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((change) => change.from === "ordinary" && change.to === "key")).toBe(true);
    expect(tierCounts(edited).key).toBe((tierCounts(baseline).key as number) + changed.length);
    expect(await shownTierCounts(page, Object.keys(tierCounts(edited)))).toEqual(tierCounts(edited));
    expect(await numberAt(page, "changed-count")).toBe(changed.length);
    expect(summary.changed.map(({ id, from, to }) => ({ id, from, to }))).toEqual(changed);
    const listed = await page.getByTestId("changed-account").evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute("data-id"),
        from: item.getAttribute("data-from"),
        to: item.getAttribute("data-to"),
      })),
    );
    expect(listed.length).toBe(Math.min(15, changed.length));
    for (const item of listed) expect(changed).toContainEqual(item);
    expect(await numberAt(page, "clv-total")).toBeCloseTo(edited.totals.clvMinor, 0);
    expect(summary.clvTotalMinor).toBeCloseTo(baseline.totals.clvMinor, 0);
  });

  it("recomputes CLV and alerts from typed values, as the library does", async () => {
    await page.getByTestId("input-clv-margin").fill("36");
    await settled(
      page,
      "input-clv-margin",
      (policy) => (policy.clv === false ? undefined : policy.clv?.margin),
      100,
    );
    await page.getByTestId("input-cadence-key").fill("20");
    await settled(
      page,
      "input-cadence-key",
      (policy) => shape(policy).signals.settings.followUpCadenceDays.key,
    );
    const { policy, summary, error } = await state(page);
    expect(error).toBeUndefined();
    const edited = scorePortfolio(records, policy, { ...options, models });

    // CLV scales with the margin: 36 % instead of 30 %.
    expect(edited.totals.clvMinor / baseline.totals.clvMinor).toBeCloseTo(36 / 30, 9);
    expect(await numberAt(page, "clv-total")).toBeCloseTo(edited.totals.clvMinor, 0);
    expect(await numberAt(page, "clv-change")).toBeCloseTo(
      edited.totals.clvMinor - baseline.totals.clvMinor,
      0,
    );
    expect(await shownTierCounts(page, Object.keys(tierCounts(edited)))).toEqual(tierCounts(edited));

    const appeared = alertChanges(baseline, edited);
    const cleared = alertChanges(edited, baseline);
    expect(appeared["follow-up.overdue"]).toBeGreaterThan(0);
    expect(summary.alerts.appeared).toEqual(appeared);
    expect(summary.alerts.cleared).toEqual(cleared);
    const total = (counts: Record<string, number>): number =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    expect(await numberAt(page, "alerts-appeared")).toBe(total(appeared));
    expect(await numberAt(page, "alerts-cleared")).toBe(total(cleared));
    const row = page.locator('[data-testid="alert-rule"][data-rule="follow-up.overdue"]');
    expect(await row.getAttribute("data-appeared")).toBe(String(appeared["follow-up.overdue"]));

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
    expect(session.errors).toEqual([]);
  });

  it("says so when an edit makes the policy invalid, and keeps the last figures", async () => {
    const before = await numberAt(page, "clv-total");
    await page.getByTestId("input-threshold-strategic").fill("40");
    await expect.poll(() => attribute(page, "status", "data-state")).toBe("error");
    expect(await page.getByTestId("error").textContent()).toContain("The threshold of key");
    expect(await numberAt(page, "clv-total")).toBe(before);
    await page.getByRole("button", { name: "Reset to the example policy" }).click();
    await expect.poll(() => attribute(page, "status", "data-state")).toBe("ready");
    expect(await page.getByTestId("error").isHidden()).toBe(true);
    expect(await numberAt(page, "changed-count")).toBe(0);
    expect(await numberAt(page, "clv-total")).toBeCloseTo(baseline.totals.clvMinor, 0);
  });
});
