// The alerts of each account by its position: each account's alerts are one run of a list of alert positions (in
// the alerts' order: most severe first). Internal to the pipeline.
import type { SignalAlertList } from "../signals/SignalAlertList.js";

/** For `accounts` accounts, a function giving account i's alert positions in `alerts`, in their order. */
export function alertIndex(alerts: SignalAlertList, accounts: number): (account: number) => Int32Array {
  const start = new Int32Array(accounts + 1);
  for (let k = 0; k < alerts.length; k++) {
    const position = alerts.accountOf(k) + 1;
    start[position] = (start[position] as number) + 1;
  }
  for (let i = 0; i < accounts; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const next = start.slice(0, accounts);
  const order = new Int32Array(alerts.length);
  for (let k = 0; k < alerts.length; k++) {
    const position = alerts.accountOf(k);
    order[next[position] as number] = k;
    next[position] = (next[position] as number) + 1;
  }
  return (account) => order.subarray(start[account] as number, start[account + 1] as number);
}
