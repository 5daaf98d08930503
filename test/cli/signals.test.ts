import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvRows, runCommand } from "./runCommand.js";

const DIR = "test/fixtures/signals";
const RECORDS = [
  `${DIR}/transactions.csv`,
  "--as-of",
  "2024-06-30",
  "--order-col",
  "orderId",
  "--category-col",
  "category",
  "--customers",
  `${DIR}/customers.jsonl`,
  "--interactions",
  `${DIR}/interactions.csv`,
  "--invoices",
  `${DIR}/invoices.jsonl`,
  "--qualifications",
  `${DIR}/qualifications.csv`,
  "--tiers",
  `${DIR}/tiers.csv`,
  "--pool",
  `${DIR}/pool.csv`,
];

describe("keyaccount signals", () => {
  it("writes the fixture's alerts sorted by severity, each with its evidence and key", async () => {
    const run = await runCommand("signals", ...RECORDS, "--policy", `${DIR}/policy.json`);
    expect(run.code).toBe(0);
    const rows = csvRows(run.stdout);
    const severities = rows.map((row) => row.severity ?? "");
    const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(severities).toEqual([...severities].sort((a, b) => (rank[a] ?? 9) - (rank[b] ?? 9)));
    const byKey = new Map(rows.map((row) => [row.key ?? "", row]));
    // C2: INV-201 due 2024-03-02, unpaid: 120 days past due on 2024-06-30, so $500.00 in the 90+ bucket.
    expect(byKey.get("credit.overdue-90-plus|C2")).toMatchObject({
      severity: "critical",
      category: "credit",
      message: "$500.00 is more than 90 days past due.",
      evidence: "overdue90Plus=50000 > 0",
    });
    expect(byKey.get("credit.rating-low|C2")?.message).toBe("Credit rating D.");
    // C1: intervals 30, 31, 30, 31, 31, 29 days → median 30.5; last order 2024-03-10 is 112 days back > 61.
    expect(byKey.get("churn.overdue-cycle|C1")).toMatchObject({
      severity: "warning",
      evidence: "daysSinceLastPurchase=112 > 61 (purchaseInterval 30.5 × 2 + 0); orders=7 >= 3",
    });
    expect(byKey.has("churn.overdue-cycle-long|C1")).toBe(false); // 112 ≤ 4 × 30.5 = 122
    // C3: opened 2024-06-25 01:00 UTC, no response by 2024-07-01 00:00 UTC: 143 hours, past 24 and 72.
    expect(byKey.get("complaint.response-late|C3")?.message).toBe(
      "Complaints answered later than the 24-hour target: 1 (longest wait 143 hours).",
    );
    expect(byKey.get("churn.satisfaction-falling|C3")?.message).toBe(
      "Satisfaction fell to 2 from an average of 5.",
    );
    // C4: the drug-trading licence expired 2024-06-01; the business licence expires in 15 days (≤ 30).
    expect(byKey.get("qualification.expired|C4")?.severity).toBe("critical");
    expect(byKey.get("qualification.expiring|C4")?.message).toBe("The business-licence expires in 15 days.");
    // C4 is locked: no pool alert. C5 was claimed 25 days ago and not followed up: 30 − 25 = 5 days left ≤ 7.
    expect([...byKey.keys()].some((key) => key.startsWith("pool.") && key.endsWith("|C4"))).toBe(false);
    expect(byKey.get("pool.return-warning|C5")?.message).toBe(
      "Returns to the shared pool in 5 days unless followed up or won.",
    );
    // C1's contact Li Wei has a birthday on 3 July: 3 days away.
    expect(byKey.get("care.upcoming|C1")?.message).toBe("A care date (birthday) is 3 days away.");
    expect(run.stderr).toContain("signals for 5 customers as of 2024-06-30:");
    expect(run.stderr).toContain("qualifications: rows read 3: used 3, rejected 0");
  });

  it("speaks Chinese with --locale zh-CN and lists the tasks of the next days", async () => {
    const out = join(tmpdir(), `keyaccount-alerts-${process.pid}.csv`);
    const kpis = join(tmpdir(), `keyaccount-kpis-${process.pid}.json`);
    try {
      const run = await runCommand(
        "signals",
        ...RECORDS,
        "--policy",
        `${DIR}/policy.json`,
        "--locale",
        "zh-CN",
        "--out",
        out,
        "--tasks",
        "14",
        "--kpis",
        kpis,
      );
      expect(run.code).toBe(0);
      const alerts = csvRows(await readFile(out, "utf8"));
      expect(alerts.find((row) => row.key === "pool.return-warning|C5")?.message).toBe(
        "公海回收提醒：5 天后将退回公海，请及时跟进或成交。",
      );
      const tasks = csvRows(run.stdout);
      // The run summary in Chinese too: the counts of the alerts written, by severity and by category.
      const severity = (name: string) => alerts.filter((row) => row.severity === name).length;
      expect(run.stderr).toContain(
        `截至 2024-06-30，5 家客户的预警：严重 ${severity("critical")} 条，警告 ${severity("warning")} 条，` +
          `提示 ${severity("info")} 条（`,
      );
      const pool = alerts.filter((row) => row.category === "pool").length;
      expect(run.stderr).toMatch(new RegExp(`[（、]公海回收 ${pool} 条[、）]`));
      expect(run.stderr).toContain(`未来 14 天内到期的任务：${tasks.length} 项`);
      expect(run.stderr).toContain("资质证照：共读取 3 行：导入 3 行，剔除 0 行");
      const byKey = new Map(tasks.map((task) => [task.key, task]));
      // C1 (strategic, every 14 days) was visited on 2024-06-20: due 2024-07-04, in 4 days.
      expect(byKey.get("follow-up|C1|2024-07-04")).toMatchObject({ days_until: "4", kind: "follow-up" });
      // C4 was founded 2004-07-08: the 20th anniversary in 8 days.
      expect(byKey.get("care|C4|founding|2024-07-08|")?.message).toBe(
        "2024-07-08 是 Delta Pharma 成立 20 周年，请送上祝贺。",
      );
      expect(byKey.get("pool-return|C5|2024-07-05")?.days_until).toBe("5");
      const days = tasks.map((task) => Number(task.days_until));
      expect(days).toEqual([...days].sort((a, b) => a - b));
      const report = JSON.parse(await readFile(kpis, "utf8"));
      // One NPS answer in the window (C3's 4): a detractor, NPS −100.
      expect(report.portfolio.nps).toMatchObject({ respondents: 1, detractors: 1, score: -100 });
    } finally {
      await rm(out, { force: true });
      await rm(kpis, { force: true });
    }
  });

  it("runs built-in packs by name, prints a pack, and refuses an unknown one", async () => {
    const credit = await runCommand("signals", ...RECORDS, "--policy", "credit");
    expect(csvRows(credit.stdout).every((row) => row.category === "credit")).toBe(true);
    const printed = await runCommand("signals", "--print-pack", "qualification");
    expect(JSON.parse(printed.stdout).rules[0].id).toBe("qualification.expired");
    const unknown = await runCommand("signals", ...RECORDS, "--policy", "churn,colour");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown pack colour");
  });

  it("reports a bad policy with the JSON path of every problem", async () => {
    const path = join(tmpdir(), `keyaccount-policy-${process.pid}.json`);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        rules: [
          {
            id: "r1",
            category: "churn",
            severity: "loud",
            when: { metric: "turnover", op: "<", value: 5 },
            message: { en: "Low {turnover}" },
          },
        ],
      }),
    );
    try {
      const run = await runCommand("signals", ...RECORDS, "--policy", path);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("policy.rules.0.severity");
      expect(run.stderr).toContain("The metric turnover at policy.rules.0.when.metric is not known");
      expect(run.stderr).toContain("names turnover");
    } finally {
      await rm(path, { force: true });
    }
  });
});
