import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellColumns } from "../../src/cli/CellColumns.js";
import { IdMap } from "../../src/cli/IdMap.js";
import { readPrevious, readRatings } from "../../src/cli/readTierFiles.js";
import { TextIndex } from "../../src/model/TextIndex.js";
import type { TierPolicy } from "../../src/tier/tierPolicySchema.js";

type Row = [id: string, amount: number | undefined, yes: boolean | undefined, day: string | undefined];

// Rows with repeated ids (a later row replaces the earlier one, as Map.set does) and well over the 1,024 rows the
// columns start with, so that they grow.
const rows = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom("C1", "C2", "", "客户"), fc.string({ maxLength: 12 })),
    fc.option(fc.double({ noNaN: true }), { nil: undefined }),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.option(fc.constantFrom("2026-01-31", "2026-02-01", ""), { nil: undefined }),
  ) as fc.Arbitrary<Row>,
  { maxLength: 1500, size: "max" },
);

const work = mkdtempSync(join(tmpdir(), "keyaccount-tables-"));
const file = (name: string, lines: readonly string[]): string => {
  const path = join(work, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

describe("CellColumns and IdMap", () => {
  it("read back every row as a Map of the same rows does, in its order", () => {
    fc.assert(
      fc.property(rows, (given) => {
        const expected = new Map<string, Row>();
        const ids = new TextIndex();
        const cells = new CellColumns(["number", "yesNo", "text"]);
        for (const row of given) {
          expected.set(row[0], row);
          cells.set(ids.entry(row[0]), row.slice(1));
        }
        const map = new IdMap(
          ids,
          (entry): Row => [
            ids.text(entry),
            cells.cell(entry, 0) as number | undefined,
            cells.cell(entry, 1) as boolean | undefined,
            cells.cell(entry, 2) as string | undefined,
          ],
        );
        expect([...map]).toEqual([...expected]);
        expect([...map.keys()]).toEqual([...expected.keys()]);
        expect(map.size).toBe(expected.size);
        const visited: string[] = [];
        map.forEach((value, id, self) => {
          expect(self).toBe(map);
          expect(value[0]).toBe(id);
          visited.push(id);
        });
        expect(visited).toEqual([...expected.keys()]);
        for (const id of ["C1", "C9", ""]) {
          expect(map.has(id)).toBe(expected.has(id));
          expect(map.mapped((row) => row[1]).get(id)).toBe(expected.get(id)?.[1]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the tier files", () => {
  const policy = { ratings: [{ name: "credit" }, { name: "fit" }] } as TierPolicy;

  it("read ratings as a Map would keep them: a later row replaces, empty cells are absent", async () => {
    const path = file("ratings.csv", ["id,credit,fit,qualified", "C1,4,,yes", "C2,,3.5,", "C1,2,5,0"]);
    const ratings = await readRatings(path, policy);
    expect([...ratings]).toEqual([
      ["C1", { ratings: { credit: 2, fit: 5 }, qualified: false }],
      ["C2", { ratings: { fit: 3.5 } }],
    ]);
    expect(ratings.get("C3")).toBeUndefined();
  });

  it("name the file, row and column of a rating that is not a number", async () => {
    const path = file("bad-ratings.csv", ["id,credit", "C1,4", "C2,high"]);
    await expect(readRatings(path, policy)).rejects.toThrow(`${path}, row 2, credit: "high" is not a number`);
  });

  it("read the previous tiers in the file's order, each row made when read", async () => {
    const path = file("tiers.csv", ["id,tier,periods_below", "C2,key,1", "C1,ordinary,", "C2,strategic,0"]);
    const previous = await readPrevious(path);
    expect(previous?.toArray()).toEqual([
      { id: "C2", tier: "key", periodsBelow: 1 },
      { id: "C1", tier: "ordinary", periodsBelow: 0 },
      { id: "C2", tier: "strategic", periodsBelow: 0 },
    ]);
    expect(previous?.at(1)).not.toBe(previous?.at(1));
  });

  it("say which columns a file lacks, before reading on", async () => {
    const path = file("no-tier.csv", ["id,level", "C1,key"]);
    await expect(readPrevious(path)).rejects.toThrow(
      `${path} has no column tier; its columns are: id, level`,
    );
  });
});
