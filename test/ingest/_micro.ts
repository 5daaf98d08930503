import { ReversalLedger } from "../../src/ingest/reversalLedger.ts";
const n = 600_000;
const cust: string[] = [], prod: string[] = [], ord: string[] = [];
for (let i = 0; i < n; i++) { cust.push(`${12000 + (i % 3500)}.0`.slice(0, 5)); prod.push(String(20000 + (i * 7919) % 3000) + "A".slice(1)); ord.push("5" + String(36000 + (i % 3500) * 5 + (i % 5))); }
for (let k = 0; k < 3; k++) {
  const l = new ReversalLedger();
  const t = performance.now();
  for (let i = 0; i < n; i++) l.addSale(cust[i]!, prod[i]!, "GBP", false, 15000, 2_000_000, i + 1, undefined, ord[i]);
  console.log("addSale", (performance.now() - t).toFixed(0), "ms");
  const m = new Map<string, number>(); const t2 = performance.now();
  for (let i = 0; i < n; i++) { const c = cust[i]!; m.set(c, (m.get(c) ?? 0) + 1); }
  console.log("map only", (performance.now() - t2).toFixed(0));
}
