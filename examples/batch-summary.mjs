// A Node batch job with the library: read a CRM export, account for every line, summarise per customer, and
// list the top accounts by net revenue. Run it after `npm run build`: node examples/batch-summary.mjs
import { readFileSync } from "node:fs";
import { formatMoney, ingestTransactions, summarize } from "keyaccount";
import Papa from "papaparse";

const text = readFileSync(new URL("data/online_retail_sample_30k.csv", import.meta.url), "utf8");
const { data: rows } = Papa.parse(text, { header: true, skipEmptyLines: true });

const { records, report } = ingestTransactions(rows, {
  columns: {
    customerId: "CustomerID",
    date: "InvoiceDate",
    quantity: "Quantity",
    unitPrice: "UnitPrice",
    orderId: "InvoiceNo",
    product: "StockCode",
  },
  currency: "GBP",
  cancellationPrefix: "C",
  asOf: "2011-12-09",
});
console.log(
  `lines ${report.input}: used ${report.accepted}, rejected ${report.rejected}`,
  report.rejectedByCode,
);

const { features } = summarize({ transactions: records }, { asOf: "2011-12-09", timeUnit: "week" });
const top = [...features].sort((a, b) => b.revenueMinor - a.revenueMinor).slice(0, 5);
for (const customer of top) {
  console.log(
    `${customer.id}: revenue £${formatMoney(customer.revenueMinor, "GBP")}, ${customer.orderCount} orders,` +
      ` last purchase ${customer.daysSinceLastPurchase} days ago, repeat purchase days ${customer.frequency}`,
  );
}
