import { PassThrough } from "node:stream";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { writeTable } from "../../src/cli/writeTable.js";

async function written(
  columns: string[],
  rows: (string | number | null)[][],
  format: "csv" | "json" | "jsonl",
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTable(columns, rows, format, undefined, out);
  return Buffer.concat(chunks).toString();
}

describe("writeTable", () => {
  const columns = ["id", "name", "value"];
  const rows = [
    ["1", 'Acme, "Ltd"', 12.5],
    ["2", "two\nlines", null],
    ["3", " padded ", 0],
    ["4", "北京科技", -3],
  ];

  it("writes CSV that a CSV parser reads back to the same cells", async () => {
    const text = await written(columns, rows, "csv");
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      columns,
      ...rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    ]);
  });

  it("writes JSON and JSON Lines with null for missing cells", async () => {
    const objects = rows.map((row) => Object.fromEntries(columns.map((name, i) => [name, row[i]])));
    expect(JSON.parse(await written(columns, rows, "json"))).toEqual(objects);
    const lines = (await written(columns, rows, "jsonl")).trim().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual(objects);
    expect(JSON.parse(await written(columns, [], "json"))).toEqual([]);
  });

  it("writes the header once across batches of a large table", async () => {
    const many = Array.from({ length: 25_001 }, (_, i) => [String(i), "x", i]);
    const lines = (await written(columns, many, "csv")).trim().split("\n");
    expect(lines).toHaveLength(25_002);
    expect(lines.filter((line) => line === "id,name,value")).toHaveLength(1);
    expect(JSON.parse(await written(columns, many, "json"))).toHaveLength(25_001);
  });
});
