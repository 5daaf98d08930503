const n = 600_000;
const cust: string[] = [], prod: string[] = [], ord: string[] = [];
for (let i = 0; i < n; i++) { cust.push(`${12000 + (i % 3500)}.0`.slice(0, 5)); prod.push(String(20000 + (i * 7919) % 3000) + "A".slice(1)); ord.push("5" + String(36000 + (i % 20000))); }
function time(name: string, f: () => void) { const t = performance.now(); f(); console.log(name, (performance.now() - t).toFixed(0)); }
for (let k = 0; k < 2; k++) {
  time("nested maps", () => { const heads = new Map<string, Map<string, number>>(); for (let i = 0; i < n; i++) { let p = heads.get(cust[i]!); if (!p) { p = new Map(); heads.set(cust[i]!, p); } p.set(prod[i]!, i); } });
  time("arrays", () => { const a: number[] = [], b: number[] = [], c: boolean[] = [], d: string[] = [], e: (string|undefined)[] = []; for (let i = 0; i < n; i++) { a.push(i); b.push(2_000_000); c.push(false); d.push("GBP"); e.push(ord[i]); } });
  time("refs", () => { const r = new Map<string, {row: number; customerId: string}>(); for (let i = 0; i < n; i++) { const k = r.get(ord[i]!); if (!k) r.set(ord[i]!, {row: i, customerId: cust[i]!}); else if (k.customerId !== cust[i]) {} } });
}
