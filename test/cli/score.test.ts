// keyaccount score on the example portfolio: the files it writes agree with each other and with the library, the
// tiers it writes are the next run's --previous, the report is self-contained with every chart drawn, contacts'
// names stay out of it unless asked, and bad usage gets a clear message.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SpilledTexts } from "../../src/cli/SpilledTexts.js";
import { csvRows, runCommand, runCommandIn } from "./runCommand.js";

const D = "examples/data/portfolio";
const RECORDS = [
  "--transactions",
  `${D}/transactions.csv`,
  "--customers",
  `${D}/customers.csv`,
  "--interactions",
  `${D}/interactions.csv`,
  "--invoices",
  `${D}/invoices.csv`,
  "--qualifications",
  `${D}/qualifications.csv`,
  "--pool",
  `${D}/pool.csv`,
  "--ratings",
  `${D}/ratings.csv`,
  "--policy",
  "examples/data/portfolio-policy.json",
  "--as-of",
  "2026-11-30",
];

let root: string;
let first: { out: string; stdout: string; stderr: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "keyaccount-score-"));
  const out = join(root, "first");
  const run = await runCommand("score", ...RECORDS, "--previous", `${D}/tiers.csv`, "--out", out);
  expect(run.code, run.stderr).toBe(0);
  first = { out, stdout: run.stdout, stderr: run.stderr };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (dir: string, file: string): Promise<string> => readFile(join(dir, file), "utf8");

describe("keyaccount score", () => {
  it("writes one customer row per account, and the summary's tiers count them", async () => {
    const customers = csvRows(await read(first.out, "customers.csv"));
    expect(customers).toHaveLength(500);
    const summary = JSON.parse(await read(first.out, "summary.json"));
    expect(summary.totals.accounts).toBe(500);
    for (const row of summary.byTier as { tier: string; accounts: number; revenueMinor: number }[]) {
      const inTier = customers.filter((customer) => customer.tier === row.tier);
      expect(inTier, row.tier).toHaveLength(row.accounts);
      // Revenue in the CSV is in dollars and cents; the summary in cents.
      const cents = inTier.reduce((sum, customer) => sum + Math.round(Number(customer.revenue) * 100), 0);
      expect(cents, row.tier).toBe(row.revenueMinor);
    }
    expect(summary.ingest.transactions).toMatchObject({ input: 10_756, accepted: 10_756, rejected: 0 });
    expect(summary.clv.fitted).toBe(true);
    expect(summary.clv.check.byFrequency.length).toBeGreaterThan(3);
  });

  it("prints the headline and ends with the row accounting and the time taken", () => {
    expect(first.stdout).toMatch(
      /^Key accounts 2026 \(example\), as of 2026-11-30: 500 accounts\n {2}Strategic account/,
    );
    expect(first.stdout).toContain("top accounts by CLV:");
    expect(first.stdout).toMatch(/critical alerts: \d+/);
    expect(first.stdout).toContain(`report: ${join(first.out, "report.html")}`);
    expect(first.stderr).toContain("transactions: rows read 10756: used 10756, rejected 0");
    expect(first.stderr).toContain("interactions: rows read 7893: used 7893, rejected 0");
    expect(first.stderr).toMatch(/whole run \d+\.\d\d s\n$/);
  });

  it("speaks Chinese with KEYACCOUNT_LOCALE=zh-CN over the policy's English: headline, accounting, closing lines", async () => {
    const out = join(root, "zh");
    const run = await runCommandIn(
      { KEYACCOUNT_LOCALE: "zh-CN" },
      "score",
      ...RECORDS,
      "--previous",
      `${D}/tiers.csv`,
      "--out",
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Key accounts 2026 (example)，截至 2026-11-30：共 500 家客户");
    // One line per tier with its Chinese label and the accounts the English run counted in it.
    const summary = JSON.parse(await read(first.out, "summary.json"));
    const labels: Record<string, string> = { strategic: "战略客户", key: "重点客户", ordinary: "普通客户" };
    summary.byTier.forEach((row: { tier: string; accounts: number }, i: number) => {
      expect(lines[i + 1]).toMatch(
        new RegExp(`^ {2}${labels[row.tier]} +${row.accounts} 家  净销售额 [\\d.]+ USD$`),
      );
    });
    expect(run.stdout).toContain("客户终身价值（CLV）最高的客户：");
    expect(run.stdout).toMatch(/严重预警 \d+ 条（另有警告 \d+ 条）/);
    expect(run.stdout).toContain(`报告：${join(out, "report.html")}`);
    expect(run.stderr).toContain("交易明细：共读取 10756 行：导入 10756 行，剔除 0 行");
    expect(run.stderr).toContain("跟进记录：共读取 7893 行：导入 7893 行，剔除 0 行");
    expect(run.stderr).toMatch(/全程用时 \d+\.\d\d 秒\n$/);
    const customers = csvRows(await read(out, "customers.csv"));
    expect(new Set(customers.map((row) => row.tier_label))).toEqual(new Set(Object.values(labels)));
  });

  it("writes tiers the next run reads as --previous: with the same data, only the held accounts move, down", async () => {
    const tiers = csvRows(await read(first.out, "tiers.csv"));
    expect(Object.keys(tiers[0] ?? {})).toEqual(["id", "tier", "periods_below", "score"]);
    const out = join(root, "again");
    const run = await runCommand(
      "score",
      ...RECORDS,
      "--previous",
      join(first.out, "tiers.csv"),
      "--out",
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const again = csvRows(await read(out, "customers.csv"));
    const order = ["strategic", "key", "ordinary"];
    const held = new Set(tiers.filter((row) => row.periods_below !== "0").map((row) => row.id));
    expect(held.size).toBeGreaterThan(0);
    again.forEach((row, i) => {
      const before = tiers[i];
      expect(row.id).toBe(before?.id);
      // The policy moves an account down after two periods below its tier: one held in the first run (one period
      // below) moves down now, as the data have not changed; every other account keeps its tier.
      if (held.has(row.id ?? "")) {
        expect(row.changed, row.id).toBe("true");
        expect(order.indexOf(row.tier ?? ""), row.id).toBeGreaterThan(order.indexOf(before?.tier ?? ""));
      } else expect([row.id, row.tier]).toEqual([before?.id, before?.tier]);
    });
  });

  it("keeps the customer records in memory when no temporary file can be made, with the same results", async () => {
    const open = vi.spyOn(SpilledTexts, "open");
    const saved = process.env.TMPDIR;
    // A file where the temporary folder should be.
    process.env.TMPDIR = join(first.out, "customers.csv");
    const out = join(root, "in-memory");
    try {
      const run = await runCommand("score", ...RECORDS, "--previous", `${D}/tiers.csv`, "--out", out);
      expect(run.code, run.stderr).toBe(0);
      expect(open.mock.results.map((result) => result.value)).toEqual([undefined]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      open.mockRestore();
    }
    for (const file of ["customers.csv", "alerts.csv", "tasks.csv", "tiers.csv", "report.html"])
      expect(await read(out, file), file).toBe(await read(first.out, file));
  });

  it("lists alerts critical first and tasks by due date, each with its key", async () => {
    const alerts = csvRows(await read(first.out, "alerts.csv"));
    const rank: Record<string, number> = { critical: 0, warning: 1, info: 2 };
    const ranks = alerts.map((alert) => rank[alert.severity ?? ""] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(alerts.every((alert) => alert.key === `${alert.rule}|${alert.customer_id}`)).toBe(true);
    const customers = csvRows(await read(first.out, "customers.csv"));
    const counted = customers.reduce((sum, customer) => sum + Number(customer.alerts), 0);
    expect(counted).toBe(alerts.length);
    const tasks = csvRows(await read(first.out, "tasks.csv"));
    const days = tasks.map((task) => Number(task.days_until));
    expect(days.every((day) => day <= 14)).toBe(true);
  });

  it("writes a self-contained report with every chart drawn and contacts' names hidden", async () => {
    const html = await read(first.out, "report.html");
    for (const chart of ["tiers", "rfm", "whaleCurve", "migration", "modelCheck", "alerts"]) {
      expect(html, chart).toMatch(new RegExp(`data-chart="${chart}"[^>]*>\\s*<svg`));
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    const customers = csvRows(await readFile(`${D}/customers.csv`, "utf8"));
    const names = customers.map((customer) => customer.contactName).filter((name) => name);
    expect(names.filter((name) => html.includes(`${name} of `))).toEqual([]);
    const birthdays = csvRows(await read(first.out, "tasks.csv")).filter(
      (task) => task.occasion === "birthday",
    );
    expect(birthdays.length).toBeGreaterThan(0);
    expect(html.split("(personal data hidden) of ").length - 1).toBe(birthdays.length);
  });

  it("says what is missing or wrong, with exit code 2", async () => {
    const noPolicy = await runCommand(
      "score",
      "--transactions",
      `${D}/transactions.csv`,
      "--as-of",
      "2026-11-30",
    );
    expect(noPolicy.code).toBe(2);
    expect(noPolicy.stderr).toContain("--policy is required");
    const badLocale = await runCommand("score", ...RECORDS, "--out", join(root, "x"), "--locale", "fr");
    expect(badLocale.code).toBe(2);
    expect(badLocale.stderr).toContain('--locale must be one of en, zh-CN; got "fr"');
  });
});
