import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import type { ScoreMethod } from "./ScoreMethod.js";
import { type SegmentMapDefinition, type SegmentRule, segmentMapSchema } from "./segmentMapSchema.js";

/** A score cell claimed by more than one rule: the first one wins. */
export interface SegmentOverlap {
  /** The cell as its RFM code, e.g. `"543"`. */
  cell: string;
  /** The indexes of the rules that match it, in order (the first wins). */
  rules: number[];
  /** Their segments, in the same order. */
  segments: string[];
}

/** A checked segment map: the definition, what it leaves uncovered and where rules overlap, and a lookup table. */
export interface SegmentMap {
  /** The map's name. */
  name: string;
  /** The number of scores k. */
  bins: number;
  /** The scoring method the map is made for, if it names one. */
  method?: ScoreMethod | undefined;
  /** The rules, in order. */
  rules: SegmentRule[];
  /** The segment of unmatched customers. */
  fallback: string;
  /** Every segment the map can give, in rule order, the fallback last when a cell is uncovered. */
  segments: string[];
  /** The cells (RFM codes) no rule matches: their customers fall into `fallback`. */
  uncovered: string[];
  /** The cells two or more rules match. */
  overlaps: SegmentOverlap[];
  /**
   * For cell index (r − 1)·k² + (f − 1)·k + (m − 1): the index in `segments` of its segment. Read it with
   * {@link segmentOf}.
   */
  lookup: Uint8Array;
}

/** Options of {@link defineSegmentMap}. */
export interface SegmentMapOptions {
  /** Throw when a cell is uncovered or claimed by two rules of different segments; default false. */
  strict?: boolean | undefined;
}

function inRange(range: readonly [number, number] | undefined, score: number): boolean {
  return range === undefined || (score >= range[0] && score <= range[1]);
}

/**
 * Checks a segment map and builds its lookup table: every cell of the k × k × k score cube is matched against
 * the rules (first match wins), and the cells no rule covers and the cells several rules claim are listed — R rfm
 * silently puts uncovered customers in "Others".
 *
 * @param definition - The map as data (parsed JSON is fine); see {@link SegmentMapDefinition}.
 * @param options - `strict` turns gaps and overlaps between different segments into errors.
 * @returns The checked map.
 * @throws {KeyAccountError} listing every problem at once: a malformed definition, a range outside 1..bins or
 * with low > high, the method `mean` or `median` with bins other than 2 (`option.invalid`); with `strict`, every
 * uncovered cell and every cell two segments claim.
 *
 * @example
 * ```ts
 * const map = defineSegmentMap({ name: "r only", bins: 2, rules: [{ segment: "recent", r: [2, 2] }] });
 * map.uncovered; // => ["111", "112", "121", "122"]
 * map.segments; // => ["recent", "others"]
 * ```
 */
export function defineSegmentMap(definition: unknown, options: SegmentMapOptions = {}): SegmentMap {
  const parsed = z.safeParse(segmentMapSchema(), definition);
  if (!parsed.success) throw new KeyAccountError(documentIssues(parsed.error.issues, "segments"));
  const { name, bins, method, rules } = parsed.data;
  const fallback = parsed.data.fallback ?? "others";
  const issues: Issue[] = [];
  if ((method === "mean" || method === "median") && bins !== 2) {
    issues.push(
      makeIssue("option.invalid", ["segments", "bins"], {
        field: "segments.bins",
        reason: `the ${method} method gives 2 scores (high and low), the map has ${bins}`,
      }),
    );
  }
  rules.forEach((rule, index) => {
    for (const axis of ["r", "f", "m", "fm"] as const) {
      const range = rule[axis];
      if (range === undefined) continue;
      if (range[0] > range[1] || range[1] > bins) {
        const field = `segments.rules.${index}.${axis}`;
        issues.push(
          makeIssue("option.invalid", ["segments", "rules", index, axis], {
            field,
            reason: `expected low ≤ high within 1..${bins}, got [${range[0]}, ${range[1]}]`,
          }),
        );
      }
    }
  });
  if (issues.length > 0) throw new KeyAccountError(issues);
  const segments: string[] = [];
  for (const rule of rules) if (!segments.includes(rule.segment)) segments.push(rule.segment);
  const lookup = new Uint8Array(bins * bins * bins);
  const uncovered: string[] = [];
  const overlaps: SegmentOverlap[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const fm = Math.floor((f + m + 1) / 2);
        const matches: number[] = [];
        rules.forEach((rule, index) => {
          if (inRange(rule.r, r) && inRange(rule.f, f) && inRange(rule.m, m) && inRange(rule.fm, fm)) {
            matches.push(index);
          }
        });
        const cell = `${r}${f}${m}`;
        const index = (r - 1) * bins * bins + (f - 1) * bins + (m - 1);
        const first = matches[0];
        if (first === undefined) {
          uncovered.push(cell);
          if (!segments.includes(fallback)) segments.push(fallback);
          lookup[index] = segments.indexOf(fallback);
        } else {
          lookup[index] = segments.indexOf((rules[first] as SegmentRule).segment);
          if (matches.length > 1) {
            overlaps.push({
              cell,
              rules: matches,
              segments: matches.map((i) => (rules[i] as SegmentRule).segment),
            });
          }
        }
      }
    }
  }
  if (options.strict) {
    for (const cell of uncovered) {
      issues.push(makeIssue("segment.uncovered", ["segments"], { cell, fallback }));
    }
    for (const overlap of overlaps) {
      if (new Set(overlap.segments).size > 1) {
        issues.push(
          makeIssue("segment.overlap", ["segments"], {
            cell: overlap.cell,
            segments: overlap.segments.join(", "),
          }),
        );
      }
    }
    if (issues.length > 0) throw new KeyAccountError(issues);
  }
  return { name, bins, method, rules, fallback, segments, uncovered, overlaps, lookup };
}
