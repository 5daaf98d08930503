import type { Issue } from "./issue.js";

/**
 * Thrown for a programmer error — bad options or a bad policy — with *all* the problems found at once, so one
 * fix-and-retry round is enough. Bad data rows are never thrown: they are reported as {@link Issue}s.
 *
 * @example
 * ```ts
 * try {
 *   parseTimeUnit("fortnight");
 * } catch (error) {
 *   if (error instanceof KeyAccountError) error.issues[0]?.code; // => "option.invalid"
 * }
 * ```
 */
export class KeyAccountError extends Error {
  /** Every problem found, each with its path and message. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - The problems; the error's message lists all of them.
   */
  constructor(issues: readonly Issue[]) {
    super(issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n"));
    this.name = "KeyAccountError";
    this.issues = issues;
  }
}
