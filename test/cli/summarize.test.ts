import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CDNOW_ARGUMENTS } from "../cdnow.js";
import { ONLINE_RETAIL_ARGUMENTS } from "../onlineRetail.js";
import { csvRows, runCommand as run } from "./runCommand.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const work = mkdtempSync(join(tmpdir(), "keyaccount-cli-"));

describe("keyaccount summarize", () => {
  it("reproduces the published CDNOW calibration summary from the whitespace-separated sample", async () => {
    const { code, stdout, stderr } = await run("summarize", ...CDNOW_ARGUMENTS);
    expect(code).toBe(0);
    expect(stderr).toContain("rows read 6919: used 6919, rejected 0");
    expect(stderr).toContain("customers 2357 (2357 with a BTYD summary)");
    // The file writes ids zero-padded (0001); the published table writes them as numbers (1).
    const ours = new Map(csvRows(stdout).map((row) => [String(Number(row.id)), row]));
    const published = csvRows(readFileSync(join(fixtures, "cdnow_customers_summary.csv"), "utf8"));
    expect(published).toHaveLength(2357);
    for (const expected of published) {
      const row = ours.get(expected.ID as string);
      expect(row, `customer ${expected.ID}`).toBeDefined();
      expect(Number(row?.frequency)).toBe(Number(expected.frequency));
      expect(Math.abs(Number(row?.recency) - Number(expected.recency))).toBeLessThanOrEqual(0.005);
      expect(Math.abs(Number(row?.T) - Number(expected.T))).toBeLessThanOrEqual(0.005);
    }
  });

  it("accounts for every line of the messy Online Retail sample and writes JSON", async () => {
    const report = join(work, "report.json");
    const out = join(work, "summary.json");
    const { code, stderr } = await run(
      "summarize",
      ...ONLINE_RETAIL_ARGUMENTS,
      "--format=json",
      `--out=${out}`,
      `--report=${report}`,
    );
    expect(code).toBe(0);
    const accounting = JSON.parse(readFileSync(report, "utf8"));
    expect(accounting.input).toBe(30_000);
    expect(accounting.accepted + accounting.rejected).toBe(30_000);
    expect(accounting.rejectedByCode["id.missing"]).toBe(2000);
    expect(accounting.ignoredColumns).toEqual(["Description", "Country"]);
    expect(stderr).toContain(`rows read 30000: used ${accounting.accepted}, rejected ${accounting.rejected}`);
    const summary = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>[];
    // Every customer id of an accepted line has exactly one summary row.
    const lines = csvRows(readFileSync(join(fixtures, "online_retail_sample_30k.csv"), "utf8"));
    const customers = new Set(lines.map((line) => line.CustomerID).filter((id) => id !== ""));
    expect(summary.length).toBeLessThanOrEqual(customers.size);
    expect(new Set(summary.map((row) => row.id)).size).toBe(summary.length);
    expect(Object.keys(summary[0] ?? {}).slice(0, 5)).toEqual([
      "id",
      "frequency",
      "recency",
      "T",
      "monetary_value",
    ]);
  });

  it("counts lines it cannot read as rejected rows, with their reason", async () => {
    const jsonl = join(work, "lines.jsonl");
    writeFileSync(
      jsonl,
      [
        '{"customerId":"A","date":"2024-01-02","amount":"10.00"}',
        "not json",
        "[1,2]",
        '{"customerId":"A","date":"2024-02-02","amount":"5.50"}',
      ].join("\n"),
    );
    const jsonlRun = await run("summarize", jsonl, "--as-of", "2024-06-30", "--format", "jsonl");
    expect(jsonlRun.code).toBe(0);
    expect(jsonlRun.stderr).toContain("rows read 4: used 2, rejected 2");
    expect(jsonlRun.stderr).toContain("rejected row.unreadable: 2");
    const [customer] = jsonlRun.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(customer).toMatchObject({ id: "A", frequency: 1, revenue: "15.50" });

    const csv = join(work, "ragged.csv");
    writeFileSync(csv, "customerId,date,amount\nA,2024-01-02,10.00\nB,2024-01-03,1,extra\n");
    const csvRun = await run("summarize", csv, "--as-of", "2024-06-30");
    expect(csvRun.stderr).toContain("rows read 2: used 1, rejected 1");
    expect(csvRun.stderr).toContain("row 2: This line cannot be read as a row");
  });

  it("refuses unusable input with exit code 2 and a message that names the problem", async () => {
    const csv = join(work, "small.csv");
    writeFileSync(csv, "cust,day,amount\nA,2024-01-02,10.00\n");
    const cases: [string[], string][] = [
      [["summarize", join(work, "missing.csv"), "--as-of", "2024-06-30"], "cannot read the file"],
      [
        ["summarize", csv, "--as-of", "2024-06-30"],
        'no column "customerId" (--customer-col), "date" (--date-col)',
      ],
      [["summarize", csv, "--customer-col", "cust", "--date-col", "day"], "--as-of is required"],
      [
        ["summarize", csv, "--as-of", "2024-06-30", "--bogus"],
        'unknown option --bogus; "keyaccount summarize --help" lists the options',
      ],
      [["summarize", csv, "--as-of", "2024-06-30", "--time-unit", "fortnight"], "--time-unit must be one of"],
      [["summarize", csv, "--customer-col", "cust", "--date-col", "day", "--as-of", "2024-31-12"], "asOf"],
      [["frobnicate"], 'unknown command "frobnicate"'],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toContain(message);
    }
  });

  it("prints help and the version", async () => {
    expect((await run("--help")).stdout).toContain("keyaccount summarize  per-customer summary");
    expect((await run("summarize", "--help")).stdout).toContain("--calibration-end");
    expect((await run("--version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
