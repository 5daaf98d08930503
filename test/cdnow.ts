// The CDNOW sample (test/fixtures/CDNOW_sample.txt, credited in test/fixtures/README.md): as command-line arguments
// (the whitespace-separated transaction file and the flags that summarise it as the published calibration
// summary) and as transaction records.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseMoney, type Transaction } from "../src/index.js";

/** The sample's path. */
export const CDNOW_SAMPLE_PATH = fileURLToPath(new URL("./fixtures/CDNOW_sample.txt", import.meta.url));

/**
 * The file, then the flags of `keyaccount summarize` (and of `fit`, which summarises transactions the same way):
 * its five unnamed columns, every row kept (zero amounts and repeated rows too), calibration to 1997-09-30, weeks.
 */
export const CDNOW_ARGUMENTS = [
  CDNOW_SAMPLE_PATH,
  "--columns",
  "master_id,id,date,cds,spent",
  "--customer-col",
  "id",
  "--amount-col",
  "spent",
  "--date-format",
  "YYYYMMDD",
  "--duplicate-rows",
  "keep",
  "--zero-amounts",
  "accept",
  "--as-of",
  "1998-06-30",
  "--calibration-end",
  "1997-09-30",
  "--time-unit",
  "week",
] as const;

/** The sample's lines: master id, sample id, date YYYYMMDD, number of CDs, dollars (whitespace-separated). */
export function cdnowTransactions(): Transaction[] {
  return readFileSync(CDNOW_SAMPLE_PATH, "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [, id, date, , dollars] = line.trim().split(/\s+/);
      const money = parseMoney(dollars ?? "", "USD");
      if (!id || !date || !money.ok) throw new Error(`unreadable CDNOW line: ${line}`);
      return {
        customerId: String(Number(id)),
        date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        amountMinor: money.minor,
        currency: "USD",
        kind: "sale",
      };
    });
}
