import type { NpsClass } from "./CustomerFeatures.js";

/**
 * The Net Promoter Score class of an answer to "How likely are you to recommend us?" on the 0–10 scale.
 *
 * @param score - The answer, 0–10.
 * @returns `"promoter"` for 9–10, `"passive"` for 7–8, `"detractor"` for 0–6 (and anything below 7).
 *
 * @example
 * ```ts
 * npsClass(10); // => "promoter"
 * npsClass(7); // => "passive"
 * npsClass(3); // => "detractor"
 * ```
 */
export function npsClass(score: number): NpsClass {
  if (score >= 9) return "promoter";
  return score >= 7 ? "passive" : "detractor";
}
