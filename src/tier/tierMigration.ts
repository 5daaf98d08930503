import type { TierAssignment, TierReason } from "./assignTiers.js";

/**
 * An account that changed tier between two runs, and why.
 *
 * @example
 * ```ts
 * const move: TierMove = { id: "C-007", from: "ordinary", to: "key", up: true, revenueMinor: 50000000, reasons: [] };
 * ```
 */
export interface TierMove {
  /** The account's id. */
  id: string;
  /** Its previous tier. */
  from: string;
  /** Its tier now. */
  to: string;
  /** Whether it moved to a better tier. */
  up: boolean;
  /** Its net revenue, minor units. */
  revenueMinor: number;
  /** The reasons of its new tier. */
  reasons: TierReason[];
}

/**
 * The movements between two runs: a tier-to-tier matrix of accounts and revenue, and the accounts that moved.
 * Rows are the previous tiers plus `new` (no previous tier); columns are the current tiers plus `departed` (in
 * the previous run, not scored now; their revenue is not known and counts 0).
 *
 * @example
 * ```ts
 * const migration: TierMigration = tierMigration(result);
 * migration.counts; // => { up: 1, down: 0, unchanged: 5, new: 1, departed: 0 }
 * ```
 */
export interface TierMigration {
  /** The rows: the tiers best first, then `"new"`. */
  from: string[];
  /** The columns: the tiers best first, then `"departed"`. */
  to: string[];
  /** `accounts[row][column]`: how many accounts went from the row's tier to the column's. */
  accounts: number[][];
  /** `revenueMinor[row][column]`: their current net revenue, minor units. */
  revenueMinor: number[][];
  /** The accounts whose tier changed, in the assignment's order. */
  moved: TierMove[];
  /** How many moved up and down. */
  counts: { up: number; down: number; unchanged: number; new: number; departed: number };
}

/**
 * Tier migration between the previous run and this one ({@link assignTiers} with `previous`): the matrix of
 * accounts and revenue from each previous tier to each current tier, and every account that moved with the
 * reasons of its new tier.
 *
 * @param assignment - The current assignment, made with the previous tiers.
 * @returns The matrix and the moves.
 *
 * @example
 * ```ts
 * const result = assignTiers(card, { asOf: "2024-12-31", previous: [{ id: "A", tier: "key" }] }); // A is now strategic
 * const migration = tierMigration(result);
 * migration.accounts[1]; // => [1, 0, 0, 0] (from key: one to strategic)
 * migration.moved[0]?.up; // => true
 * ```
 */
export function tierMigration(assignment: TierAssignment): TierMigration {
  const { tiers, ids, tierIndex, previousIndex, revenueMinor } = assignment;
  const from = [...tiers, "new"];
  const to = [...tiers, "departed"];
  const counts = from.map(() => to.map(() => 0));
  const revenue = from.map(() => to.map(() => 0));
  const moved: TierMove[] = [];
  const totals = { up: 0, down: 0, unchanged: 0, new: 0, departed: assignment.departed.length };
  const add = (row: number, column: number, value: number): void => {
    const countRow = counts[row] as number[];
    const revenueRow = revenue[row] as number[];
    countRow[column] = (countRow[column] as number) + 1;
    revenueRow[column] = (revenueRow[column] as number) + value;
  };
  for (let i = 0; i < ids.length; i++) {
    const t = tierIndex[i] as number;
    const p = previousIndex[i] as number;
    const value = revenueMinor[i] as number;
    add(p < 0 ? tiers.length : p, t, value);
    if (p < 0) totals.new++;
    else if (p === t) totals.unchanged++;
    else {
      const up = t < p;
      if (up) totals.up++;
      else totals.down++;
      moved.push({
        id: ids[i] as string,
        from: tiers[p] as string,
        to: tiers[t] as string,
        up,
        revenueMinor: value,
        reasons: assignment.reasons(i),
      });
    }
  }
  for (const entry of assignment.departed) add(tiers.indexOf(entry.tier), tiers.length, 0);
  return { from, to, accounts: counts, revenueMinor: revenue, moved, counts: totals };
}
