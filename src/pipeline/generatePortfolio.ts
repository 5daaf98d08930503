import { createRandom } from "../math/createRandom.js";
import { randomBeta } from "../math/randomBeta.js";
import { randomGamma } from "../math/randomGamma.js";
import { civilFromDays, daysFromCivil, daysInMonth } from "../model/calendar.js";
import { currencyDigits } from "../model/currencyDigits.js";
import type { Contact, Customer, ImportantDate } from "../model/customer.js";
import { formatDay } from "../model/formatDay.js";
import type { Interaction, InteractionKind } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import { isCurrencyCode } from "../model/isCurrencyCode.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import type { Locale } from "../model/locale.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Qualification } from "../model/qualification.js";
import type { Transaction } from "../model/transaction.js";
import type { PoolState } from "../signals/SignalAccount.js";

/**
 * Options of {@link generatePortfolio}; every field has a default.
 *
 * @example
 * ```ts
 * const options: GeneratePortfolioOptions = { accounts: 1_000_000, seed: 7, transactionsPerAccount: 10 };
 * ```
 */
export interface GeneratePortfolioOptions {
  /** How many accounts, a whole number ≥ 1. Default 500. */
  accounts?: number | undefined;
  /** Seed of the random stream, any integer (taken modulo 2³²). Default 1. */
  seed?: number | undefined;
  /** The end of observation, `YYYY-MM-DD`: no record is dated after it. Default `"2026-11-30"`. */
  asOf?: string | undefined;
  /** Years of history before `asOf` (sales, interactions, invoices), more than 0 and at most 30. Default 2. */
  years?: number | undefined;
  /** ISO 4217 currency of every amount; amounts are scaled to look plausible in it. Default `"USD"`. */
  currency?: string | undefined;
  /**
   * The target mean number of transaction lines per account (sales, returns and cancellations), from 1 to 500 and
   * at most what the history allows (about 85 in two years): the purchase rates are calibrated to it, so the
   * realised mean is near it, not exactly it. Default 20.
   */
  transactionsPerAccount?: number | undefined;
  /** Language of company, contact and manager names, regions, industries, categories and notes. Default `"en"`. */
  locale?: Locale | undefined;
}

/**
 * One generated account: the customer record and all its records, plus the tier it had in the previous run and
 * its shared-pool state. Every record passes the model's zod schema. Each invoice has at most one payment and
 * each important date kind appears at most once, so flat CSV files hold them; the first contact is the primary.
 *
 * @example
 * ```ts
 * const [account] = generatePortfolio({ accounts: 1 });
 * account?.customer.id; // => "C00001"
 * ```
 */
export interface GeneratedAccount {
  /** The customer record: company, contacts, owner, dates, credit limit, tags. */
  customer: Customer;
  /** Sale lines, returns and cancellations (each reversal names the sale line it reverses), by date. */
  transactions: Transaction[];
  /** Follow-ups, care, complaints and feedback, by date. */
  interactions: Interaction[];
  /** One invoice per order that was not cancelled, with its payment when paid. */
  invoices: Invoice[];
  /** Business licence, authorisation, certificate documents. */
  qualifications: Qualification[];
  /** The tier of the previous run (`strategic`, `key` or `ordinary`); absent for accounts newer than it. */
  previousTier?: string | undefined;
  /** Periods the account had scored below its previous tier (for hysteresis); present with `previousTier`. */
  previousPeriodsBelow?: number | undefined;
  /** Where the account stands with the shared pool. */
  pool?: PoolState | undefined;
  /** The account manager's ratings: `strategicFit` 1–5 (higher for more important accounts, with spread). */
  ratings: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// The process. Purchases follow BG/NBD (Fader, Hardie & Lee 2005): orders at the events of a Poisson process of
// rate λ ~ Gamma(RATE_SHAPE) / α per day, and after each repeat order the account drops out for good with
// probability p ~ Beta(DROPOUT_A, DROPOUT_B). Order values follow Gamma-Gamma: ν ~ Gamma(SPEND_Q) / SPEND_SCALE,
// each order's value z ~ Gamma(SPEND_P) / ν US dollars (mean SPEND_P · SPEND_SCALE / (SPEND_Q − 1) ≈ $6,000).
// α is calibrated to the requested lines per account on a pilot sample of PILOT_ACCOUNTS accounts.

const RATE_SHAPE = 1.2;
const DROPOUT_A = 0.7;
const DROPOUT_B = 14;
const SPEND_P = 2.5;
const SPEND_Q = 2.5;
const SPEND_SCALE = 3600;
/** At most one order every three days on average: a whale with standing orders. */
const MAX_ORDER_RATE = 1 / 3;
const PILOT_ACCOUNTS = 2000;
const CALIBRATION_STEPS = 20;
/** Lines per order: 1 + a geometric number of extra lines (continue with this probability), at most 8. */
const EXTRA_LINE_CHANCE = 0.4;
const MAX_LINES = 8;
const CANCEL_CHANCE = 0.015;
const RETURN_CHANCE = 0.03;
/** The previous run: a quarter (91 days) before `asOf`, tiering the 365 days before it. */
const PREVIOUS_RUN_DAYS = 91;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

const TIERS = ["strategic", "key", "ordinary"] as const;
type Tier = (typeof TIERS)[number];

/** Rough units of a currency per US dollar, so amounts look plausible in it; other currencies take 1. */
const UNITS_PER_DOLLAR: Readonly<Record<string, number>> = {
  AUD: 1.5,
  CAD: 1.35,
  CHF: 0.9,
  CNY: 7.2,
  EUR: 0.92,
  GBP: 0.8,
  HKD: 7.8,
  INR: 83,
  JPY: 150,
  KRW: 1350,
  SGD: 1.35,
};

// ---------------------------------------------------------------------------------------------------------------
// Names and master data, per locale. Chinese entries carry their pinyin for e-mail addresses and domains.

type Named = readonly [text: string, pinyin: string];

interface IndustryData {
  readonly name: Readonly<Record<Locale, string>>;
  readonly weight: number;
  /** Words for a company of the industry: full, and in the short name. */
  readonly en: readonly (readonly [full: string, short: string])[];
  /** The same in Chinese, with the pinyin of the full word. */
  readonly zh: readonly (readonly [full: string, pinyin: string, short: string])[];
  /** The certificate such a customer holds. */
  readonly certificate: string;
}

const INDUSTRIES: readonly IndustryData[] = [
  {
    name: { en: "manufacturing", "zh-CN": "制造业" },
    weight: 22,
    en: [
      ["Precision Machinery", "Precision"],
      ["Industrial Equipment", "Industrial"],
      ["Metalworks", "Metalworks"],
    ],
    zh: [
      ["精密机械", "jingmi", "精密"],
      ["机械设备", "jixie", "机械"],
      ["五金制品", "wujin", "五金"],
    ],
    certificate: "iso-9001",
  },
  {
    name: { en: "automotive", "zh-CN": "汽车" },
    weight: 12,
    en: [
      ["Auto Parts", "Auto Parts"],
      ["Automotive Components", "Automotive"],
    ],
    zh: [
      ["汽车零部件", "qipei", "汽配"],
      ["汽车配件", "qichepeijian", "汽配"],
    ],
    certificate: "iatf-16949",
  },
  {
    name: { en: "electronics", "zh-CN": "电子" },
    weight: 12,
    en: [
      ["Electronics", "Electronics"],
      ["Circuits", "Circuits"],
    ],
    zh: [
      ["电子科技", "dianzi", "电子"],
      ["光电技术", "guangdian", "光电"],
    ],
    certificate: "iso-9001",
  },
  {
    name: { en: "chemicals", "zh-CN": "化工" },
    weight: 10,
    en: [
      ["Chemicals", "Chemicals"],
      ["Coatings", "Coatings"],
    ],
    zh: [
      ["化工", "huagong", "化工"],
      ["新材料", "xincailiao", "新材"],
    ],
    certificate: "hazardous-chemicals-licence",
  },
  {
    name: { en: "food & beverage", "zh-CN": "食品饮料" },
    weight: 10,
    en: [
      ["Foods", "Foods"],
      ["Beverages", "Beverages"],
    ],
    zh: [
      ["食品", "shipin", "食品"],
      ["饮料", "yinliao", "饮料"],
    ],
    certificate: "food-production-licence",
  },
  {
    name: { en: "pharmaceuticals", "zh-CN": "医药" },
    weight: 8,
    en: [
      ["Pharmaceuticals", "Pharma"],
      ["Life Sciences", "Life Sciences"],
    ],
    zh: [
      ["医药", "yiyao", "医药"],
      ["生物科技", "shengwu", "生物"],
    ],
    certificate: "drug-trading-licence",
  },
  {
    name: { en: "construction", "zh-CN": "建筑建材" },
    weight: 9,
    en: [
      ["Building Materials", "Building Supply"],
      ["Construction", "Construction"],
    ],
    zh: [
      ["建材", "jiancai", "建材"],
      ["建设工程", "jianshe", "建设"],
    ],
    certificate: "iso-9001",
  },
  {
    name: { en: "logistics", "zh-CN": "物流" },
    weight: 7,
    en: [
      ["Logistics", "Logistics"],
      ["Freight", "Freight"],
    ],
    zh: [
      ["物流", "wuliu", "物流"],
      ["供应链管理", "gongyinglian", "供应链"],
    ],
    certificate: "iso-9001",
  },
  {
    name: { en: "energy", "zh-CN": "能源" },
    weight: 5,
    en: [
      ["Energy", "Energy"],
      ["Power Systems", "Power"],
    ],
    zh: [
      ["能源", "nengyuan", "能源"],
      ["电力设备", "dianli", "电力"],
    ],
    certificate: "iso-14001",
  },
  {
    name: { en: "retail", "zh-CN": "零售贸易" },
    weight: 5,
    en: [
      ["Trading", "Trading"],
      ["Retail", "Retail"],
    ],
    zh: [
      ["商贸", "shangmao", "商贸"],
      ["贸易", "maoyi", "贸易"],
    ],
    certificate: "iso-9001",
  },
];

interface RegionData {
  readonly name: string;
  readonly weight: number;
  /** Cities of the region (Chinese regions only), with pinyin. */
  readonly places: readonly Named[];
}

const REGIONS: Readonly<Record<Locale, readonly RegionData[]>> = {
  en: [
    { name: "Northeast", weight: 24, places: [] },
    { name: "Southeast", weight: 18, places: [] },
    { name: "Midwest", weight: 22, places: [] },
    { name: "Southwest", weight: 14, places: [] },
    { name: "West", weight: 22, places: [] },
  ],
  "zh-CN": [
    {
      name: "华东",
      weight: 38,
      places: [
        ["上海", "shanghai"],
        ["苏州", "suzhou"],
        ["杭州", "hangzhou"],
        ["宁波", "ningbo"],
        ["南京", "nanjing"],
        ["无锡", "wuxi"],
        ["青岛", "qingdao"],
        ["合肥", "hefei"],
      ],
    },
    {
      name: "华南",
      weight: 20,
      places: [
        ["深圳", "shenzhen"],
        ["广州", "guangzhou"],
        ["东莞", "dongguan"],
        ["佛山", "foshan"],
        ["厦门", "xiamen"],
      ],
    },
    {
      name: "华北",
      weight: 14,
      places: [
        ["北京", "beijing"],
        ["天津", "tianjin"],
        ["石家庄", "shijiazhuang"],
        ["唐山", "tangshan"],
      ],
    },
    {
      name: "华中",
      weight: 10,
      places: [
        ["武汉", "wuhan"],
        ["长沙", "changsha"],
        ["郑州", "zhengzhou"],
      ],
    },
    {
      name: "西南",
      weight: 9,
      places: [
        ["成都", "chengdu"],
        ["重庆", "chongqing"],
        ["昆明", "kunming"],
      ],
    },
    {
      name: "东北",
      weight: 5,
      places: [
        ["沈阳", "shenyang"],
        ["大连", "dalian"],
        ["长春", "changchun"],
      ],
    },
    {
      name: "西北",
      weight: 4,
      places: [
        ["西安", "xian"],
        ["兰州", "lanzhou"],
      ],
    },
  ],
};

const EN_FIRST_NAMES: readonly string[] = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Charles",
  "Karen",
  "Daniel",
  "Emily",
  "Matthew",
  "Laura",
  "Anthony",
  "Emma",
  "Mark",
  "Olivia",
  "Steven",
  "Sophie",
  "Paul",
  "Hannah",
  "Andrew",
  "Rachel",
  "Kevin",
  "Grace",
  "Brian",
  "Megan",
  "George",
  "Chloe",
];

const EN_LAST_NAMES: readonly string[] = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Wilson",
  "Anderson",
  "Taylor",
  "Thomas",
  "Moore",
  "Martin",
  "Jackson",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Hall",
  "Young",
  "King",
  "Wright",
  "Scott",
  "Green",
  "Baker",
  "Adams",
  "Nelson",
  "Carter",
  "Mitchell",
  "Roberts",
  "Turner",
  "Phillips",
  "Campbell",
  "Parker",
  "Evans",
  "Edwards",
  "Collins",
  "O'Brien",
  "Murphy",
  "Reed",
  "Cook",
  "Bell",
];

const EN_COMPANY_WORDS: readonly string[] = [
  "Northfield",
  "Riverside",
  "Summit",
  "Granite",
  "Bluewater",
  "Oakridge",
  "Pinecrest",
  "Redstone",
  "Silverline",
  "Westbrook",
  "Eastgate",
  "Harborview",
  "Ironwood",
  "Maple Leaf",
  "Lakeshore",
  "Cedar Point",
  "Stonebridge",
  "Fairview",
  "Highland",
  "Goldcrest",
  "Sterling",
  "Crescent",
  "Evergreen",
  "Falcon",
  "Keystone",
  "Liberty",
  "Meridian",
  "Pioneer",
  "Beacon",
  "Atlas",
];

/** Legal-form suffixes; those starting with a comma follow the name directly ("Summit Foods, Inc."). */
const EN_COMPANY_SUFFIXES: readonly string[] = [
  "Inc.",
  ", Inc.",
  "LLC",
  ", LLC",
  "Ltd",
  "Co.",
  "Group",
  "Corp.",
];

const ZH_SURNAMES: readonly Named[] = [
  ["王", "wang"],
  ["李", "li"],
  ["张", "zhang"],
  ["刘", "liu"],
  ["陈", "chen"],
  ["杨", "yang"],
  ["黄", "huang"],
  ["赵", "zhao"],
  ["吴", "wu"],
  ["周", "zhou"],
  ["徐", "xu"],
  ["孙", "sun"],
  ["马", "ma"],
  ["朱", "zhu"],
  ["胡", "hu"],
  ["郭", "guo"],
  ["何", "he"],
  ["高", "gao"],
  ["林", "lin"],
  ["罗", "luo"],
  ["郑", "zheng"],
  ["梁", "liang"],
  ["谢", "xie"],
  ["宋", "song"],
  ["唐", "tang"],
  ["韩", "han"],
  ["冯", "feng"],
  ["邓", "deng"],
  ["曹", "cao"],
  ["欧阳", "ouyang"],
];

const ZH_GIVEN: readonly Named[] = [
  ["伟", "wei"],
  ["芳", "fang"],
  ["娜", "na"],
  ["敏", "min"],
  ["静", "jing"],
  ["丽", "li"],
  ["强", "qiang"],
  ["磊", "lei"],
  ["军", "jun"],
  ["洋", "yang"],
  ["勇", "yong"],
  ["艳", "yan"],
  ["杰", "jie"],
  ["娟", "juan"],
  ["涛", "tao"],
  ["明", "ming"],
  ["超", "chao"],
  ["秀", "xiu"],
  ["霞", "xia"],
  ["平", "ping"],
  ["刚", "gang"],
  ["华", "hua"],
  ["玲", "ling"],
  ["建", "jian"],
  ["国", "guo"],
  ["辉", "hui"],
  ["鹏", "peng"],
  ["婷", "ting"],
  ["宇", "yu"],
  ["浩", "hao"],
  ["欣", "xin"],
  ["怡", "yi"],
  ["晨", "chen"],
  ["瑶", "yao"],
  ["雪", "xue"],
  ["红", "hong"],
  ["峰", "feng"],
  ["斌", "bin"],
  ["文", "wen"],
  ["琳", "lin"],
];

const ZH_BRANDS: readonly Named[] = [
  ["恒信", "hengxin"],
  ["鑫达", "xinda"],
  ["华瑞", "huarui"],
  ["永昌", "yongchang"],
  ["宏远", "hongyuan"],
  ["金泰", "jintai"],
  ["博源", "boyuan"],
  ["盛安", "shengan"],
  ["天成", "tiancheng"],
  ["瑞丰", "ruifeng"],
  ["嘉禾", "jiahe"],
  ["海达", "haida"],
  ["新锐", "xinrui"],
  ["立诚", "licheng"],
  ["德润", "derun"],
  ["联创", "lianchuang"],
  ["晟丰", "shengfeng"],
  ["华通", "huatong"],
  ["启明", "qiming"],
  ["致远", "zhiyuan"],
  ["同舟", "tongzhou"],
  ["信诚", "xincheng"],
  ["泰和", "taihe"],
  ["安达", "anda"],
  ["汇源", "huiyuan"],
  ["东升", "dongsheng"],
];

const ROLES: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    "purchasing manager",
    "procurement officer",
    "general manager",
    "finance manager",
    "engineering lead",
    "operations director",
    "quality manager",
  ],
  "zh-CN": ["采购经理", "采购专员", "总经理", "财务经理", "技术主管", "运营总监", "质量经理"],
};

/** Tags: export, framework agreement, price-sensitive, new customer, trade-show lead, strategic project. */
const TAGS: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    "export",
    "framework agreement",
    "price-sensitive",
    "new customer",
    "trade-show lead",
    "strategic project",
  ],
  "zh-CN": ["出口", "框架协议", "价格敏感", "新客户", "展会线索", "重点项目"],
};

const COMPLAINT_TEXTS: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    "Late delivery",
    "Goods damaged on arrival",
    "Invoice amount incorrect",
    "Wrong part shipped",
    "Slow technical support",
    "Quality defect in the batch",
  ],
  "zh-CN": ["交货延迟", "到货破损", "发票金额有误", "发错型号", "技术支持响应慢", "批次质量问题"],
};

const SURVEY_TEXT: Readonly<Record<Locale, string>> = {
  en: "Customer satisfaction survey",
  "zh-CN": "客户满意度回访",
};

const BIRTHDAY_TEXT: Readonly<Record<Locale, string>> = { en: "Birthday greeting", "zh-CN": "生日祝福" };

interface CareOccasion {
  readonly text: string;
  readonly careType: "greeting" | "gift";
  readonly month: number;
  /** The first day of the month it may fall on; `spread` days more at most (into the next month). */
  readonly day: number;
  readonly spread: number;
  /** The chance a strategic, key and ordinary account gets it. */
  readonly chance: Readonly<Record<Tier, number>>;
}

const CARE_OCCASIONS: Readonly<Record<Locale, readonly CareOccasion[]>> = {
  en: [
    {
      text: "Thanksgiving greeting",
      careType: "greeting",
      month: 11,
      day: 18,
      spread: 8,
      chance: { strategic: 0.9, key: 0.7, ordinary: 0.1 },
    },
    {
      text: "Holiday gift basket",
      careType: "gift",
      month: 12,
      day: 8,
      spread: 10,
      chance: { strategic: 0.9, key: 0.5, ordinary: 0 },
    },
    {
      text: "Season's greetings",
      careType: "greeting",
      month: 12,
      day: 15,
      spread: 8,
      chance: { strategic: 1, key: 0.9, ordinary: 0.5 },
    },
  ],
  "zh-CN": [
    {
      text: "新春问候",
      careType: "greeting",
      month: 1,
      day: 20,
      spread: 20,
      chance: { strategic: 1, key: 0.9, ordinary: 0.5 },
    },
    {
      text: "春节礼品",
      careType: "gift",
      month: 1,
      day: 12,
      spread: 20,
      chance: { strategic: 0.9, key: 0.5, ordinary: 0 },
    },
    {
      text: "中秋月饼",
      careType: "gift",
      month: 9,
      day: 5,
      spread: 15,
      chance: { strategic: 0.9, key: 0.6, ordinary: 0.05 },
    },
    {
      text: "国庆问候",
      careType: "greeting",
      month: 9,
      day: 27,
      spread: 4,
      chance: { strategic: 0.5, key: 0.3, ordinary: 0.05 },
    },
  ],
};

interface CategoryData {
  readonly name: Readonly<Record<Locale, string>>;
  /** Unit list prices in US dollars, from the cheapest to the dearest of its products. */
  readonly low: number;
  readonly high: number;
  /** Gross margin at list price. */
  readonly margin: number;
}

const CATEGORIES: readonly CategoryData[] = [
  { name: { en: "machinery", "zh-CN": "机械设备" }, low: 4000, high: 60000, margin: 0.24 },
  { name: { en: "spare parts", "zh-CN": "备品备件" }, low: 25, high: 900, margin: 0.46 },
  { name: { en: "consumables", "zh-CN": "耗材" }, low: 4, high: 120, margin: 0.34 },
  { name: { en: "tooling", "zh-CN": "工装夹具" }, low: 150, high: 3500, margin: 0.4 },
  { name: { en: "services", "zh-CN": "技术服务" }, low: 400, high: 9000, margin: 0.58 },
  { name: { en: "software", "zh-CN": "软件" }, low: 1200, high: 24000, margin: 0.78 },
];
const PRODUCTS_PER_CATEGORY = 8;

const CHANNELS: readonly string[] = ["direct", "distributor", "online"];

const US_AREA_CODES: readonly string[] = [
  "212",
  "312",
  "415",
  "617",
  "713",
  "206",
  "404",
  "305",
  "214",
  "503",
];
const CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// ---------------------------------------------------------------------------------------------------------------
// Drawing.

/** Draws from a seeded uniform stream. */
class Draw {
  readonly uniform: () => number;

  constructor(uniform: () => number) {
    this.uniform = uniform;
  }

  /** A number in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** A whole number in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor((high - low + 1) * this.uniform());
  }

  chance(probability: number): boolean {
    return this.uniform() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.uniform() * items.length)] as T;
  }

  /** An item by weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let left = this.uniform() * total;
    for (const item of items) {
      left -= weight(item);
      if (left < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  gamma(shape: number): number {
    return randomGamma(this.uniform, shape);
  }

  beta(a: number, b: number): number {
    return randomBeta(this.uniform, a, b);
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.uniform()) * mean;
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    return median * Math.exp(sigma * radius * Math.cos(2 * Math.PI * this.uniform()));
  }
}

/** A 32-bit seed mixed from the portfolio's seed and a stream number (murmur3's finaliser). */
function streamSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Options.

/** The checked options and the calendar of the portfolio. */
interface Frame {
  accounts: number;
  seed: number;
  locale: Locale;
  currency: string;
  /** Minor units per major unit. */
  minorPerMajor: number;
  unitsPerDollar: number;
  linesPerAccount: number;
  /** Day numbers: the end of observation, the first day of history, the previous tier run. */
  asOf: number;
  start: number;
  previousRun: number;
  /** The time zone of timestamps, in hours east of UTC (Beijing time for zh-CN). */
  offsetHours: number;
}

const KNOWN_OPTIONS: readonly string[] = [
  "accounts",
  "seed",
  "asOf",
  "years",
  "currency",
  "transactionsPerAccount",
  "locale",
];

function checkOptions(options: GeneratePortfolioOptions): Frame {
  const issues: Issue[] = [];
  const problem = (field: string, reason: string): void => {
    issues.push(makeIssue("option.invalid", [field], { field, reason }));
  };
  if (typeof options !== "object" || options === null) {
    problem("options", "expected an object");
    throw new KeyAccountError(issues);
  }
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.includes(key)) problem(key, "unknown option");
  const {
    accounts = 500,
    seed = 1,
    asOf = "2026-11-30",
    years = 2,
    currency = "USD",
    transactionsPerAccount = 20,
    locale = "en",
  } = options;
  if (!Number.isSafeInteger(accounts) || accounts < 1)
    problem("accounts", `${String(accounts)} is not a whole number of at least 1`);
  if (!Number.isSafeInteger(seed)) problem("seed", `${String(seed)} is not a whole number`);
  const asOfDay = typeof asOf === "string" && asOf.length === 10 ? parseDay(asOf, "YYYY-MM-DD") : undefined;
  if (asOfDay === undefined) problem("asOf", `${String(asOf)} is not a date written YYYY-MM-DD`);
  if (typeof years !== "number" || !(years > 0 && years <= 30))
    problem("years", `${String(years)} is not a number of years above 0 and at most 30`);
  if (typeof currency !== "string" || !isCurrencyCode(currency))
    problem("currency", `${String(currency)} is not an ISO 4217 code such as USD`);
  if (
    typeof transactionsPerAccount !== "number" ||
    !(transactionsPerAccount >= 1 && transactionsPerAccount <= 500)
  )
    problem("transactionsPerAccount", `${String(transactionsPerAccount)} is not a number from 1 to 500`);
  if (locale !== "en" && locale !== "zh-CN") problem("locale", `${String(locale)} is not en or zh-CN`);
  if (issues.length > 0 || asOfDay === undefined) throw new KeyAccountError(issues);
  return {
    accounts,
    seed,
    locale,
    currency,
    minorPerMajor: 10 ** currencyDigits(currency),
    unitsPerDollar: UNITS_PER_DOLLAR[currency] ?? 1,
    linesPerAccount: transactionsPerAccount,
    asOf: asOfDay,
    start: asOfDay - Math.max(1, Math.round(years * 365.2425)) + 1,
    previousRun: asOfDay - PREVIOUS_RUN_DAYS,
    offsetHours: locale === "zh-CN" ? 8 : 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The purchase process and its calibration.

interface Order {
  day: number;
  /** The order's value in US dollars, before it is split into lines. */
  value: number;
}

/** When an account came, how it buys, and its orders (the BG/NBD and Gamma-Gamma draws). */
interface Lifecycle {
  kind: "established" | "new" | "prospect";
  /** The day the account was created in the CRM. */
  created: number;
  /** Orders per day while alive. */
  rate: number;
  /** The scale of its order values, 1/ν, in US dollars. */
  spendScale: number;
  orders: Order[];
  /** The day of the order after which it dropped out, when it did. */
  deathDay: number | undefined;
}

/** The day itself on weekdays; a weekend day moves to Monday, or back to Friday when Monday is after `asOf`. */
function businessDay(day: number, asOf: number): number {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
  if (weekday !== 0 && weekday !== 6) return day;
  const monday = day + (weekday === 6 ? 2 : 1);
  return monday <= asOf ? monday : day - (weekday === 6 ? 1 : 2);
}

function drawLifecycle(draw: Draw, frame: Frame, alpha: number): Lifecycle {
  const kindDraw = draw.uniform();
  const kind = kindDraw < 0.05 ? "prospect" : kindDraw < 0.45 ? "new" : "established";
  const rate = Math.min(draw.gamma(RATE_SHAPE) / alpha, MAX_ORDER_RATE);
  const dropout = draw.beta(DROPOUT_A, DROPOUT_B);
  const spendScale = SPEND_SCALE / draw.gamma(SPEND_Q);
  const orders: Order[] = [];
  let created: number;
  let time: number;
  if (kind === "prospect") {
    created = frame.asOf - draw.int(3, 180);
    return { kind, created, rate, spendScale, orders, deathDay: undefined };
  }
  if (kind === "established") {
    created = frame.start - draw.int(30, 8 * 365);
    time = frame.start; // alive when the history starts: every order seen is a repeat order
  } else {
    created = draw.int(frame.start, Math.max(frame.start, frame.asOf - 7));
    time = created + draw.int(0, 30);
    if (time > frame.asOf) return { kind, created, rate, spendScale, orders, deathDay: undefined };
    orders.push({ day: businessDay(time, frame.asOf), value: draw.gamma(SPEND_P) * spendScale });
  }
  for (;;) {
    time += draw.exponential(1 / rate);
    if (time >= frame.asOf + 1) return { kind, created, rate, spendScale, orders, deathDay: undefined };
    const day = businessDay(Math.floor(time), frame.asOf);
    orders.push({ day, value: draw.gamma(SPEND_P) * spendScale });
    if (draw.chance(dropout)) return { kind, created, rate, spendScale, orders, deathDay: day };
  }
}

/** The expected lines of one order, returns and cancellations included. */
function linesPerOrder(): number {
  let lines = 1;
  for (let extra = 1; extra < MAX_LINES; extra++) lines += EXTRA_LINE_CHANCE ** extra;
  return lines * (1 + CANCEL_CHANCE + RETURN_CHANCE);
}

/** The pilot sample's lifecycles at a rate scale: each pilot account has a stream of its own. */
function pilotLifecycles(frame: Frame, alpha: number, visit: (life: Lifecycle, draw: Draw) => void): void {
  for (let i = 0; i < PILOT_ACCOUNTS; i++) {
    const draw = new Draw(createRandom(streamSeed(frame.seed, i + 1)));
    visit(drawLifecycle(draw, frame, alpha), draw);
  }
}

/** The mean orders per account of the pilot sample at a rate scale. */
function pilotMeanOrders(frame: Frame, alpha: number): number {
  let orders = 0;
  pilotLifecycles(frame, alpha, (life) => {
    orders += life.orders.length;
  });
  return orders / PILOT_ACCOUNTS;
}

/**
 * The rate scale α (days) that gives the requested lines per account on the pilot sample: bisection on log α,
 * the same draws at every step (common random numbers), so the mean orders fall as α grows. Throws when even
 * the fastest buyers cannot make that many lines in the history (dropout and the order-rate cap limit them).
 */
function calibrateAlpha(frame: Frame): number {
  const perOrder = linesPerOrder();
  const target = frame.linesPerAccount / perOrder;
  let low = Math.log(0.05);
  let high = Math.log(1e5);
  for (let step = 0; step < CALIBRATION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (pilotMeanOrders(frame, Math.exp(middle)) > target) low = middle;
    else high = middle;
  }
  const alpha = Math.exp((low + high) / 2);
  const reachable = pilotMeanOrders(frame, alpha) * perOrder;
  if (reachable < 0.9 * frame.linesPerAccount) {
    const reason = `${frame.linesPerAccount} lines per account are more than the history gives (about ${Math.floor(reachable)} at most; ask for more years)`;
    throw new KeyAccountError([
      makeIssue("option.invalid", ["transactionsPerAccount"], { field: "transactionsPerAccount", reason }),
    ]);
  }
  return alpha;
}

/** The revenue (US dollars) of the year before the previous run, with the noise of a manager's judgement. */
function pastRevenue(life: Lifecycle, draw: Draw, frame: Frame): number {
  let revenue = 0;
  for (const order of life.orders)
    if (order.day > frame.previousRun - 365 && order.day <= frame.previousRun) revenue += order.value;
  return revenue * draw.logNormal(1, 0.35);
}

/** Whether the account existed, as a customer, at the previous run. */
function hadPreviousRun(life: Lifecycle, frame: Frame): boolean {
  return life.kind !== "prospect" && life.created <= frame.previousRun;
}

interface Thresholds {
  /** Revenue above which the previous run made an account strategic, and key. */
  strategic: number;
  key: number;
}

/** The 95th and 75th percentiles of the pilot's noisy past revenue: about 5 % strategic, 20 % key. */
function tierThresholds(frame: Frame, alpha: number): Thresholds {
  const revenues: number[] = [];
  pilotLifecycles(frame, alpha, (life, draw) => {
    if (hadPreviousRun(life, frame)) revenues.push(pastRevenue(life, draw, frame));
  });
  revenues.sort((a, b) => a - b);
  const at = (q: number) => revenues[Math.floor(q * (revenues.length - 1))] ?? 0;
  return { strategic: at(0.95), key: at(0.75) };
}

function tierOf(revenue: number, thresholds: Thresholds): Tier {
  if (revenue > thresholds.strategic) return "strategic";
  return revenue > thresholds.key ? "key" : "ordinary";
}

// ---------------------------------------------------------------------------------------------------------------
// Identity: company, contacts, team.

interface Person {
  name: string;
  /** The e-mail local part. */
  mailbox: string;
}

function drawPerson(draw: Draw, locale: Locale): Person {
  if (locale === "en") {
    const first = draw.pick(EN_FIRST_NAMES);
    const last = draw.pick(EN_LAST_NAMES);
    return { name: `${first} ${last}`, mailbox: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") };
  }
  const [surname, surnamePinyin] = draw.pick(ZH_SURNAMES);
  const [given, givenPinyin] = draw.pick(ZH_GIVEN);
  if (draw.chance(0.4)) return { name: surname + given, mailbox: surnamePinyin + givenPinyin };
  const [second, secondPinyin] = draw.pick(ZH_GIVEN);
  return { name: surname + given + second, mailbox: surnamePinyin + givenPinyin + secondPinyin };
}

/** The account managers: distinct names from a stream of their own. */
function drawTeam(frame: Frame): string[] {
  const draw = new Draw(createRandom(streamSeed(frame.seed, 0)));
  const size = Math.min(40, Math.max(4, Math.round(frame.accounts / 40)));
  const names = new Set<string>();
  for (let attempt = 0; names.size < size && attempt < size * 50; attempt++)
    names.add(drawPerson(draw, frame.locale).name);
  return [...names];
}

interface Identity {
  name: string;
  company: string;
  industry: IndustryData;
  region: string;
  domain: string;
}

function drawIdentity(draw: Draw, locale: Locale): Identity {
  const industry = draw.weighted(INDUSTRIES, (item) => item.weight);
  const region = draw.weighted(REGIONS[locale], (item) => item.weight);
  if (locale === "en") {
    const word = draw.pick(EN_COMPANY_WORDS);
    const [noun, short] = draw.pick(industry.en);
    const suffix = draw.pick(EN_COMPANY_SUFFIXES);
    const slug = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, "");
    return {
      name: `${word} ${short}`,
      company: `${word} ${noun}${suffix.startsWith(",") ? suffix : ` ${suffix}`}`,
      industry,
      region: region.name,
      domain: `${slug(word)}-${slug(noun)}.example`,
    };
  }
  const [place, placePinyin] = draw.pick(region.places);
  const [brand, brandPinyin] = draw.pick(ZH_BRANDS);
  const [noun, nounPinyin, short] = draw.pick(industry.zh);
  const suffix = draw.chance(0.2) ? "股份有限公司" : "有限公司";
  return {
    name: brand + short,
    company: place + brand + noun + suffix,
    industry,
    region: region.name,
    domain: `${brandPinyin}${nounPinyin}-${placePinyin}.example`,
  };
}

function drawPhone(draw: Draw, locale: Locale): string {
  const digits = (count: number) => Array.from({ length: count }, () => draw.int(0, 9)).join("");
  // 555-0100 to 555-0199 are the fictional numbers of the North American plan.
  if (locale === "en") return `+1 ${draw.pick(US_AREA_CODES)} 555 01${digits(2)}`;
  return `+86 1${draw.pick(["38", "39", "58", "86", "37", "50"])}${digits(8)}`;
}

/** A birthday: mostly a full date (1960–1998), some `--MM-DD` (year not known), a few on 29 February. */
function drawBirthday(draw: Draw): string {
  const yearKnown = draw.chance(0.88);
  if (draw.chance(0.02)) return yearKnown ? `${1960 + 4 * draw.int(0, 9)}-02-29` : "--02-29";
  const year = draw.int(1960, 1998);
  const month = draw.int(1, 12);
  const day = draw.int(1, daysInMonth(year, month));
  const monthDay = `${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
  return yearKnown ? `${year}-${monthDay}` : `--${monthDay}`;
}

function drawContacts(draw: Draw, frame: Frame, identity: Identity, importance: Tier): Contact[] {
  const count =
    importance === "strategic" ? draw.int(3, 4) : importance === "key" ? draw.int(2, 3) : draw.int(1, 2);
  const roles = ROLES[frame.locale];
  const contacts: Contact[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const person = drawPerson(draw, frame.locale);
    const role = i === 0 ? (roles[draw.chance(0.7) ? 0 : 1] as string) : draw.pick(roles.slice(2));
    const phone = drawPhone(draw, frame.locale);
    const hasEmail = draw.chance(0.9);
    const birthday = draw.chance(0.85) ? drawBirthday(draw) : undefined;
    if (names.has(person.name)) continue;
    names.add(person.name);
    const contact: Contact = { name: person.name, role, phone };
    if (hasEmail) contact.email = `${person.mailbox}@${identity.domain}`;
    if (birthday !== undefined) contact.birthday = birthday;
    if (i === 0) contact.primary = true;
    contacts.push(contact);
  }
  return contacts;
}

// ---------------------------------------------------------------------------------------------------------------
// Traits: how the account behaves beyond buying.

type Mood = "happy" | "neutral" | "unhappy";
type Payer = "punctual" | "slow" | "deteriorating" | "distressed";

interface Traits {
  mood: Mood;
  /** A cluster of complaints in the last weeks. */
  crisis: boolean;
  /** Satisfaction turns low at the end. */
  souring: boolean;
  payer: Payer;
  /** The day a distressed payer stopped paying. */
  stopPaying: number;
  termsDays: number;
  discount: number;
  channel: string;
  /** Preferred category indexes, the first the core one. */
  categories: number[];
  /** The last day of follow-ups and care. */
  followUntil: number;
  /** Whether the owner is slow to answer complaints. */
  slowService: boolean;
}

function drawTraits(draw: Draw, frame: Frame, life: Lifecycle, importance: Tier): Traits {
  const died = life.deathDay !== undefined;
  const mood = draw.weighted<Mood>(["happy", "neutral", "unhappy"], (m) =>
    died ? { happy: 30, neutral: 40, unhappy: 30 }[m] : { happy: 58, neutral: 32, unhappy: 10 }[m],
  );
  const lastOrder = life.orders[life.orders.length - 1]?.day;
  const active = lastOrder !== undefined && lastOrder > frame.asOf - 120;
  const crisis = active && draw.chance(mood === "unhappy" ? 0.3 : 0.04);
  const souring = crisis || ((died || mood === "unhappy") && draw.chance(0.5));
  const recentBuyer = lastOrder !== undefined && lastOrder > frame.asOf - 240;
  const payer = draw.weighted<Payer>(["punctual", "slow", "deteriorating", "distressed"], (p) =>
    recentBuyer
      ? { punctual: 65, slow: 16, deteriorating: 9, distressed: 10 }[p]
      : { punctual: 72, slow: 16, deteriorating: 9, distressed: 3 }[p],
  );
  const stopPaying = frame.asOf - draw.int(35, 200);
  const termsDays = importance !== "ordinary" && draw.chance(0.6) ? 60 : 30;
  const discount = draw.pick([0, 0, 0, 0.03, 0.05, 0.05, 0.08, 0.1, importance === "ordinary" ? 0 : 0.12]);
  const channelWeights = importance === "key" ? [6, 3, 1] : [2, 4, 4];
  const channel =
    importance === "strategic"
      ? "direct"
      : draw.weighted(CHANNELS, (c) => channelWeights[CHANNELS.indexOf(c)] ?? 0);
  const categories: number[] = [];
  const wanted = draw.int(2, 4);
  while (categories.length < wanted) {
    const index = draw.int(0, CATEGORIES.length - 1);
    if (!categories.includes(index)) categories.push(index);
  }
  const neglected = life.kind !== "prospect" && draw.chance(0.1);
  let followUntil = frame.asOf;
  if (neglected)
    followUntil = Math.min(frame.asOf, Math.max(life.created + 30, frame.asOf - draw.int(90, 420)));
  const afterDeath = draw.int(20, 150);
  if (life.deathDay !== undefined) followUntil = Math.min(followUntil, life.deathDay + afterDeath);
  const slowService = draw.chance(0.15);
  return {
    mood,
    crisis,
    souring,
    payer,
    stopPaying,
    termsDays,
    discount,
    channel,
    categories,
    followUntil,
    slowService,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Transactions.

interface Product {
  id: string;
  category: number;
  /** Unit list price in minor units. */
  priceMinor: number;
  margin: number;
}

/** The catalogue: prices spread geometrically over each category's range, margins around its own. */
function makeCatalogue(frame: Frame): Product[] {
  const products: Product[] = [];
  CATEGORIES.forEach((category, c) => {
    for (let k = 0; k < PRODUCTS_PER_CATEGORY; k++) {
      const dollars = category.low * (category.high / category.low) ** (k / (PRODUCTS_PER_CATEGORY - 1));
      const major = dollars * frame.unitsPerDollar;
      // Prices of 20 or more are whole units; cheaper ones keep their cents.
      const priceMinor = Math.max(
        1,
        major >= 20 ? Math.round(major) * frame.minorPerMajor : Math.round(major * frame.minorPerMajor),
      );
      products.push({
        id: `P-${(c + 1) * 100 + k + 1}`,
        category: c,
        priceMinor,
        margin: category.margin + ((k % 3) - 1) * 0.03,
      });
    }
  });
  return products;
}

/** An order as sold: its id, day, net amount, and whether it was cancelled (then it has no invoice). */
interface PlacedOrder {
  id: string;
  day: number;
  netMinor: number;
  cancelled: boolean;
}

interface Sales {
  transactions: Transaction[];
  orders: PlacedOrder[];
}

/**
 * A product for a line worth about `lineMinor`: one of the account's categories (its core one most often), a
 * product it can buy at least one of, not already on the order; failing that any affordable one of its
 * categories, else the cheapest product.
 */
function pickProduct(
  draw: Draw,
  catalogue: readonly Product[],
  traits: Traits,
  lineMinor: number,
  onOrder: ReadonlySet<string>,
): Product {
  const category = draw.weighted(traits.categories, (c) => (c === traits.categories[0] ? 4 : 1));
  const takeDearest = draw.chance(0.5);
  const affordable = catalogue.filter(
    (p) => p.category === category && p.priceMinor <= lineMinor && !onOrder.has(p.id),
  );
  if (affordable.length > 0)
    return takeDearest ? (affordable[affordable.length - 1] as Product) : draw.pick(affordable);
  const anyAffordable = catalogue.filter(
    (p) => traits.categories.includes(p.category) && p.priceMinor <= lineMinor,
  );
  if (anyAffordable.length > 0) return draw.pick(anyAffordable);
  return catalogue.reduce((cheapest, p) => (p.priceMinor < cheapest.priceMinor ? p : cheapest));
}

function makeSales(
  draw: Draw,
  frame: Frame,
  number: string,
  customerId: string,
  life: Lifecycle,
  traits: Traits,
  catalogue: readonly Product[],
): Sales {
  const sales: Transaction[] = [];
  const reversals: Transaction[] = [];
  const orders: PlacedOrder[] = [];
  const { currency } = frame;
  let returnNumber = 0;
  life.orders.forEach((order, o) => {
    const orderId = `SO-${number}-${String(o + 1).padStart(4, "0")}`;
    let lineCount = 1;
    while (lineCount < MAX_LINES && draw.chance(EXTRA_LINE_CHANCE)) lineCount++;
    const shares = Array.from({ length: lineCount }, () => draw.exponential(1));
    const shareTotal = shares.reduce((a, b) => a + b, 0);
    const channel = draw.chance(0.85) ? traits.channel : draw.pick(CHANNELS);
    const orderMinor = order.value * frame.unitsPerDollar * frame.minorPerMajor;
    const lines: Transaction[] = [];
    const onOrder = new Set<string>();
    let netMinor = 0;
    shares.forEach((share, l) => {
      const lineMinor = (orderMinor * share) / shareTotal;
      const product = pickProduct(draw, catalogue, traits, lineMinor, onOrder);
      onOrder.add(product.id);
      const quantity = Math.max(1, Math.round(lineMinor / product.priceMinor));
      const grossMinor = quantity * product.priceMinor;
      const discountMinor = Math.round(grossMinor * traits.discount);
      const costMinor = Math.round(grossMinor * (1 - product.margin) * draw.between(0.95, 1.05));
      const line: Transaction = {
        id: `${orderId}-${l + 1}`,
        orderId,
        customerId,
        date: formatDay(order.day),
        amountMinor: grossMinor - discountMinor,
        currency,
        costMinor,
        quantity,
        product: product.id,
        category: (CATEGORIES[product.category] as CategoryData).name[frame.locale],
        channel,
        kind: "sale",
      };
      if (discountMinor > 0) line.discountMinor = discountMinor;
      netMinor += line.amountMinor;
      lines.push(line);
    });
    sales.push(...lines);
    const cancelDay = order.day + draw.int(0, 3);
    const cancelled = draw.chance(CANCEL_CHANCE) && cancelDay <= frame.asOf;
    orders.push({ id: orderId, day: order.day, netMinor, cancelled });
    if (cancelled) {
      for (const line of lines)
        reversals.push(
          reverse(
            line,
            `CN-${number}-${String(o + 1).padStart(4, "0")}`,
            cancelDay,
            line.quantity as number,
            "cancellation",
          ),
        );
      return;
    }
    for (const line of lines) {
      const returnDay = order.day + draw.int(5, 45);
      const quantity = line.quantity as number;
      const returned = draw.int(1, Math.max(1, Math.round(quantity * 0.3)));
      if (!draw.chance(RETURN_CHANCE) || returnDay > frame.asOf) continue;
      returnNumber++;
      reversals.push(
        reverse(
          line,
          `RMA-${number}-${String(returnNumber).padStart(4, "0")}`,
          returnDay,
          returned,
          "return",
        ),
      );
    }
  });
  // Stable: a reversal dated the day of its sale stays after it.
  const transactions = [...sales, ...reversals].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  return { transactions, orders };
}

/** A return or cancellation of `quantity` units of a sale line, pro rata, as its own document's line. */
function reverse(
  line: Transaction,
  documentId: string,
  day: number,
  quantity: number,
  kind: "return" | "cancellation",
): Transaction {
  const sold = line.quantity as number;
  const share = (minor: number) => -Math.round((minor * quantity) / sold);
  const reversal: Transaction = {
    id: `${documentId}-${(line.id as string).slice((line.orderId as string).length + 1)}`,
    orderId: documentId,
    customerId: line.customerId,
    date: formatDay(day),
    amountMinor: share(line.amountMinor),
    currency: line.currency,
    costMinor: share(line.costMinor as number),
    quantity: -quantity,
    product: line.product,
    category: line.category,
    channel: line.channel,
    kind,
    reverses: line.id,
  };
  if (line.discountMinor !== undefined) reversal.discountMinor = share(line.discountMinor);
  return reversal;
}

// ---------------------------------------------------------------------------------------------------------------
// Invoices and payments.

function makeInvoices(draw: Draw, frame: Frame, customerId: string, sales: Sales, traits: Traits): Invoice[] {
  const invoices: Invoice[] = [];
  const span = Math.max(1, frame.asOf - frame.start);
  for (const order of sales.orders) {
    if (order.cancelled) continue;
    const due = order.day + traits.termsDays;
    const invoice: Invoice = {
      id: `INV-${order.id.slice(3)}`,
      customerId,
      issueDate: formatDay(order.day),
      dueDate: formatDay(due),
      amountMinor: order.netMinor,
      currency: frame.currency,
    };
    invoices.push(invoice);
    const disputed = draw.chance(0.004);
    const earlyBy = draw.int(0, Math.floor(traits.termsDays / 2));
    const slip = draw.chance(0.08) ? draw.int(1, 10) : 0;
    const late = draw.int(3, 45);
    const onTime = draw.chance(0.45);
    const partialShare = draw.between(0.2, 0.6);
    const partialDelay = draw.int(0, 30);
    let payDay: number;
    let paidMinor = order.netMinor;
    switch (traits.payer) {
      case "punctual":
        payDay = due - earlyBy + slip;
        break;
      case "slow":
        payDay = onTime ? due - earlyBy : due + late;
        break;
      case "deteriorating": {
        const progress = (order.day - frame.start) / span;
        payDay = due - 5 + Math.round(60 * progress * progress) + slip;
        break;
      }
      case "distressed":
        if (order.day < traits.stopPaying) payDay = onTime ? due - earlyBy : due + Math.round(late / 2) + 5;
        else {
          if (!draw.chance(0.3)) continue; // unpaid
          payDay = due + partialDelay;
          paidMinor = Math.max(1, Math.round(order.netMinor * partialShare));
        }
        break;
    }
    if (disputed || payDay > frame.asOf) continue;
    invoice.payments = [{ date: formatDay(Math.max(order.day, payDay)), amountMinor: paidMinor }];
  }
  return invoices;
}

// ---------------------------------------------------------------------------------------------------------------
// Interactions.

interface Event {
  /** Milliseconds since the epoch (UTC), for the order of events. */
  at: number;
  record: Omit<Interaction, "id">;
}

function timestamp(ms: number, offsetHours: number): string {
  const local = ms + offsetHours * MS_PER_HOUR;
  const day = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - day * MS_PER_DAY) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${formatDay(day)}T${hh}:${mm}:00${offsetHours === 0 ? "Z" : `+${String(offsetHours).padStart(2, "0")}:00`}`;
}

/** A local working-hours instant on a day (08:00–17:59 in the portfolio's time zone), as UTC milliseconds. */
function workingInstant(draw: Draw, day: number, frame: Frame): number {
  return day * MS_PER_DAY + (draw.int(8, 17) - frame.offsetHours) * MS_PER_HOUR + draw.int(0, 59) * 60_000;
}

interface InteractionContext {
  draw: Draw;
  frame: Frame;
  customerId: string;
  owner: string;
  team: readonly string[];
  contacts: readonly Contact[];
  events: Event[];
}

function addEvent(
  context: InteractionContext,
  day: number,
  at: number,
  fields: Partial<Interaction> & { kind: InteractionKind },
): void {
  const { draw, contacts } = context;
  const owner = draw.chance(0.85) ? context.owner : draw.pick(context.team);
  const contact = contacts.length === 0 ? undefined : draw.chance(0.6) ? contacts[0] : draw.pick(contacts);
  const record: Omit<Interaction, "id"> = {
    customerId: context.customerId,
    kind: fields.kind,
    date: formatDay(day),
    owner,
  };
  if (contact !== undefined) record.contact = contact.name;
  Object.assign(record, fields);
  context.events.push({ at, record });
}

const FOLLOW_UP_MIX: Readonly<
  Record<Tier | "prospect", Readonly<Record<"visit" | "call" | "email" | "meeting", number>>>
> = {
  strategic: { visit: 30, meeting: 25, call: 30, email: 15 },
  key: { visit: 22, meeting: 15, call: 38, email: 25 },
  ordinary: { visit: 8, meeting: 4, call: 44, email: 44 },
  prospect: { visit: 25, meeting: 10, call: 40, email: 25 },
};
const CADENCE_DAYS: Readonly<Record<Tier | "prospect", number>> = {
  strategic: 12,
  key: 25,
  ordinary: 55,
  prospect: 9,
};

function addFollowUps(context: InteractionContext, life: Lifecycle, traits: Traits, importance: Tier): void {
  const { draw, frame } = context;
  const group = life.kind === "prospect" ? "prospect" : importance;
  const cadence = CADENCE_DAYS[group];
  const mix = FOLLOW_UP_MIX[group];
  const kinds = ["visit", "meeting", "call", "email"] as const;
  let time = Math.max(life.created, frame.start) + draw.between(0, cadence);
  while (time <= traits.followUntil) {
    const day = businessDay(Math.floor(time), frame.asOf);
    if (day > traits.followUntil) break;
    const kind = draw.weighted(kinds, (k) => mix[k]);
    addEvent(context, day, workingInstant(draw, day, frame), { kind });
    time += (cadence * draw.gamma(3)) / 3;
  }
}

function addCare(context: InteractionContext, life: Lifecycle, traits: Traits, importance: Tier): void {
  const { draw, frame } = context;
  const from = Math.max(life.created, frame.start);
  const until = Math.min(frame.asOf, traits.followUntil + 30);
  const firstYear = civilFromDays(frame.start).year;
  const lastYear = civilFromDays(frame.asOf).year;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const occasion of CARE_OCCASIONS[frame.locale]) {
      const day = businessDay(
        daysFromCivil(year, occasion.month, occasion.day) + draw.int(0, occasion.spread),
        frame.asOf,
      );
      if (!draw.chance(occasion.chance[importance]) || day < from || day > until) continue;
      addEvent(context, day, workingInstant(draw, day, frame), {
        kind: "care",
        careType: occasion.careType,
        text: occasion.text,
      });
    }
    if (importance === "ordinary") continue;
    for (const contact of context.contacts) {
      const birthday = contact.birthday;
      if (birthday === undefined) continue;
      const month = Number(birthday.slice(-5, -3));
      const dayOfMonth = Math.min(Number(birthday.slice(-2)), daysInMonth(year, month));
      const day = daysFromCivil(year, month, dayOfMonth);
      if (!draw.chance(0.8) || day < from || day > until) continue;
      addEvent(context, day, workingInstant(draw, day, frame), {
        kind: "care",
        careType: "greeting",
        text: BIRTHDAY_TEXT[frame.locale],
      });
    }
  }
}

function addComplaint(context: InteractionContext, day: number, traits: Traits): void {
  const { draw, frame } = context;
  const opened = workingInstant(draw, day, frame);
  const end = (frame.asOf + 1) * MS_PER_DAY;
  const slow = traits.slowService ? 4 : 1;
  const responseHours = draw.logNormal(5 * slow, 1);
  const resolutionHours = responseHours + draw.logNormal(30 * slow, 0.9);
  const ageDays = frame.asOf - day;
  const stillOpen = draw.chance(ageDays <= 14 ? 0.4 : 0.03);
  const responded = opened + Math.round(responseHours * 60) * 60_000;
  const resolved = opened + Math.round(resolutionHours * 60) * 60_000;
  const fields: Partial<Interaction> & { kind: InteractionKind } = {
    kind: "complaint",
    text: draw.pick(COMPLAINT_TEXTS[frame.locale]),
    openedAt: timestamp(opened, frame.offsetHours),
  };
  if (responded < end) fields.firstResponseAt = timestamp(responded, frame.offsetHours);
  if (!stillOpen && resolved < end) fields.resolvedAt = timestamp(resolved, frame.offsetHours);
  addEvent(context, day, opened, fields);
}

function addComplaints(context: InteractionContext, life: Lifecycle, traits: Traits): void {
  const { draw, frame } = context;
  const rate = 0.025 * { happy: 0.5, neutral: 1, unhappy: 3 }[traits.mood];
  for (const order of life.orders) {
    const day = businessDay(order.day + draw.int(1, 20), frame.asOf);
    if (draw.chance(rate) && day <= frame.asOf) addComplaint(context, day, traits);
  }
  if (!traits.crisis) return;
  const count = draw.int(2, 4);
  for (let i = 0; i < count; i++)
    addComplaint(context, businessDay(frame.asOf - draw.int(0, 85), frame.asOf), traits);
}

function satisfactionOf(draw: Draw, mood: Mood): number {
  if (mood === "happy") return draw.chance(0.55) ? 5 : 4;
  if (mood === "neutral") return draw.chance(0.6) ? 4 : 3;
  return draw.weighted([1, 2, 3], (s) => ({ 1: 1, 2: 3, 3: 3 })[s as 1]);
}

function npsOf(draw: Draw, mood: Mood): number {
  if (mood === "happy") return draw.chance(0.8) ? draw.int(9, 10) : draw.int(7, 8);
  if (mood === "neutral") return draw.chance(0.7) ? draw.int(7, 8) : draw.int(5, 6);
  return draw.int(0, 6);
}

function addFeedback(context: InteractionContext, life: Lifecycle, traits: Traits, importance: Tier): void {
  const { draw, frame } = context;
  if (life.kind === "prospect") return;
  const gap = importance === "ordinary" ? 365 : 180;
  const answers = importance === "ordinary" ? 0.55 : 0.85;
  const until = Math.min(frame.asOf, traits.followUntil + 60);
  const surveys: number[] = [];
  for (
    let time = Math.max(life.created + 30, frame.start) + draw.int(0, gap);
    time <= until;
    time += gap + draw.int(-20, 20)
  )
    if (draw.chance(answers)) surveys.push(businessDay(time, frame.asOf));
  surveys.forEach((day, i) => {
    const last = i === surveys.length - 1;
    // A souring account answered well before and badly at the end.
    const mood: Mood = traits.souring
      ? last
        ? "unhappy"
        : traits.mood === "unhappy"
          ? "neutral"
          : "happy"
      : traits.mood;
    const fields: Partial<Interaction> & { kind: InteractionKind } = {
      kind: "feedback",
      text: SURVEY_TEXT[frame.locale],
      satisfaction: satisfactionOf(draw, mood),
    };
    if (draw.chance(0.8)) fields.nps = npsOf(draw, mood);
    addEvent(context, day, workingInstant(draw, day, frame), fields);
  });
}

function makeInteractions(
  context: InteractionContext,
  number: string,
  life: Lifecycle,
  traits: Traits,
  importance: Tier,
): Interaction[] {
  addFollowUps(context, life, traits, importance);
  addCare(context, life, traits, importance);
  addComplaints(context, life, traits);
  addFeedback(context, life, traits, importance);
  // Stable: events at the same instant keep the order they were made in.
  context.events.sort((a, b) => a.at - b.at);
  return context.events.map((event, i) => ({
    id: `ACT-${number}-${String(i + 1).padStart(4, "0")}`,
    ...event.record,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Qualification documents.

function documentNumber(draw: Draw, locale: Locale, documentType: string): string {
  const digits = (count: number) => Array.from({ length: count }, () => draw.int(0, 9)).join("");
  if (documentType === "business-licence") {
    if (locale === "en") return `REG-${digits(8)}`;
    // A unified social credit code: 18 characters.
    const tail = Array.from({ length: 10 }, () => draw.pick([...CREDIT_CODE_CHARACTERS])).join("");
    return `91${digits(6)}${tail}`;
  }
  return `${documentType.slice(0, 3).toUpperCase()}-${digits(7)}`;
}

function makeQualifications(
  draw: Draw,
  frame: Frame,
  number: string,
  customerId: string,
  life: Lifecycle,
  traits: Traits,
  identity: Identity,
  verifiers: readonly string[],
): Qualification[] {
  const documents: Qualification[] = [];
  const add = (
    documentType: string,
    issued: number,
    expires: number | undefined,
    reverify: boolean,
  ): void => {
    const status = draw.weighted(
      ["active", "pending", "revoked"] as const,
      (s) => ({ active: 92, pending: 5, revoked: 3 })[s],
    );
    const verified = status !== "pending" && draw.chance(0.96);
    // Long-lived documents are checked again now and then; others once, soon after they are issued.
    const verifiedOn = reverify ? Math.max(issued, frame.asOf - draw.int(0, 450)) : issued + draw.int(1, 30);
    const document: Qualification = {
      id: `DOC-${number}-${documents.length + 1}`,
      customerId,
      documentType,
      number: documentNumber(draw, frame.locale, documentType),
      issued: formatDay(issued),
      status,
    };
    if (expires !== undefined) document.expires = formatDay(expires);
    if (verified && verifiedOn <= frame.asOf) {
      document.verifiedBy = draw.pick(verifiers);
      document.verifiedOn = formatDay(verifiedOn);
    }
    documents.push(document);
  };
  if (draw.chance(0.95)) {
    const issued = Math.min(life.created, frame.asOf) - draw.int(0, 3000);
    // Many licences have no end date; others run for 10 to 30 years.
    const expires = draw.chance(0.5) ? undefined : issued + 365 * draw.int(10, 30);
    add("business-licence", issued, expires, true);
  }
  if (draw.chance(traits.channel === "distributor" ? 0.7 : 0.2)) {
    const issued = frame.asOf - draw.int(0, 420);
    add("authorisation", issued, issued + 365, false);
  }
  if (draw.chance(0.4)) {
    const issued = frame.asOf - draw.int(0, 1200);
    add(identity.industry.certificate, issued, issued + 3 * 365, true);
  }
  return documents;
}

// ---------------------------------------------------------------------------------------------------------------
// The customer record and the pool.

function niceRound(value: number): number {
  if (!(value > 0)) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

function makeCustomer(
  draw: Draw,
  frame: Frame,
  customerId: string,
  identity: Identity,
  contacts: Contact[],
  owner: string,
  life: Lifecycle,
  traits: Traits,
  importance: Tier,
): Customer {
  const customer: Customer = {
    id: customerId,
    name: identity.name,
    company: identity.company,
    industry: identity.industry.name[frame.locale],
    region: identity.region,
  };
  if (contacts.length > 0) customer.contacts = contacts;
  const tags = TAGS[frame.locale];
  const hasContract =
    life.kind !== "prospect" && draw.chance({ strategic: 0.9, key: 0.6, ordinary: 0.15 }[importance]);
  const chosen = [
    draw.chance(0.15) ? tags[0] : undefined,
    hasContract ? tags[1] : undefined,
    traits.discount >= 0.1 ? tags[2] : undefined,
    life.created > frame.asOf - 180 ? tags[3] : undefined,
    draw.chance(0.08) ? tags[4] : undefined,
    importance === "strategic" && draw.chance(0.4) ? tags[5] : undefined,
  ].filter((tag): tag is string => tag !== undefined);
  if (chosen.length > 0) customer.tags = chosen;
  customer.owner = owner;
  customer.createdDate = formatDay(life.created);
  const reviewDraw = draw.uniform();
  const reviewed =
    reviewDraw < 0.7
      ? frame.asOf - draw.int(0, 170)
      : reviewDraw < 0.95
        ? frame.asOf - draw.int(181, 700)
        : undefined;
  if (reviewed !== undefined) customer.reviewedDate = formatDay(Math.max(reviewed, life.created));
  const createdYear = civilFromDays(life.created).year;
  const foundingYear = draw.int(Math.min(1975, createdYear - 1), createdYear - 1);
  const foundingMonth = draw.int(1, 12);
  const dates: ImportantDate[] = [
    {
      kind: "founding",
      date: formatDay(
        daysFromCivil(foundingYear, foundingMonth, draw.int(1, daysInMonth(foundingYear, foundingMonth))),
      ),
    },
  ];
  if (life.kind !== "prospect") dates.push({ kind: "cooperation-start", date: formatDay(life.created) });
  const renewal = frame.asOf + draw.int(-20, 365);
  const contractEnd = (life.deathDay ?? 0) + draw.int(30, 200);
  if (hasContract) {
    if (life.deathDay !== undefined && draw.chance(0.5) && contractEnd <= frame.asOf)
      dates.push({ kind: "contract-end", date: formatDay(contractEnd) });
    else dates.push({ kind: "contract-renewal", date: formatDay(renewal) });
  }
  customer.importantDates = dates;
  const limitDraw = draw.uniform();
  const headroom = draw.between(1.3, 3);
  const tight = draw.between(0.35, 0.8);
  if (life.kind !== "prospect" && !(importance === "ordinary" && limitDraw < 0.1)) {
    const monthlyMajor = life.rate * 30.4 * SPEND_P * life.spendScale * frame.unitsPerDollar;
    const exposure = monthlyMajor * (traits.termsDays / 30 + 0.5);
    const limit = niceRound(exposure * (limitDraw > 0.93 ? tight : headroom));
    if (limit > 0) customer.creditLimitMinor = limit * frame.minorPerMajor;
  }
  customer.currency = frame.currency;
  return customer;
}

// How well the account fits the company's strategy, as its manager rates it: mostly by importance, with spread.
function makeRatings(draw: Draw, importance: Tier): Record<string, number> {
  const [low, high] = ({ strategic: [3, 5], key: [2, 5], ordinary: [1, 4] } as const)[importance];
  return { strategicFit: draw.int(low, high) };
}

function makePool(draw: Draw, frame: Frame, life: Lifecycle, importance: Tier): PoolState {
  // A prospect is claimed lately (an old unwon claim would have gone back to the pool long ago); an account is
  // claimed since it was created, unless it changed hands lately.
  const recently = draw.chance(0.08) || life.kind === "prospect";
  const claimed = recently ? Math.max(life.created, frame.asOf - draw.int(5, 60)) : life.created;
  const locked =
    life.kind !== "prospect" && draw.chance({ strategic: 0.7, key: 0.25, ordinary: 0.03 }[importance]);
  const boughtSince = life.orders.some((order) => order.day >= claimed);
  const won = boughtSince && draw.chance(0.55);
  return { claimedDate: formatDay(claimed), locked, won };
}

// ---------------------------------------------------------------------------------------------------------------
// The portfolio.

function* generateAccounts(frame: Frame, alpha: number): Generator<GeneratedAccount> {
  const thresholds = tierThresholds(frame, alpha);
  const team = drawTeam(frame);
  const catalogue = makeCatalogue(frame);
  const draw = new Draw(createRandom(streamSeed(frame.seed, -1)));
  const width = Math.max(5, String(frame.accounts).length);
  for (let index = 0; index < frame.accounts; index++) {
    const number = String(index + 1).padStart(width, "0");
    const customerId = `C${number}`;
    const life = drawLifecycle(draw, frame, alpha);
    const revenue = pastRevenue(life, draw, frame);
    const previousTier = hadPreviousRun(life, frame) ? tierOf(revenue, thresholds) : undefined;
    const latentRevenue = life.rate * 365 * SPEND_P * life.spendScale;
    const importance = previousTier ?? tierOf(latentRevenue, thresholds);
    const identity = drawIdentity(draw, frame.locale);
    const contacts = drawContacts(draw, frame, identity, importance);
    const owner = draw.pick(team);
    const traits = drawTraits(draw, frame, life, importance);
    const sales = makeSales(draw, frame, number, customerId, life, traits, catalogue);
    const invoices = makeInvoices(draw, frame, customerId, sales, traits);
    const interactions = makeInteractions(
      { draw, frame, customerId, owner, team, contacts, events: [] },
      number,
      life,
      traits,
      importance,
    );
    const qualifications = makeQualifications(draw, frame, number, customerId, life, traits, identity, team);
    const customer = makeCustomer(
      draw,
      frame,
      customerId,
      identity,
      contacts,
      owner,
      life,
      traits,
      importance,
    );
    const pool = makePool(draw, frame, life, importance);
    const account: GeneratedAccount = {
      customer,
      transactions: sales.transactions,
      interactions,
      invoices,
      qualifications,
      pool,
      ratings: makeRatings(draw, importance),
    };
    if (previousTier !== undefined) {
      account.previousTier = previousTier;
      account.previousPeriodsBelow = previousTier !== "ordinary" && draw.chance(0.15) ? 1 : 0;
    }
    yield account;
  }
}

/**
 * Generates a realistic, seeded B2B example portfolio, one account at a time, so a million accounts can be
 * streamed to files in little memory. Same options, same accounts, always (no clock, no unseeded randomness).
 *
 * Purchases follow the BG/NBD process (Poisson orders with Gamma-distributed rates, dropout with a
 * Beta-distributed probability after each repeat order: some accounts have churned) and order values Gamma-Gamma
 * spend (a few whales, a long tail), split into product lines with quantity, category, channel, discount and cost
 * (margins by category), with a few returns and cancellations naming the line they reverse; the rates are
 * calibrated to `transactionsPerAccount` on a pilot sample. Around the sales: industries and regions; contacts
 * with roles, phones, e-mails and birthdays (some `--MM-DD`, a few on 29 February); founding, cooperation and
 * contract dates; credit limits (some exceeded); owners; stale reviews; tags; follow-ups more often for bigger
 * accounts and some neglected ones; care; complaints with response and resolution times (some open, some slow);
 * satisfaction and NPS (some falling, some detractors); invoices on net-30/60 terms with punctual, slow,
 * deteriorating and distressed payers (overdue in every aging bucket); licences, authorisations and certificates
 * (some expired, expiring, unverified); the previous run's tier (about 5 % strategic, 20 % key, 75 % ordinary
 * by the past year's revenue, with noise, so tiers migrate); and the shared-pool state.
 *
 * The options are checked, and the purchase rates calibrated, at once; the accounts are made as the result is
 * iterated (each iteration starts over and gives the same accounts).
 *
 * @param options - Size, seed, dates, currency, lines per account, locale; see {@link GeneratePortfolioOptions}.
 * @returns An iterable of {@link GeneratedAccount}, customer ids `C00001`, `C00002` … in order.
 * @throws {@link KeyAccountError} listing every bad option at once (`option.invalid`): accounts not a whole number
 * ≥ 1, a seed that is not a whole number, `asOf` not a `YYYY-MM-DD` date, years outside (0, 30], a currency that is
 * not an ISO 4217 code, transactionsPerAccount outside [1, 500] or more than the years of history give (the
 * process reaches about 85 lines per account in two years), a locale other than `en` or `zh-CN`, an unknown
 * option.
 *
 * @example
 * ```ts
 * const accounts = [...generatePortfolio({ accounts: 3, seed: 7, locale: "zh-CN" })];
 * accounts.map((account) => account.customer.id); // => ["C00001", "C00002", "C00003"]
 * accounts[0]?.customer.company; // => "长沙华通光电技术股份有限公司"
 * accounts[0]?.customer.name; // => "华通光电"
 * accounts.every((account) => account.transactions.every((t) => t.date <= "2026-11-30")); // => true
 * ```
 */
export function generatePortfolio(options: GeneratePortfolioOptions = {}): Iterable<GeneratedAccount> {
  const frame = checkOptions(options);
  const alpha = calibrateAlpha(frame);
  return { [Symbol.iterator]: () => generateAccounts(frame, alpha) };
}
