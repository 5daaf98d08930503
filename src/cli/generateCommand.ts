import { type FileHandle, mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import type { ImportantDateKind } from "../model/customer.js";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
import type { Locale } from "../model/locale.js";
import { type GeneratedAccount, generatePortfolio } from "../pipeline/generatePortfolio.js";
import { listText } from "./listText.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { systemReason } from "./systemReason.js";
import { UsageError } from "./UsageError.js";
import type { Cell } from "./writeTable.js";

const GENERATE_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount generate --accounts N --seed S --as-of DATE [--years Y] [--currency C] [--locale en|zh-CN] --out DIR

Writes a seeded, realistic B2B example portfolio as CSV files, one account at a time (a million accounts need
little memory): purchases by the BG/NBD process with Gamma-Gamma spend (a few whales, a long tail, some churned
accounts), returns and cancellations, contacts and care dates, follow-ups, complaints, feedback, invoices with
late and unpaid ones, qualification documents, the previous run's tiers and the shared-pool state. The same
options always give byte-identical files. Every file reads back with the other commands' default columns.

Options
  --accounts N           how many accounts (default 500)
  --seed S               the seed, a whole number (default 1)
  --as-of DATE           the end of observation, YYYY-MM-DD (default 2026-11-30); nothing is dated after it
  --years Y              years of history before --as-of (default 2)
  --currency C           ISO 4217 currency of every amount (default USD); read the files back with --currency C
  --locale L             en | zh-CN: company, contact and manager names, regions, industries, and the language
                         of the closing line (default en; KEYACCOUNT_LOCALE sets only the closing line's)
  --transactions-per-account N
                         the target mean of transaction lines per account (default 20)
  --out DIR              the directory to write to (created when missing; files in it are replaced)

Files
  customers.csv          id, name, company, industry, region, the primary contact (contactName, contactRole,
                         contactPhone, contactEmail, contactBirthday), tags (;-separated), owner, createdDate,
                         reviewedDate, foundingDate, cooperationStartDate, contractRenewalDate, contractEndDate,
                         currency, creditLimit
  transactions.csv       id, orderId, customerId, date, kind, product, category, channel, quantity, amount,
                         discount, cost, currency, reverses
  interactions.csv       id, customerId, kind, date, owner, contact, text, careType, openedAt, firstResponseAt,
                         resolvedAt, satisfaction, nps
  invoices.csv           id, customerId, issueDate, dueDate, amount, currency, paidAmount, paidDate
  qualifications.csv     id, customerId, documentType, number, issued, expires, verifiedBy, verifiedOn, status
  tiers.csv              id, tier, periods_below: the previous run's tiers ("keyaccount tier --previous")
  pool.csv               id, claimed_date, locked, won ("keyaccount signals --pool")
  ratings.csv            id, strategicFit (1–5): the account manager's rating ("keyaccount score --ratings")

Example
  keyaccount generate --accounts 500 --seed 7 --as-of 2026-11-30 --out portfolio
  keyaccount signals portfolio/transactions.csv --as-of 2026-11-30 --policy all \\
    --customers portfolio/customers.csv --interactions portfolio/interactions.csv \\
    --invoices portfolio/invoices.csv --qualifications portfolio/qualifications.csv \\
    --tiers portfolio/tiers.csv --pool portfolio/pool.csv
`,
  "zh-CN": `keyaccount generate --accounts N --seed S --as-of DATE [--years Y] [--currency C] [--locale en|zh-CN] --out DIR

按给定种子生成一套逼真的 B2B 示例客户组合，写成 CSV 文件，逐个客户生成（一百万个客户也只需很少
内存）：按 BG/NBD 过程生成购买、按 Gamma-Gamma 生成消费额（少数鲸鱼客户、长尾客户和部分已流失
客户），退货和取消，联系人和关怀日期，跟进、投诉、反馈，发票（含逾期和未付款的），资质证照，
上期分级结果以及公海状态。相同的选项总是生成逐字节相同的文件。每个文件都能按其他命令的默认列名读回。

选项
  --accounts N           客户数量（默认 500）
  --seed S               随机种子，整数（默认 1）
  --as-of DATE           观察期截止日，YYYY-MM-DD（默认 2026-11-30）；所有日期都不晚于该日
  --years Y              --as-of 之前的历史年数（默认 2）
  --currency C           所有金额的币种，ISO 4217（默认 USD）；读回文件时请加 --currency C
  --locale L             en | zh-CN：公司、联系人和客户经理的名称、地区、行业，以及最后一行总结的
                         语言（默认 en；KEYACCOUNT_LOCALE 只决定最后一行的语言）
  --transactions-per-account N
                         每个客户交易明细行数的目标平均值（默认 20）
  --out DIR              输出目录（不存在时自动创建；目录中的同名文件会被替换）

文件
  customers.csv          id、name、company、industry、region、主要联系人（contactName、contactRole、
                         contactPhone、contactEmail、contactBirthday）、tags（以 ; 分隔）、owner、
                         createdDate、reviewedDate、foundingDate、cooperationStartDate、
                         contractRenewalDate、contractEndDate、currency、creditLimit
  transactions.csv       id、orderId、customerId、date、kind、product、category、channel、quantity、
                         amount、discount、cost、currency、reverses
  interactions.csv       id、customerId、kind、date、owner、contact、text、careType、openedAt、
                         firstResponseAt、resolvedAt、satisfaction、nps
  invoices.csv           id、customerId、issueDate、dueDate、amount、currency、paidAmount、paidDate
  qualifications.csv     id、customerId、documentType、number、issued、expires、verifiedBy、
                         verifiedOn、status
  tiers.csv              id、tier、periods_below：上期分级结果（“keyaccount tier --previous”）
  pool.csv               id、claimed_date、locked、won（“keyaccount signals --pool”）
  ratings.csv            id、strategicFit（1–5）：客户经理的评分（“keyaccount score --ratings”）

示例
  keyaccount generate --accounts 500 --seed 7 --as-of 2026-11-30 --out portfolio
  keyaccount signals portfolio/transactions.csv --as-of 2026-11-30 --policy all \\
    --customers portfolio/customers.csv --interactions portfolio/interactions.csv \\
    --invoices portfolio/invoices.csv --qualifications portfolio/qualifications.csv \\
    --tiers portfolio/tiers.csv --pool portfolio/pool.csv
`,
};

/** Rows gathered before they are written, per file. */
const BATCH_ROWS = 16_384;

const DATE_COLUMNS: readonly (readonly [ImportantDateKind, string])[] = [
  ["founding", "foundingDate"],
  ["cooperation-start", "cooperationStartDate"],
  ["contract-renewal", "contractRenewalDate"],
  ["contract-end", "contractEndDate"],
];

/** One output file: its columns and how an account becomes its rows. */
interface TableSpec {
  file: string;
  columns: readonly string[];
  rows(account: GeneratedAccount): Cell[][];
}

const money = (minor: number | undefined, currency: string): Cell =>
  minor === undefined ? undefined : formatMoney(minor, currency);
const flag = (value: boolean | undefined): Cell => (value === undefined ? undefined : value ? 1 : 0);

const TABLES: readonly TableSpec[] = [
  {
    file: "customers.csv",
    columns: [
      "id",
      "name",
      "company",
      "industry",
      "region",
      "contactName",
      "contactRole",
      "contactPhone",
      "contactEmail",
      "contactBirthday",
      "tags",
      "owner",
      "createdDate",
      "reviewedDate",
      ...DATE_COLUMNS.map(([, column]) => column),
      "currency",
      "creditLimit",
    ],
    rows({ customer: c }) {
      // A flat customer row holds one contact: the primary one, listed first.
      const contact = c.contacts?.[0];
      const dates = DATE_COLUMNS.map(([kind]) => c.importantDates?.find((date) => date.kind === kind)?.date);
      const currency = c.currency as string;
      return [
        [
          c.id,
          c.name,
          c.company,
          c.industry,
          c.region,
          contact?.name,
          contact?.role,
          contact?.phone,
          contact?.email,
          contact?.birthday,
          c.tags?.join(";"),
          c.owner,
          c.createdDate,
          c.reviewedDate,
          ...dates,
          currency,
          money(c.creditLimitMinor, currency),
        ],
      ];
    },
  },
  {
    file: "transactions.csv",
    columns: [
      "id",
      "orderId",
      "customerId",
      "date",
      "kind",
      "product",
      "category",
      "channel",
      "quantity",
      "amount",
      "discount",
      "cost",
      "currency",
      "reverses",
    ],
    rows: (account) =>
      account.transactions.map((t) => [
        t.id,
        t.orderId,
        t.customerId,
        t.date,
        t.kind,
        t.product,
        t.category,
        t.channel,
        t.quantity,
        money(t.amountMinor, t.currency),
        money(t.discountMinor, t.currency),
        money(t.costMinor, t.currency),
        t.currency,
        t.reverses,
      ]),
  },
  {
    file: "interactions.csv",
    columns: [
      "id",
      "customerId",
      "kind",
      "date",
      "owner",
      "contact",
      "text",
      "careType",
      "openedAt",
      "firstResponseAt",
      "resolvedAt",
      "satisfaction",
      "nps",
    ],
    rows: (account) =>
      account.interactions.map((i) => [
        i.id,
        i.customerId,
        i.kind,
        i.date,
        i.owner,
        i.contact,
        i.text,
        i.careType,
        i.openedAt,
        i.firstResponseAt,
        i.resolvedAt,
        i.satisfaction,
        i.nps,
      ]),
  },
  {
    file: "invoices.csv",
    columns: ["id", "customerId", "issueDate", "dueDate", "amount", "currency", "paidAmount", "paidDate"],
    rows: (account) =>
      account.invoices.map((invoice) => {
        // A flat invoice row holds one payment; generated invoices have at most one.
        const payment = invoice.payments?.[0];
        return [
          invoice.id,
          invoice.customerId,
          invoice.issueDate,
          invoice.dueDate,
          money(invoice.amountMinor, invoice.currency),
          invoice.currency,
          money(payment?.amountMinor, invoice.currency),
          payment?.date,
        ];
      }),
  },
  {
    file: "qualifications.csv",
    columns: [
      "id",
      "customerId",
      "documentType",
      "number",
      "issued",
      "expires",
      "verifiedBy",
      "verifiedOn",
      "status",
    ],
    rows: (account) =>
      account.qualifications.map((q) => [
        q.id,
        q.customerId,
        q.documentType,
        q.number,
        q.issued,
        q.expires,
        q.verifiedBy,
        q.verifiedOn,
        q.status,
      ]),
  },
  {
    file: "tiers.csv",
    columns: ["id", "tier", "periods_below"],
    rows: (account) =>
      account.previousTier === undefined
        ? []
        : [[account.customer.id, account.previousTier, account.previousPeriodsBelow]],
  },
  {
    file: "ratings.csv",
    columns: ["id", "strategicFit"],
    rows: ({ customer, ratings }) => [[customer.id, ratings.strategicFit]],
  },
  {
    file: "pool.csv",
    columns: ["id", "claimed_date", "locked", "won"],
    rows: ({ customer, pool }) =>
      pool === undefined ? [] : [[customer.id, pool.claimedDate, flag(pool.locked), flag(pool.won)]],
  },
];

/** An output file being written: rows are gathered and written in batches. */
interface OpenTable {
  spec: TableSpec;
  handle: FileHandle;
  pending: Cell[][];
  count: number;
}

async function flush(table: OpenTable): Promise<void> {
  if (table.pending.length === 0) return;
  await table.handle.write(`${Papa.unparse(table.pending, { newline: "\n" })}\n`);
  table.pending = [];
}

function numberFlag(flagName: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new UsageError("cli.flag.number", { flag: `--${flagName}`, value: text });
  return value;
}

/** Generates the portfolio and writes its files. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError("cli.args.none", { command: "generate", extra: positionals.join(" ") });
  const out = values.out as string | undefined;
  if (out === undefined) throw new UsageError("cli.flag.required.folder", { flag: "--out" });
  const accounts = generatePortfolio({
    accounts: numberFlag("accounts", values.accounts as string | undefined),
    seed: numberFlag("seed", values.seed as string | undefined),
    asOf: values["as-of"] as string | undefined,
    years: numberFlag("years", values.years as string | undefined),
    currency: values.currency as string | undefined,
    transactionsPerAccount: numberFlag(
      "transactions-per-account",
      values["transactions-per-account"] as string | undefined,
    ),
    locale: values.locale as Locale | undefined,
  });
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    throw new UsageError("cli.folder.uncreatable", { path: out, reason: systemReason(error) });
  }
  const tables: OpenTable[] = [];
  try {
    for (const spec of TABLES) {
      const handle = await open(join(out, spec.file), "w");
      tables.push({ spec, handle, pending: [], count: 0 });
      await handle.write(`${Papa.unparse([spec.columns], { newline: "\n" })}\n`);
    }
    let accountCount = 0;
    for (const account of accounts) {
      accountCount++;
      for (const table of tables) {
        const rows = table.spec.rows(account);
        table.count += rows.length;
        table.pending.push(...rows);
        if (table.pending.length >= BATCH_ROWS) await flush(table);
      }
    }
    for (const table of tables) await flush(table);
    const locale = io.locale ?? "en";
    const counts = tables
      .slice(1)
      .map((table) =>
        formatMessage(
          "cli.generate.count",
          { count: table.count, file: table.spec.file.replace(".csv", "") },
          locale,
        ),
      );
    const summary = formatMessage(
      "cli.generate.done",
      { accounts: accountCount, folder: out, counts: listText(counts, locale) },
      locale,
    );
    io.stderr.write(`${summary}\n`);
  } finally {
    for (const table of tables) await table.handle.close();
  }
  return 0;
}

/** `keyaccount generate`: a seeded example portfolio written as CSV files. */
export const generateCommand: Command = {
  summary: {
    en: "a seeded, realistic example portfolio as CSV files (customers, sales, interactions, invoices …)",
    "zh-CN": "按种子生成逼真的示例客户组合 CSV 文件（客户、销售、跟进记录、发票……）",
  },
  help: GENERATE_HELP,
  options: {
    accounts: { type: "string" },
    seed: { type: "string" },
    "as-of": { type: "string" },
    years: { type: "string" },
    currency: { type: "string" },
    locale: { type: "string" },
    "transactions-per-account": { type: "string" },
    out: { type: "string" },
  },
  run,
};
