import * as z from "zod/mini";
import { SCORE_METHODS, type ScoreMethod } from "./ScoreMethod.js";

/** An inclusive range of scores, `[low, high]`. */
export type ScoreRange = readonly [number, number];

/**
 * One rule of a segment map: the customers whose scores fall in every range it gives are in `segment`. `fm` is
 * round((f + m) / 2), halves rounded up — the FM axis of the R×FM grid. A range left out matches every score.
 */
export interface SegmentRule {
  /** The segment's code, e.g. `"champions"` (labels per locale in {@link SEGMENT_LABELS}, or the CRM's own). */
  segment: string;
  /** Recency scores. */
  r?: ScoreRange | undefined;
  /** Frequency scores. */
  f?: ScoreRange | undefined;
  /** Monetary scores. */
  m?: ScoreRange | undefined;
  /** round((f + m) / 2). */
  fm?: ScoreRange | undefined;
}

/**
 * A segment map as data: ordered rules, the first rule that matches a customer's scores wins (R rfm's
 * `rfm_segment`); customers no rule matches are in `fallback`.
 */
export interface SegmentMapDefinition {
  /** The map's name. */
  name: string;
  /** The number of scores k the ranges refer to (2..9). */
  bins: number;
  /**
   * The scoring method the map is made for, used when the caller names none (e.g. `"mean"` for
   * {@link RFM_EIGHT_CLASS_SEGMENTS}); default: the caller's default, `"quantile"`.
   */
  method?: ScoreMethod | undefined;
  /** The rules, in order. */
  rules: SegmentRule[];
  /** The segment of customers no rule matches; default `"others"` (R rfm's "Others"). */
  fallback?: string | undefined;
}

/**
 * The zod schema of a {@link SegmentMapDefinition} (the JSON a user gives with `--segments file.json`): unknown
 * keys are errors. Ranges inside 1..bins are checked by {@link defineSegmentMap}.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
import { SCORE_METHODS, type ScoreMethod } from "./ScoreMethod.js";
 * const map = { name: "two", bins: 2, rules: [{ segment: "best", r: [2, 2] }, { segment: "rest", r: [1, 1] }] };
 * z.safeParse(segmentMapSchema(), map).success; // => true
 * z.safeParse(segmentMapSchema(), { ...map, bins: 12 }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function segmentMapSchema(): z.ZodMiniType<SegmentMapDefinition> {
  const score = z.number().check(z.int(), z.minimum(1), z.maximum(9));
  const range = z.optional(z.tuple([score, score]));
  const text = z.string().check(z.minLength(1));
  return z.strictObject({
    name: text,
    bins: z.number().check(z.int(), z.minimum(2), z.maximum(9)),
    method: z.optional(z.enum(SCORE_METHODS as [ScoreMethod, ...ScoreMethod[]])),
    rules: z
      .array(z.strictObject({ segment: text, r: range, f: range, m: range, fm: range }))
      .check(z.minLength(1)),
    fallback: z.optional(text),
  });
}
