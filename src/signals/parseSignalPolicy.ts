import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import type { Issue, IssueCode, IssuePath } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { PLACEHOLDER } from "./compileTemplate.js";
import { mergePacks } from "./mergePacks.js";
import { type MetricNames, metricUnit } from "./metricUnit.js";
import { type SignalPolicy, signalPolicySchema } from "./signalPolicySchema.js";

const RESERVED_NAMES = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
const OPERATORS = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!="]);
const LEAF_KEYS = /* @__PURE__ */ new Set([
  "metric",
  "op",
  "value",
  "ref",
  "times",
  "plus",
  "between",
  "in",
  "missing",
]);

let schema: z.ZodMiniType<SignalPolicy> | undefined;

type Where = "grade" | "score" | "rule";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

// Checks conditions, metric references, names and message placeholders of a policy whose packs are merged in.
// Works on the raw document (each part only when it has the shape needed), so it runs even when the shape is
// broken elsewhere.
function checkReferences(document: Record<string, unknown>, issues: Issue[]): void {
  const add = (code: IssueCode, path: IssuePath, params: Record<string, string | number>): void => {
    const full = ["policy", ...path];
    issues.push(makeIssue(code, full, { field: full.join("."), ...params }));
  };
  const included = Array.isArray(document.include) ? document.include : [];
  const packs = mergePacks(included.filter((name): name is string => typeof name === "string"));
  const list = (key: string): unknown[] => (Array.isArray(document[key]) ? (document[key] as unknown[]) : []);
  const namesOf = (key: "grades" | "scores", packNames: readonly string[]): Set<string> => {
    const names = new Set(packNames);
    list(key).forEach((entry, index) => {
      const name = isObject(entry) ? entry.name : undefined;
      if (typeof name !== "string") return;
      if (RESERVED_NAMES.has(name)) add("policy.name.reserved", [key, index, "name"], { name });
      else if (names.has(name)) add("policy.name.duplicate", [key, index, "name"], { name });
      names.add(name);
    });
    return names;
  };
  const names: MetricNames = {
    grades: namesOf(
      "grades",
      packs.grades.map((grade) => grade.name),
    ),
    scores: namesOf(
      "scores",
      packs.scores.map((score) => score.name),
    ),
  };
  const checkMetric = (
    metric: unknown,
    path: IssuePath,
    where: Where,
    number: boolean,
    test: string,
  ): void => {
    if (typeof metric !== "string") {
      add("signal.condition.invalid", path, { reason: "the metric must be a metric's name" });
      return;
    }
    const unit = metricUnit(metric, names);
    if (unit === undefined) {
      add("signal.metric.unknown", path, { metric });
      return;
    }
    if (where === "grade" && (metric.startsWith("grade.") || metric.startsWith("score."))) {
      add("signal.metric.order", path, { metric, reason: "a grade may not depend on grades or scores" });
    } else if (where === "score" && metric.startsWith("score.")) {
      add("signal.metric.order", path, { metric, reason: "a score may not depend on scores" });
    }
    if (number && unit === "text") add("signal.metric.text", path, { metric, test });
  };
  const checkCondition = (condition: unknown, path: IssuePath, where: Where): void => {
    const invalid = (reason: string): void => add("signal.condition.invalid", path, { reason });
    if (!isObject(condition)) {
      invalid("expected an object");
      return;
    }
    const keys = Object.keys(condition);
    const group = keys.filter((key) => key === "all" || key === "any" || key === "not");
    if (group.length > 0) {
      if (keys.length > 1) {
        invalid(`${group[0]} must be the only key`);
        return;
      }
      const key = group[0] as "all" | "any" | "not";
      const inner = condition[key];
      if (key === "not") {
        checkCondition(inner, [...path, "not"], where);
        return;
      }
      if (!Array.isArray(inner) || inner.length === 0) {
        invalid(`${key} must be a non-empty list of conditions`);
        return;
      }
      inner.forEach((part, index) => {
        checkCondition(part, [...path, key, index], where);
      });
      return;
    }
    for (const key of keys) {
      if (!LEAF_KEYS.has(key))
        add("field.unknown", [...path, key], { field: ["policy", ...path, key].join(".") });
    }
    if (!("metric" in condition)) {
      invalid("expected metric, or all, any or not");
      return;
    }
    const forms = ["op", "between", "in", "missing"].filter((key) => key in condition);
    if (forms.length !== 1) {
      invalid("give exactly one of op, between, in or missing");
      return;
    }
    const form = forms[0] as string;
    const extra = ["value", "ref", "times", "plus"].filter((key) => key in condition);
    if (form !== "op" && extra.length > 0) {
      invalid(`${extra.join(", ")} go only with op`);
      return;
    }
    const test = form === "op" && typeof condition.op === "string" ? condition.op : form;
    checkMetric(condition.metric, [...path, "metric"], where, form === "op" || form === "between", test);
    if (form === "op") {
      if (typeof condition.op !== "string" || !OPERATORS.has(condition.op)) {
        invalid("op must be one of <, <=, >, >=, ==, !=");
        return;
      }
      if ("value" in condition === "ref" in condition) {
        invalid("op needs either value or ref");
        return;
      }
      if ("value" in condition) {
        if (!isFiniteNumber(condition.value)) {
          invalid("value must be a finite number");
          return;
        }
        if ("times" in condition || "plus" in condition) {
          invalid("times and plus go only with ref");
          return;
        }
        return;
      }
      checkMetric(condition.ref, [...path, "ref"], where, true, condition.op);
      for (const key of ["times", "plus"]) {
        if (key in condition && !isFiniteNumber(condition[key])) invalid(`${key} must be a finite number`);
      }
      return;
    }
    if (form === "between") {
      const bounds = condition.between;
      if (!Array.isArray(bounds) || bounds.length !== 2 || !bounds.every(isFiniteNumber)) {
        invalid("between must be [low, high], two finite numbers");
        return;
      }
      if ((bounds[0] as number) > (bounds[1] as number)) {
        add("policy.range.order", [...path, "between"], {
          min: bounds[0] as number,
          max: bounds[1] as number,
        });
      }
      return;
    }
    if (form === "in") {
      const values = condition.in;
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((v) => typeof v === "string" || isFiniteNumber(v))
      ) {
        invalid("in must be a non-empty list of texts or numbers");
        return;
      }
      return;
    }
    if (typeof condition.missing !== "boolean") invalid("missing must be true or false");
  };
  const checkText = (text: unknown, path: IssuePath): void => {
    if (!isObject(text)) return;
    for (const locale of ["en", "zh-CN"]) {
      const template = text[locale];
      if (typeof template !== "string") continue;
      for (const match of template.matchAll(PLACEHOLDER)) {
        const placeholder = match[1] as string;
        if (placeholder !== "customer" && metricUnit(placeholder, names) === undefined) {
          add("signal.placeholder.unknown", [...path, locale], { placeholder });
        }
      }
    }
  };
  list("grades").forEach((grade, g) => {
    if (!isObject(grade) || !Array.isArray(grade.classes)) return;
    grade.classes.forEach((entry, c) => {
      if (!isObject(entry)) return;
      checkCondition(entry.when, ["grades", g, "classes", c, "when"], "grade");
      checkText(entry.reason, ["grades", g, "classes", c, "reason"]);
    });
  });
  const checkRange = (entry: Record<string, unknown>, path: IssuePath): void => {
    const { min, max } = entry;
    if (isFiniteNumber(min) && isFiniteNumber(max) && min > max)
      add("policy.range.order", path, { min, max });
  };
  list("scores").forEach((score, s) => {
    if (!isObject(score)) return;
    checkRange(score, ["scores", s]);
    if (!Array.isArray(score.groups)) return;
    score.groups.forEach((group, gr) => {
      if (!isObject(group)) return;
      checkRange(group, ["scores", s, "groups", gr]);
      if (!Array.isArray(group.rules)) return;
      group.rules.forEach((rule, r) => {
        if (!isObject(rule)) return;
        const path = ["scores", s, "groups", gr, "rules", r];
        checkCondition(rule.when, [...path, "when"], "score");
        const age = isObject(rule.decay) ? rule.decay.ageMetric : undefined;
        if (typeof age !== "string") return;
        const unit = metricUnit(age, names);
        if (unit === undefined)
          add("signal.metric.unknown", [...path, "decay", "ageMetric"], { metric: age });
        else if (unit !== "days")
          add("signal.metric.not-days", [...path, "decay", "ageMetric"], { metric: age });
      });
    });
  });
  // Tier names are keys of the per-tier settings: the reserved ones would be dropped or read from Object.prototype.
  const settings = isObject(document.settings) ? document.settings : {};
  for (const key of ["followUpCadenceDays", "responseTargetHours", "resolutionTargetHours"]) {
    const values = settings[key];
    if (!isObject(values)) continue;
    for (const name of Object.keys(values))
      if (RESERVED_NAMES.has(name)) add("policy.name.reserved", ["settings", key, name], { name });
  }
  const ids = new Set(packs.rules.map((rule) => rule.id));
  list("rules").forEach((rule, r) => {
    if (!isObject(rule)) return;
    if (typeof rule.id === "string") {
      if (ids.has(rule.id)) add("policy.name.duplicate", ["rules", r, "id"], { name: rule.id });
      ids.add(rule.id);
    }
    checkCondition(rule.when, ["rules", r, "when"], "rule");
    checkText(rule.message, ["rules", r, "message"]);
  });
}

/**
 * Checks a signal policy (e.g. parsed JSON) and returns it typed. Every problem is reported at once with its
 * JSON path: the shape ({@link signalPolicySchema}: unknown keys — `__proto__` and `constructor` included —, a
 * bad severity, a negative window) and what the shape cannot say: malformed conditions, unknown metrics
 * (not in {@link SIGNAL_METRICS}, not a grade or score of the policy or its included packs), a text metric
 * compared as a number, a grade that depends on grades or scores, a score that depends on scores, a decay whose
 * age is not in days, duplicate rule ids and names, reserved names (`__proto__`, `constructor`, `prototype`) as
 * grade, score or tier names, message placeholders that are not metrics, a `between`, score or score group whose
 * low is above its high. Nothing in a policy is ever evaluated as code.
 *
 * @param input - The candidate policy.
 * @returns The policy.
 * @throws {KeyAccountError} listing every problem: `field.unknown`, `option.invalid`,
 * `signal.condition.invalid`, `signal.metric.unknown`, `signal.metric.text`, `signal.metric.order`,
 * `signal.metric.not-days`, `signal.placeholder.unknown`, `policy.name.duplicate`, `policy.name.reserved`,
 * `policy.range.order`.
 *
 * @example
 * ```ts
 * parseSignalPolicy({ version: 1, include: ["churn"] }).include; // => ["churn"]
 * try {
 *   parseSignalPolicy({ version: 1, rules: [{ id: "r1", category: "churn", severity: "warning",
 *     when: { metric: "turnover", op: "<", value: 5 }, message: { en: "Low" } }] });
 * } catch (error) {
 *   (error as KeyAccountError).issues[0]?.path; // => ["policy", "rules", 0, "when", "metric"]
 * }
 * ```
 */
export function parseSignalPolicy(input: unknown): SignalPolicy {
  schema ??= signalPolicySchema();
  const result = z.safeParse(schema, input);
  const issues = result.success ? [] : documentIssues(result.error.issues, "policy");
  if (isObject(input)) checkReferences(input, issues);
  if (issues.length > 0 || !result.success) throw new KeyAccountError(issues);
  return result.data;
}
