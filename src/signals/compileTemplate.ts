// Fills a rule's message template with the account's metric values, formatted for people by unit and locale.
// Internal.
import { currencyDigits } from "../model/currencyDigits.js";
import type { Locale } from "../model/locale.js";
import { type MetricNames, metricUnit } from "./metricUnit.js";
import type { Column, SignalTable } from "./SignalTable.js";
import type { SignalMetricUnit } from "./signalMetrics.js";
import type { LocalisedText } from "./signalPolicySchema.js";

/** A `{name}` placeholder of a message template (global: use with matchAll, which copies it). */
export const PLACEHOLDER: RegExp = /\{([^{}]*)\}/g;

const formatters = /* @__PURE__ */ new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let format = formatters.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(id, format);
  }
  return format;
}

// The words for the codes that text metrics hold (care occasions, NPS classes), per locale; other texts (tiers,
// segments, grades, document types) are shown as they are.
const TEXT_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    birthday: "birthday",
    founding: "founding anniversary",
    "cooperation-start": "cooperation anniversary",
    "contract-renewal": "contract renewal",
    "contract-end": "contract end",
    other: "anniversary",
    holiday: "holiday",
    promoter: "promoter",
    passive: "passive",
    detractor: "detractor",
  },
  "zh-CN": {
    birthday: "生日",
    founding: "成立纪念日",
    "cooperation-start": "合作纪念日",
    "contract-renewal": "合同续签",
    "contract-end": "合同到期",
    other: "纪念日",
    holiday: "节日",
    promoter: "推荐者",
    passive: "被动者",
    detractor: "贬损者",
  },
};
const LABELLED_METRICS: ReadonlySet<string> = /* @__PURE__ */ new Set(["nextCareOccasion", "npsClass"]);

/** A metric value as people read it: money in its currency, ratios in percent, others with at most one decimal. */
export function formatMetricValue(
  value: number | string | undefined,
  unit: SignalMetricUnit,
  currency: string | undefined,
  locale: Locale,
): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  // Below 1000 (no grouping), numbers read the same in every shipped locale: written here, not by Intl, which is
  // slow for the million messages of a large portfolio. Intl is kept for money and larger numbers.
  if (unit !== "minor") {
    const shown = unit === "ratio" ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10;
    if (shown > -1000 && shown < 1000) return unit === "ratio" ? `${shown}%` : String(shown);
  }
  switch (unit) {
    case "minor": {
      // Without a currency the number of decimals is unknown: the amount is shown in minor units, and says so.
      if (currency === undefined) {
        const amount = formatter(locale, "plain", { maximumFractionDigits: 0 }).format(value);
        return locale === "zh-CN" ? `${amount}（最小货币单位）` : `${amount} (minor units)`;
      }
      const digits = currencyDigits(currency);
      return formatter(locale, currency, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value / 10 ** digits);
    }
    case "ratio":
      return formatter(locale, "percent", { style: "percent", maximumFractionDigits: 1 }).format(value);
    default:
      return formatter(locale, "number", { maximumFractionDigits: 1 }).format(value);
  }
}

// Messages whose placeholders are days, counts, percentages or texts repeat from account to account: each
// distinct set of values is written once and the text shared. A template whose values hardly repeat (a
// probability, say) fills its memo and is written every time from then on.
const MEMO_LIMIT = 16_384;

type Memo = Map<number | string | undefined, Memo | string>;

// `render` remembered by the values of the columns it reads (Map keys: NaN is one key, and -0 is 0, which these
// units write alike).
function memoised(render: (i: number) => string, keys: readonly Column[]): (i: number) => string {
  const root: Memo = new Map();
  const last = keys.length - 1;
  let stored = 0;
  return (i) => {
    if (stored >= MEMO_LIMIT) return render(i);
    let node = root;
    for (let k = 0; k < last; k++) {
      const key = (keys[k] as Column)[i];
      let next = node.get(key) as Memo | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(key, next);
      }
      node = next;
    }
    const key = (keys[last] as Column)[i];
    let text = node.get(key) as string | undefined;
    if (text === undefined) {
      text = render(i);
      node.set(key, text);
      stored++;
    }
    return text;
  };
}

/**
 * A message template compiled once for a locale (English when the locale's text is absent) over a table's
 * columns: literal parts and the columns of its placeholders, so an alert's message is one pass of concatenation
 * for account `i` of the table's current block — or none, when the same values were written before (messages
 * without money or the customer's name).
 */
export function compileTemplate(
  text: LocalisedText,
  names: MetricNames,
  locale: Locale,
  table: SignalTable,
): (i: number) => string {
  const template = (locale === "zh-CN" ? text["zh-CN"] : undefined) ?? text.en;
  const parts: ((i: number) => string)[] = [];
  // The columns the message depends on; undefined once it depends on more (money's currency, the name).
  let keys: Column[] | undefined = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, match.index);
    if (literal !== "") parts.push(() => literal);
    last = match.index + match[0].length;
    const name = match[1] as string;
    const unit = metricUnit(name, names);
    if (name === "customer") {
      keys = undefined;
      parts.push((i) => table.customer[i] as string);
    } else if (unit === undefined) parts.push(() => match[0]);
    else {
      const column = table.column(name);
      const value = (i: number): number | string | undefined => {
        const v = column[i];
        return typeof v === "number" && Number.isNaN(v) ? undefined : v;
      };
      if (unit === "minor") keys = undefined;
      else keys?.push(column);
      if (LABELLED_METRICS.has(name)) {
        const labels = TEXT_LABELS[locale];
        parts.push((i) => {
          const shown = value(i);
          return shown === undefined ? "—" : (labels[shown] ?? String(shown));
        });
      } else parts.push((i) => formatMetricValue(value(i), unit, table.currency[i], locale));
    }
  }
  const rest = template.slice(last);
  if (parts.length === 0) return () => rest;
  if (rest !== "") parts.push(() => rest);
  // One flat string from a reused list of pieces: `+=` would leave a tree of partial strings per message.
  const pieces = new Array<string>(parts.length);
  const render = (i: number): string => {
    for (let p = 0; p < parts.length; p++) pieces[p] = (parts[p] as (typeof parts)[number])(i);
    return pieces.join("");
  };
  return keys === undefined || keys.length === 0 ? render : memoised(render, keys);
}
