import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { type CostModel, costModelSchema } from "./costModelSchema.js";

/**
 * Checks a cost model (e.g. parsed JSON from the policy) and returns it typed.
 *
 * @param input - The candidate cost model.
 * @returns The cost model.
 * @throws {KeyAccountError} listing every problem at once: unknown keys (`field.unknown`), amounts that are not
 * whole non-negative minor units, rates out of range (`option.invalid`).
 *
 * @example
 * ```ts
 * parseCostModel({ currency: "USD", perCallMinor: 1500 }).perCallMinor; // => 1500
 * try {
 *   parseCostModel({ currency: "usd", perCallMinor: -1, colour: "red" });
 * } catch (error) {
 *   (error as KeyAccountError).issues.length; // => 3
 * }
 * ```
 */
export function parseCostModel(input: unknown): CostModel {
  const result = z.safeParse(costModelSchema(), input);
  if (!result.success) throw new KeyAccountError(documentIssues(result.error.issues, "costModel"));
  return result.data;
}
