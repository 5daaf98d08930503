// src/ingest must run in a browser or a bare JavaScript sandbox: no Node modules, no Node globals.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { en, zhCN } from "../../src/index.js";

const folder = new URL("../../src/ingest/", import.meta.url);

describe("src/ingest", () => {
  it("imports nothing from Node and uses no Node globals", () => {
    for (const file of readdirSync(folder)) {
      const source = readFileSync(new URL(file, folder), "utf8");
      expect(source, file).not.toMatch(/from "node:|require\(|\bprocess\.|\bBuffer\b|\bglobal\./);
    }
  });

  it("has every message in both catalogues with the same placeholders", () => {
    for (const [code, text] of Object.entries(en)) {
      const placeholders = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zhCN[code as keyof typeof zhCN]), code).toEqual(placeholders(text));
    }
  });
});
