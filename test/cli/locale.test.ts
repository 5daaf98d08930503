// The language of the command line: --locale where a command has it, KEYACCOUNT_LOCALE for every command (the
// flag wins), read before the flags are parsed so that even a flag error is in it; usage errors and a policy's
// problems rendered from their codes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand, runCommandIn } from "./runCommand.js";

const work = mkdtempSync(join(tmpdir(), "keyaccount-locale-"));
const sales = join(work, "sales.csv");
writeFileSync(sales, "customerId,date,amount\nA,2024-03-01,3000.00\nB,2024-04-01,1500.00\n");
const CHINESE = { KEYACCOUNT_LOCALE: "zh-CN" };

describe("the command line's language", () => {
  it("refuses a missing flag in Chinese with KEYACCOUNT_LOCALE=zh-CN, exit code 2", async () => {
    const run = await runCommandIn(CHINESE, "tier", sales, "--policy", "abc");
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "keyaccount: 缺少 --as-of：请给出统计截止日，例如 --as-of 2024-12-31\n",
    });
    const english = await runCommand("tier", sales, "--policy", "abc");
    expect(english.stderr).toBe(
      "keyaccount: --as-of is required: the day the figures are as of, e.g. --as-of 2024-12-31\n",
    );
  });

  it("lets --locale win over KEYACCOUNT_LOCALE, in either direction", async () => {
    const english = await runCommandIn(CHINESE, "tier", sales, "--policy", "abc", "--locale", "en");
    expect(english.stderr).toContain("--as-of is required");
    const chinese = await runCommandIn(
      { KEYACCOUNT_LOCALE: "en" },
      "tier",
      sales,
      "--policy",
      "abc",
      "--locale=zh-CN",
    );
    expect(chinese.stderr).toContain("缺少 --as-of");
  });

  it("says flag errors and an unknown command in the language of --locale, before the flags are read", async () => {
    const cases: [string[], string][] = [
      [
        ["tier", sales, "--bogus", "--locale", "zh-CN"],
        "没有 --bogus 这个选项；运行 keyaccount tier --help 查看全部选项",
      ],
      [["tier", sales, "--locale", "zh-CN", "--as-of"], "--as-of 后面缺少取值"],
      [["tier", sales, "--locale", "zh-CN", "--migration=yes"], "--migration 不需要取值，却给了“yes”"],
      [
        ["tier", sales, "--locale", "zh-CN", "--policy", "--as-of", "2024-12-31"],
        "--policy 后面的 --as-of 看起来像另一个选项；如果它就是取值，请写成 --policy=--as-of",
      ],
      [["frobnicate", "--locale", "zh-CN"], "没有“frobnicate”这个命令；运行 keyaccount --help 查看全部命令"],
    ];
    for (const [argv, message] of cases) {
      const run = await runCommand(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toBe(`keyaccount: ${message}\n`);
    }
  });

  it("refuses a language it does not speak, in the flag or in the environment", async () => {
    const flag = await runCommand(
      "tier",
      sales,
      "--policy",
      "abc",
      "--as-of",
      "2024-12-31",
      "--locale",
      "fr",
    );
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('keyaccount: --locale must be one of en, zh-CN; got "fr"\n');
    const variable = await runCommandIn({ KEYACCOUNT_LOCALE: "fr" }, "tier", sales, "--policy", "abc");
    expect(variable.code).toBe(2);
    expect(variable.stderr).toBe(
      'keyaccount: the environment variable KEYACCOUNT_LOCALE must be one of en, zh-CN; got "fr"\n',
    );
    // Help is printed whatever the environment says: in English when the language is not one.
    const help = await runCommandIn({ KEYACCOUNT_LOCALE: "fr" }, "tier", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("KEYACCOUNT_LOCALE");
    expect(help.stdout).toContain("Tiering");
  });

  it("renders a policy's problems from their codes in the chosen language, each under its path", async () => {
    const policy = join(work, "policy.json");
    writeFileSync(policy, JSON.stringify({ version: 1, colour: "red" }));
    const run = await runCommandIn(CHINESE, "tier", sales, "--as-of", "2024-12-31", "--policy", policy);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("policy.colour：无法识别的字段 policy.colour。");
  });

  it("prints a command's run summary in Chinese: the tally with the tiers' labels and the row accounting", async () => {
    const run = await runCommandIn(
      CHINESE,
      "tier",
      sales,
      "--as-of",
      "2024-12-31",
      "--policy",
      "strategic-key-ordinary",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^已按“strategic \/ key \/ potential \/ ordinary”为 2 家客户分级：战略客户 \d 家、/,
    );
    expect(run.stderr).toContain("共读取 2 行：导入 2 行，剔除 0 行\n");
    expect(run.stderr).toContain(
      "客户 2 家（其中 2 家有 BTYD 汇总）；统计截止 2024-12-31，购买按天归并，recency 和 T 以天为单位\n",
    );
    expect(run.stderr).toMatch(/用时 \d+\.\d\d 秒\n$/);
  });
});
