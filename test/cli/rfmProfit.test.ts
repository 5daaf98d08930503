import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ONLINE_RETAIL_ARGUMENTS } from "../onlineRetail.js";
import { csvRows as csv, runCommand as run } from "./runCommand.js";

const work = mkdtempSync(join(tmpdir(), "keyaccount-rfm-"));

describe("keyaccount rfm", () => {
  it("writes the scores and segments of the Online Retail customers", async () => {
    const { code, stdout, stderr } = await run("rfm", ...ONLINE_RETAIL_ARGUMENTS);
    expect(code).toBe(0);
    const rows = csv(stdout);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "recency",
      "frequency",
      "monetary",
      "r",
      "f",
      "m",
      "rfm",
      "segment",
    ]);
    // Customer 13488 (hand-computed in test/rfm/onlineRetail.test.ts): 17 days, 10 orders, £599.83.
    const c = rows.find((row) => row.id === "13488");
    expect([c?.recency, c?.frequency, c?.monetary]).toEqual(["17", "10", "599.83"]);
    expect(c?.rfm).toBe(`${c?.r}${c?.f}${c?.m}`);
    for (const row of rows) expect(Number(row.r) >= 1 && Number(row.r) <= 5).toBe(true);
    expect(stderr).toMatch(/scored \d+ customers/);
    expect(stderr).toContain("champions:");
  });

  it("takes R rfm's method and rules and reports the map's gaps; a user map from a file", async () => {
    const packaged = await run(
      "rfm",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--method",
      "rfm-package",
      "--segments",
      "rfm-package",
      "--format",
      "json",
    );
    expect(packaged.code).toBe(0);
    expect(packaged.stderr).toContain('segment map "rfm-package" leaves');
    const parsed = JSON.parse(packaged.stdout) as { segment: string }[];
    expect(parsed.some((row) => row.segment === "others")).toBe(true);
    const mapFile = join(work, "map.json");
    writeFileSync(
      mapFile,
      JSON.stringify({
        name: "halves",
        bins: 2,
        rules: [
          { segment: "top", r: [2, 2] },
          { segment: "bottom", r: [1, 1] },
        ],
      }),
    );
    const own = await run(
      "rfm",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--bins",
      "2",
      "--method",
      "ntile",
      "--segments",
      mapFile,
    );
    expect(own.code).toBe(0);
    const rows = csv(own.stdout);
    expect(new Set(rows.map((row) => row.segment))).toEqual(new Set(["top", "bottom"]));
    for (const row of rows) expect(row.segment).toBe(row.r === "2" ? "top" : "bottom");
  });

  it("refuses bad flags with exit code 2", async () => {
    expect((await run("rfm", ...ONLINE_RETAIL_ARGUMENTS, "--bins", "12")).code).toBe(2);
    expect((await run("rfm", ...ONLINE_RETAIL_ARGUMENTS, "--method", "magic")).code).toBe(2);
    const badMap = join(work, "bad.json");
    writeFileSync(badMap, JSON.stringify({ name: "x", bins: 5, rules: [{ segment: "a", r: [4, 9] }] }));
    const bad = await run("rfm", ...ONLINE_RETAIL_ARGUMENTS, "--segments", badMap);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("segments.rules.0.r");
  });
});

describe("keyaccount profit", () => {
  const model = join(work, "costs.json");
  writeFileSync(
    model,
    JSON.stringify({
      currency: "GBP",
      marginRate: 0.4,
      perOrderMinor: 250,
      perOrderLineMinor: 10,
      perDeliveryMinor: 400,
    }),
  );

  it("writes each customer's P&L and ABC class, exact to the penny", async () => {
    const { code, stdout, stderr } = await run("profit", ...ONLINE_RETAIL_ARGUMENTS, "--cost-model", model);
    expect(code).toBe(0);
    const rows = csv(stdout);
    const c = rows.find((row) => row.id === "13488");
    // 13488: net £599.83, no cost column → goods 599.83 × 0.6 = 359.898 → 359.90 (half-even on pence);
    // margin 239.93; 10 orders × 2.50 + 31 lines × 0.10 + 9 days with a sale × 4.00 = 64.10 → profit 175.83.
    expect(c?.net_revenue).toBe("599.83");
    expect(c?.cost_of_goods).toBe("359.90");
    expect(c?.gross_margin).toBe("239.93");
    expect(c?.cost_orders).toBe("25.00");
    expect(c?.cost_order_lines).toBe("3.10");
    expect(c?.cost_deliveries).toBe("36.00");
    expect(c?.cost_to_serve).toBe("64.10");
    expect(c?.profit).toBe("175.83");
    expect(Number(c?.margin_percent)).toBeCloseTo((17583 / 59983) * 100, 4);
    expect(new Set(rows.map((row) => row.abc))).toEqual(new Set(["A", "B", "C"]));
    expect(stderr).toMatch(/ABC on profit: A \d+, B \d+, C \d+/);
  });

  it("writes JSON with the whale curve", async () => {
    const { code, stdout } = await run(
      "profit",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--cost-model",
      model,
      "--json",
      "--abc-on",
      "revenue",
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      customers: { profit: string }[];
      whaleCurve: { totalProfitMinor: number; peak: { cumulativeProfitMinor: number } };
    };
    const total = doc.customers.reduce((sum, row) => sum + Math.round(Number(row.profit) * 100), 0);
    expect(doc.whaleCurve.totalProfitMinor).toBe(total);
    expect(doc.whaleCurve.peak.cumulativeProfitMinor).toBeGreaterThanOrEqual(total);
  });

  it("refuses a bad cost model listing every problem", async () => {
    const bad = join(work, "bad-costs.json");
    writeFileSync(bad, JSON.stringify({ currency: "GBP", perOrderMinor: 2.5, surprise: 1 }));
    const { code, stderr } = await run("profit", ...ONLINE_RETAIL_ARGUMENTS, "--cost-model", bad);
    expect(code).toBe(2);
    expect(stderr).toContain("costModel.perOrderMinor");
    expect(stderr).toContain("costModel.surprise");
    expect((await run("profit", ...ONLINE_RETAIL_ARGUMENTS)).code).toBe(2);
  });
});
