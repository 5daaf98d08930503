// The what-if calculator: the example portfolio is scored once with the example policy (fitting the CLV models),
// then every edit of the policy re-runs scorePortfolio with those models and the previous tiers, at most once per
// animation frame, and the page shows what changed against that first run. The latest numbers are in the DOM
// (data-testid attributes, raw values in data-value) and in `window.whatIf`, for the browser test.

import { currencyDigits, generatePortfolio, scorePortfolio } from "../../dist/browser/keyaccount.js";
import { EXAMPLE_OPTIONS, examplePortfolio } from "./examplePortfolio.js";

const POLICY_URL = "../data/portfolio-policy.json";
const CHANGED_LISTED = 15;

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

// ---------------------------------------------------------------------------------------------------------------
// The controls: each reads and writes one number of the policy.

// "strategicFit" → "Strategic fit".
const words = (name) =>
  name
    .replace(/([a-z])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());

function controlsFor(policy) {
  const { tiers } = policy;
  return [
    ...tiers.dimensions.map((dimension) => ({
      group: "weights",
      key: `weight-${dimension.name}`,
      label: words(dimension.name),
      min: 0,
      max: 100,
      step: 1,
      get: (p) => p.tiers.dimensions.find((d) => d.name === dimension.name).weight,
      set: (p, value) => {
        p.tiers.dimensions.find((d) => d.name === dimension.name).weight = value;
      },
      note: (p) => {
        const total = p.tiers.dimensions.reduce((sum, d) => sum + d.weight, 0);
        const own = p.tiers.dimensions.find((d) => d.name === dimension.name).weight;
        return total === 0 ? "–" : `${Math.round((own / total) * 100)} %`;
      },
    })),
    ...tiers.assignment.thresholds.map((entry) => ({
      group: "tiering",
      key: `threshold-${entry.tier}`,
      label: `${words(entry.tier)} from score`,
      min: 0,
      max: 100,
      step: 0.5,
      get: (p) => p.tiers.assignment.thresholds.find((t) => t.tier === entry.tier).minScore,
      set: (p, value) => {
        p.tiers.assignment.thresholds.find((t) => t.tier === entry.tier).minScore = value;
      },
    })),
    {
      group: "tiering",
      key: "hysteresis-up-margin",
      label: "Moving up needs extra points",
      min: 0,
      max: 10,
      step: 0.5,
      get: (p) => p.tiers.hysteresis.upMargin,
      set: (p, value) => {
        p.tiers.hysteresis.upMargin = value;
      },
    },
    // Shown in per cent, kept as a fraction.
    ...[
      ["discountRate", `Discount rate per ${policy.clv.discountUnit} (%)`, 5, 0.05],
      ["margin", "Margin on revenue (%)", 100, 1],
    ].map(([field, label, max, step]) => ({
      group: "clv",
      key: `clv-${field}`,
      label,
      min: 0,
      max,
      step,
      get: (p) => Number((p.clv[field] * 100).toFixed(4)),
      set: (p, value) => {
        p.clv[field] = value / 100;
      },
    })),
    ...Object.keys(policy.signals.settings.followUpCadenceDays).map((tier) => ({
      group: "cadence",
      key: `cadence-${tier}`,
      label: tier === "default" ? "Other tiers (days)" : `${words(tier)} (days)`,
      min: 1,
      max: 180,
      step: 1,
      get: (p) => p.signals.settings.followUpCadenceDays[tier],
      set: (p, value) => {
        p.signals.settings.followUpCadenceDays[tier] = value;
      },
    })),
  ];
}

// One row: a label, a slider and a number field kept in step, and an optional note (e.g. the weight's share).
function renderControl(control, policy, onChange) {
  const row = document.createElement("div");
  row.className = "control";
  const id = `control-${control.key}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = control.label;
  const slider = document.createElement("input");
  Object.assign(slider, { type: "range", id, min: control.min, max: control.max, step: control.step });
  slider.dataset.testid = `slider-${control.key}`;
  const field = document.createElement("input");
  Object.assign(field, { type: "number", min: control.min, max: control.max, step: control.step });
  field.setAttribute("aria-label", `${control.label}, exact value`);
  field.dataset.testid = `input-${control.key}`;
  const note = document.createElement("span");
  note.className = "note";
  row.append(label, slider, field, note);
  const show = (p) => {
    const value = control.get(p);
    slider.value = String(value);
    field.value = String(value);
    note.textContent = control.note?.(p) ?? "";
  };
  slider.addEventListener("input", () => {
    field.value = slider.value;
    onChange(control, Number(slider.value));
  });
  field.addEventListener("input", () => {
    if (field.value === "" || !field.checkValidity()) return;
    slider.value = field.value;
    onChange(control, Number(field.value));
  });
  show(policy);
  return { row, show };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing a run with the first one.

function countByRule(keys, exclude) {
  const counts = {};
  for (const key of keys) {
    if (exclude.has(key)) continue;
    const rule = key.slice(0, key.indexOf("|"));
    counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return counts;
}

function summarise(result, baseline, recomputeMs) {
  const baselineTier = new Map(baseline.accounts.map((account) => [account.id, account]));
  const changed = [];
  for (const account of result.accounts) {
    const before = baselineTier.get(account.id);
    if (before !== undefined && before.tier !== account.tier) {
      changed.push({
        id: account.id,
        name: account.name,
        from: before.tier,
        to: account.tier,
        score: account.score,
        revenueMinor: account.revenueMinor,
        reason: account.reasonText,
      });
    }
  }
  const baselineRows = new Map(baseline.byTier.map((row) => [row.tier, row]));
  const tiers = result.byTier.map((row) => ({
    tier: row.tier,
    accounts: row.accounts,
    revenueMinor: row.revenueMinor,
    baselineAccounts: baselineRows.get(row.tier)?.accounts ?? 0,
    baselineRevenueMinor: baselineRows.get(row.tier)?.revenueMinor ?? 0,
  }));
  const keys = new Set(result.signals.alerts.map((alert) => alert.key));
  const baselineKeys = new Set(baseline.signals.alerts.map((alert) => alert.key));
  const appeared = countByRule(keys, baselineKeys);
  const cleared = countByRule(baselineKeys, keys);
  const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    tiers,
    changedCount: changed.length,
    changed,
    clvTotalMinor: result.totals.clvMinor,
    clvChangeMinor: result.totals.clvMinor - baseline.totals.clvMinor,
    alerts: { appeared, cleared, appearedTotal: total(appeared), clearedTotal: total(cleared) },
    recomputeMs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Showing a summary.

function moneyFormats(currency) {
  const scale = 10 ** currencyDigits(currency);
  const compact = new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  return { money: (minor) => compact.format(minor / scale), change: (minor) => signed.format(minor / scale) };
}

const integer = new Intl.NumberFormat("en");
const signedInteger = new Intl.NumberFormat("en", { signDisplay: "exceptZero" });

function setFigure(element, value, text) {
  element.dataset.value = String(value);
  element.textContent = text;
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

const deltaClass = (delta) => (delta > 0 ? "up" : delta < 0 ? "down" : "");

function renderSummary(summary, format, accountCount) {
  setFigure(byTestId("changed-count"), summary.changedCount, integer.format(summary.changedCount));
  setFigure(byTestId("clv-total"), summary.clvTotalMinor, format.money(summary.clvTotalMinor));
  const clvChange = byTestId("clv-change");
  setFigure(
    clvChange,
    summary.clvChangeMinor,
    summary.clvChangeMinor === 0 ? "no change" : `${format.change(summary.clvChangeMinor)} vs the example`,
  );
  clvChange.className = `sub ${deltaClass(summary.clvChangeMinor)}`;
  setFigure(
    byTestId("alerts-appeared"),
    summary.alerts.appearedTotal,
    integer.format(summary.alerts.appearedTotal),
  );
  setFigure(
    byTestId("alerts-cleared"),
    summary.alerts.clearedTotal,
    integer.format(summary.alerts.clearedTotal),
  );
  setFigure(byTestId("recompute-ms"), summary.recomputeMs, integer.format(Math.round(summary.recomputeMs)));

  const tierBody = byTestId("tier-table").tBodies[0];
  tierBody.replaceChildren(
    ...summary.tiers.map((row) => {
      const tr = document.createElement("tr");
      tr.dataset.testid = `tier-row-${row.tier}`;
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = words(row.tier);
      const accounts = cell(integer.format(row.accounts), "num");
      accounts.dataset.testid = `tier-accounts-${row.tier}`;
      accounts.dataset.value = String(row.accounts);
      const revenue = cell(format.money(row.revenueMinor), "num");
      revenue.dataset.testid = `tier-revenue-${row.tier}`;
      revenue.dataset.value = String(row.revenueMinor);
      const accountChange = row.accounts - row.baselineAccounts;
      const revenueChange = row.revenueMinor - row.baselineRevenueMinor;
      const bars = document.createElement("td");
      bars.className = "bar-col";
      bars.setAttribute("aria-hidden", "true");
      for (const [kind, count] of [
        ["now", row.accounts],
        ["base", row.baselineAccounts],
      ]) {
        const bar = document.createElement("span");
        bar.className = `bar ${kind}`;
        bar.style.width = `${(count / accountCount) * 100}%`;
        bars.append(bar);
      }
      tr.append(
        name,
        accounts,
        cell(integer.format(row.baselineAccounts), "num muted"),
        cell(
          accountChange === 0 ? "–" : signedInteger.format(accountChange),
          `num ${deltaClass(accountChange)}`,
        ),
        bars,
        revenue,
        cell(format.money(row.baselineRevenueMinor), "num muted"),
        cell(revenueChange === 0 ? "–" : format.change(revenueChange), `num ${deltaClass(revenueChange)}`),
      );
      return tr;
    }),
  );

  // The biggest accounts first: they matter most.
  const listed = [...summary.changed]
    .sort((a, b) => b.revenueMinor - a.revenueMinor)
    .slice(0, CHANGED_LISTED);
  byTestId("changed-list").replaceChildren(
    ...listed.map((account) => {
      const li = document.createElement("li");
      li.dataset.testid = "changed-account";
      li.dataset.id = account.id;
      li.dataset.from = account.from;
      li.dataset.to = account.to;
      li.title = account.reason;
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = account.name === undefined ? account.id : `${account.name} (${account.id})`;
      const move = document.createElement("span");
      move.className = "move";
      move.textContent = `${account.from} → ${account.to}`;
      const detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = `score ${account.score.toFixed(1)} · ${format.money(account.revenueMinor)}`;
      li.append(who, move, detail);
      return li;
    }),
  );
  const more = byTestId("changed-more");
  more.hidden = summary.changedCount <= listed.length;
  more.textContent =
    summary.changedCount === 0
      ? ""
      : `and ${summary.changedCount - listed.length} more (largest revenue shown).`;
  if (summary.changedCount === 0) {
    more.hidden = false;
    more.textContent = "No account changes tier.";
  }

  const rules = [
    ...new Set([...Object.keys(summary.alerts.appeared), ...Object.keys(summary.alerts.cleared)]),
  ].sort();
  byTestId("alert-table").tBodies[0].replaceChildren(
    ...rules.map((rule) => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "alert-rule";
      tr.dataset.rule = rule;
      const appeared = summary.alerts.appeared[rule] ?? 0;
      const cleared = summary.alerts.cleared[rule] ?? 0;
      tr.dataset.appeared = String(appeared);
      tr.dataset.cleared = String(cleared);
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = rule;
      tr.append(
        name,
        cell(appeared === 0 ? "–" : signedInteger.format(appeared), appeared === 0 ? "num" : "num up"),
        cell(cleared === 0 ? "–" : signedInteger.format(-cleared), cleared === 0 ? "num" : "num down"),
      );
      return tr;
    }),
  );
  byTestId("alerts-none").hidden = rules.length > 0;
}

function setStatus(state, text) {
  const status = byTestId("status");
  status.dataset.state = state;
  status.textContent = text;
}

// ---------------------------------------------------------------------------------------------------------------
// The page.

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function start() {
  const whatIf = {
    ready: false,
    runs: 0,
    inputs: 0,
    policy: undefined,
    summary: undefined,
    error: undefined,
  };
  window.whatIf = whatIf;
  setStatus("loading", "Making the example portfolio…");
  const examplePolicy = await (await fetch(POLICY_URL)).json();
  await nextFrame();
  const { records, previous } = examplePortfolio(generatePortfolio);
  const accountCount = records.customers.length;
  byTestId("portfolio-size").textContent =
    `${integer.format(accountCount)} accounts, ${integer.format(records.transactions.length)} transactions, as of ${EXAMPLE_OPTIONS.asOf}`;
  setStatus("loading", "Fitting the CLV models…");
  await nextFrame();
  const options = { asOf: EXAMPLE_OPTIONS.asOf, previous };
  const fitStart = performance.now();
  const baseline = scorePortfolio(records, examplePolicy, options);
  const fitMs = performance.now() - fitStart;
  const models = { purchase: { model: baseline.clv.purchase.model, params: baseline.clv.purchase.params } };
  if (baseline.clv.spend !== undefined) models.spend = baseline.clv.spend;
  const format = moneyFormats(baseline.currency);
  whatIf.portfolio = {
    accounts: accountCount,
    transactions: records.transactions.length,
    revenueMinor: baseline.totals.revenueMinor,
  };

  let policy = structuredClone(examplePolicy);
  const controls = controlsFor(policy);
  const shown = controls.map((control) => {
    const view = renderControl(control, policy, (edited, value) => {
      edited.set(policy, value);
      whatIf.inputs++;
      for (const other of shown) if (other.control.group === edited.group) other.view.show(policy);
      scheduleRecompute();
    });
    document.getElementById(control.group).append(view.row);
    return { control, view };
  });
  document.getElementById("reset").addEventListener("click", () => {
    policy = structuredClone(examplePolicy);
    for (const { view } of shown) view.show(policy);
    scheduleRecompute();
  });

  function recompute() {
    const started = performance.now();
    let result;
    try {
      result = scorePortfolio(records, policy, { ...options, models });
    } catch (error) {
      whatIf.error = error.message;
      const message = byTestId("error");
      message.hidden = false;
      message.textContent = `This policy cannot be used: ${error.message}`;
      setStatus("error", "Policy problem: the figures below are from the last valid policy.");
      return;
    }
    const summary = summarise(result, baseline, performance.now() - started);
    byTestId("error").hidden = true;
    renderSummary(summary, format, accountCount);
    whatIf.runs++;
    whatIf.policy = structuredClone(policy);
    whatIf.summary = summary;
    whatIf.error = undefined;
    byTestId("run-count").textContent = String(whatIf.runs);
    setStatus("ready", `Ready · first fit ${integer.format(Math.round(fitMs))} ms`);
  }

  // Slider drags fire many input events per frame: the policy follows each one, the recompute runs once a frame.
  let frameRequested = false;
  function scheduleRecompute() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      recompute();
    });
  }

  recompute();
  whatIf.ready = true;
}

start().catch((error) => {
  console.error(error);
  window.whatIf = { ...window.whatIf, error: String(error?.message ?? error) };
  setStatus("error", `The page could not start: ${error?.message ?? error}`);
});
