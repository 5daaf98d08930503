import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRows } from "../../src/cli/readRows.js";

async function rowsOf(text: string, name: string, keepTexts: boolean) {
  const path = join(await mkdtemp(join(tmpdir(), "keyaccount-rows-")), name);
  await writeFile(path, text);
  const rows: [Readonly<Record<string, unknown>>, string | undefined][] = [];
  const format = name.endsWith(".txt") ? "whitespace" : "csv";
  await readRows(path, { format, keepTexts }, (row, problem) => rows.push([row, problem]));
  return rows;
}

describe("readRows: kept texts", () => {
  // Quotes, delimiters and line breaks inside fields, backslashes, line and paragraph separators, Chinese and an
  // emoji, empty cells and values repeated in a column.
  const csv = [
    "id,name,region,note",
    'C1,"Acme, ""Ltd""",North,"two\nlines"',
    "C2,北京科技有限公司,North,back\\slash \u2028 \u2029",
    'C3,Grace 🙂 Thomas,,"\t tab"',
    "C4,Acme,North,",
    "C5,only two",
  ].join("\n");

  it("gives the same rows and problems as the texts cut from the file", async () => {
    const kept = await rowsOf(csv, "rows.csv", true);
    expect(kept).toEqual(await rowsOf(csv, "rows.csv", false));
    expect(kept.map(([row]) => row.name)).toEqual([
      'Acme, "Ltd"',
      "北京科技有限公司",
      "Grace 🙂 Thomas",
      "Acme",
      "only two",
    ]);
    expect(kept[1]?.[0].note).toBe("back\\slash \u2028 \u2029");
    expect(kept[4]?.[1]).toBe("the line has 2 fields where the header has 4");
  });

  it("keeps the texts of whitespace-separated files too", async () => {
    const text = "id date amount\nC1 2024-01-02 10.5\nC1 2024-01-02 3\n";
    const kept = await rowsOf(text, "rows.txt", true);
    expect(kept.map(([row]) => row)).toEqual([
      { id: "C1", date: "2024-01-02", amount: "10.5" },
      { id: "C1", date: "2024-01-02", amount: "3" },
    ]);
  });
});
