import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/displayWidth.js";
import { LOCALES } from "../../src/cli/localeFlag.js";
import { COMMANDS } from "../../src/cli/runCli.js";
import { runCommand, runCommandIn } from "./runCommand.js";

const CJK = /[\u4e00-\u9fff]/;
const CHINESE = { KEYACCOUNT_LOCALE: "zh-CN" };

// The distinct --flag tokens of a text.
function flags(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();
}

function widest(text: string): number {
  return Math.max(...text.split("\n").map(displayWidth));
}

describe("help texts in English and Chinese", () => {
  const commands = Object.entries(COMMANDS);

  it("has every command", () => {
    expect(commands.map(([name]) => name).sort()).toEqual(
      [
        "clv",
        "fit",
        "generate",
        "policy",
        "predict",
        "profit",
        "rfm",
        "score",
        "signals",
        "summarize",
        "tier",
      ].sort(),
    );
  });

  it.each(commands)("%s: a help text and a summary in every language", (_name, command) => {
    for (const locale of LOCALES) {
      expect(command.help[locale].trim(), locale).not.toBe("");
      expect(command.summary[locale].trim(), locale).not.toBe("");
    }
    expect(command.help["zh-CN"]).toMatch(CJK);
    expect(command.summary["zh-CN"]).toMatch(CJK);
  });

  it.each(commands)("%s: the Chinese help names exactly the English help's flags", (_name, command) => {
    expect(flags(command.help["zh-CN"])).toEqual(flags(command.help.en));
    expect(flags(command.summary["zh-CN"])).toEqual(flags(command.summary.en));
  });

  it.each(commands)("%s: the Chinese help keeps the English help's lines and width", (_name, command) => {
    const en = command.help.en;
    const zh = command.help["zh-CN"];
    // The same usage line and example commands, literally.
    expect(
      zh.split("\n")[0]?.replace(" [选项]", " [options]").replace(" [记录文件]", " [record files]"),
    ).toBe(en.split("\n")[0]);
    const examples = (text: string) =>
      text.split("\n").filter((line) => /^( {2}keyaccount | {4}--)/.test(line));
    expect(examples(zh)).toEqual(examples(en));
    // Chinese characters are two columns wide: wrapped no wider than the English.
    expect(widest(zh)).toBeLessThanOrEqual(Math.max(112, widest(en)));
  });
});

describe("keyaccount --help follows the language", () => {
  it("prints a command's Chinese help with KEYACCOUNT_LOCALE=zh-CN", async () => {
    const run = await runCommandIn(CHINESE, "score", "--help");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(COMMANDS.score?.help["zh-CN"]);
    expect(run.stdout).toContain("--transactions FILE    销售、退货和取消记录");
  });

  it("prints a command's Chinese help with --locale zh-CN, before or after --help", async () => {
    for (const argv of [
      ["score", "--help", "--locale", "zh-CN"],
      ["score", "--locale=zh-CN", "--help"],
      ["rfm", "-h", "--locale", "zh-CN"],
    ]) {
      const run = await runCommand(...argv);
      expect(run.code, argv.join(" ")).toBe(0);
      expect(run.stdout, argv.join(" ")).toBe(COMMANDS[argv[0] as string]?.help["zh-CN"]);
    }
  });

  it("prints the English help by default, and --locale en wins over the environment", async () => {
    const plain = await runCommand("score", "--help");
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(COMMANDS.score?.help.en);
    expect(plain.stdout).not.toMatch(CJK);
    const english = await runCommandIn(CHINESE, "tier", "--help", "--locale", "en");
    expect(english.stdout).toBe(COMMANDS.tier?.help.en);
  });

  it("falls back to English help when the language asked for is not one", async () => {
    const flag = await runCommand("tier", "--help", "--locale", "fr");
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(COMMANDS.tier?.help.en);
    const variable = await runCommandIn({ KEYACCOUNT_LOCALE: "fr" }, "tier", "--help");
    expect(variable.code).toBe(0);
    expect(variable.stdout).toBe(COMMANDS.tier?.help.en);
    // An unknown --locale leaves a valid environment variable to choose.
    const both = await runCommandIn(CHINESE, "tier", "--help", "--locale", "fr");
    expect(both.stdout).toBe(COMMANDS.tier?.help["zh-CN"]);
  });

  it("prints the Chinese top-level help with KEYACCOUNT_LOCALE=zh-CN", async () => {
    const run = await runCommandIn(CHINESE, "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("用法：");
    expect(run.stdout).toContain("帮助文本也使用同一语言");
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(run.stdout).toMatch(
        new RegExp(`^ {2}keyaccount ${name} +${escapeRegExp(command.summary["zh-CN"])}$`, "m"),
      );
    }
    expect(run.stdout).not.toContain("Usage:");
    expect(flags(run.stdout)).toEqual(flags((await runCommand("--help")).stdout));
  });

  it("prints the English top-level help by default, saying help follows the language", async () => {
    for (const argv of [[], ["--help"], ["-h"], ["help"]]) {
      const run = await runCommand(...argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage:");
      expect(run.stdout).toContain("the help texts follow the same language");
      expect(run.stdout).not.toMatch(CJK);
    }
    expect((await runCommandIn({ KEYACCOUNT_LOCALE: "fr" }, "--help")).stdout).toContain("Usage:");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
