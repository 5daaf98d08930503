import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CDNOW_ARGUMENTS } from "../cdnow.js";
import { csvRows, runCommand as run } from "./runCommand.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const work = mkdtempSync(join(tmpdir(), "keyaccount-clv-"));

describe("keyaccount fit", () => {
  it("fits BG/NBD on the CDNOW summary as published, with the issue's JSON fields", async () => {
    const { code, stdout } = await run(
      "fit",
      join(fixtures, "cdnow_customers_summary.csv"),
      "--model",
      "bgnbd",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        "model",
        "params",
        "logLikelihood",
        "standardErrors",
        "converged",
        "iterations",
        "n",
      ]),
    );
    expect(result.model).toBe("bgnbd");
    expect(result.n).toBe(2357);
    expect(result.converged).toBe(true);
    expect(result.params.r.toFixed(3)).toBe("0.243");
    expect(result.params.b.toFixed(3)).toBe("2.426");
    expect(result.logLikelihood.toFixed(1)).toBe("-9582.4");
  });
  it("fits BG/BB on donations.csv as it is (periods, weights)", async () => {
    const { code, stdout } = await run("fit", join(fixtures, "donations.csv"), "--model", "bgbb", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.n).toBe(11_104);
    expect(result.params.delta.toFixed(3)).toBe("2.783");
    expect(result.logLikelihood.toFixed(1)).toBe("-33225.6");
  });
  it("fits Gamma-Gamma on x, zbar and sBG on survivors; headers are case-insensitive", async () => {
    const spend = await run(
      "fit",
      join(fixtures, "cdnow_customers_summary_with_transactions.csv"),
      "--model",
      "gammagamma",
      "--json",
    );
    expect(JSON.parse(spend.stdout).params.q.toFixed(2)).toBe("3.74");
    const survivors = join(work, "cohort.csv");
    writeFileSync(survivors, "Period,SURVIVORS\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n");
    const sbg = await run("fit", survivors, "--model", "sbg", "--json");
    expect(JSON.parse(sbg.stdout).params.alpha.toFixed(3)).toBe("0.704");
  });
  it("fits from a transaction file with the summarize flags", async () => {
    const { code, stdout } = await run("fit", ...CDNOW_ARGUMENTS, "--model", "bgnbd", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.n).toBe(2357);
    expect(result.timeUnit).toBe("week");
    // The summary from transactions differs from the published one by rounding (≤ 0.0043 weeks), so the
    // estimates agree to about 2 decimals.
    expect(result.params.r).toBeCloseTo(0.243, 2);
    expect(result.params.alpha).toBeCloseTo(4.414, 1);
  });
  it("rejects an unknown model with exit code 2", async () => {
    const { code, stderr } = await run("fit", join(fixtures, "donations.csv"), "--model", "nbd");
    expect(code).toBe(2);
    expect(stderr).toContain("--model must be one of");
  });
});

describe("keyaccount predict", () => {
  it("writes id, expected_purchases, p_alive; the BG/NBD checkpoint is 1.226", async () => {
    const params = join(work, "bgnbd.json");
    await run("fit", join(fixtures, "cdnow_customers_summary.csv"), "--model", "bgnbd", "--out", params);
    const { code, stdout } = await run(
      "predict",
      join(fixtures, "cdnow_customers_summary.csv"),
      "--model",
      "bgnbd",
      "--params",
      params,
      "--horizon",
      "39",
    );
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows).toHaveLength(2357);
    expect(Object.keys(rows[0] ?? {})).toEqual(["id", "expected_purchases", "p_alive"]);
    expect(Number(rows[0]?.expected_purchases).toFixed(3)).toBe("1.226");
  });
  it("writes expected_spend for gammagamma", async () => {
    const { stdout } = await run(
      "predict",
      join(fixtures, "cdnow_customers_summary_with_transactions.csv"),
      "--model",
      "gammagamma",
    );
    const rows = csvRows(stdout);
    expect(Object.keys(rows[0] ?? {})).toEqual(["id", "expected_spend"]);
    expect(Number(rows[0]?.expected_spend)).toBeGreaterThan(22.35);
  });
});

describe("keyaccount clv", () => {
  it("needs the file's time unit and writes id, clv and the parts", async () => {
    const file = join(fixtures, "cdnow_customers_summary_with_transactions.csv");
    const flags = [
      "--horizon",
      "12",
      "--horizon-unit",
      "month",
      "--discount-rate",
      "0.01",
      "--discount-unit",
      "month",
    ];
    const missing = await run("clv", file, ...flags);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--time-unit is required");
    const { code, stdout } = await run("clv", file, ...flags, "--margin", "1", "--time-unit", "week");
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows).toHaveLength(2357);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "clv",
      "expected_purchases",
      "expected_spend",
      "p_alive",
    ]);
    for (const row of rows) expect(Number(row.clv)).toBeGreaterThanOrEqual(0);
    const first = rows[0] as Record<string, string>;
    // Discounting each month's purchases at 1% per month: between the undiscounted value and it / 1.01¹².
    const undiscounted = Number(first.expected_spend) * Number(first.expected_purchases);
    expect(Number(first.clv)).toBeLessThan(undiscounted);
    expect(Number(first.clv)).toBeGreaterThan(undiscounted / 1.01 ** 12);
  });
});
