import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SpilledTexts } from "../../src/cli/SpilledTexts.js";

describe("SpilledTexts", () => {
  it("reads back every text, between pushes too, past its write buffer and past one text larger than it", () => {
    const folder = mkdtempSync(join(tmpdir(), "keyaccount-spill-"));
    const texts = SpilledTexts.open(folder);
    if (texts === undefined) throw new Error("no temporary file");
    // Unlinked at once: nothing is left in the folder, while the texts can be read.
    expect(readdirSync(folder)).toEqual([]);
    const expected = ["客户档案 Ünïcode 🎉", "", '["C1","Acme",null]'];
    for (const text of expected) texts.push(text);
    expect(texts.at(0)).toBe(expected[0]);
    for (let k = 0; k < 8000; k++) expected.push(`["C${k}","${"x".repeat(k % 400)}"]`);
    expected.push("长".repeat(700_000));
    expected.push("after the long one");
    for (const text of expected.slice(3)) texts.push(text);
    expect(texts.length).toBe(expected.length);
    // In order (read ahead a chunk at a time), backwards and out of order (one text a read).
    expect(Array.from({ length: texts.length }, (_, k) => texts.at(k))).toEqual(expected);
    const backwards = Array.from({ length: texts.length }, (_, k) => texts.length - 1 - k);
    expect(backwards.map((k) => texts.at(k))).toEqual(backwards.map((k) => expected[k]));
    const scattered = Array.from({ length: 200 }, (_, k) => (k * 7919) % texts.length);
    expect(scattered.map((k) => texts.at(k))).toEqual(scattered.map((k) => expected[k]));
    expect(texts.at(2)).toBe('["C1","Acme",null]');
    expect(() => texts.at(expected.length)).toThrow(RangeError);
    expect(() => texts.at(-1)).toThrow(RangeError);
    texts.close();
    expect(() => texts.at(0)).toThrow();
  });

  it("gives undefined where no file can be made, for the caller to keep its texts in memory", () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), "keyaccount-spill-")), "file");
    writeFileSync(notAFolder, "");
    expect(SpilledTexts.open(notAFolder)).toBeUndefined();
  });
});
