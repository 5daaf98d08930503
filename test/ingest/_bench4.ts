import Papa from "papaparse";
import fs from "node:fs";
import { createTransactionIngest } from "../../src/index.ts";
const one = fs.readFileSync("/work/main/test/fixtures/online_retail_sample_30k.csv", "utf8");
const header = one.slice(0, one.indexOf("\n") + 1);
const body = one.slice(header.length);
const text = header + Array.from({ length: 20 }, () => body).join("");
const mode = (process.env.DUP ?? "keep") as "keep" | "reject";
for (let k = 0; k < 4; k++) {
  let t1 = performance.now();
  let rows = 0;
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, chunk: (r) => { rows += r.data.length; } });
  const parseMs = performance.now() - t1;
  t1 = performance.now();
  let n = 0;
  const ing = createTransactionIngest({ columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice", date: "InvoiceDate", customerId: "CustomerID" }, currency: "GBP", cancellationPrefix: "C", duplicateRows: mode }, () => { n++; });
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, chunk: (r) => { for (const row of r.data) ing.push(row); } });
  const rep = ing.finish();
  const ms = performance.now() - t1;
  console.log(`parse only ${parseMs.toFixed(0)} ms; parse+ingest ${ms.toFixed(0)} ms; ingest ≈ ${((rows / (ms - parseMs)) / 1e6).toFixed(2)} M rows/s`, n, rep.accepted);
}
