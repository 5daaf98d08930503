// keyaccount rfm with the Chinese 8-class model on the Online Retail sample: every class checked against the
// rule recomputed from the written values.
import { describe, expect, it } from "vitest";
import { defineSegmentMap, RFM_EIGHT_CLASS_SEGMENTS } from "../../src/index.js";
import { ONLINE_RETAIL_ARGUMENTS } from "../onlineRetail.js";
import { csvRows as csv, runCommand as run } from "./runCommand.js";

const CLASSES = defineSegmentMap(RFM_EIGHT_CLASS_SEGMENTS).segments;

type Row = Record<string, string>;

// The class by the rule, against the mean or median of the written columns (monetary in pence).
function classesByRule(rows: Row[], method: "mean" | "median"): string[] {
  const column = (name: string) =>
    rows.map((row) => (name === "monetary" ? Math.round(Number(row[name]) * 100) : Number(row[name])));
  const centre = (values: number[]) => {
    if (method === "mean") return values.reduce((a, b) => a + b, 0) / values.length;
    const sorted = [...values].sort((a, b) => a - b);
    const half = (sorted.length - 1) / 2;
    return ((sorted[Math.floor(half)] as number) + (sorted[Math.ceil(half)] as number)) / 2;
  };
  const [days, orders, pence] = [column("recency"), column("frequency"), column("monetary")];
  const [dayCentre, orderCentre, penceCentre] = [centre(days), centre(orders), centre(pence)];
  return rows.map((_, i) => {
    const importance = (pence[i] as number) > penceCentre ? "important" : "general";
    const recent = (days[i] as number) < dayCentre;
    const frequent = (orders[i] as number) > orderCentre;
    return `${importance}-${recent ? (frequent ? "value" : "develop") : frequent ? "retain" : "win-back"}`;
  });
}

describe("keyaccount rfm --segments eight-class", () => {
  it("puts every customer in one of the eight classes against the means", async () => {
    const { code, stdout, stderr } = await run(
      "rfm",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--segments",
      "eight-class",
    );
    expect(code).toBe(0);
    const rows = csv(stdout);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.map((row) => row.segment)).toEqual(classesByRule(rows, "mean"));
    expect(new Set(rows.map((row) => row.segment))).toEqual(new Set(CLASSES));
    for (const row of rows) expect(row.rfm).toMatch(/^[12]{3}$/);
    expect(stderr).toMatch(
      /break points \(mean\): recency [\d.]+ days \(left-closed\); frequency [\d.]+ orders \(right-closed\)/,
    );
    for (const segment of CLASSES) expect(stderr).toContain(`  ${segment}: `);
  });

  it("--method median alone takes the 8-class map and splits at the medians", async () => {
    const { code, stdout, stderr } = await run("rfm", ...ONLINE_RETAIL_ARGUMENTS, "--method", "median");
    expect(code).toBe(0);
    const rows = csv(stdout);
    expect(rows.map((row) => row.segment)).toEqual(classesByRule(rows, "median"));
    expect(stderr).toContain("break points (median)");
  });

  it("refuses the 8-class map with other than 2 bins", async () => {
    const result = await run("rfm", ...ONLINE_RETAIL_ARGUMENTS, "--segments", "eight-class", "--bins", "5");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the map "eight-class" is for 2 scores, the scoring has 5`);
  });
});
