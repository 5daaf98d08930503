// The CDNOW sample (test/fixtures/CDNOW_sample.txt, credited in test/fixtures/README.md) as command-line arguments:
// the whitespace-separated transaction file and the flags that summarise it as the published calibration summary.

import { fileURLToPath } from "node:url";

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
