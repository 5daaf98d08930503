import type { PreviousTier, TierOverride } from "../tier/assignTiers.js";
import type { TierInput } from "../tier/TierInput.js";
import type { TierPolicy } from "../tier/tierPolicySchema.js";
import { readTableFile } from "./readTableFile.js";
import { numberCell, yesNoCell } from "./tableCells.js";

/** Manager ratings by account id: the ratings the policy declares and whether the account is qualified. */
export type Ratings = Map<string, Pick<TierInput, "ratings" | "qualified">>;

/** Reads a ratings file: an id column, one column per rating the policy declares, an optional qualified. */
export async function readRatings(path: string | undefined, policy: TierPolicy): Promise<Ratings> {
  const ratings: Ratings = new Map();
  if (path === undefined) return ratings;
  const names = (policy.ratings ?? []).map((rating) => rating.name);
  const rows = await readTableFile(path, ["id"]);
  for (const [index, row] of rows.entries()) {
    const entry: Pick<TierInput, "ratings" | "qualified"> = {};
    const values: Record<string, number> = {};
    for (const name of names) {
      const text = row[name];
      if (text !== undefined && text !== "")
        values[name] = numberCell(text, { path, row: index + 1, column: name });
    }
    entry.ratings = values;
    const qualified = yesNoCell(row.qualified);
    if (qualified !== undefined) entry.qualified = qualified;
    ratings.set(row.id as string, entry);
  }
  return ratings;
}

/** Reads the previous run's tiers (id, tier, periods_below). */
export async function readPrevious(path: string | undefined): Promise<PreviousTier[] | undefined> {
  if (path === undefined) return undefined;
  const rows = await readTableFile(path, ["id", "tier"]);
  // One string per tier name, not one per account.
  const names = new Map<string, string>();
  return rows.map((row, index) => {
    const below = row.periods_below;
    const tier = row.tier as string;
    if (!names.has(tier)) names.set(tier, tier);
    return {
      id: row.id as string,
      tier: names.get(tier) as string,
      periodsBelow:
        below === undefined || below === ""
          ? 0
          : numberCell(below, { path, row: index + 1, column: "periods_below" }),
    };
  });
}

/** Reads manual overrides: id, tier, reason, author and an optional expires. */
export async function readOverrides(path: string | undefined): Promise<TierOverride[] | undefined> {
  if (path === undefined) return undefined;
  const rows = await readTableFile(path, ["id", "tier", "reason", "author"]);
  return rows.map((row) => {
    const override: TierOverride = {
      id: row.id as string,
      tier: row.tier as string,
      reason: row.reason as string,
      author: row.author as string,
    };
    if (row.expires !== undefined && row.expires !== "") override.expires = row.expires;
    return override;
  });
}
