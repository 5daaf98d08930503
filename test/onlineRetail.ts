// The UCI Online Retail sample (test/fixtures/online_retail_sample_30k.csv) and the column mapping every test
// that ingests it uses, as library options and as command-line flags.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { TransactionIngestOptions } from "../src/index.js";

/** The sample's path. */
export const ONLINE_RETAIL_PATH = fileURLToPath(
  new URL("./fixtures/online_retail_sample_30k.csv", import.meta.url),
);

/** A row of the sample, every value a string as papaparse reads it. */
export type OnlineRetailRow = Record<
  | "InvoiceNo"
  | "StockCode"
  | "Description"
  | "Quantity"
  | "InvoiceDate"
  | "UnitPrice"
  | "CustomerID"
  | "Country",
  string
>;

/** The sample's rows. */
export function onlineRetailRows(): OnlineRetailRow[] {
  const text = readFileSync(ONLINE_RETAIL_PATH, "utf8");
  return Papa.parse<OnlineRetailRow>(text, { header: true, skipEmptyLines: true }).data;
}

/** The ingest options that read the sample: its columns, pounds sterling, `C` cancellations, as of its last day. */
export const ONLINE_RETAIL_INGEST = {
  columns: {
    orderId: "InvoiceNo",
    product: "StockCode",
    quantity: "Quantity",
    unitPrice: "UnitPrice",
    date: "InvoiceDate",
    customerId: "CustomerID",
  },
  currency: "GBP",
  cancellationPrefix: "C",
  asOf: "2011-12-09",
} as const satisfies TransactionIngestOptions;

/** The same as command-line arguments: the file, then the flags of `keyaccount summarize`, `rfm` and `profit`. */
export const ONLINE_RETAIL_ARGUMENTS = [
  ONLINE_RETAIL_PATH,
  "--customer-col=CustomerID",
  "--date-col=InvoiceDate",
  "--quantity-col=Quantity",
  "--price-col=UnitPrice",
  "--order-col=InvoiceNo",
  "--product-col=StockCode",
  "--cancellation-prefix=C",
  "--currency=GBP",
  "--as-of=2011-12-09",
] as const;
