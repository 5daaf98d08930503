import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestReport } from "../../src/ingest/IngestReport.js";
import { ingestCustomers } from "../../src/ingest/ingestCustomers.js";
import { ingestInteractions } from "../../src/ingest/ingestInteractions.js";
import { ingestInvoices } from "../../src/ingest/ingestInvoices.js";
import { ingestQualifications } from "../../src/ingest/ingestQualifications.js";
import { ingestTransactions } from "../../src/ingest/ingestTransactions.js";
import { type GeneratedAccount, generatePortfolio } from "../../src/pipeline/generatePortfolio.js";
import { csvRows, runCommand } from "./runCommand.js";

const FILES = [
  "customers.csv",
  "interactions.csv",
  "invoices.csv",
  "pool.csv",
  "qualifications.csv",
  "ratings.csv",
  "tiers.csv",
  "transactions.csv",
];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "keyaccount-generate-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function generate(name: string, ...flags: string[]) {
  const out = join(root, name);
  const run = await runCommand("generate", ...flags, "--out", out);
  return { out, run };
}

async function rowsOf(dir: string, file: string): Promise<Record<string, string>[]> {
  return csvRows(await readFile(join(dir, file), "utf8"));
}

function noRejections(report: IngestReport): { rejected: number; byCode: Record<string, number> } {
  return { rejected: report.rejected, byCode: report.rejectedByCode };
}

/** What the flat files can hold of an account's customer record: the primary contact. */
function flatCustomer({ customer }: GeneratedAccount) {
  return { ...customer, ...(customer.contacts ? { contacts: customer.contacts.slice(0, 1) } : {}) };
}

describe("keyaccount generate", () => {
  it("writes the same bytes for the same options, and other bytes for another seed", async () => {
    const flags = ["--accounts", "60", "--seed", "5", "--as-of", "2026-11-30"];
    const a = await generate("a", ...flags);
    const b = await generate("b", ...flags);
    const c = await generate("c", "--accounts", "60", "--seed", "6", "--as-of", "2026-11-30");
    expect([a.run.code, b.run.code, c.run.code]).toEqual([0, 0, 0]);
    expect((await readdir(a.out)).sort()).toEqual(FILES);
    for (const file of FILES) {
      const bytes = await readFile(join(a.out, file));
      expect(bytes.equals(await readFile(join(b.out, file))), file).toBe(true);
    }
    const other = await readFile(join(c.out, "customers.csv"));
    expect(other.equals(await readFile(join(a.out, "customers.csv")))).toBe(false);
  });

  it("regenerates the committed example portfolio byte for byte (examples/data/README.md)", async () => {
    const { out, run } = await generate(
      "example",
      "--accounts",
      "500",
      "--seed",
      "7",
      "--as-of",
      "2026-11-30",
    );
    expect(run.code).toBe(0);
    for (const file of FILES) {
      const bytes = await readFile(join(out, file));
      expect(bytes.equals(await readFile(join("examples/data/portfolio", file))), file).toBe(true);
    }
  });

  it("writes files the ingest functions read back, unchanged and without a rejected row", async () => {
    const { out, run } = await generate(
      "zh",
      "--accounts",
      "80",
      "--seed",
      "9",
      "--as-of",
      "2025-06-30",
      "--years",
      "3",
      "--currency",
      "CNY",
      "--locale",
      "zh-CN",
    );
    expect(run.code).toBe(0);
    const accounts = [
      ...generatePortfolio({
        accounts: 80,
        seed: 9,
        asOf: "2025-06-30",
        years: 3,
        currency: "CNY",
        locale: "zh-CN",
      }),
    ];
    const customers = ingestCustomers(await rowsOf(out, "customers.csv"));
    const transactions = ingestTransactions(await rowsOf(out, "transactions.csv"), { currency: "CNY" });
    const interactions = ingestInteractions(await rowsOf(out, "interactions.csv"));
    const invoices = ingestInvoices(await rowsOf(out, "invoices.csv"));
    const qualifications = ingestQualifications(await rowsOf(out, "qualifications.csv"));
    for (const { report } of [customers, transactions, interactions, invoices, qualifications])
      expect(noRejections(report)).toEqual({ rejected: 0, byCode: {} });
    expect(customers.records).toEqual(accounts.map(flatCustomer));
    expect(transactions.records).toEqual(accounts.flatMap((a) => a.transactions));
    expect(interactions.records).toEqual(accounts.flatMap((a) => a.interactions));
    expect(invoices.records).toEqual(accounts.flatMap((a) => a.invoices));
    expect(qualifications.records).toEqual(accounts.flatMap((a) => a.qualifications));
    const tiers = await rowsOf(out, "tiers.csv");
    expect(tiers).toEqual(
      accounts
        .filter((a) => a.previousTier !== undefined)
        .map((a) => ({
          id: a.customer.id,
          tier: a.previousTier,
          periods_below: String(a.previousPeriodsBelow),
        })),
    );
    const flag = (value: boolean | undefined) => (value ? "1" : "0");
    expect(await rowsOf(out, "pool.csv")).toEqual(
      accounts.map(({ customer, pool }) => ({
        id: customer.id,
        claimed_date: pool?.claimedDate,
        locked: flag(pool?.locked),
        won: flag(pool?.won),
      })),
    );
    // The summary line counts the rows of each file, in the language of --locale.
    expect(run.stderr).toBe(
      `已为 80 家客户生成示例数据，写入 ${out}：transactions ${transactions.records.length} 行、` +
        `interactions ${interactions.records.length} 行、invoices ${invoices.records.length} 行、` +
        `qualifications ${qualifications.records.length} 行、tiers ${tiers.length} 行、ratings 80 行、pool 80 行\n`,
    );
  });

  it("quotes the fields that need it (company names with commas)", async () => {
    const { out } = await generate("en", "--accounts", "120", "--seed", "7");
    const text = await readFile(join(out, "customers.csv"), "utf8");
    expect(text).toMatch(/"[^"\n]+, (Inc\.|LLC)"/);
    const rows = await rowsOf(out, "customers.csv");
    expect(rows.some((row) => /, (Inc\.|LLC)$/.test(row.company ?? ""))).toBe(true);
    expect(rows.every((row) => Object.keys(row).length === 20)).toBe(true);
  });

  it("feeds signals and tier with their default columns", async () => {
    const { out } = await generate("run", "--accounts", "150", "--seed", "3", "--as-of", "2026-11-30");
    const report = join(out, "report.json");
    const files = (name: string) => join(out, `${name}.csv`);
    const signals = await runCommand(
      "signals",
      files("transactions"),
      "--as-of",
      "2026-11-30",
      "--policy",
      "all",
      "--customers",
      files("customers"),
      "--interactions",
      files("interactions"),
      "--invoices",
      files("invoices"),
      "--qualifications",
      files("qualifications"),
      "--tiers",
      files("tiers"),
      "--pool",
      files("pool"),
      "--report",
      report,
    );
    expect(signals.code).toBe(0);
    const reports = JSON.parse(await readFile(report, "utf8")) as IngestReport[];
    expect(reports.map((r) => r.kind)).toEqual([
      "transactions",
      "customers",
      "interactions",
      "invoices",
      "qualifications",
    ]);
    for (const r of reports) expect(r.rejected).toBe(0);
    const categories = new Set(csvRows(signals.stdout).map((row) => row.category));
    for (const category of ["churn", "credit", "complaint", "follow-up", "care", "qualification", "profile"])
      expect(categories).toContain(category);
    const tier = await runCommand(
      "tier",
      files("transactions"),
      "--as-of",
      "2026-11-30",
      "--policy",
      "strategic-key-ordinary",
      "--previous",
      files("tiers"),
      "--migration",
    );
    expect(tier.code).toBe(0);
    expect(tier.stdout).toContain("Strategic account");
  });

  it("refuses a run without --out, and bad options with the reason", async () => {
    const noOut = await runCommand("generate", "--accounts", "5");
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out is required");
    const notNumber = await generate("bad1", "--accounts", "many");
    expect(notNumber.run.code).toBe(2);
    expect(notNumber.run.stderr).toContain('--accounts must be a number; got "many"');
    const bad = await generate("bad2", "--accounts", "2.5", "--locale", "fr", "--as-of", "2026-13-01");
    expect(bad.run.code).toBe(2);
    expect(bad.run.stderr).toContain("accounts");
    expect(bad.run.stderr).toContain("fr is not en or zh-CN");
    expect(bad.run.stderr).toContain("2026-13-01 is not a date");
    await expect(readdir(bad.out)).rejects.toThrow(); // nothing written
  });
});
