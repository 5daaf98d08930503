// The alerts of each account by its position, without a map of a million ids: the accounts' ids are sorted
// (code-unit order), so an alert finds its account by binary search, and each account's alerts are one run of a
// list of alert positions (in the alerts' order: most severe first). Internal to the pipeline.
import type { SignalAlert } from "../signals/evaluateSignals.js";

function positionOf(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = ids[middle] as string;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** For the accounts `ids` (sorted), a function giving account i's alerts in the order of `alerts`. */
export function alertIndex(
  alerts: readonly SignalAlert[],
  ids: readonly string[],
): (account: number) => SignalAlert[] {
  const owner = new Int32Array(alerts.length);
  const start = new Int32Array(ids.length + 1);
  for (let k = 0; k < alerts.length; k++) {
    const position = positionOf(ids, (alerts[k] as SignalAlert).customerId);
    owner[k] = position;
    if (position >= 0) start[position + 1] = (start[position + 1] as number) + 1;
  }
  for (let i = 0; i < ids.length; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const next = start.slice(0, ids.length);
  const order = new Int32Array(start[ids.length] as number);
  for (let k = 0; k < alerts.length; k++) {
    const position = owner[k] as number;
    if (position < 0) continue;
    order[next[position] as number] = k;
    next[position] = (next[position] as number) + 1;
  }
  return (account) => {
    const list: SignalAlert[] = [];
    for (let j = start[account] as number; j < (start[account + 1] as number); j++)
      list.push(alerts[order[j] as number] as SignalAlert);
    return list;
  };
}
