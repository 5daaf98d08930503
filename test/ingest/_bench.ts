import Papa from "papaparse";
import fs from "node:fs";
import { ingestTransactions } from "../../src/index.ts";
const text = fs.readFileSync("/work/main/test/fixtures/online_retail_sample_30k.csv", "utf8");
const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
const big: Record<string, string>[] = []; for (let i = 0; i < 20; i++) for (const r of data) big.push(r);
const mode = (process.env.DUP ?? "keep") as "keep" | "reject";
for (let k = 0; k < 3; k++) {
const t1 = performance.now();
const r2 = ingestTransactions(big, { columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice", date: "InvoiceDate", customerId: "CustomerID" }, currency: "GBP", cancellationPrefix: "C", duplicateRows: mode });
const ms = performance.now() - t1;
console.log("600k rows ms", ms.toFixed(0), (big.length / ms * 1000).toFixed(0), "rows/s", r2.report.accepted);
}
