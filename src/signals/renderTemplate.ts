// Fills a rule's message template with the account's metric values, formatted for people by unit and locale.
// Internal.
import { currencyDigits } from "../model/currencyDigits.js";
import type { Locale } from "../model/locale.js";
import type { AccountView } from "./AccountView.js";
import { type MetricNames, resolveMetric } from "./resolveMetric.js";
import type { SignalMetricUnit } from "./signalMetrics.js";
import type { LocalisedText } from "./signalPolicySchema.js";

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

/** A metric value as people read it: money in its currency, ratios in percent, others with at most one decimal. */
export function formatMetricValue(
  value: number | string | undefined,
  unit: SignalMetricUnit,
  currency: string | undefined,
  locale: Locale,
): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  switch (unit) {
    case "minor": {
      if (currency === undefined)
        return formatter(locale, "plain", { maximumFractionDigits: 0 }).format(value);
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

/** The message in the locale (English when the locale's text is absent), placeholders filled. */
export function renderTemplate(
  text: LocalisedText,
  view: AccountView,
  names: MetricNames,
  locale: Locale,
): string {
  const template = (locale === "zh-CN" ? text["zh-CN"] : undefined) ?? text.en;
  const account = view.account;
  const currency = account.features?.currency ?? account.customer?.currency;
  return template.replace(/\{([^{}]*)\}/g, (placeholder, name: string) => {
    if (name === "customer") return account.customer?.name ?? account.id;
    const metric = resolveMetric(name, names);
    return metric === undefined
      ? placeholder
      : formatMetricValue(metric.read(view), metric.unit, currency, locale);
  });
}
