// The message catalogues: every code has a text in English and Chinese with the same placeholders, and every
// place in the command line that renders a cli.* code passes exactly the placeholders its text uses (read from
// the source with the TypeScript parser, so a mismatch fails here rather than printing "{flag}" to a user).
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en, formatMessage, localizeIssue, makeIssue, zhCN } from "../../src/index.js";

const placeholders = (text: string): string[] =>
  [...new Set((text.match(/\{(\w+)\}/g) ?? []).map((name) => name.slice(1, -1)))].sort();

const CLI = new URL("../../src/cli/", import.meta.url);

/** A place that renders a message code: its code, the parameter names it passes (null: not a literal object). */
interface Use {
  where: string;
  code: string;
  params: string[] | null;
}

// The string-literal codes of an expression: "a", or c ? "a" : "b".
function literalCodes(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node))
    return [...literalCodes(node.whenTrue), ...literalCodes(node.whenFalse)];
  return [];
}

// The property names of an object literal; null when it is not one, or spreads another object.
function literalKeys(node: ts.Expression | undefined): string[] | null {
  if (node === undefined) return [];
  if (!ts.isObjectLiteralExpression(node)) return null;
  const keys: string[] = [];
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))
      keys.push(property.name.getText());
    else return null;
  }
  return keys.sort();
}

/**
 * Every call or `new` in a source file whose first argument is a cli.* code, with the keys of its second argument;
 * and every `new UsageError(…)` whose code is not a literal (reported with the code "(not a literal)").
 */
function codeUses(file: string, source: string): Use[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const uses: Use[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0] !== undefined) {
      const [first, second] = node.arguments;
      const codes = literalCodes(first).filter((code) => code.startsWith("cli."));
      const where = `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      for (const code of codes) uses.push({ where, code, params: literalKeys(second) });
      if (ts.isNewExpression(node) && node.expression.getText() === "UsageError" && codes.length === 0)
        uses.push({ where, code: "(not a literal)", params: null });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return uses;
}

// The uses whose parameters differ from their text's placeholders, as "where code: passed ≠ expected".
function mismatches(uses: readonly Use[]): string[] {
  return uses.flatMap((use) => {
    const text = (en as Record<string, string>)[use.code];
    if (text === undefined) return [`${use.where} ${use.code}: no such code`];
    const expected = placeholders(text);
    return use.params === null || use.params.join() !== expected.join()
      ? [
          `${use.where} ${use.code}: ${use.params?.join(", ") ?? "(not a literal object)"} ≠ ${expected.join(", ")}`,
        ]
      : [];
  });
}

const cliSources = readdirSync(CLI)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name, source: readFileSync(new URL(name, CLI), "utf8") }));

describe("the message catalogues", () => {
  it("have the same codes in English and Chinese, every text non-empty with the same placeholders", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [code, text] of Object.entries(en)) {
      const chinese = zhCN[code as keyof typeof zhCN];
      expect(text.trim(), code).not.toBe("");
      expect(chinese.trim(), code).not.toBe("");
      expect(placeholders(chinese), code).toEqual(placeholders(text));
    }
  });

  it("say the command line's texts in Chinese in zhCN: each with words has Chinese characters", () => {
    const words = (text: string) => /[a-z]/i.test(text.replace(/\{\w+\}/g, ""));
    const english = Object.entries(zhCN).filter(
      ([code, text]) => code.startsWith("cli.") && words(text) && !/[\u4e00-\u9fff]/.test(text),
    );
    expect(english).toEqual([]);
  });

  it("are used by the command line with exactly the placeholders of each cli.* text", () => {
    const uses = cliSources.flatMap(({ name, source }) => codeUses(name, source));
    expect(uses.length).toBeGreaterThan(150);
    expect(mismatches(uses)).toEqual([]);
  });

  it("have no cli.* text the command line never uses", () => {
    const sources = cliSources.map(({ source }) => source).join("\n");
    const unused = Object.keys(en).filter(
      (code) => code.startsWith("cli.") && !sources.includes(`"${code}"`),
    );
    expect(unused).toEqual([]);
  });

  it("catch a call that passes too few, too many or computed parameters", () => {
    const source = `
      throw new UsageError("cli.flag.choice", { flag: "--format", value });
      formatMessage("cli.done", { seconds, minutes }, locale);
      formatMessage(ok ? "cli.fit.converged" : "cli.fit.not-converged", summary, locale);
      throw new UsageError(code, params);
      throw new UsageError("cli.policy.action");
      formatMessage("cli.labelled", { label, text }, locale);`;
    expect(mismatches(codeUses("example.ts", source))).toEqual([
      "example.ts:2 cli.flag.choice: flag, value ≠ allowed, flag, value",
      "example.ts:3 cli.done: minutes, seconds ≠ seconds",
      "example.ts:4 cli.fit.converged: (not a literal object) ≠ customers, iterations, logLikelihood, model",
      "example.ts:4 cli.fit.not-converged: (not a literal object) ≠ customers, iterations, logLikelihood, model",
      "example.ts:5 (not a literal): no such code",
    ]);
  });
});

describe("localizeIssue", () => {
  it("re-renders an issue's message from its code and params, keeping the rest", () => {
    const issue = makeIssue("amount.invalid", ["amount"], { value: "12,5x" }, 7);
    const chinese = localizeIssue(issue, "zh-CN");
    expect(chinese).toEqual({ ...issue, message: "金额 12,5x 不是有效数字。" });
    expect(localizeIssue(issue, "en")).toEqual(issue);
    expect(issue.message).toBe("The amount 12,5x is not a number.");
    expect(localizeIssue(makeIssue("id.missing", []), "zh-CN").message).toBe(
      formatMessage("id.missing", {}, "zh-CN"),
    );
  });
});
