// The report keyaccount score writes, opened in Debian's Chromium as a user would: every chart drew (an SVG with
// its marks, laid out at a real size), the page loads nothing from outside, and the account links land on the
// account's section; in Chinese, with a CJK font to draw it. `UPDATE_SCREENSHOTS=1 npm run test:browser` writes
// the screenshots of docs/report.md.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../cli/runCommand.js";
import { type BrowserSession, launchBrowser } from "./launchBrowser.js";

const D = "examples/data/portfolio";
const screenshot = (name: string): string =>
  process.env.UPDATE_SCREENSHOTS === "1"
    ? fileURLToPath(new URL(`../../docs/images/${name}.png`, import.meta.url))
    : join(tmpdir(), `keyaccount-${name}.png`);

const RECORDS = [
  ...["--transactions", `${D}/transactions.csv`, "--customers", `${D}/customers.csv`],
  ...["--interactions", `${D}/interactions.csv`, "--invoices", `${D}/invoices.csv`],
  ...[
    "--qualifications",
    `${D}/qualifications.csv`,
    "--pool",
    `${D}/pool.csv`,
    "--ratings",
    `${D}/ratings.csv`,
  ],
  ...[
    "--previous",
    `${D}/tiers.csv`,
    "--policy",
    "examples/data/portfolio-policy.json",
    "--as-of",
    "2026-11-30",
  ],
];

// Each chart and the least number of marks it must have drawn for the example portfolio: bars per tier (accounts
// and revenue), the 5 × 5 RFM cells, the whale curve's line, the migration cells, the model check's two lines,
// alert bars.
const CHARTS: Record<string, number> = {
  tiers: 6,
  rfm: 25,
  whaleCurve: 1,
  migration: 12,
  modelCheck: 2,
  alerts: 6,
};

let root: string;
let session: BrowserSession;
const requests: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "keyaccount-report-"));
  const run = await runCommand(
    "score",
    ...["--transactions", `${D}/transactions.csv`, "--customers", `${D}/customers.csv`],
    ...["--interactions", `${D}/interactions.csv`, "--invoices", `${D}/invoices.csv`],
    ...[
      "--qualifications",
      `${D}/qualifications.csv`,
      "--pool",
      `${D}/pool.csv`,
      "--ratings",
      `${D}/ratings.csv`,
    ],
    ...["--previous", `${D}/tiers.csv`, "--policy", "examples/data/portfolio-policy.json"],
    ...["--as-of", "2026-11-30", "--out", root],
  );
  expect(run.code, run.stderr).toBe(0);
  session = await launchBrowser({ width: 1280, height: 900 });
  session.page.on("request", (request) => requests.push(request.url()));
  await session.page.goto(pathToFileURL(join(root, "report.html")).href);
});

afterAll(async () => {
  await session?.close();
  await rm(root, { recursive: true, force: true });
});

describe("the report in Chromium", () => {
  it("draws every chart: an SVG with its marks, at a real size", async () => {
    const drawn = await session.page.$$eval("[data-chart]", (elements) =>
      elements.map((element) => {
        const svg = element.querySelector("svg");
        const box = svg?.getBoundingClientRect();
        return {
          name: element.getAttribute("data-chart") ?? "",
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks:
            svg?.querySelectorAll(".mark-rect path, .mark-line path, .mark-area path, .mark-rect rect")
              .length ?? 0,
        };
      }),
    );
    expect(drawn.map((chart) => chart.name).sort()).toEqual(Object.keys(CHARTS).sort());
    for (const chart of drawn) {
      expect(chart.width, chart.name).toBeGreaterThan(200);
      expect(chart.height, chart.name).toBeGreaterThan(100);
      expect(chart.marks, chart.name).toBeGreaterThanOrEqual(CHARTS[chart.name] ?? 1);
    }
    expect(session.errors).toEqual([]);
  });

  it("loads nothing but the page itself", () => {
    expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:"))).toEqual([]);
  });

  it("links an alert to the account's section", async () => {
    const link = session.page.locator("a[href^='#account-']").first();
    const target = (await link.getAttribute("href")) ?? "";
    await link.click();
    const section = session.page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`);
    await expect(section.isVisible()).resolves.toBe(true);
    const box = await section.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(-1);
    expect(box?.y ?? 1000).toBeLessThan(100);
  });

  it("takes the screenshot for the docs", async () => {
    await session.page.screenshot({
      path: screenshot("report"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 2600 },
    });
  });
});

describe("the report in Chinese", () => {
  it("is written in Chinese, and the machine has a CJK font to draw it", async () => {
    // test/browser/ensureChromium.mjs installs fonts-noto-cjk with Chromium.
    expect(execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" })).toMatch(/CJK/);
    const out = join(root, "zh-CN");
    const run = await runCommand("score", ...RECORDS, "--out", out, "--locale", "zh-CN");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("战略客户");
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(out, "report.html")).href);
    const headings = await page.locator("h1, h2").allInnerTexts();
    expect(headings).toContain("客户分级");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const body = (await page.locator("body").textContent()) ?? "";
    for (const text of ["重点客户", "战略客户", "普通客户"]) expect(body).toContain(text);
    expect(await page.locator("[data-chart] svg").count()).toBe(6);
    await page.screenshot({
      path: screenshot("report-zh-CN"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1800 },
    });
    await page.close();
  });
});
