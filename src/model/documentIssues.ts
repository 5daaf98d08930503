import type * as z from "zod/mini";
import type { Issue } from "./issue.js";
import { makeIssue } from "./makeIssue.js";

/**
 * Turns zod's issues about an options or policy document (a cost model, a segment map …) into keyaccount issues
 * with real sentences: `field.unknown` for an unknown key (`__proto__` included), `option.invalid` with the
 * reason for anything else. zod/mini's own message is only "Invalid input".
 *
 * @param issues - The zod issues of a failed `safeParse`.
 * @param prefix - The document's name, put before every path (e.g. `"costModel"`).
 * @returns One issue per zod issue (one per unknown key).
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const result = z.safeParse(z.strictObject({ rate: z.number() }), { rate: "x", extra: 1 });
 * documentIssues(result.error?.issues ?? [], "model").map((issue) => issue.message);
 * // => ["The option model.rate is not valid: expected number.", "The field model.extra is not known."]
 * ```
 */
export function documentIssues(issues: readonly z.core.$ZodIssue[], prefix: string): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
    const field = path.join(".");
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          out.push(makeIssue("field.unknown", [...path, key], { field: [...path, key].join(".") }));
        }
        continue;
      case "invalid_type":
        out.push(makeIssue("option.invalid", path, { field, reason: `expected ${issue.expected}` }));
        continue;
      case "invalid_value":
        out.push(
          makeIssue("option.invalid", path, { field, reason: `expected one of ${issue.values.join(", ")}` }),
        );
        continue;
      case "too_small":
        out.push(makeIssue("option.invalid", path, { field, reason: `must be at least ${issue.minimum}` }));
        continue;
      case "too_big":
        out.push(makeIssue("option.invalid", path, { field, reason: `must be at most ${issue.maximum}` }));
        continue;
      default:
        out.push(makeIssue("option.invalid", path, { field, reason: issue.message }));
    }
  }
  return out;
}
