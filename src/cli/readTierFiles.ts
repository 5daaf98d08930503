import { PackedTexts } from "../model/PackedTexts.js";
import { TextIndex } from "../model/TextIndex.js";
import { LazyList } from "../signals/LazyList.js";
import type { PreviousTier, TierOverride } from "../tier/assignTiers.js";
import type { TierInput } from "../tier/TierInput.js";
import type { TierPolicy } from "../tier/tierPolicySchema.js";
import { CellColumns, type CellKind } from "./CellColumns.js";
import { IdMap } from "./IdMap.js";
import { readTableFile } from "./readTableFile.js";
import { readTableRows } from "./readTableRows.js";
import { numberCell, yesNoCell } from "./tableCells.js";

/** Manager ratings by account id: the ratings the policy declares and whether the account is qualified. */
export type Ratings = IdMap<Pick<TierInput, "ratings" | "qualified">>;

/**
 * Reads a ratings file: an id column, one column per rating the policy declares, an optional qualified. The
 * ratings are kept in columns and each account's made when read; a later row of the same id replaces the earlier.
 */
export async function readRatings(path: string | undefined, policy: TierPolicy): Promise<Ratings> {
  const names = (policy.ratings ?? []).map((rating) => rating.name);
  const ids = new TextIndex();
  // One number column per rating, then qualified.
  const cells = new CellColumns([...names.map((): CellKind => "number"), "yesNo"]);
  if (path !== undefined) {
    await readTableRows(path, ["id"], (row, number) => {
      const values = names.map((name) => {
        const text = row[name];
        return text === undefined || text === ""
          ? undefined
          : numberCell(text, { path, row: number, column: name });
      });
      cells.set(ids.entry(row.id as string), [...values, yesNoCell(row.qualified)]);
    });
  }
  return new IdMap(ids, (entry) => {
    const values: Record<string, number> = {};
    names.forEach((name, k) => {
      const value = cells.cell(entry, k);
      if (value !== undefined) values[name] = value as number;
    });
    const rated: Pick<TierInput, "ratings" | "qualified"> = { ratings: values };
    const qualified = cells.cell(entry, names.length);
    if (qualified !== undefined) rated.qualified = qualified as boolean;
    return rated;
  });
}

/**
 * Reads the previous run's tiers (id, tier, periods_below) in the file's order, kept in columns: each row is made
 * when read.
 */
export async function readPrevious(path: string | undefined): Promise<LazyList<PreviousTier> | undefined> {
  if (path === undefined) return undefined;
  let capacity = 1024;
  const ids = new PackedTexts(capacity);
  const cells = new CellColumns(["text", "number"]);
  const rows = await readTableRows(path, ["id", "tier"], (row, number) => {
    if (number > capacity) {
      capacity *= 2;
      ids.grow(capacity);
    }
    const below = row.periods_below;
    ids.set(number - 1, row.id as string);
    cells.set(number - 1, [
      row.tier,
      below === undefined || below === ""
        ? 0
        : numberCell(below, { path, row: number, column: "periods_below" }),
    ]);
  });
  return new LazyList(rows, (row) => ({
    id: ids.at(row) as string,
    tier: cells.cell(row, 0) as string,
    periodsBelow: cells.cell(row, 1) as number,
  }));
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
