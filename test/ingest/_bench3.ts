import Papa from "papaparse";
import fs from "node:fs";
import { createTransactionIngest } from "../../src/index.ts";
const text = fs.readFileSync("/work/main/test/fixtures/online_retail_sample_30k.csv", "utf8");
const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
const mode = (process.env.DUP ?? "keep") as "keep" | "reject";
for (let k = 0; k < 5; k++) {
  const t1 = performance.now();
  let n = 0;
  const ing = createTransactionIngest({ columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice", date: "InvoiceDate", customerId: "CustomerID" }, currency: "GBP", cancellationPrefix: "C", duplicateRows: mode }, () => { n++; });
  for (let i = 0; i < 20; i++) for (const r of data) ing.push(r);
  const rep = ing.finish();
  const ms = performance.now() - t1;
  console.log("600k rows ms", ms.toFixed(0), (600000 / ms * 1000).toFixed(0), "rows/s", n, rep.accepted);
}
